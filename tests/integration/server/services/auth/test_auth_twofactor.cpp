// Two-factor authentication over real HTTP: setup needs the password, enable proves the app has
// the secret, sign-in then needs a code, a code works once, recovery codes work once, and
// disable needs the password and a code. Codes are computed here with the RFC 6238 algorithm
// (tested against the RFC's own vectors in the unit tests).
#include "integrationsuite.h"

#include "auth/totp.h"

#include <QJsonArray>
#include <QUrlQuery>
#include <QtTest>

#include <memory>

using namespace sbor::test;

namespace {

QString codeAt(const QString& secret, std::int64_t offsetSeconds)
{
    const auto bytes = sbor::auth::base32Decode(secret.toStdString());
    return QString::fromStdString(sbor::auth::totpAt(*bytes, QDateTime::currentSecsSinceEpoch() + offsetSeconds));
}

} // namespace

class TestAuthTwoFactor : public IntegrationSuite {
    Q_OBJECT
private slots:
    void initTestCase() { QVERIFY2(startServer(), problem()); }

    void enableSignInWithCodesAndDisable()
    {
        const SignedInUser user = m_api->signUp("totp");
        const SignedInUser otherDevice = m_api->signIn(user.email);

        QCOMPARE(m_api->post("/api/v1/auth/2fa/setup", {{"password", "not the password"}}, user.accessToken).status,
                 422);
        QCOMPARE(m_api->post("/api/v1/auth/2fa/setup", {}, user.accessToken).status, 422);
        QCOMPARE(m_api->post("/api/v1/auth/2fa/setup", {{"password", kTestPassword}}).status, 401);
        QCOMPARE(m_api->post("/api/v1/auth/2fa/enable", {{"code", "123456"}}, user.accessToken).status,
                 409); // no setup yet

        const auto setup = m_api->post("/api/v1/auth/2fa/setup", {{"password", kTestPassword}}, user.accessToken);
        QCOMPARE(setup.status, 200);
        const QString secret = setup.json().value("secret").toString();
        QVERIFY(secret.size() >= 32); // 160 bits in base32
        const QUrl uri(setup.json().value("otpauth_uri").toString());
        QCOMPARE(uri.scheme(), QStringLiteral("otpauth"));
        QCOMPARE(uri.host(), QStringLiteral("totp"));
        const QUrlQuery query(uri);
        QCOMPARE(query.queryItemValue("secret"), secret);
        QCOMPARE(query.queryItemValue("issuer"), QStringLiteral("Sbor"));
        QCOMPARE(query.queryItemValue("digits"), QStringLiteral("6"));
        QCOMPARE(query.queryItemValue("period"), QStringLiteral("30"));
        // Not on until confirmed: sign-in still needs no code.
        QCOMPARE(m_api->login(user.email).status, 200);

        const QString wrong = codeAt(secret, 0) == "000000" ? "111111" : "000000";
        auto enabled = m_api->post("/api/v1/auth/2fa/enable", {{"code", wrong}}, user.accessToken);
        QCOMPARE(enabled.status, 401);
        QCOMPARE(enabled.errorCode(), QStringLiteral("invalid_otp"));
        QCOMPARE(m_api->post("/api/v1/auth/2fa/enable", {{"code", 123456}}, user.accessToken).status, 422);
        const QString enableCode = codeAt(secret, 0);
        enabled = m_api->post("/api/v1/auth/2fa/enable", {{"code", enableCode}, {"end_other_sessions", true}},
                              user.accessToken);
        QCOMPARE(enabled.status, 200);
        const QJsonArray recovery = enabled.json().value("recovery_codes").toArray();
        QCOMPARE(recovery.size(), 10);
        QCOMPARE(enabled.json().value("ended_sessions").toInt(), 2); // otherDevice and the check sign-in above
        QCOMPARE(m_api->get("/api/v1/users/me", otherDevice.accessToken).status, 401);
        const auto me = m_api->get("/api/v1/users/me", user.accessToken);
        QVERIFY(me.json().value("two_factor_enabled").toBool());
        QVERIFY(!me.body.contains(secret.toUtf8()));
        QCOMPARE(m_api->post("/api/v1/auth/2fa/setup", {{"password", kTestPassword}}, user.accessToken).status, 409);
        // Recovery codes are stored hashed.
        for (const auto& code : recovery)
            QVERIFY(m_database.rowsContaining(code.toString().toStdString()).empty());

        // Sign-in now needs the second factor.
        auto login = m_api->login(user.email);
        QCOMPARE(login.status, 401);
        QCOMPARE(login.errorCode(), QStringLiteral("otp_required"));
        QCOMPARE(m_api->login(user.email, "wrong password!!", codeAt(secret, 30)).errorCode(),
                 QStringLiteral("invalid_credentials"));
        login = m_api->login(user.email, kTestPassword, wrong);
        QCOMPARE(login.errorCode(), QStringLiteral("invalid_otp"));
        // The enable code's step is used up; the next step's code (within the ±1 window) works once.
        QCOMPARE(m_api->login(user.email, kTestPassword, enableCode).errorCode(), QStringLiteral("invalid_otp"));
        const QString next = codeAt(secret, 30);
        QCOMPARE(m_api->login(user.email, kTestPassword, next).status, 200);
        const auto replay = m_api->login(user.email, kTestPassword, next);
        QCOMPARE(replay.status, 401);
        QCOMPARE(replay.errorCode(), QStringLiteral("invalid_otp"));
        QCOMPARE(m_api->login(user.email, kTestPassword, codeAt(secret, 120)).errorCode(),
                 QStringLiteral("invalid_otp")); // outside ±1 step

        // A recovery code works once, however it is typed.
        const QString firstCode = recovery.at(0).toString();
        QCOMPARE(m_api->login(user.email, kTestPassword, firstCode.toUpper().remove('-')).status, 200);
        QCOMPARE(m_api->login(user.email, kTestPassword, firstCode).errorCode(), QStringLiteral("invalid_otp"));
        QCOMPARE(m_database.query("SELECT count(*) FROM auth.recovery_codes WHERE used_at IS NULL AND user_id = '" +
                                  user.id.toStdString() + "'"),
                 std::string("9"));

        // Disable: password and a code (here a recovery code) are both required.
        const QString secondCode = recovery.at(1).toString();
        QCOMPARE(m_api->post("/api/v1/auth/2fa/disable", {{"password", kTestPassword}}, user.accessToken).status, 422);
        QCOMPARE(m_api
                     ->post("/api/v1/auth/2fa/disable", {{"password", "not the password"}, {"code", secondCode}},
                            user.accessToken)
                     .status,
                 422);
        QCOMPARE(
            m_api
                ->post("/api/v1/auth/2fa/disable", {{"password", kTestPassword}, {"code", firstCode}}, user.accessToken)
                .status,
            401);
        const auto disabled = m_api->post("/api/v1/auth/2fa/disable",
                                          {{"password", kTestPassword}, {"code", secondCode}}, user.accessToken);
        QCOMPARE(disabled.status, 200);
        QCOMPARE(m_api->login(user.email).status, 200);
        QCOMPARE(m_database.query("SELECT count(*) FROM auth.recovery_codes WHERE user_id = '" + user.id.toStdString() +
                                  "'"),
                 std::string("0"));
        QCOMPARE(
            m_api->post("/api/v1/auth/2fa/disable", {{"password", kTestPassword}, {"code", "123456"}}, user.accessToken)
                .status,
            409);
        QCOMPARE(m_database.query("SELECT count(*) FROM auth.audit_log WHERE target_id = '" + user.id.toStdString() +
                                  "' AND action LIKE 'user.two_factor_%'"),
                 std::string("2"));
    }

    void concurrentSignInsWithOneCodeLetOnlyOneThrough()
    {
        const SignedInUser user = m_api->signUp("race2fa");
        const QString secret = m_api->post("/api/v1/auth/2fa/setup", {{"password", kTestPassword}}, user.accessToken)
                                   .json()
                                   .value("secret")
                                   .toString();
        QCOMPARE(m_api->post("/api/v1/auth/2fa/enable", {{"code", codeAt(secret, 0)}}, user.accessToken).status, 200);
        const QByteArray body =
            QJsonDocument(QJsonObject{{"email", user.email}, {"password", kTestPassword}, {"otp", codeAt(secret, 30)}})
                .toJson();
        QList<HttpClient::Request> requests;
        for (int i = 0; i < 4; ++i)
            requests.append({"POST", m_server->url("/api/v1/auth/login"), body, {}});
        int accepted = 0;
        for (const auto& result : m_client.sendConcurrently(requests))
            accepted += result.status == 200;
        QCOMPARE(accepted, 1);
    }
};

QTEST_MAIN(TestAuthTwoFactor)
#include "test_auth_twofactor.moc"
