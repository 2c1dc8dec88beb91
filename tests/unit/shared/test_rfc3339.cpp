// Strict RFC 3339: what the API accepts as a time, and the UTC form it answers with.
#include "sbor/rfc3339.h"

#include <QtTest>

using namespace sbor;

class TestRfc3339 : public QObject {
    Q_OBJECT
private slots:
    void accepted()
    {
        QCOMPARE(parseRfc3339("1970-01-01T00:00:00Z"), std::optional<std::int64_t>(0));
        QCOMPARE(parseRfc3339("2026-05-01T18:30:00+03:00"), parseRfc3339("2026-05-01T15:30:00Z"));
        QCOMPARE(parseRfc3339("2026-05-01T15:30:00.25Z"),
                 std::optional<std::int64_t>(*parseRfc3339("2026-05-01T15:30:00Z") + 250000));
        QCOMPARE(parseRfc3339("2026-05-01t15:30:00.123456z"),
                 std::optional<std::int64_t>(*parseRfc3339("2026-05-01T15:30:00Z") + 123456));
        QVERIFY(parseRfc3339("2028-02-29T00:00:00Z")); // leap day
        QVERIFY(parseRfc3339("2026-01-01T00:00:00-15:59"));
        QCOMPARE(formatRfc3339(*parseRfc3339("2026-05-01T18:30:00.5+03:00")),
                 std::string("2026-05-01T15:30:00.500000Z"));
    }

    void refused()
    {
        for (const char* bad : {"",
                                "2026-05-01",
                                "2026-05-01 18:30:00Z",
                                "2026-05-01T18:30:00",
                                "2026-05-01T18:30Z",
                                "2026-02-29T00:00:00Z",
                                "2026-13-01T00:00:00Z",
                                "2026-04-31T00:00:00Z",
                                "2026-05-01T24:00:00Z",
                                "2026-05-01T23:60:00Z",
                                "2026-05-01T23:59:60Z",
                                "2026-05-01T18:30:00.Z",
                                "2026-05-01T18:30:00.1234567Z",
                                "2026-05-01T18:30:00+16:00",
                                "2026-05-01T18:30:00+0300",
                                "2026-05-01T18:30:00Z ",
                                " 2026-05-01T18:30:00Z",
                                "1969-12-31T23:59:59Z",
                                "9999-12-31T23:00:00-05:00",
                                "9000-01-01T00:00:00Z",
                                "+2026-05-01T18:30:00Z"})
            QVERIFY2(!parseRfc3339(bad), bad);
        QVERIFY(parseRfc3339("8999-12-31T23:59:59Z"));
    }
};

QTEST_APPLESS_MAIN(TestRfc3339)
#include "test_rfc3339.moc"
