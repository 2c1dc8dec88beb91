// Start and stop: graceful shutdown with a request in flight, and the embedded default's private
// PostgreSQL — created on first start, kept across restarts, never left running.
#include "httpclient.h"
#include "testdatabase.h"
#include "testserver.h"

#include <QDir>
#include <QEventLoop>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QTemporaryDir>
#include <QtTest>

#include <pqxx/pqxx>

#include <csignal>
#include <unistd.h>

using namespace sbor::test;

namespace {
// Processes whose command line mentions `text` (e.g. a data dir): what a clean stop leaves none of.
QStringList processesMentioning(const QString& text)
{
    QStringList found;
    const QDir proc("/proc");
    for (const QString& entry : proc.entryList(QDir::Dirs)) {
        bool numeric = false;
        entry.toLongLong(&numeric);
        if (!numeric || entry.toLongLong() == QCoreApplication::applicationPid())
            continue;
        QFile file("/proc/" + entry + "/cmdline");
        if (!file.open(QIODevice::ReadOnly))
            continue;
        const QByteArray commandLine = file.readAll().replace('\0', ' ');
        if (commandLine.contains(text.toUtf8()))
            found << entry + ": " + QString::fromUtf8(commandLine);
    }
    return found;
}

std::string embeddedConnection(const QString& dataDir)
{
    return QStringLiteral("host=%1/run user=postgres dbname=sbor").arg(dataDir).toStdString();
}

TestServer::Options embeddedOptions(const QString& dataDir, bool unsafeFast)
{
    TestServer::Options options;
    options.arguments = {"--data-dir", dataDir};
    if (unsafeFast)
        options.environment.insert("SBOR_DATABASE_EMBEDDED_UNSAFE_FAST", "true");
    return options;
}

} // namespace

class TestLifecycle : public QObject {
    Q_OBJECT
private slots:
    void sigtermFinishesTheRequestInFlightThenExitsZero()
    {
        TestDatabase database;
        QVERIFY2(database.valid(), database.problem().c_str());
        TestServer::Options options;
        options.arguments = {"--db-url", database.url()};
        TestServer server(options);
        QVERIFY2(server.start(), qPrintable(server.logs()));

        QNetworkAccessManager network;
        QNetworkReply* slow = network.get(QNetworkRequest(server.url("/api/v1/debug/sleep?ms=2500")));
        // Signal only once the slow request is running in PostgreSQL.
        QTRY_COMPARE_WITH_TIMEOUT(
            database.query("SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() "
                           "AND state = 'active' AND query LIKE 'SELECT pg_sleep%'"),
            std::string("1"), 10000);
        ::kill(static_cast<pid_t>(server.pid()), SIGTERM);
        QTRY_VERIFY_WITH_TIMEOUT(server.logs().contains("\"msg\":\"shutting down\""), 10000);

        // While draining: not ready, and new work is refused (or the listener is already gone).
        HttpClient client;
        const auto readiness = client.get(server.url("/readyz"), {}, 5000);
        QVERIFY2(readiness.status == 503 || readiness.status == 0, qPrintable(QString::number(readiness.status)));
        const auto refused = client.get(server.url("/api/v1/version"), {}, 5000);
        QVERIFY(refused.status == 503 || refused.status == 0);
        if (refused.status == 503)
            QCOMPARE(refused.errorCode(), QStringLiteral("shutting_down"));

        QTRY_VERIFY_WITH_TIMEOUT(slow->isFinished(), 15000);
        QCOMPARE(slow->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 200);
        QVERIFY(slow->readAll().contains("slept_seconds"));
        delete slow;
        if (server.process().state() != QProcess::NotRunning)
            QVERIFY(server.process().waitForFinished(30000));
        QCOMPARE(server.process().exitStatus(), QProcess::NormalExit);
        QCOMPARE(server.process().exitCode(), 0);
        QVERIFY(server.logs().contains("shutting down"));
    }

