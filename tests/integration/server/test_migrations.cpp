// Migrations against a real PostgreSQL: applied once on a fresh database, not again on restart,
// and a database newer than the code (or an edited migration) stops the server from starting.
#include "httpclient.h"
#include "idempotency/idempotencystore.h"
#include "outbox/outbox.h"
#include "sbor/statuses.h"
#include "testdatabase.h"
#include "testserver.h"

#include <QtTest>

using namespace sbor::test;

namespace {
int startAndStop(const TestDatabase& database, QString* logs = nullptr)
{
    TestServer::Options options;
    options.arguments = {"--db-url", database.url()};
    TestServer server(options);
    const bool started = server.start();
    if (logs)
        *logs = server.logs();
    if (!started) {
        server.process().waitForFinished(30000);
        if (logs)
            *logs = server.logs();
        return 1000 + server.process().exitCode();
    }
    return server.stop();
}
// A table as PostgreSQL knows it, with its schema's name taken out: columns (type, nullability,
// default), constraints and indexes.
std::string tableShape(const TestDatabase& database, const std::string& schema, const std::string& table)
{
    const std::string where = "'" + schema + "'";
    const std::string qualified = "'" + schema + "." + table + "'";
    return database.query(
        "SELECT replace(concat_ws(' | ', "
        "(SELECT string_agg(concat_ws(' ', column_name, data_type, is_nullable, column_default), ', ' "
        "ORDER BY ordinal_position) FROM information_schema.columns WHERE table_schema = " +
        where + " AND table_name = '" + table +
        "'), "
        "(SELECT string_agg(conname || ' ' || pg_get_constraintdef(oid), ', ' ORDER BY conname) "
        "FROM pg_constraint WHERE conrelid = " +
        qualified +
        "::regclass), "
        "(SELECT string_agg(indexdef, ', ' ORDER BY indexname) FROM pg_indexes WHERE schemaname = " +
        where + " AND tablename = '" + table + "')), " + where + " || '.', '')");
}
// The words a status (or role) column's CHECK constraint admits, in its order.
std::vector<std::string> checkedStatuses(const TestDatabase& database, const std::string& table,
                                         const std::string& column = "status")
{
    const std::string words = database.query(
        "SELECT string_agg(word[1], ',' ORDER BY n) FROM pg_constraint c, "
        "LATERAL regexp_matches(pg_get_constraintdef(c.oid), '''([a-z_]+)''::text', 'g') WITH ORDINALITY AS m(word, n) "
        "WHERE c.conrelid = '" +
        table + "'::regclass AND c.contype = 'c' AND pg_get_constraintdef(c.oid) LIKE '%" + column + "%'");
    std::vector<std::string> out;
    for (const QString& word : QString::fromStdString(words).split(',', Qt::SkipEmptyParts))
        out.push_back(word.toStdString());
    return out;
}

template <typename Status> std::vector<std::string> tableWords()
{
    const auto& names = sbor::statusNames<Status>();
    return std::vector<std::string>(names.begin(), names.end());
}
} // namespace

class TestMigrations : public QObject {
    Q_OBJECT
private slots:
    void freshDatabaseGetsEveryMigrationOnce()
    {
        TestDatabase database;
        QVERIFY2(database.valid(), database.problem().c_str());
        QString logs;
        QCOMPARE(startAndStop(database, &logs), 0);
        QVERIFY(logs.contains("system/0001_installation"));
        QCOMPARE(database.query("SELECT count(*) FROM sbor_meta.schema_migrations WHERE service = 'system'"),
                 std::string("1"));
        const std::string installation = database.query("SELECT id FROM system.installation");
        QCOMPARE(installation.size(), size_t(36));
        const std::string appliedAt = database.query(
            "SELECT applied_at FROM sbor_meta.schema_migrations WHERE service = 'system' AND version = 1");

        // A second start applies nothing and keeps the data.
        QCOMPARE(startAndStop(database, &logs), 0);
        QVERIFY(!logs.contains("migration applied"));
        QCOMPARE(database.query("SELECT count(*) FROM sbor_meta.schema_migrations WHERE service = 'system'"),
                 std::string("1"));
        // Every version of auth's migrations once, none skipped or repeated.
        QCOMPARE(
            database.query(
                "SELECT count(*) = max(version) AND count(*) >= 2 FROM sbor_meta.schema_migrations WHERE service = 'auth'"),
            std::string("t"));
        QCOMPARE(database.query(
                     "SELECT applied_at FROM sbor_meta.schema_migrations WHERE service = 'system' AND version = 1"),
                 appliedAt);
        QCOMPARE(database.query("SELECT id FROM system.installation"), installation);
    }

