// The platform reports' decoders: what the console reads from GET /api/v1/admin/reports/….
// The support report's median is computed in fractional seconds and may be null; a report the
// client does not know, or a count of the wrong type, is a DecodeError, not a wrong table.

#include "sbor/wire/reports.h"

#include <QtTest>

using namespace sbor::wire;

class TestReports : public QObject {
    Q_OBJECT

private slots:
    void supportReportReadsMediansAndGaps()
    {
        const auto json = nlohmann::json::parse(R"({
            "report": "support", "interval": "day",
            "items": [
                {"period_start": "2026-12-01T00:00:00+03:00", "opened": 3, "resolved": 1, "answered": 2,
                 "median_first_response_seconds": 4020.6},
                {"period_start": "2026-12-02T00:00:00+03:00", "opened": 0, "resolved": 0, "answered": 0,
                 "median_first_response_seconds": null}
            ],
            "totals": {"opened": 3, "resolved": 1}
        })");
        const auto report = decode<CountsReport>(json);
        QCOMPARE(report.report, std::string("support"));
        QCOMPARE(report.columns.size(), std::size_t(4));
        QCOMPARE(report.items.size(), std::size_t(2));
        QCOMPARE(report.items[0].values[0], std::optional<std::int64_t>(3));
        QCOMPARE(report.items[0].values[3], std::optional<std::int64_t>(4021));
        QVERIFY(!report.items[1].values[3]);
        QCOMPARE(report.totals[1], std::optional<std::int64_t>(1));
        QVERIFY(!report.totals[2]); // no range total for "answered"
    }

    void checkinsReportKeepsTheColumnsOrder()
    {
        const auto json = nlohmann::json::parse(R"({"report": "checkins",
            "items": [{"period_start": "2026-12-01T00:00:00Z", "exits": 2, "admissions": 40}],
            "totals": {"admissions": 40, "exits": 2}})");
        const auto report = decode<CountsReport>(json);
        QCOMPARE(report.columns, (std::vector<std::string>{"admissions", "exits"}));
        QCOMPARE(report.items[0].values[0], std::optional<std::int64_t>(40));
        QCOMPARE(report.items[0].values[1], std::optional<std::int64_t>(2));
    }

    void refusesWhatItCannotRead_data()
    {
        QTest::addColumn<QString>("json");
        QTest::addColumn<QString>("path");
        QTest::newRow("unknown report") << R"({"report": "weather", "items": [], "totals": {}})"
                                        << "report";
        QTest::newRow("sales is not counts") << R"({"report": "sales", "items": [], "totals": {}})"
                                             << "report";
        QTest::newRow("a count as text")
            << R"({"report": "registrations", "items": [{"period_start": "x", "registrations": "12"}], "totals": {}})"
            << "items[0].registrations";
        QTest::newRow("no totals") << R"({"report": "registrations", "items": []})"
                                   << "totals";
    }

    void refusesWhatItCannotRead()
    {
        QFETCH(QString, json);
        QFETCH(QString, path);
        try {
            decode<CountsReport>(nlohmann::json::parse(json.toStdString()));
            QFAIL("decoded");
        } catch (const DecodeError& error) {
            QVERIFY2(QString::fromUtf8(error.what()).contains(path), error.what());
        }
    }
};

QTEST_APPLESS_MAIN(TestReports)
#include "test_reports.moc"
