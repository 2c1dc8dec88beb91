#include "auth/accesstoken.h"
#include "sbor/base64url.h"

#include <nlohmann/json.hpp>

#include <QtTest>

using namespace sbor;
using namespace sbor::auth;

namespace {
constexpr std::int64_t kNow = 1'700'000'000;

AccessTokenClaims sampleClaims() { return {"user-1", {"organizer"}, "session-1", "token-1", kNow, kNow + 900}; }

std::string encodeJson(const nlohmann::json& value)
{
    const std::string text = value.dump();
    return base64UrlEncode(reinterpret_cast<const std::uint8_t*>(text.data()), text.size());
}

// Replaces a token's header or payload (keeping the old signature).
std::string withPart(const std::string& token, int part, const nlohmann::json& value)
{
    QStringList parts = QString::fromStdString(token).split('.');
    parts[part] = QString::fromStdString(encodeJson(value));
    return parts.join('.').toStdString();
}

nlohmann::json decodePart(const std::string& token, int part)
{
    const QStringList parts = QString::fromStdString(token).split('.');
    return nlohmann::json::parse(*base64UrlDecode(parts[part].toStdString()));
}

QString reason(const Result<AccessTokenClaims>& result)
{
    return result.ok() ? QString() : QString::fromStdString(result.error().message);
}
} // namespace

class TestAccessToken : public QObject {
    Q_OBJECT
private slots:
    void initTestCase()
    {
        m_key = SigningKey::generate("k1");
        m_verifier.addKey("k1", m_key.publicKey);
    }

    void signedTokenVerifiesWithItsClaims()
    {
        const std::string token = signAccessToken(sampleClaims(), m_key, {});
        const auto claims = m_verifier.verify(token, kNow + 10);
        QVERIFY2(claims.ok(), qPrintable(reason(claims)));
        QCOMPARE(QString::fromStdString(claims->subject), QStringLiteral("user-1"));
        QCOMPARE(claims->roles, std::vector<std::string>{"organizer"});
        QCOMPARE(QString::fromStdString(claims->sessionId), QStringLiteral("session-1"));
        QCOMPARE(decodePart(token, 0)["typ"], "at+jwt");
        QCOMPARE(decodePart(token, 0)["alg"], "EdDSA");
    }

    void refusals_data()
    {
        QTest::addColumn<QString>("kind");
        QTest::addColumn<QString>("expectedReason");
        QTest::newRow("alg none") << "alg-none"
                                  << "algorithm";
        QTest::newRow("alg HS256") << "alg-hs256"
                                   << "algorithm";
        QTest::newRow("refresh typ") << "typ-refresh"
                                     << "typ";
        QTest::newRow("unknown kid") << "kid"
                                     << "unknown key";
        QTest::newRow("tampered payload") << "tampered"
                                          << "bad signature";
        QTest::newRow("other key") << "other-key"
                                   << "bad signature";
        QTest::newRow("expired") << "expired"
                                 << "expired";
        QTest::newRow("not yet valid") << "future"
                                       << "not valid yet";
        QTest::newRow("wrong issuer") << "issuer"
                                      << "wrong issuer";
        QTest::newRow("wrong audience") << "audience"
                                        << "wrong audience";
        QTest::newRow("two parts") << "two-parts"
                                   << "three parts";
        QTest::newRow("garbage") << "garbage"
                                 << "base64url";
        // Found while hardening for issue 13: a header value of another type threw out of verify()
        // (a 500 for any request carrying such a token), and a key named twice was taken.
        QTest::newRow("alg a number") << "alg-number"
                                      << "algorithm";
        QTest::newRow("kid an object") << "kid-object"
                                       << "unknown key";
        QTest::newRow("alg twice") << "alg-twice"
                                   << "not JSON";
        QTest::newRow("header 1e999") << "header-1e999"
                                      << "not JSON";
    }

