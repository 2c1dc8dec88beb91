// The pool against a real PostgreSQL: failures that mean "try again" or "too slow" reach callers
// as the error values the HTTP layer maps, never as raw libpqxx exceptions (which become 500).
#include "db/connectionpool.h"
#include "sbor/error.h"
#include "testdatabase.h"

#include <QtTest>
#include <pqxx/pqxx>

#include <future>

using namespace sbor;
using namespace sbor::test;

class TestConnectionPool : public QObject {
    Q_OBJECT
private slots:
    void initTestCase()
    {
        QVERIFY2(m_database.valid(), m_database.problem().c_str());
        m_database.query(
            "CREATE TABLE rows (id int PRIMARY KEY, value int NOT NULL); INSERT INTO rows VALUES (1, 0), (2, 0) RETURNING 1");
    }

    void init() { m_database.query("UPDATE rows SET value = 0"); }

    void deadlockBecomesARetryableWriteConflict()
    {
        db::ConnectionPool pool(db::PoolOptions{m_database.connectionString(), 2});
        std::promise<void> firstLocked, secondLocked;
        // Two transactions lock the same two rows in opposite order: PostgreSQL breaks the cycle by
        // rolling one back.
        auto lockInOrder = [&](int first, int second, std::promise<void>& mine, std::future<void> theirs) {
            return pool.transact([&](db::Transaction& tx) {
                tx.sql().exec_params("UPDATE rows SET value = value + 1 WHERE id = $1", first);
                mine.set_value();
                theirs.wait();
                tx.sql().exec_params("UPDATE rows SET value = value + 1 WHERE id = $1", second);
            });
        };
        auto a = std::async(std::launch::async, lockInOrder, 1, 2, std::ref(firstLocked), secondLocked.get_future());
        auto b = std::async(std::launch::async, lockInOrder, 2, 1, std::ref(secondLocked), firstLocked.get_future());
        std::vector<ErrorCode> failures;
        for (auto* outcome : {&a, &b}) {
            try {
                outcome->get();
            } catch (const ErrorException& e) {
                failures.push_back(e.error().code);
                QCOMPARE(e.error().details.value("retry_after_seconds", 0), 1);
            }
        }
        QCOMPARE(failures.size(), std::size_t(1));
        QCOMPARE(failures.front(), ErrorCode::WriteConflict);
        // The winner's two updates stand, the loser's are gone entirely.
        QCOMPARE(m_database.query("SELECT sum(value) FROM rows"), std::string("2"));
        // The connection that lost the deadlock is usable again.
        QCOMPARE(pool.read([](db::Transaction& tx) { return tx.sql().exec1("SELECT 7")[0].as<int>(); }), 7);
    }

    void statementTimeoutBecomesRequestTimeout()
    {
        db::PoolOptions options{m_database.connectionString(), 1};
        options.statementTimeout = std::chrono::milliseconds(100);
        db::ConnectionPool pool(options);
        try {
            pool.read([](db::Transaction& tx) { tx.sql().exec("SELECT pg_sleep(5)"); });
            QFAIL("a 5 s statement outlived a 100 ms statement_timeout");
        } catch (const ErrorException& e) {
            QCOMPARE(e.error().code, ErrorCode::RequestTimeout);
        }
    }

    void constraintViolationsAreTheCallersToAnswer()
    {
        // A constraint violation is the caller's to interpret (a 409 of its own, say): it comes
        // out as the pool's own exception, not as a database failure.
        db::ConnectionPool pool(db::PoolOptions{m_database.connectionString(), 1});
        QVERIFY_THROWS_EXCEPTION(db::UniqueViolation, pool.transact([](db::Transaction& tx) {
            tx.sql().exec("INSERT INTO rows VALUES (1, 0)");
        }));
        m_database.query("CREATE TABLE IF NOT EXISTS children (parent int NOT NULL REFERENCES rows (id))");
        QVERIFY_THROWS_EXCEPTION(db::ForeignKeyViolation, pool.transact([](db::Transaction& tx) {
            tx.sql().exec("INSERT INTO children VALUES (99)");
        }));
        QCOMPARE(pool.read([](db::Transaction& tx) { return tx.sql().exec1("SELECT 7")[0].as<int>(); }), 7);
    }

