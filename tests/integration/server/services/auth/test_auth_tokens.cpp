// Tokens and sessions over real HTTP: refresh rotation and theft detection, concurrent refreshes,
// sign-out, listing and ending sessions, and the access-token attacks (alg:none, tampering,
// foreign keys, expiry, not-yet-valid, wrong issuer/audience/type) each refused with 401.
#include "integrationsuite.h"

#include "auth/accesstoken.h"
#include "auth/signingkeystore.h"
#include "sbor/base64url.h"

#include <nlohmann/json.hpp>
#include <sodium.h>

#include <QJsonArray>
#include <QJsonDocument>
#include <QtTest>

#include <memory>

using namespace sbor::test;

namespace {

// The server's signing key is set by the test, so the test can mint tokens exactly as an
// attacker holding (or not holding) the key would.
constexpr const char* kSeed = "c2Jvci10ZXN0LXNlZWQtZm9yLWF1dGgtdG9rZW5zLTM"; // 32 bytes, base64url

sbor::auth::SigningKey serverKey()
{
    const auto seed = sbor::base64UrlDecode(kSeed);
    std::array<std::uint8_t, 32> bytes{};
    std::memcpy(bytes.data(), seed->data(), 32);
    auto key = sbor::auth::SigningKey::fromSeed("", bytes);
    key.keyId = sbor::auth::keyIdFor(key.publicKey);
    return key;
}

std::string part(const nlohmann::json& value) { return sbor::base64UrlEncode(value.dump()); }

std::string signWith(const sbor::auth::SigningKey& key, const nlohmann::json& header, const nlohmann::json& payload)
{
    const std::string input = part(header) + "." + part(payload);
    std::array<unsigned char, crypto_sign_BYTES> signature{};
    crypto_sign_detached(signature.data(), nullptr, reinterpret_cast<const unsigned char*>(input.data()), input.size(),
                         key.secretKey.data());
    return input + "." + sbor::base64UrlEncode(signature.data(), signature.size());
}

std::int64_t now() { return QDateTime::currentSecsSinceEpoch(); }

} // namespace

class TestAuthTokens : public IntegrationSuite {
    Q_OBJECT
private slots:
    void initTestCase()
    {
        QVERIFY(sodium_init() >= 0);
        QVERIFY2(startServer({{"SBOR_AUTH_SIGNING_KEY", kSeed}, {"SBOR_AUTH_REFRESH_REUSE_GRACE_SECONDS", "1"}}),
                 problem());
    }

    void loginAnswersInTheDocumentedShape()
    {
        const QString email = uniqueEmail("shape");
        QCOMPARE(m_api->registerUser(email).status, 201);
        const auto login = m_api->login(email);
        QCOMPARE(login.status, 200);
        const QJsonObject body = login.json();
        QCOMPARE(body.value("token_type").toString(), QStringLiteral("Bearer"));
        QCOMPARE(body.value("expires_in").toInt(), 900);
        QVERIFY(body.value("refresh_token").toString().startsWith("rt_"));
        QVERIFY(body.value("refresh_token").toString().size() >= 3 + 22); // ≥128 bits
        QCOMPARE(body.value("user").toObject().value("email").toString(), email);
        // Claims: sub, roles, sid, exp, iat, iss — and exp is 15 minutes after iat.
        const QStringList parts = body.value("access_token").toString().split('.');
        QCOMPARE(parts.size(), 3);
        const auto payload = nlohmann::json::parse(*sbor::base64UrlDecode(parts[1].toStdString()));
        QCOMPARE(QString::fromStdString(payload["sub"]), body.value("user").toObject().value("id").toString());
        QCOMPARE(QString::fromStdString(payload["sid"]), body.value("session_id").toString());
        QCOMPARE(payload["iss"], "sbor");
        QCOMPARE(payload["exp"].get<std::int64_t>() - payload["iat"].get<std::int64_t>(), 900);
        QCOMPARE(payload["roles"], nlohmann::json::array({"attendee"}));
        // Only a hash of the refresh token is stored.
        QVERIFY(m_database.rowsContaining(body.value("refresh_token").toString().toStdString()).empty());
    }