    void embeddedClusterKeepsItsDataAcrossRestarts()
    {
        QTemporaryDir holder(kEmbeddedDataDirTemplate);
        const QString dataDir = embeddedDataDir(holder);
        const TestServer::Options options = embeddedOptions(dataDir, false);
        std::string installation;
        {
            TestServer server(options);
            QVERIFY2(server.start(90000), qPrintable(server.logs()));
            QVERIFY(server.logs().contains("initialising the embedded PostgreSQL cluster"));
            HttpClient client;
            QCOMPARE(client.get(server.url("/readyz")).status, 200);
            QVERIFY(QFile::exists(dataDir + "/postgresql/PG_VERSION"));
            // No TCP port: the cluster listens on its private socket only.
            QVERIFY(!processesMentioning(dataDir).isEmpty());
            pqxx::connection connection(embeddedConnection(dataDir));
            pqxx::work tx(connection);
            installation = tx.exec1("SELECT id FROM system.installation")[0].as<std::string>();
            QCOMPARE(tx.exec1("SHOW listen_addresses")[0].as<std::string>(), std::string());
            tx.exec("CREATE TABLE public.survivor (note text); INSERT INTO public.survivor VALUES ('still here')");
            tx.commit();
            QCOMPARE(server.stop(SIGTERM), 0);
            QVERIFY(server.logs().contains("embedded PostgreSQL stopped"));
        }
        QTRY_VERIFY_WITH_TIMEOUT(processesMentioning(dataDir).isEmpty(), 5000);
        {
            TestServer server(options);
            QVERIFY2(server.start(60000), qPrintable(server.logs()));
            QVERIFY(!server.logs().contains("initialising"));
            pqxx::connection connection(embeddedConnection(dataDir));
            pqxx::work tx(connection);
            QCOMPARE(tx.exec1("SELECT id FROM system.installation")[0].as<std::string>(), installation);
            QCOMPARE(tx.exec1("SELECT note FROM public.survivor")[0].as<std::string>(), std::string("still here"));
            tx.commit();
            QCOMPARE(server.stop(SIGINT), 0);
        }
        QTRY_VERIFY_WITH_TIMEOUT(processesMentioning(dataDir).isEmpty(), 5000);
    }

    void killedServerTakesItsPostgresAlong()
    {
        QTemporaryDir holder(kEmbeddedDataDirTemplate);
        const QString dataDir = embeddedDataDir(holder);
        TestServer server(embeddedOptions(dataDir, true));
        QVERIFY2(server.start(60000), qPrintable(server.logs()));
        QCOMPARE(server.stop(SIGKILL), -1);
        // The parent-death signal tells the orphaned postgres to shut down by itself.
        QTRY_VERIFY_WITH_TIMEOUT(processesMentioning(dataDir).isEmpty(), 20000);
        // …and the next start recovers the cluster.
        TestServer again(embeddedOptions(dataDir, true));
        QVERIFY2(again.start(60000), qPrintable(again.logs()));
        QCOMPARE(again.stop(), 0);
    }

    void deathOfTheEmbeddedPostgresStopsTheServer()
    {
        QTemporaryDir holder(kEmbeddedDataDirTemplate);
        const QString dataDir = embeddedDataDir(holder);
        TestServer server(embeddedOptions(dataDir, true));
        QVERIFY2(server.start(60000), qPrintable(server.logs()));
        QFile pidFile(dataDir + "/postgresql/postmaster.pid");
        QVERIFY(pidFile.open(QIODevice::ReadOnly));
        const pid_t postmaster = pidFile.readLine().trimmed().toInt();
        QVERIFY(postmaster > 0);
        ::kill(postmaster, SIGKILL);
        // A server without its database must not linger as "alive": it exits non-zero so a
        // supervisor restarts it.
        QVERIFY(server.process().waitForFinished(30000));
        QCOMPARE(server.process().exitCode(), 1);
        QVERIFY(server.logs().contains("the embedded PostgreSQL exited on its own"));
        QTRY_VERIFY_WITH_TIMEOUT(processesMentioning(dataDir).isEmpty(), 10000);
    }

    void sigtermDuringStartUpExitsCleanly()
    {
        QTemporaryDir holder(kEmbeddedDataDirTemplate);
        const QString dataDir = embeddedDataDir(holder);
        TestServer server(embeddedOptions(dataDir, false));
        QVERIFY(server.launch());
        QTest::qWait(300); // inside initdb or the wait for PostgreSQL
        ::kill(static_cast<pid_t>(server.pid()), SIGTERM);
        QVERIFY(server.process().waitForFinished(60000));
        QCOMPARE(server.process().exitStatus(), QProcess::NormalExit);
        QCOMPARE(server.process().exitCode(), 0);
        QTRY_VERIFY_WITH_TIMEOUT(processesMentioning(dataDir).isEmpty(), 10000);
    }

    void missingPostgresBinariesSayWhatToInstall()
    {
        QTemporaryDir holder(kEmbeddedDataDirTemplate);
        QString output;
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        environment.insert("SBOR_DATABASE_EMBEDDED_BIN_DIR", "/nonexistent/bin");
        QCOMPARE(TestServer::runToCompletion({"--data-dir", embeddedDataDir(holder), "--http", "127.0.0.1:1"}, &output,
                                             environment),
                 1);
        QVERIFY2(output.contains("apt-get install postgresql"), qPrintable(output));
    }

    void unreachableDataDirIsExplainedWhenRoot()
    {
        if (geteuid() != 0)
            QSKIP("only root hands the cluster to the postgres account");
        QTemporaryDir holder("/tmp/sbor-private-XXXXXX"); // mode 700: postgres cannot enter
        QString output;
        QCOMPARE(TestServer::runToCompletion({"--data-dir", holder.path() + "/data", "--http", "127.0.0.1:1"}, &output,
                                             QProcessEnvironment::systemEnvironment()),
                 1);
        QVERIFY2(output.contains("cannot reach"), qPrintable(output));
    }
};

QTEST_GUILESS_MAIN(TestLifecycle)
#include "test_lifecycle.moc"
