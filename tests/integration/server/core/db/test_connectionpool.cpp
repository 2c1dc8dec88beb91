// The pool against a real PostgreSQL: failures that mean "try again" or "too slow" reach callers
// as the error values the HTTP layer maps, never as raw libpqxx exceptions (which become 500).
#include "db/connectionpool.h"
#include "sbor/error.h"
#include "testdatabase.h"

#include <QtTest>

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

    void deadlockBecomesARetryableWriteConflict()
    {
        db::ConnectionPool pool(db::PoolOptions{m_database.connectionString(), 2});
        std::promise<void> firstLocked, secondLocked;
        // Two transactions lock the same two rows in opposite order: PostgreSQL breaks the cycle by
        // rolling one back.
        auto lockInOrder = [&](int first, int second, std::promise<void>& mine, std::future<void> theirs) {
            return pool.run([&](pqxx::connection& connection) {
                pqxx::work tx(connection);
                tx.exec_params("UPDATE rows SET value = value + 1 WHERE id = $1", first);
                mine.set_value();
                theirs.wait();
                tx.exec_params("UPDATE rows SET value = value + 1 WHERE id = $1", second);
                tx.commit();
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
        QCOMPARE(pool.run([](pqxx::connection& connection) {
            return pqxx::nontransaction(connection).exec1("SELECT 7")[0].as<int>();
        }),
                 7);
    }

    void statementTimeoutBecomesRequestTimeout()
    {
        db::PoolOptions options{m_database.connectionString(), 1};
        options.statementTimeout = std::chrono::milliseconds(100);
        db::ConnectionPool pool(options);
        try {
            pool.run([](pqxx::connection& connection) { pqxx::nontransaction(connection).exec("SELECT pg_sleep(5)"); });
            QFAIL("a 5 s statement outlived a 100 ms statement_timeout");
        } catch (const ErrorException& e) {
            QCOMPARE(e.error().code, ErrorCode::RequestTimeout);
        }
    }

    void otherSqlErrorsStayThemselves()
    {
        // A constraint violation is the caller's to interpret (a 409 of its own, say): not remapped.
        db::ConnectionPool pool(db::PoolOptions{m_database.connectionString(), 1});
        QVERIFY_THROWS_EXCEPTION(pqxx::unique_violation, pool.run([](pqxx::connection& connection) {
            pqxx::nontransaction(connection).exec("INSERT INTO rows VALUES (1, 0)");
        }));
    }

private:
    TestDatabase m_database;
};

QTEST_GUILESS_MAIN(TestConnectionPool)
#include "test_connectionpool.moc"