    void theTableHelpersMakeWhatTheMigrationsMade()
    {
        // A new service creates its outbox and idempotency tables with the helpers; the first
        // services wrote the DDL out. Both must give the same tables, or a relay or the store
        // would work on one and fail on the other.
        TestDatabase database;
        QVERIFY2(database.valid(), database.problem().c_str());
        QCOMPARE(startAndStop(database), 0);
        database.query("CREATE SCHEMA probe; " + sbor::outbox::createOutboxSql("probe") + "; " +
                       sbor::createIdempotencyKeysSql("probe"));
        const std::string outbox = tableShape(database, "probe", "outbox");
        QVERIFY2(outbox.find("outbox_unpublished") != std::string::npos, outbox.c_str());
        for (const char* schema : {"auth", "events", "notifications", "payments", "tickets"})
            QCOMPARE(tableShape(database, schema, "outbox"), outbox);
        const std::string keys = tableShape(database, "probe", "idempotency_keys");
        QVERIFY2(keys.find("CHECK") != std::string::npos, keys.c_str());
        for (const char* schema : {"payments", "tickets"})
            QCOMPARE(tableShape(database, schema, "idempotency_keys"), keys);
    }

    void theStatusTablesAreTheDatabasesStatuses()
    {
        // The .def tables and the CHECK constraints name the same statuses: a word only one of
        // them knows would be refused by the database, or unreadable for the code.
        TestDatabase database;
        QVERIFY2(database.valid(), database.problem().c_str());
        QCOMPARE(startAndStop(database), 0);
        QCOMPARE(checkedStatuses(database, "events.events"), tableWords<sbor::EventStatus>());
        QCOMPARE(checkedStatuses(database, "tickets.orders"), tableWords<sbor::OrderStatus>());
        QCOMPARE(checkedStatuses(database, "tickets.tickets"), tableWords<sbor::TicketStatus>());
        QCOMPARE(checkedStatuses(database, "payments.payments"), tableWords<sbor::PaymentStatus>());
        QCOMPARE(checkedStatuses(database, "events.team_members", "role"), tableWords<sbor::TeamRole>());
    }

    void databaseNewerThanCodeIsRefused()
    {
        TestDatabase database;
        QVERIFY2(database.valid(), database.problem().c_str());
        QCOMPARE(startAndStop(database), 0);
        database.query("INSERT INTO sbor_meta.schema_migrations (service, version, name, checksum) "
                       "VALUES ('system', 999, 'from_the_future', 'x') RETURNING 1");
        QString logs;
        QCOMPARE(startAndStop(database, &logs), 1001);
        QVERIFY2(logs.contains("is at version 999 but this build knows versions up to 1"), qPrintable(logs));
        QVERIFY(logs.contains("newer than the code"));
    }

    void editedMigrationIsRefused()
    {
        TestDatabase database;
        QVERIFY2(database.valid(), database.problem().c_str());
        QCOMPARE(startAndStop(database), 0);
        database.query(
            "UPDATE sbor_meta.schema_migrations SET checksum = 'edited' WHERE service = 'system' AND version = 1 RETURNING 1");
        QString logs;
        QCOMPARE(startAndStop(database, &logs), 1001);
        QVERIFY2(logs.contains("was changed after it was applied"), qPrintable(logs));
    }

    void serversStartingTogetherApplyEachMigrationOnce()
    {
        TestDatabase database;
        QVERIFY2(database.valid(), database.problem().c_str());
        TestServer::Options options;
        options.arguments = {"--db-url", database.url()};
        TestServer first(options), second(options), third(options);
        QVERIFY(first.launch());
        QVERIFY(second.launch());
        QVERIFY(third.launch());
        QVERIFY2(first.waitUntilReady(), qPrintable(first.logs()));
        QVERIFY2(second.waitUntilReady(), qPrintable(second.logs()));
        QVERIFY2(third.waitUntilReady(), qPrintable(third.logs()));
        QCOMPARE(database.query("SELECT count(*) FROM sbor_meta.schema_migrations WHERE service = 'system'"),
                 std::string("1"));
        // Every version of auth's migrations once, none skipped or repeated.
        QCOMPARE(
            database.query(
                "SELECT count(*) = max(version) AND count(*) >= 2 FROM sbor_meta.schema_migrations WHERE service = 'auth'"),
            std::string("t"));
        QCOMPARE(database.query("SELECT count(*) FROM system.installation"), std::string("1"));
        QCOMPARE(first.stop(), 0);
        QCOMPARE(second.stop(), 0);
        QCOMPARE(third.stop(), 0);
    }
};

QTEST_GUILESS_MAIN(TestMigrations)
#include "test_migrations.moc"
