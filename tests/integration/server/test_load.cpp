// 500 concurrent keep-alive connections doing requests that touch the database, against a real
// sbor-server (wrk drives the load). Asserts what must hold on any machine — no hang, no error,
// bounded memory — never a speed: timings belong to tests/bench.
#include "httpclient.h"
#include "testdatabase.h"
#include "testserver.h"

#include <QFile>
#include <QProcess>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QtTest>

using namespace sbor::test;

namespace {
struct WrkReport {
    bool ran = false;
    qint64 requests = 0;
    qint64 non2xx = 0;
    qint64 socketErrors = 0;
    QString text;
};

WrkReport runWrk(const QUrl& url, int connections, int seconds)
{
    WrkReport report;
    QProcess wrk;
    wrk.setProcessChannelMode(QProcess::MergedChannels);
    // wrk needs a descriptor per connection; raise the soft limit for it alone.
    wrk.start("bash",
              {"-c",
               QStringLiteral("ulimit -n 4096; exec wrk -t2 -c%1 -d%2s --timeout 10s %3")
                   .arg(connections)
                   .arg(seconds)
                   .arg(url.toString())});
    if (!wrk.waitForFinished((seconds + 60) * 1000))
        return report;
    report.text = QString::fromUtf8(wrk.readAll());
    const auto total = QRegularExpression(R"((\d+) requests in)").match(report.text);
    report.ran = wrk.exitCode() == 0 && total.hasMatch();
    report.requests = total.captured(1).toLongLong();
    const auto non2xx = QRegularExpression(R"(Non-2xx or 3xx responses: (\d+))").match(report.text);
    report.non2xx = non2xx.hasMatch() ? non2xx.captured(1).toLongLong() : 0;
    const auto errors = QRegularExpression(R"(Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+))")
                            .match(report.text);
    if (errors.hasMatch())
        report.socketErrors = errors.captured(1).toLongLong() + errors.captured(2).toLongLong() +
            errors.captured(3).toLongLong() + errors.captured(4).toLongLong();
    return report;
}

qint64 residentKiB(qint64 pid)
{
    QFile status(QStringLiteral("/proc/%1/status").arg(pid));
    if (!status.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray& line : status.readAll().split('\n')) {
        if (line.startsWith("VmRSS:"))
            return line.mid(6).trimmed().split(' ').first().toLongLong();
    }
    return -1;
}
} // namespace

class TestLoad : public QObject {
    Q_OBJECT
private slots:
    void fiveHundredConnectionsOnDatabaseRoutes()
    {
        QVERIFY2(!QStandardPaths::findExecutable("wrk").isEmpty(),
                 "wrk is missing: run installers/install-dependencies.sh");
        TestDatabase database;
        QVERIFY2(database.valid(), database.problem().c_str());
        TestServer::Options options;
        options.arguments = {"--db-url", database.url(), "--log-level", "warn"};
        TestServer server(options);
        QVERIFY2(server.start(), qPrintable(server.logs()));

        // Each request borrows a pooled connection and runs a query (pg_sleep(0.001)).
        const QUrl url = server.url("/api/v1/debug/sleep?ms=1");
        const WrkReport warmup = runWrk(url, 500, 8);
        QVERIFY2(warmup.ran, qPrintable(warmup.text));
        const qint64 afterWarmup = residentKiB(server.pid());
        const WrkReport second = runWrk(url, 500, 8);
        QVERIFY2(second.ran, qPrintable(second.text));
        const qint64 afterSecond = residentKiB(server.pid());
        const WrkReport readiness = runWrk(server.url("/readyz"), 500, 4);
        QVERIFY2(readiness.ran, qPrintable(readiness.text));
        qInfo("requests: %lld + %lld + %lld; RSS after warm-up %lld KiB, after second wave %lld KiB", warmup.requests,
              second.requests, readiness.requests, afterWarmup, afterSecond);

        for (const WrkReport* report : {&warmup, &second, &readiness}) {
            QVERIFY2(report->requests > 500, qPrintable(report->text));
            QVERIFY2(report->non2xx == 0, qPrintable(report->text));
            QVERIFY2(report->socketErrors == 0, qPrintable(report->text));
        }
        // Bounded memory: a second identical wave may not grow the server by more than a
        // quarter plus 32 MiB (what the pools and allocator caches settle into).
        QVERIFY2(afterSecond <= afterWarmup + afterWarmup / 4 + 32 * 1024,
                 qPrintable(QStringLiteral("RSS %1 KiB -> %2 KiB").arg(afterWarmup).arg(afterSecond)));

        HttpClient client;
        QCOMPARE(client.get(server.url("/readyz")).status, 200); // no hang afterwards
        QCOMPARE(server.stop(), 0);
        QVERIFY(!server.logs().contains("\"level\":\"error\""));
    }
};

QTEST_GUILESS_MAIN(TestLoad)
#include "test_load.moc"
