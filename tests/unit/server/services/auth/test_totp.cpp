#include "auth/totp.h"

#include <QtTest>

using namespace sbor::auth;

namespace {
std::vector<std::uint8_t> rfcSecret()
{
    const std::string text = "12345678901234567890";
    return {text.begin(), text.end()};
}
} // namespace

class TestTotp : public QObject {
    Q_OBJECT
private slots:
    void hotpMatchesRfc4226Vectors()
    {
        const char* expected[] = {"755224", "287082", "359152", "969429", "338314",
                                  "254676", "287922", "162583", "399871", "520489"};
        for (int counter = 0; counter < 10; ++counter)
            QCOMPARE(QString::fromStdString(hotp(rfcSecret(), counter)), QString::fromLatin1(expected[counter]));
    }

    void totpMatchesRfc6238Sha1Vectors_data()
    {
        QTest::addColumn<qint64>("time");
        QTest::addColumn<QString>("code");
        QTest::newRow("59") << qint64(59) << "94287082";
        QTest::newRow("1111111109") << qint64(1111111109) << "07081804";
        QTest::newRow("1111111111") << qint64(1111111111) << "14050471";
        QTest::newRow("1234567890") << qint64(1234567890) << "89005924";
        QTest::newRow("2000000000") << qint64(2000000000) << "69279037";
        QTest::newRow("20000000000") << qint64(20000000000) << "65353130";
    }

    void totpMatchesRfc6238Sha1Vectors()
    {
        QFETCH(qint64, time);
        QFETCH(QString, code);
        TotpSettings eightDigits;
        eightDigits.digits = 8;
        QCOMPARE(QString::fromStdString(totpAt(rfcSecret(), time, eightDigits)), code);
        // the 6-digit code is the same value modulo 10^6
        QCOMPARE(QString::fromStdString(totpAt(rfcSecret(), time)), code.right(6));
    }

    void verifyAcceptsOneStepOfDriftAndRefusesReplay()
    {
        const auto secret = newTotpSecret();
        QCOMPARE(secret.size(), size_t(20));
        const std::int64_t now = 1'700'000'000;
        const std::string current = totpAt(secret, now);
        const auto step = verifyTotp(secret, current, now);
        QVERIFY(step);
        QCOMPARE(*step, now / 30);
        QVERIFY(verifyTotp(secret, totpAt(secret, now - 30), now));  // one step late
        QVERIFY(verifyTotp(secret, totpAt(secret, now + 30), now));  // one step early
        QVERIFY(!verifyTotp(secret, totpAt(secret, now - 90), now)); // too old
        QVERIFY(!verifyTotp(secret, current, now, step));            // replayed
        QVERIFY(!verifyTotp(secret, "12345", now));                  // wrong length
        QVERIFY(!verifyTotp(secret, "abcdef", now));
    }

    void base32RoundTripsAndRejectsGarbage()
    {
        const std::vector<std::uint8_t> bytes = {'f', 'o', 'o', 'b', 'a', 'r'};
        QCOMPARE(QString::fromStdString(base32Encode(bytes)),
                 QStringLiteral("MZXW6YTBOI")); // RFC 4648 "foobar" without padding
        QCOMPARE(*base32Decode("mzxw6ytboi======"), bytes);
        QVERIFY(!base32Decode("MZXW1")); // '1' is not in the alphabet
        const auto secret = newTotpSecret();
        QCOMPARE(*base32Decode(base32Encode(secret)), secret);
    }

    void otpauthUriIsWhatAuthenticatorAppsRead()
    {
        const std::string uri = otpauthUri("Sbor", "anna+door@example.org", rfcSecret());
        QCOMPARE(QString::fromStdString(uri),
                 QStringLiteral("otpauth://totp/Sbor:anna%2Bdoor@example.org?secret=GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ"
                                "&issuer=Sbor&algorithm=SHA1&digits=6&period=30"));
    }
};

QTEST_APPLESS_MAIN(TestTotp)
#include "test_totp.moc"
