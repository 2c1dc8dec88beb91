// sbor-server's command line and configuration layers, through the real binary.
#include "httpclient.h"
#include "testdatabase.h"
#include "testserver.h"

#include <QElapsedTimer>
#include <QJsonDocument>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QtTest>

using namespace sbor::test;

namespace {
QProcessEnvironment cleanEnvironment()
{
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    for (const QString& name : environment.keys()) {
        if (name.startsWith("SBOR_"))
            environment.remove(name);
    }
    return environment;
}

// The effective configuration the server logged at start ("starting sbor-server").
QJsonObject startupConfig(const QString& logs)
{
    for (const QString& line : logs.split('\n', Qt::SkipEmptyParts)) {
        const auto object = QJsonDocument::fromJson(line.toUtf8()).object();
        if (object.value("msg").toString() == "starting sbor-server")
            return object.value("config").toObject();
    }
    return {};
}
} // namespace

class TestServerCli : public QObject {
    Q_OBJECT
private slots:
    void helpDocumentsTheContract()
    {
        QString output;
        QCOMPARE(TestServer::runToCompletion({"--help"}, &output, cleanEnvironment()), 0);
        QVERIFY(output.contains("sbor-server [--config FILE] [--data-dir DIR] [--db-url URL] [--http HOST:PORT]"));
        QVERIFY(output.contains("[--live HOST:PORT] [--target LIST] [--list-targets] [--log-level L]"));
    }

    void listTargetsAndUnknownTarget()
    {
        QString output;
        QCOMPARE(TestServer::runToCompletion({"--list-targets"}, &output, cleanEnvironment()), 0);
        QVERIFY(output.startsWith("all\t"));
        QVERIFY(output.contains("system\t"));
        QCOMPARE(TestServer::runToCompletion({"--target", "system,payments-nope", "--db-url", "host=/nonexistent"},
                                             &output, cleanEnvironment()),
                 2);
        QVERIFY2(output.contains("unknown target payments-nope; known targets: all, system"), qPrintable(output));
    }

    void badUsageExitsWith2AndSaysWhy()
    {
        QString output;
        QCOMPARE(TestServer::runToCompletion({"--htp", "1"}, &output, cleanEnvironment()), 2);
        QVERIFY(output.contains("--htp"));
        QCOMPARE(TestServer::runToCompletion({"--http", "localhost"}, &output, cleanEnvironment()), 2);
        QVERIFY(output.contains("http.listen"));
        QCOMPARE(TestServer::runToCompletion({"--log-level", "loud"}, &output, cleanEnvironment()), 2);
        QVERIFY(output.contains("log.level"));
    }

    void unknownConfigKeyIsAnErrorNamingIt()
    {
        QTemporaryDir dir;
        QFile file(dir.filePath("sbor.yml"));
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("http:\n  listen: 127.0.0.1:1\n  body_limit: 5\n");
        file.close();
        QString output;
        QCOMPARE(TestServer::runToCompletion({"--config", file.fileName()}, &output, cleanEnvironment()), 2);
        QVERIFY2(output.contains("unknown configuration key 'http.body_limit'"), qPrintable(output));
        QCOMPARE(TestServer::runToCompletion({"--config", dir.filePath("missing.yml")}, &output, cleanEnvironment()),
                 2);
        QVERIFY(output.contains("missing.yml"));
    }

    void fileThenEnvironmentThenFlagsAndSecretsRedacted()
    {
        TestDatabase database;
        QVERIFY2(database.valid(), database.problem().c_str());
        QTemporaryDir dir;
        QFile file(dir.filePath("sbor.yml"));
        QVERIFY(file.open(QIODevice::WriteOnly));
        // The URL carries a password (trust auth ignores it) that must never reach the logs.
        file.write(QStringLiteral("database:\n  url: \"%1 password=hunter2\"\n  pool_size: 3\n"
                                  "http:\n  request_timeout_ms: 1111\n  workers: 5\nlog:\n  level: error\n")
                       .arg(database.url())
                       .toUtf8());
        file.close();
        TestServer::Options options;
        options.environment = cleanEnvironment();
        options.environment.insert("SBOR_HTTP_REQUEST_TIMEOUT_MS", "2222");
        options.environment.insert("SBOR_LOG_LEVEL", "warn");
        options.environment.insert("SBOR_NOT_A_KEY", "1");
        options.arguments = {"--config", file.fileName(), "--log-level", "info"};
        TestServer server(options);
        QVERIFY2(server.start(), qPrintable(server.logs()));
        const QJsonObject config = startupConfig(server.logs());
        QCOMPARE(config.value("database.pool_size").toString(), QStringLiteral("3"));         // file
        QCOMPARE(config.value("http.workers").toString(), QStringLiteral("5"));               // file
        QCOMPARE(config.value("http.request_timeout_ms").toString(), QStringLiteral("2222")); // env over file
        QCOMPARE(config.value("log.level").toString(), QStringLiteral("info"));               // flag over env over file
        QCOMPARE(config.value("database.url").toString(), QStringLiteral("***"));
        QVERIFY(server.logs().contains("SBOR_NOT_A_KEY"));
        QCOMPARE(server.stop(), 0);
        QVERIFY(!server.logs().contains("hunter2"));
    }

    void silentDatabaseFailsWithinTheConnectTimeout()
    {
        // A local port that accepts TCP connections but never speaks PostgreSQL: without a
        // connect timeout libpq would wait for ever and so would the server's start.
        QTcpServer silent;
        QVERIFY(silent.listen(QHostAddress::LocalHost, 0));
        QElapsedTimer clock;
        clock.start();
        QString output;
        QProcessEnvironment environment = cleanEnvironment();
        environment.insert("SBOR_DATABASE_URL",
                           QStringLiteral("postgresql://sbor@127.0.0.1:%1/sbor").arg(silent.serverPort()));
        QCOMPARE(TestServer::runToCompletion({}, &output, environment, 60000), 1);
        QVERIFY2(output.contains("cannot prepare the database"), qPrintable(output));
        QVERIFY2(clock.elapsed() < 30000, qPrintable(QString::number(clock.elapsed())));
    }

    void busyPortIsAClearStartFailure()
    {
        TestDatabase database;
        QVERIFY2(database.valid(), database.problem().c_str());
        QTcpServer occupied;
        QVERIFY(occupied.listen(QHostAddress::LocalHost, 0));
        QString output;
        const int code = TestServer::runToCompletion(
            {"--db-url", database.url(), "--http", QStringLiteral("127.0.0.1:%1").arg(occupied.serverPort())}, &output,
            cleanEnvironment());
        QCOMPARE(code, 1);
        QVERIFY2(output.contains(QStringLiteral("cannot listen on 127.0.0.1:%1").arg(occupied.serverPort())),
                 qPrintable(output));
    }

    void unreachableDatabaseIsAClearStartFailure()
    {
        QString output;
        QCOMPARE(TestServer::runToCompletion({"--db-url", "host=/nonexistent-socket-dir dbname=x"}, &output,
                                             cleanEnvironment()),
                 1);
        QVERIFY2(output.contains("cannot prepare the database"), qPrintable(output));
    }
};

QTEST_GUILESS_MAIN(TestServerCli)
#include "test_server_cli.moc"