    void refusals()
    {
        QFETCH(QString, kind);
        QFETCH(QString, expectedReason);
        const std::string good = signAccessToken(sampleClaims(), m_key, {});
        std::string token = good;
        std::int64_t now = kNow + 10;
        nlohmann::json header = decodePart(good, 0), payload = decodePart(good, 1);
        if (kind == "alg-none") {
            header["alg"] = "none";
            token = withPart(good, 0, header);
            token = token.substr(0, token.rfind('.') + 1); // no signature at all
        } else if (kind == "alg-hs256") {
            header["alg"] = "HS256";
            token = withPart(good, 0, header);
        } else if (kind == "typ-refresh") {
            header["typ"] = "rt+jwt";
            token = withPart(good, 0, header);
        } else if (kind == "kid") {
            header["kid"] = "k9";
            token = withPart(good, 0, header);
        } else if (kind == "tampered") {
            payload["roles"] = {"admin"};
            token = withPart(good, 1, payload);
        } else if (kind == "other-key") {
            SigningKey other = SigningKey::generate("k1"); // same id, different key
            token = signAccessToken(sampleClaims(), other, {});
        } else if (kind == "expired") {
            now = kNow + 900 + 31;
        } else if (kind == "future") {
            now = kNow - 60;
        } else if (kind == "issuer") {
            TokenAudience wrong;
            wrong.issuer = "someone-else";
            token = signAccessToken(sampleClaims(), m_key, wrong);
        } else if (kind == "audience") {
            TokenAudience wrong;
            wrong.audience = "kiosk";
            token = signAccessToken(sampleClaims(), m_key, wrong);
        } else if (kind == "two-parts") {
            token = good.substr(0, good.rfind('.'));
        } else if (kind == "garbage") {
            token = "a.b!.c";
        } else if (kind == "alg-number") {
            header["alg"] = 1;
            token = withPart(good, 0, header);
        } else if (kind == "kid-object") {
            header["kid"] = {{"k", 1}};
            token = withPart(good, 0, header);
        } else if (kind == "alg-twice" || kind == "header-1e999") {
            std::string text = header.dump();
            text.insert(text.size() - 1, kind == "alg-twice" ? ",\"alg\":\"none\"" : ",\"x\":1e999");
            QStringList parts = QString::fromStdString(good).split('.');
            parts[0] = QString::fromStdString(
                base64UrlEncode(reinterpret_cast<const std::uint8_t*>(text.data()), text.size()));
            token = parts.join('.').toStdString();
        }
        const auto result = m_verifier.verify(token, now);
        QVERIFY(!result.ok());
        QCOMPARE(result.error().code, ErrorCode::Unauthorized);
        QVERIFY2(reason(result).contains(expectedReason), qPrintable(reason(result)));
    }

    void leewayAllowsSmallClockSkew()
    {
        const std::string token = signAccessToken(sampleClaims(), m_key, {});
        QVERIFY(m_verifier.verify(token, kNow + 900 + 29).ok());
        QVERIFY(m_verifier.verify(token, kNow - 29).ok());
    }

    void rotatedKeysBothVerify()
    {
        AccessTokenVerifier verifier({});
        const SigningKey old = SigningKey::generate("2026-10");
        const SigningKey current = SigningKey::generate("2026-11");
        verifier.addKey(old.keyId, old.publicKey);
        verifier.addKey(current.keyId, current.publicKey);
        QVERIFY(verifier.verify(signAccessToken(sampleClaims(), old, {}), kNow).ok());
        QVERIFY(verifier.verify(signAccessToken(sampleClaims(), current, {}), kNow).ok());
        std::array<std::uint8_t, 32> seed{};
        seed.fill(7);
        QCOMPARE(SigningKey::fromSeed("a", seed).publicKey,
                 SigningKey::fromSeed("b", seed).publicKey); // deterministic from the seed
    }

private:
    SigningKey m_key;
    AccessTokenVerifier m_verifier{TokenAudience{}};
};

QTEST_APPLESS_MAIN(TestAccessToken)
#include "test_accesstoken.moc"