    void transactCommitsWhatItsWorkReturns()
    {
        db::ConnectionPool pool(db::PoolOptions{m_database.connectionString(), 1});
        const int value = pool.transact([](db::Transaction& tx) {
            tx.sql().exec("UPDATE rows SET value = 10 WHERE id = 1");
            return 10;
        });
        QCOMPARE(value, 10);
        pool.transact([](db::Transaction& tx) { tx.sql().exec("UPDATE rows SET value = 20 WHERE id = 2"); });
        QCOMPARE(m_database.query("SELECT string_agg(value::text, ',' ORDER BY id) FROM rows"), std::string("10,20"));
        // A Result holding a value commits too.
        const Result<int> kept = pool.transact([](db::Transaction& tx) -> Result<int> {
            tx.sql().exec("UPDATE rows SET value = 11 WHERE id = 1");
            return 11;
        });
        QVERIFY(kept.ok());
        QCOMPARE(m_database.query("SELECT value FROM rows WHERE id = 1"), std::string("11"));
    }

    void transactRollsBackAnErrorOrAnException()
    {
        db::ConnectionPool pool(db::PoolOptions{m_database.connectionString(), 1});
        const Result<int> refused = pool.transact([](db::Transaction& tx) -> Result<int> {
            tx.sql().exec("UPDATE rows SET value = 99 WHERE id = 1");
            return Error(ErrorCode::Conflict, "changed my mind");
        });
        QVERIFY(!refused.ok());
        QCOMPARE(refused.error().code, ErrorCode::Conflict);
        QCOMPARE(m_database.query("SELECT value FROM rows WHERE id = 1"), std::string("0"));

        QVERIFY_THROWS_EXCEPTION(std::runtime_error, pool.transact([](db::Transaction& tx) {
            tx.sql().exec("UPDATE rows SET value = 98 WHERE id = 1");
            throw std::runtime_error("the work failed");
        }));
        QCOMPARE(m_database.query("SELECT value FROM rows WHERE id = 1"), std::string("0"));
        // The connection is clean for the next work: no transaction left open on it.
        QCOMPARE(pool.read([](db::Transaction& tx) { return tx.sql().exec1("SELECT 7")[0].as<int>(); }), 7);
    }

    void anEarlyCommitKeepsTheWritesOfAnErrorAnswer()
    {
        db::ConnectionPool pool(db::PoolOptions{m_database.connectionString(), 1});
        const Result<int> refused = pool.transact([](db::Transaction& tx) -> Result<int> {
            tx.sql().exec("UPDATE rows SET value = 5 WHERE id = 2");
            tx.commit();
            return Error(ErrorCode::Conflict, "recorded, then refused");
        });
        QVERIFY(!refused.ok());
        QCOMPARE(m_database.query("SELECT value FROM rows WHERE id = 2"), std::string("5"));
    }

    void aSnapshotReadRefusesWrites()
    {
        db::ConnectionPool pool(db::PoolOptions{m_database.connectionString(), 1});
        QVERIFY_THROWS_EXCEPTION(pqxx::sql_error, pool.readSnapshot([](db::Transaction& tx) {
            tx.sql().exec("UPDATE rows SET value = 3 WHERE id = 1");
        }));
        QCOMPARE(m_database.query("SELECT value FROM rows WHERE id = 1"), std::string("0"));
        const auto both = pool.readSnapshot(
            [](db::Transaction& tx) { return tx.sql().exec1("SELECT count(*) FROM rows")[0].as<int>(); });
        QCOMPARE(both, 2);
    }

private:
    TestDatabase m_database;
};

QTEST_GUILESS_MAIN(TestConnectionPool)
#include "test_connectionpool.moc"