    void refreshRotatesTheToken()
    {
        const SignedInUser user = m_api->signUp("rotate");
        const auto first = m_api->post("/api/v1/auth/refresh", {{"refresh_token", user.refreshToken}});
        QCOMPARE(first.status, 200);
        const QString next = first.json().value("refresh_token").toString();
        QVERIFY(next != user.refreshToken);
        QCOMPARE(first.json().value("session_id").toString(), user.sessionId);
        const QString access = first.json().value("access_token").toString();
        QCOMPARE(m_api->get("/api/v1/users/me", access).status, 200);
        const auto second = m_api->post("/api/v1/auth/refresh", {{"refresh_token", next}});
        QCOMPARE(second.status, 200);
    }

    void reusingARotatedTokenRevokesTheWholeSession()
    {
        const SignedInUser user = m_api->signUp("theft");
        const auto rotated = m_api->post("/api/v1/auth/refresh", {{"refresh_token", user.refreshToken}});
        QCOMPARE(rotated.status, 200);
        const QString current = rotated.json().value("refresh_token").toString();
        const QString currentAccess = rotated.json().value("access_token").toString();
        QTest::qWait(1600); // past the 1 s reuse grace this server is configured with

        const auto reuse = m_api->post("/api/v1/auth/refresh", {{"refresh_token", user.refreshToken}});
        QCOMPARE(reuse.status, 401);
        QCOMPARE(reuse.errorCode(), QStringLiteral("refresh_token_reused"));
        // The legitimate holder's newer token and access token died with the family.
        QCOMPARE(m_api->post("/api/v1/auth/refresh", {{"refresh_token", current}}).status, 401);
        QCOMPARE(m_api->get("/api/v1/users/me", currentAccess).status, 401);
        QCOMPARE(m_api->get("/api/v1/users/me", user.accessToken).status, 401);
        // Other sessions of the same account are not affected; the event is in the audit log.
        const SignedInUser again = m_api->signIn(user.email);
        QCOMPARE(m_api->get("/api/v1/users/me", again.accessToken).status, 200);
        QCOMPARE(
            m_database.query(
                "SELECT count(*) FROM auth.audit_log WHERE action = 'session.refresh_token_reused' AND target_id = '" +
                user.id.toStdString() + "'"),
            std::string("1"));
    }

    void twoConcurrentRefreshesWithTheSameTokenBothSucceed()
    {
        const SignedInUser user = m_api->signUp("tabs");
        const QByteArray body = QJsonDocument(QJsonObject{{"refresh_token", user.refreshToken}}).toJson();
        const QUrl url = m_server->url("/api/v1/auth/refresh");
        const auto results = m_client.sendConcurrently({{"POST", url, body, {}}, {"POST", url, body, {}}});
        QCOMPARE(results[0].status, 200);
        QCOMPARE(results[1].status, 200);
        const QString a = results[0].json().value("refresh_token").toString();
        const QString b = results[1].json().value("refresh_token").toString();
        QVERIFY(a != b);
        QCOMPARE(m_api->post("/api/v1/auth/refresh", {{"refresh_token", a}}).status, 200);
        QCOMPARE(m_api->post("/api/v1/auth/refresh", {{"refresh_token", b}}).status, 200);
    }

