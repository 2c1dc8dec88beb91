// The connection pool outlives a PostgreSQL restart: requests fail cleanly (503, not 500) while
// the database is down and succeed again once it is back, with no restart of sbor-server; a
// statement that runs too long is a 504, not an internal error.
#include "httpclient.h"
#include "testdatabase.h"
#include "testserver.h"

#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>

#include <pqxx/pqxx>

#include <algorithm>
#include <unistd.h>

using namespace sbor::test;

namespace {
// A PostgreSQL of this test's own (the shared fixture must not be restarted under other tests).
class OwnPostgres {
public:
    OwnPostgres() : m_dir(QStringLiteral("/tmp/sbor-restart-%1").arg(QCoreApplication::applicationPid())) {}
    ~OwnPostgres() { run("stop"); }
    bool run(const QString& command)
    {
        QProcess process;
        process.setProcessChannelMode(QProcess::MergedChannels);
        process.start(QStringLiteral(SBOR_POSTGRES_FIXTURE), {command, m_dir});
        process.waitForFinished(120000);
        m_output = process.readAll();
        return process.exitStatus() == QProcess::NormalExit && process.exitCode() == 0;
    }
    QString url() const
    {
        QFile file(m_dir + "/url");
        file.open(QIODevice::ReadOnly);
        return QString::fromUtf8(file.readAll().trimmed());
    }
    QByteArray output() const { return m_output; }

private:
    QString m_dir;
    QByteArray m_output;
};
} // namespace

class TestDatabaseRestart : public QObject {
    Q_OBJECT
private slots:
    void poolSurvivesAPostgresRestart()
    {
        OwnPostgres postgres;
        QVERIFY2(postgres.run("start"), postgres.output().constData());
        TestServer::Options options;
        options.arguments = {"--db-url", postgres.url()};
        options.environment.insert("SBOR_DATABASE_POOL_SIZE", "4");
        options.environment.insert("SBOR_DATABASE_ACQUIRE_TIMEOUT_MS", "2000");
        TestServer server(options);
        QVERIFY2(server.start(), qPrintable(server.logs()));
        HttpClient client;
        // Fill the pool with four open connections (overlapping requests, all seen running at
        // once in PostgreSQL), all of which the restart will cut.
        {
            pqxx::connection observer(postgres.url().toStdString());
            QNetworkAccessManager network;
            std::vector<QNetworkReply*> replies;
            for (int i = 0; i < 4; ++i)
                replies.push_back(network.get(QNetworkRequest(server.url("/api/v1/debug/sleep?ms=1500"))));
            const auto sleeping = [&observer] {
                pqxx::nontransaction tx(observer);
                return tx
                    .exec1("SELECT count(*) FROM pg_stat_activity WHERE application_name = 'sbor-server' "
                           "AND state = 'active' AND query LIKE 'SELECT pg_sleep%'")[0]
                    .as<int>();
            };
            QTRY_COMPARE_WITH_TIMEOUT(sleeping(), 4, 10000);
            QTRY_VERIFY_WITH_TIMEOUT(
                std::all_of(replies.begin(), replies.end(), [](QNetworkReply* r) { return r->isFinished(); }), 10000);
            for (QNetworkReply* reply : replies) {
                QCOMPARE(reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 200);
                delete reply;
            }
        }
        QVERIFY2(postgres.run("restart"), postgres.output().constData());
        // The first request after the restart must already succeed: broken connections are
        // discarded and the work retried on a fresh one.
        const auto afterRestart = client.get(server.url("/api/v1/debug/sleep?ms=1"));
        QCOMPARE(afterRestart.status, 200);
        QCOMPARE(client.get(server.url("/readyz")).status, 200);
        QCOMPARE(server.stop(), 0);
    }

    void statementTimeoutIs504NotInternalError()
    {
        TestDatabase database;
        QVERIFY2(database.valid(), database.problem().c_str());
        TestServer::Options options;
        options.arguments = {"--db-url", database.url()};
        options.environment.insert("SBOR_DATABASE_STATEMENT_TIMEOUT_MS", "200");
        TestServer server(options);
        QVERIFY2(server.start(), qPrintable(server.logs()));
        HttpClient client;
        const auto slow = client.get(server.url("/api/v1/debug/sleep?ms=2000"));
        QCOMPARE(slow.status, 504);
        QCOMPARE(slow.errorCode(), QStringLiteral("request_timeout"));
        // the connection went back to the pool healthy
        QCOMPARE(client.get(server.url("/api/v1/debug/sleep?ms=1")).status, 200);
        QCOMPARE(server.stop(), 0);
    }

    void databaseDownIs503ThenRecovers()
    {
        OwnPostgres postgres;
        QVERIFY2(postgres.run("start"), postgres.output().constData());
        const QString url = postgres.url();
        TestServer::Options options;
        options.arguments = {"--db-url", url};
        options.environment.insert("SBOR_DATABASE_ACQUIRE_TIMEOUT_MS", "2000");
        TestServer server(options);
        QVERIFY2(server.start(), qPrintable(server.logs()));
        HttpClient client;
        QCOMPARE(client.get(server.url("/readyz")).status, 200);

        // Stop PostgreSQL (keeping its data dir), then start it again on the same socket.
        const QString dir = QFileInfo(url.section("host=", 1).section(' ', 0, 0)).path();
        QProcess stop;
        const QString pgCtl = QStringLiteral("ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n1");
        const QString owner = geteuid() == 0 ? QStringLiteral("runuser -u postgres -- ") : QString();
        stop.start("bash",
                   {"-c", QStringLiteral("%1\"$(%2)/pg_ctl\" -D %3/cluster -m fast -w stop").arg(owner, pgCtl, dir)});
        QVERIFY(stop.waitForFinished(60000));
        QCOMPARE(stop.exitCode(), 0);

        const auto down = client.get(server.url("/api/v1/debug/sleep?ms=1"));
        QCOMPARE(down.status, 503);
        QCOMPARE(down.errorCode(), QStringLiteral("database_unavailable"));
        const auto notReady = client.get(server.url("/readyz"));
        QCOMPARE(notReady.status, 503);
        QCOMPARE(notReady.json().value("status").toString(), QStringLiteral("not_ready"));
        QCOMPARE(client.get(server.url("/healthz")).status, 200); // alive, just not ready

        QProcess start;
        start.start("bash",
                    {"-c",
                     QStringLiteral("%1\"$(%2)/pg_ctl\" -D %3/cluster -l %3/postgres.log -w start "
                                    "-o \"-k %3/run -c listen_addresses=''\"")
                         .arg(owner, pgCtl, dir)});
        QVERIFY(start.waitForFinished(60000));
        QCOMPARE(start.exitCode(), 0);
        QTRY_COMPARE_WITH_TIMEOUT(client.get(server.url("/readyz")).status, 200, 10000);
        QCOMPARE(client.get(server.url("/api/v1/debug/sleep?ms=1")).status, 200);
        QCOMPARE(server.stop(), 0);
        QVERIFY(!server.logs().contains("\"status\":500"));
    }
};

QTEST_GUILESS_MAIN(TestDatabaseRestart)
#include "test_database_restart.moc"
