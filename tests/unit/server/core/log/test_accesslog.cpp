// The access log's own writer: lines as the logger would write them (valid JSON whatever the
// request held), every line handed to the observer, and a full queue dropping and counting lines
// instead of making a request wait.
#include "log/accesslog.h"
#include "log/logger.h"
#include "metrics/metricsregistry.h"

#include <nlohmann/json.hpp>

#include <QtTest>

#include <mutex>
#include <vector>

using namespace sbor;

namespace {

struct CapturedLines {
    CapturedLines()
    {
        log::setLineObserver([this](const std::vector<log::LogLine>& written) {
            std::lock_guard lock(mutex);
            for (const log::LogLine& line : written)
                lines.emplace_back(line.text);
        });
    }
    ~CapturedLines() { log::setLineObserver(nullptr); }
    std::vector<std::string> taken()
    {
        std::lock_guard lock(mutex);
        return lines;
    }
    std::mutex mutex;
    std::vector<std::string> lines;
};

log::AccessEntry entry(std::string path)
{
    return {"events",
            "0af7651916cd43dd8448eb211c80319c",
            "GET",
            std::move(path),
            "/api/v1/events/{id}",
            "req-1",
            "127.0.0.1",
            404,
            1.234,
            10,
            120};
}

} // namespace

class TestAccessLog : public QObject {
    Q_OBJECT
private slots:
    void linesAreTheLoggersJsonWhateverTheRequestHeld()
    {
        CapturedLines captured;
        MetricsRegistry metrics;
        {
            log::AccessLog accessLog(metrics.counter("dropped", "", {}));
            QVERIFY(accessLog.record(entry("/api/v1/events/\"quoted\"\\back\x01\x1f")));
            QVERIFY(accessLog.record(entry(std::string("/api/v1/events/\xC0\xAF\xED\xA0\x80", 20))));
            QVERIFY(accessLog.record(entry("/api/v1/events/Сбор")));
        } // the destructor writes what is queued
        const auto lines = captured.taken();
        QCOMPARE(lines.size(), std::size_t(3));
        const auto first = nlohmann::json::parse(lines[0]); // throws if the line is not JSON
        QCOMPARE(first["path"].get<std::string>(), std::string("/api/v1/events/\"quoted\"\\back\x01\x1f"));
        QCOMPARE(first["msg"].get<std::string>(), std::string("request"));
        QCOMPARE(first["level"].get<std::string>(), std::string("info"));
        QCOMPARE(first["service"].get<std::string>(), std::string("events"));
        QCOMPARE(first["trace_id"].get<std::string>(), std::string("0af7651916cd43dd8448eb211c80319c"));
        QCOMPARE(first["status"].get<int>(), 404);
        QCOMPARE(first["duration_ms"].get<double>(), 1.234);
        QCOMPARE(first["bytes_out"].get<int>(), 120);
        QVERIFY(first["ts"].get<std::string>().size() == 27); // 2026-12-01T19:40:00.123456Z
        // Keys in the logger's order, so lines read alike whichever writer wrote them.
        std::vector<std::string> keys;
        for (const auto& [key, value] : first.items())
            keys.push_back(key);
        QVERIFY(std::is_sorted(keys.begin(), keys.end()));
        QCOMPARE(nlohmann::json::parse(lines[1])["path"].get<std::string>().find("\xEF\xBF\xBD") != std::string::npos,
                 true);
        QCOMPARE(nlohmann::json::parse(lines[2])["path"].get<std::string>(), std::string("/api/v1/events/Сбор"));
    }

    void aFullQueueDropsAndCountsInsteadOfWaiting()
    {
        CapturedLines captured;
        MetricsRegistry metrics;
        CounterFamily& dropped = metrics.counter("dropped", "", {});
        int accepted = 0;
        {
            log::AccessLog accessLog(dropped, 4);
            for (int i = 0; i < 20000; ++i)
                accepted += accessLog.record(entry("/x")) ? 1 : 0;
        }
        QVERIFY2(dropped.value({}) > 0, "20,000 lines into a queue of 4 dropped none");
        QCOMPARE(static_cast<double>(accepted) + dropped.value({}), 20000.0);
        QCOMPARE(captured.taken().size(), static_cast<std::size_t>(accepted));
    }
};

QTEST_APPLESS_MAIN(TestAccessLog)
#include "test_accesslog.moc"