    void sessionsEndAfterTheirLifetimeAndWhenIdle()
    {
        const SignedInUser old = m_api->signUp("lifetime");
        const SignedInUser idle = m_api->signIn(old.email);
        // Age the sessions in the database as time would.
        m_database.query("UPDATE auth.sessions SET expires_at = now() - interval '1 second' WHERE id = '" +
                         old.sessionId.toStdString() + "' RETURNING 1");
        m_database.query("UPDATE auth.sessions SET last_used_at = now() - interval '15 days' WHERE id = '" +
                         idle.sessionId.toStdString() + "' RETURNING 1");
        QCOMPARE(m_api->post("/api/v1/auth/refresh", {{"refresh_token", old.refreshToken}}).status, 401);
        QCOMPARE(m_api->post("/api/v1/auth/refresh", {{"refresh_token", idle.refreshToken}}).status, 401);
        // Access tokens follow once the 2 s session cache has let go.
        QTRY_COMPARE_WITH_TIMEOUT(m_api->get("/api/v1/users/me", old.accessToken).status, 401, 5000);
        QTRY_COMPARE_WITH_TIMEOUT(m_api->get("/api/v1/users/me", idle.accessToken).status, 401, 5000);
        const auto listed = m_api->get("/api/v1/auth/sessions", m_api->signIn(old.email).accessToken);
        QCOMPARE(listed.json().value("items").toArray().size(), 1); // only the new one is live
    }

    void badRefreshRequests_data()
    {
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<int>("status");
        QTest::newRow("unknown token") << QByteArray(
                                              R"({"refresh_token":"rt_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"})")
                                       << 401;
        QTest::newRow("not a refresh token") << QByteArray(R"({"refresh_token":"hello"})") << 401;
        QTest::newRow("SQL-looking") << QByteArray("{\"refresh_token\":\"rt_\047 OR \0471\047=\0471\"}") << 401;
        QTest::newRow("wrong type") << QByteArray(R"({"refresh_token":123})") << 422;
        QTest::newRow("missing") << QByteArray(R"({})") << 422;
        QTest::newRow("extra field") << QByteArray(R"({"refresh_token":"rt_x","user_id":"1"})") << 422;
        QTest::newRow("malformed") << QByteArray(R"({"refresh_token":)") << 400;
        QTest::newRow("too long") << QByteArray(R"({"refresh_token":")" + QByteArray(300, 'a') + R"("})") << 422;
    }

    void badRefreshRequests()
    {
        QFETCH(QByteArray, body);
        QFETCH(int, status);
        QCOMPARE(m_api->raw("POST", "/api/v1/auth/refresh", body).status, status);
    }

    void logoutEndsOnlyThisSession()
    {
        const SignedInUser phone = m_api->signUp("logout");
        const SignedInUser laptop = m_api->signIn(phone.email);
        QCOMPARE(m_api->post("/api/v1/auth/logout", {}, phone.accessToken).status, 204);
        QCOMPARE(m_api->get("/api/v1/users/me", phone.accessToken).status, 401);
        QCOMPARE(m_api->post("/api/v1/auth/refresh", {{"refresh_token", phone.refreshToken}}).status, 401);
        QCOMPARE(m_api->get("/api/v1/users/me", laptop.accessToken).status, 200);
        QCOMPARE(m_api->post("/api/v1/auth/logout", {}).status, 401);
    }

