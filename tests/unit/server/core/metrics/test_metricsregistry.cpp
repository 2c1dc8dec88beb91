#include "metrics/metricsregistry.h"

#include <QtTest>

using namespace sbor;

class TestMetricsRegistry : public QObject {
    Q_OBJECT
private slots:
    void countersRenderInTextFormat()
    {
        MetricsRegistry registry;
        auto& counter = registry.counter("http_requests_total", "Requests.", {"route", "status"});
        counter.increment({"/a", "200"});
        counter.increment({"/a", "200"});
        counter.increment({"/b", "404"});
        const QString text = QString::fromStdString(registry.render());
        QVERIFY(text.contains("# TYPE http_requests_total counter\n"));
        QVERIFY(text.contains("http_requests_total{route=\"/a\",status=\"200\"} 2\n"));
        QVERIFY(text.contains("http_requests_total{route=\"/b\",status=\"404\"} 1\n"));
        QVERIFY(text.contains("process_uptime_seconds "));
        QVERIFY(text.contains("process_resident_memory_bytes "));
        QCOMPARE(&registry.counter("http_requests_total", "Requests.", {"route", "status"}), &counter);
    }

    void histogramBucketsAreCumulative()
    {
        MetricsRegistry registry;
        auto& histogram = registry.histogram("latency_seconds", "Latency.", {"route"}, {0.1, 1.0});
        histogram.observe({"/a"}, 0.05);
        histogram.observe({"/a"}, 0.5);
        histogram.observe({"/a"}, 5.0);
        const QString text = QString::fromStdString(registry.render());
        QVERIFY(text.contains("latency_seconds_bucket{route=\"/a\",le=\"0.1\"} 1\n"));
        QVERIFY(text.contains("latency_seconds_bucket{route=\"/a\",le=\"1\"} 2\n"));
        QVERIFY(text.contains("latency_seconds_bucket{route=\"/a\",le=\"+Inf\"} 3\n"));
        QVERIFY(text.contains("latency_seconds_count{route=\"/a\"} 3\n"));
        QVERIFY(text.contains("latency_seconds_sum{route=\"/a\"} 5.55\n"));
        QCOMPARE(histogram.count({"/a"}), std::uint64_t(3));
    }

    void labelValuesAreEscaped()
    {
        QCOMPARE(QString::fromStdString(escapeLabelValue("a\"b\\c\nd")), QStringLiteral("a\\\"b\\\\c\\nd"));
    }

    void wrongLabelCountIsAProgrammingError()
    {
        MetricsRegistry registry;
        auto& counter = registry.counter("x_total", "X.", {"a"});
        QVERIFY_THROWS_EXCEPTION(std::logic_error, counter.increment({"1", "2"}));
    }
};

QTEST_APPLESS_MAIN(TestMetricsRegistry)
#include "test_metricsregistry.moc"
