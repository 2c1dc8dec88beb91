// The client's address: X-Forwarded-For counts only when the peer is a trusted proxy, read from
// the right so a client cannot choose its own address; and the per-client token buckets.
#include "http/clientaddress.h"
#include "http/clientratelimit.h"

#include <QtTest>

using namespace sbor::http;

class TestClientAddress : public QObject {
    Q_OBJECT
private slots:
    void trustedProxyRanges()
    {
        std::string problem;
        const auto proxies = TrustedProxies::parse({"10.0.0.0/8", " 192.168.1.5 ", "::1", "fd00::/8"}, &problem);
        QVERIFY2(proxies, problem.c_str());
        QVERIFY(proxies->contains("10.1.2.3"));
        QVERIFY(proxies->contains("192.168.1.5"));
        QVERIFY(!proxies->contains("192.168.1.6"));
        QVERIFY(proxies->contains("::1"));
        QVERIFY(proxies->contains("fd12::1"));
        QVERIFY(!proxies->contains("11.0.0.1"));
        QVERIFY(!proxies->contains("garbage"));
        QVERIFY(proxies->contains("::ffff:10.9.9.9")); // IPv4-mapped
        QVERIFY(!TrustedProxies::parse({"10.0.0.0/33"}, &problem));
        QVERIFY(!TrustedProxies::parse({"example.org"}, &problem));
        QVERIFY(problem.find("example.org") != std::string::npos);
        QVERIFY(!TrustedProxies::parse({"10.0.0.0/x"}));
        QVERIFY(TrustedProxies::parse({})->empty());
    }

    void resolution()
    {
        const auto none = *TrustedProxies::parse({});
        const auto proxy = *TrustedProxies::parse({"10.0.0.1", "10.0.0.2"});
        // Not from a proxy: the header is the client's own claim and is ignored.
        QCOMPARE(resolveClientAddress("203.0.113.5", "1.2.3.4", none), std::string("203.0.113.5"));
        QCOMPARE(resolveClientAddress("203.0.113.5", "1.2.3.4", proxy), std::string("203.0.113.5"));
        // From a proxy: the rightmost address no trusted proxy stands for.
        QCOMPARE(resolveClientAddress("10.0.0.1", "198.51.100.7", proxy), std::string("198.51.100.7"));
        QCOMPARE(resolveClientAddress("10.0.0.1", "6.6.6.6, 198.51.100.7", proxy), std::string("198.51.100.7"));
        QCOMPARE(resolveClientAddress("10.0.0.1", "6.6.6.6, 198.51.100.7, 10.0.0.2", proxy),
                 std::string("198.51.100.7"));
        QCOMPARE(resolveClientAddress("10.0.0.1", "", proxy), std::string("10.0.0.1"));
        QCOMPARE(resolveClientAddress("10.0.0.1", "not-an-ip", proxy), std::string("10.0.0.1"));
        QCOMPARE(resolveClientAddress("10.0.0.1", "10.0.0.2", proxy),
                 std::string("10.0.0.2")); // only proxies: the farthest
        QCOMPARE(resolveClientAddress("::ffff:127.0.0.1", "", none), std::string("127.0.0.1"));
    }

    void tokenBuckets()
    {
        TokenBuckets buckets(2.0, 3.0); // 2 per second, bursts of 3
        const auto start = std::chrono::steady_clock::time_point{} + std::chrono::hours(1);
        for (int i = 0; i < 3; ++i)
            QVERIFY(!buckets.take("a", start));
        const auto wait = buckets.take("a", start);
        QVERIFY(wait && *wait > 0.49 && *wait <= 0.5);
        QVERIFY(!buckets.take("b", start)); // another client has its own bucket
        QVERIFY(buckets.take("a", start + std::chrono::milliseconds(400)));
        QVERIFY(!buckets.take("a", start + std::chrono::milliseconds(600))); // refilled one token
        QVERIFY(buckets.take("a", start + std::chrono::milliseconds(650)));
        // Refill never exceeds the burst.
        const auto later = start + std::chrono::hours(1);
        for (int i = 0; i < 3; ++i)
            QVERIFY(!buckets.take("a", later));
        QVERIFY(buckets.take("a", later));
    }
};

QTEST_APPLESS_MAIN(TestClientAddress)
#include "test_clientaddress.moc"