    void sessionsAreListedAndEndedOneByOne()
    {
        const QString email = uniqueEmail("sessions");
        QCOMPARE(m_api->registerUser(email).status, 201);
        const auto desktop = m_client.send(
            "POST", m_server->url("/api/v1/auth/login"),
            QJsonDocument(QJsonObject{{"email", email}, {"password", kTestPassword}}).toJson(),
            {{"User-Agent", "SborDesktop/1.0 (Linux)"}});
        QCOMPARE(desktop.status, 200);
        const SignedInUser kiosk = m_api->signIn(email);
        const QString desktopToken = desktop.json().value("access_token").toString();
        const QString desktopSession = desktop.json().value("session_id").toString();

        const auto listed = m_api->get("/api/v1/auth/sessions", kiosk.accessToken);
        QCOMPARE(listed.status, 200);
        const QJsonArray items = listed.json().value("items").toArray();
        QCOMPARE(items.size(), 2);
        bool sawDesktop = false, sawCurrent = false;
        for (const auto& item : items) {
            const QJsonObject session = item.toObject();
            QCOMPARE(session.value("ip").toString(), QStringLiteral("127.0.0.1"));
            QVERIFY(!session.value("created_at").toString().isEmpty() &&
                    !session.value("last_used_at").toString().isEmpty());
            if (session.value("id").toString() == desktopSession) {
                sawDesktop = session.value("user_agent").toString() == "SborDesktop/1.0 (Linux)";
                QVERIFY(!session.value("current").toBool());
            }
            sawCurrent |= session.value("id").toString() == kiosk.sessionId && session.value("current").toBool();
        }
        QVERIFY(sawDesktop && sawCurrent);

        // Someone else cannot end my session, or even learn that it exists.
        const SignedInUser stranger = m_api->signUp("stranger");
        QCOMPARE(m_api->remove("/api/v1/auth/sessions/" + desktopSession, {}, stranger.accessToken).status, 404);
        QCOMPARE(m_api->get("/api/v1/users/me", desktopToken).status, 200);
        QCOMPARE(m_api->remove("/api/v1/auth/sessions/not-a-uuid", {}, kiosk.accessToken).status, 404);

        QCOMPARE(m_api->remove("/api/v1/auth/sessions/" + desktopSession, {}, kiosk.accessToken).status, 204);
        QCOMPARE(m_api->get("/api/v1/users/me", desktopToken).status, 401);
        QCOMPARE(m_api->remove("/api/v1/auth/sessions/" + desktopSession, {}, kiosk.accessToken).status, 404);
        QCOMPARE(m_api->get("/api/v1/auth/sessions", kiosk.accessToken).json().value("items").toArray().size(), 1);
    }

    void forgedAndBrokenAccessTokensAreRefused_data()
    {
        QTest::addColumn<int>("kind");
        QTest::newRow("alg none") << 0;
        QTest::newRow("HS256 with the public key") << 1;
        QTest::newRow("payload tampered (roles: admin)") << 2;
        QTest::newRow("signed by another key") << 3;
        QTest::newRow("expired") << 4;
        QTest::newRow("not valid yet") << 5;
        QTest::newRow("wrong issuer") << 6;
        QTest::newRow("wrong audience") << 7;
        QTest::newRow("typ JWT") << 8;
        QTest::newRow("refresh token as bearer") << 9;
        QTest::newRow("another user's sub with my sid") << 10;
        QTest::newRow("garbage") << 11;
        QTest::newRow("unknown kid") << 12;
        QTest::newRow("signature stripped") << 13;
    }

