// The auth service's small rules: profile field checks, the failed-login throttle, and the
// opaque tokens it hands out (refresh tokens, recovery codes).
#include "auth/loginthrottle.h"
#include "auth/opaquetokens.h"
#include "auth/profilerules.h"

#include <QtTest>

#include <set>

using namespace sbor::auth;

class TestAuthRules : public QObject {
    Q_OBJECT
private slots:
    void emails()
    {
        for (const char* good :
             {"a@example.org", "o'brien+tag@sub.example.co.uk", "ирина@пример.рф", "x_y.z@ex-ample.org"})
            QVERIFY2(!emailProblem(good), good);
        for (const char* bad : {"", "example.org", "@example.org", "a@", "a@b", "a@@example.org", "a@b@example.org",
                                "a b@example.org", "a@.example.org", "a@example.org.", "a@exa..mple.org",
                                "a@-example.org", "\"a\"@example.org", "a@exa_mple.org", "a\n@example.org"})
            QVERIFY2(emailProblem(bad), bad);
        QVERIFY(emailProblem(std::string(65, 'a') + "@example.org"));
        QVERIFY(emailProblem(std::string(250, 'a') + ".org"));
    }

    void namesPhonesCountriesLocales()
    {
        QVERIFY(!nameProblem("Анна-Мария О'Нил 🦔"));
        QVERIFY(nameProblem(""));
        QVERIFY(nameProblem("   "));
        QVERIFY(nameProblem("tab\there"));
        QVERIFY(!nameProblem(std::string(200, 'n')));
        QVERIFY(nameProblem(std::string(201, 'n')));
        QVERIFY(!nameProblem("я" + std::string())); // one Cyrillic character, two bytes
        QVERIFY(nameProblem("\xff\xfe"));           // not UTF-8
        QVERIFY(!phoneProblem("+7 (999) 123-45-67"));
        QVERIFY(!phoneProblem(""));
        QVERIFY(phoneProblem("1234"));
        QVERIFY(phoneProblem("12+345678"));
        QVERIFY(phoneProblem("1234567890123456"));
        QVERIFY(!countryProblem("RU") && !countryProblem(""));
        QVERIFY(countryProblem("ru") && countryProblem("RUS") && countryProblem("R1"));
        for (const char* good : {"ru", "en-GB", "zh-Hans-CN", "sr-Latn", ""})
            QVERIFY2(!localeProblem(good), good);
        for (const char* bad : {"r", "RU", "english", "en_GB", "en-", "-en", "en-G"})
            QVERIFY2(localeProblem(bad), bad);
    }

    void throttleCountsFailuresPerKeyInAWindow()
    {
        LoginThrottle throttle(2, 5, std::chrono::seconds(60));
        QVERIFY(!throttle.blockedFor("a", "1.1.1.1"));
        throttle.recordFailure("a", "1.1.1.1");
        throttle.recordFailure("a", "1.1.1.1");
        const auto blocked = throttle.blockedFor("a", "2.2.2.2"); // per account, from anywhere
        QVERIFY(blocked && *blocked >= 1 && *blocked <= 61);
        QVERIFY(!throttle.blockedFor("b", "1.1.1.1")); // the client has 2 of its 5
        for (int i = 0; i < 3; ++i)
            throttle.recordFailure("other" + std::to_string(i), "1.1.1.1");
        QVERIFY(throttle.blockedFor("c", "1.1.1.1")); // now the client is over its 5
        QVERIFY(!throttle.blockedFor("c", "3.3.3.3"));
        throttle.recordSuccess("a");
        QVERIFY(!throttle.blockedFor("a", "2.2.2.2"));
    }

    void throttleWindowEnds()
    {
        LoginThrottle throttle(1, 100, std::chrono::seconds(1));
        throttle.recordFailure("a", "1.1.1.1");
        QVERIFY(throttle.blockedFor("a", "1.1.1.1"));
        QTest::qWait(1100);
        QVERIFY(!throttle.blockedFor("a", "1.1.1.1"));
    }

    void opaqueTokens()
    {
        std::set<std::string> seen;
        for (int i = 0; i < 100; ++i) {
            const std::string token = newRefreshToken();
            QVERIFY(looksLikeRefreshToken(token));
            QVERIFY(seen.insert(token).second);
        }
        QVERIFY(!looksLikeRefreshToken("rt_short"));
        QVERIFY(!looksLikeRefreshToken("xx_" + newRefreshToken().substr(3)));
        const auto codes = newRecoveryCodes();
        QCOMPARE(codes.size(), std::size_t(10));
        QCOMPARE(std::set<std::string>(codes.begin(), codes.end()).size(), std::size_t(10));
        QCOMPARE(codes[0].size(), std::size_t(14));
        QCOMPARE(normalizeRecoveryCode("AB12-cd34 EF56"), std::string("ab12cd34ef56"));
        QCOMPARE(sha256Hex("abc"), std::string("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"));
    }
};

QTEST_APPLESS_MAIN(TestAuthRules)
#include "test_authrules.moc"