    void forgedAndBrokenAccessTokensAreRefused()
    {
        QFETCH(int, kind);
        if (!m_victim.id.isEmpty() && m_other.id.isEmpty())
            QFAIL("set-up failed earlier");
        if (m_victim.id.isEmpty()) {
            m_victim = m_api->signUp("victim");
            m_other = m_api->signUp("other");
        }
        const auto key = serverKey();
        const auto foreign = sbor::auth::SigningKey::generate(key.keyId); // same kid, different key
        nlohmann::json header{{"alg", "EdDSA"}, {"typ", "at+jwt"}, {"kid", key.keyId}};
        nlohmann::json payload{{"iss", "sbor"},
                               {"aud", "sbor-api"},
                               {"sub", m_victim.id.toStdString()},
                               {"sid", m_victim.sessionId.toStdString()},
                               {"jti", "x"},
                               {"roles", {"attendee"}},
                               {"iat", now()},
                               {"nbf", now()},
                               {"exp", now() + 600}};
        // The well-formed control token works: every refusal below is for the one thing changed.
        QCOMPARE(m_api->get("/api/v1/users/me", QString::fromStdString(signWith(key, header, payload))).status, 200);

        std::string token;
        switch (kind) {
        case 0:
            token = part({{"alg", "none"}, {"typ", "at+jwt"}}) + "." + part(payload) + ".";
            break;
        case 1: {
            header["alg"] = "HS256";
            const std::string input = part(header) + "." + part(payload);
            std::array<unsigned char, crypto_auth_hmacsha256_BYTES> mac{};
            crypto_auth_hmacsha256(mac.data(), reinterpret_cast<const unsigned char*>(input.data()), input.size(),
                                   key.publicKey.data());
            token = input + "." + sbor::base64UrlEncode(mac.data(), mac.size());
            break;
        }
        case 2: {
            const std::string genuine = signWith(key, header, payload);
            payload["roles"] = {"admin"};
            token = part(header) + "." + part(payload) + genuine.substr(genuine.rfind('.'));
            break;
        }
        case 3:
            token = signWith(foreign, header, payload);
            break;
        case 4:
            payload["exp"] = now() - 120;
            payload["iat"] = now() - 1000;
            payload["nbf"] = now() - 1000;
            token = signWith(key, header, payload);
            break;
        case 5:
            payload["nbf"] = now() + 600;
            token = signWith(key, header, payload);
            break;
        case 6:
            payload["iss"] = "someone-else";
            token = signWith(key, header, payload);
            break;
        case 7:
            payload["aud"] = "another-api";
            token = signWith(key, header, payload);
            break;
        case 8:
            header["typ"] = "JWT";
            token = signWith(key, header, payload);
            break;
        case 9:
            token = m_victim.refreshToken.toStdString();
            break;
        case 10:
            payload["sub"] = m_other.id.toStdString();
            token = signWith(key, header, payload);
            break;
        case 11:
            token = "definitely-not-a-token";
            break;
        case 12:
            header["kid"] = "rotated-away";
            token = signWith(key, header, payload);
            break;
        case 13: {
            const std::string genuine = signWith(key, header, payload);
            token = genuine.substr(0, genuine.rfind('.') + 1);
            break;
        }
        }
        const auto refused = m_api->get("/api/v1/users/me", QString::fromStdString(token));
        QCOMPARE(refused.status, 401);
        QCOMPARE(refused.errorCode(), QStringLiteral("unauthorized"));
        QVERIFY(refused.header("www-authenticate").startsWith("Bearer"));
        // Refused on an admin route too, and nothing was changed by trying.
        QCOMPARE(m_api->get("/api/v1/admin/users", QString::fromStdString(token)).status, 401);
        QCOMPARE(m_database.query("SELECT roles::text FROM auth.users WHERE id = '" + m_victim.id.toStdString() + "'"),
                 std::string("{attendee}"));
    }

    void authorizationHeaderShapes()
    {
        const SignedInUser user = m_api->signUp("header");
        QCOMPARE(
            m_client.get(m_server->url("/api/v1/users/me"), {{"Authorization", "bearer " + user.accessToken.toUtf8()}})
                .status,
            200);
        QCOMPARE(m_client.get(m_server->url("/api/v1/users/me"), {{"Authorization", "Basic dXNlcjpwYXNz"}}).status,
                 401);
        QCOMPARE(m_client.get(m_server->url("/api/v1/users/me"), {{"Authorization", "Bearer"}}).status, 401);
        QCOMPARE(m_client.get(m_server->url("/api/v1/users/me"), {{"Authorization", "Bearer a b"}}).status, 401);
        QCOMPARE(m_client.get(m_server->url("/api/v1/users/me"), {{"Authorization", "Bearer " + QByteArray(5000, 'a')}})
                     .status,
                 401);
        // Public routes ignore credentials entirely, good or bad.
        QCOMPARE(m_client.get(m_server->url("/healthz"), {{"Authorization", "Bearer nonsense"}}).status, 200);
    }

private:
    SignedInUser m_victim;
    SignedInUser m_other;
};

QTEST_MAIN(TestAuthTokens)
#include "test_auth_tokens.moc"
