// Step-up authentication over real HTTP (issue 17): blocking, unblocking and role changes need a
// password proof within the last five minutes; an older sign-in gets 401 reauthentication_required
// until POST /auth/reauthenticate proves the password (and the second factor) again. Sessions are
// aged in the database, the clock the server reads.
#include "integrationsuite.h"

#include "auth/totp.h"

#include <QJsonArray>
#include <QtTest>

using namespace sbor::test;

namespace {

QString totpNow(const QString& secret)
{
    const auto bytes = sbor::auth::base32Decode(secret.toStdString());
    return bytes ? QString::fromStdString(sbor::auth::totpAt(*bytes, QDateTime::currentSecsSinceEpoch())) : QString();
}

} // namespace

class TestAuthStepUp : public IntegrationSuite {
    Q_OBJECT
    SignedInUser m_stepUpAdmin;

    // A kiosk enrolled for an event of its own organizer: its device token.
    QString enrollKiosk()
    {
        QString event, type;
        if (!signUpOrganizer("stepup-organizer") ||
            !publishEvent(event, "Step-up night", 30, {{type, {{"name", "Free"}, {"price", 0}, {"quota", 10}}}}))
            return {};
        SalesApi sales(*m_api, m_organizer.accessToken);
        return sales.enrollKiosk(event, sales.addCheckInList(event, "Gate"));
    }

    QString blockPath(const SignedInUser& user) const { return "/api/v1/admin/users/" + user.id + "/block"; }

private slots:
    void initTestCase()
    {
        QVERIFY2(startServer(), problem());
        const QString email = uniqueEmail("stepup-admin");
        QVERIFY(!AuthApi::createWithCli(m_database.url(), email, "admin").isEmpty());
        m_stepUpAdmin = m_api->signIn(email);
        QVERIFY(!m_stepUpAdmin.accessToken.isEmpty());
        QVERIFY(!m_stepUpAdmin.sessionId.isEmpty());
    }

    void aFreshSignInMayBlockAtOnce()
    {
        const SignedInUser target = m_api->signUp("stepup-fresh");
        QCOMPARE(m_api->post(blockPath(target), {{"reason", "spam"}}, m_stepUpAdmin.accessToken).status, 200);
        QCOMPARE(m_api->post("/api/v1/admin/users/" + target.id + "/unblock", {}, m_stepUpAdmin.accessToken).status,
                 200);
    }

    void anOldSignInIsAskedForThePasswordAndNothingChanges()
    {
        const SignedInUser target = m_api->signUp("stepup-target");
        ageSignIn(m_stepUpAdmin, 301);
        const auto refused = m_api->post(blockPath(target), {{"reason", "spam"}}, m_stepUpAdmin.accessToken);
        QCOMPARE(refused.status, 401);
        QCOMPARE(refused.errorCode(), QStringLiteral("reauthentication_required"));
        QCOMPARE(refused.json().value("error").toObject().value("details").toObject().value("window_seconds").toInt(),
                 300);
        const auto roles = m_api->put("/api/v1/admin/users/" + target.id + "/roles", {{"roles", QJsonArray{"support"}}},
                                      m_stepUpAdmin.accessToken);
        QCOMPARE(roles.errorCode(), QStringLiteral("reauthentication_required"));
        QCOMPARE(
            m_api->post("/api/v1/admin/users/" + target.id + "/unblock", {}, m_stepUpAdmin.accessToken).errorCode(),
            QStringLiteral("reauthentication_required"));
        // Nothing changed, and the same token still reads (only changes need the proof).
        const auto read = m_api->get("/api/v1/users/" + target.id, m_stepUpAdmin.accessToken);
        QCOMPARE(read.status, 200);
        QCOMPARE(read.json().value("status").toString(), QStringLiteral("active"));
        QCOMPARE(read.json().value("roles").toArray(), QJsonArray{"attendee"});
        QCOMPARE(m_api->get("/api/v1/admin/users?q=stepup", m_stepUpAdmin.accessToken).status, 200);
        QCOMPARE(m_api->login(target.email).status, 200); // not blocked
    }

    void reauthenticationRefusesBadInputAndStrangers()
    {
        const QString path = "/api/v1/auth/reauthenticate";
        QCOMPARE(m_api->post(path, {{"password", kTestPassword}}).status, 401); // no token
        QCOMPARE(m_api->post(path, {}, m_stepUpAdmin.accessToken).status, 422);
        QCOMPARE(m_api->post(path, {{"password", 42}}, m_stepUpAdmin.accessToken).status, 422);
        QCOMPARE(m_api->post(path, {{"password", QString(2000, 'p')}}, m_stepUpAdmin.accessToken).status, 422);
        const auto wrong = m_api->post(path, {{"password", "not the password at all"}}, m_stepUpAdmin.accessToken);
        QCOMPARE(wrong.status, 401);
        QCOMPARE(wrong.errorCode(), QStringLiteral("invalid_credentials"));
        // A kiosk has no password: its token is refused on this route.
        const auto kiosk = enrollKiosk();
        QVERIFY2(!kiosk.isEmpty(), problem());
        const auto byKiosk = m_api->post(path, {{"password", kTestPassword}}, kiosk);
        QVERIFY2(byKiosk.status == 401 || byKiosk.status == 403, qPrintable(QString::number(byKiosk.status)));
        // Someone else's password proves nothing for this session.
        const SignedInUser other = m_api->signUp("stepup-other", "another person's long password");
        QVERIFY(!other.accessToken.isEmpty());
        QCOMPARE(m_api->post(path, {{"password", other.password}}, m_stepUpAdmin.accessToken).errorCode(),
                 QStringLiteral("invalid_credentials"));
    }

    void reauthenticatingRenewsThisSessionOnly()
    {
        const SignedInUser target = m_api->signUp("stepup-renewed");
        const SignedInUser secondConsole = m_api->signIn(m_stepUpAdmin.email);
        ageSignIn(m_stepUpAdmin, 600);
        ageSignIn(secondConsole, 600);
        const auto renewed = m_api->post("/api/v1/auth/reauthenticate", {{"password", kTestPassword}},
                                         m_stepUpAdmin.accessToken);
        QCOMPARE(renewed.status, 200);
        const QDateTime signedInAt = QDateTime::fromString(renewed.json().value("signed_in_at").toString(),
                                                           Qt::ISODateWithMs);
        const QDateTime until = QDateTime::fromString(renewed.json().value("step_up_until").toString(),
                                                      Qt::ISODateWithMs);
        QVERIFY(qAbs(signedInAt.secsTo(QDateTime::currentDateTimeUtc())) < 60);
        QCOMPARE(signedInAt.secsTo(until), 300);
        QCOMPARE(m_api->post(blockPath(target), {}, m_stepUpAdmin.accessToken).status, 200);
        QCOMPARE(m_api->login(target.email).errorCode(), QStringLiteral("account_blocked"));
        // The other console of the same admin proved nothing.
        QCOMPARE(
            m_api->post("/api/v1/admin/users/" + target.id + "/unblock", {}, secondConsole.accessToken).errorCode(),
            QStringLiteral("reauthentication_required"));
    }

    void withTwoFactorTheCodeIsAskedForToo()
    {
        const QString email = uniqueEmail("stepup-2fa-admin");
        QVERIFY(!AuthApi::createWithCli(m_database.url(), email, "admin").isEmpty());
        const SignedInUser admin = m_api->signIn(email);
        const auto setup = m_api->post("/api/v1/auth/2fa/setup", {{"password", kTestPassword}}, admin.accessToken);
        QCOMPARE(setup.status, 200);
        const QString code = totpNow(setup.json().value("secret").toString());
        const auto enabled = m_api->post("/api/v1/auth/2fa/enable", {{"code", code}}, admin.accessToken);
        QCOMPARE(enabled.status, 200);
        const QJsonArray recovery = enabled.json().value("recovery_codes").toArray();
        QVERIFY(recovery.size() >= 2);
        ageSignIn(admin, 400);
        const QString path = "/api/v1/auth/reauthenticate";
        QCOMPARE(m_api->post(path, {{"password", kTestPassword}}, admin.accessToken).errorCode(),
                 QStringLiteral("otp_required"));
        QCOMPARE(m_api->post(path, {{"password", kTestPassword}, {"otp", "000000x"}}, admin.accessToken).errorCode(),
                 QStringLiteral("invalid_otp"));
        const SignedInUser target = m_api->signUp("stepup-2fa-target");
        QCOMPARE(m_api->post(blockPath(target), {}, admin.accessToken).errorCode(),
                 QStringLiteral("reauthentication_required"));
        QCOMPARE(m_api->post(path, {{"password", kTestPassword}, {"otp", recovery.at(0).toString()}}, admin.accessToken)
                     .status,
                 200);
        QCOMPARE(m_api->post(blockPath(target), {}, admin.accessToken).status, 200);
    }

    // Ending someone's sessions and resetting their second factor: admins only, with step-up,
    // audited; nobody else can do either to anyone.
    void endingSessionsAndResettingTwoFactor()
    {
        const SignedInUser person = m_api->signUp("stepup-lost-phone");
        const SignedInUser laptop = m_api->signIn(person.email);
        const auto setup = m_api->post("/api/v1/auth/2fa/setup", {{"password", kTestPassword}}, person.accessToken);
        QCOMPARE(m_api
                     ->post("/api/v1/auth/2fa/enable", {{"code", totpNow(setup.json().value("secret").toString())}},
                            person.accessToken)
                     .status,
                 200);
        const QString sessions = "/api/v1/admin/users/" + person.id + "/sessions";
        const QString reset = "/api/v1/admin/users/" + person.id + "/2fa/reset";

        // Strangers: the person themself, an organizer, anonymous, a kiosk.
        QVERIFY2(signUpOrganizer("stepup-org2"), problem());
        for (const QString& token : {person.accessToken, m_organizer.accessToken}) {
            QCOMPARE(m_api->remove(sessions, {}, token).status, 403);
            QCOMPARE(m_api->post(reset, {}, token).status, 403);
        }
        QCOMPARE(m_api->remove(sessions, {}).status, 401);
        QCOMPARE(m_api->post(reset, {}).status, 401);
        const QString kiosk = enrollKiosk();
        QVERIFY2(!kiosk.isEmpty(), problem());
        QVERIFY(m_api->remove(sessions, {}, kiosk).status == 401 || m_api->remove(sessions, {}, kiosk).status == 403);
        QVERIFY(m_api->post(reset, {}, kiosk).status == 401 || m_api->post(reset, {}, kiosk).status == 403);
        QCOMPARE(m_api->get("/api/v1/users/me", laptop.accessToken).status, 200); // nothing ended

        // An old sign-in: refused, nothing changes.
        const SignedInUser admin = m_api->signIn(m_stepUpAdmin.email);
        ageSignIn(admin, 900);
        QCOMPARE(m_api->remove(sessions, {}, admin.accessToken).errorCode(),
                 QStringLiteral("reauthentication_required"));
        QCOMPARE(m_api->post(reset, {}, admin.accessToken).errorCode(), QStringLiteral("reauthentication_required"));
        QCOMPARE(m_api->get("/api/v1/users/me", laptop.accessToken).status, 200);
        QVERIFY(m_api->get("/api/v1/users/me", person.accessToken).json().value("two_factor_enabled").toBool());
        QCOMPARE(m_api->post("/api/v1/auth/reauthenticate", {{"password", kTestPassword}}, admin.accessToken).status,
                 200);

        QCOMPARE(m_api->remove("/api/v1/admin/users/not-a-user/sessions", {}, admin.accessToken).status, 404);
        QCOMPARE(
            m_api->post("/api/v1/admin/users/00000000-0000-0000-0000-000000000000/2fa/reset", {}, admin.accessToken)
                .status,
            404);
        const auto wasReset = m_api->post(reset, {}, admin.accessToken);
        QCOMPARE(wasReset.status, 200);
        QVERIFY(!wasReset.json().value("two_factor_enabled").toBool(true));
        QCOMPARE(m_api->post(reset, {}, admin.accessToken).status, 409); // already off
        QCOMPARE(m_api->login(person.email).status, 200);                // the password alone signs in again

        const auto ended = m_api->remove(sessions, {}, admin.accessToken);
        QCOMPARE(ended.status, 200);
        QVERIFY(ended.json().value("ended_sessions").toInt() >= 3); // its sign-up, the laptop, the check above
        QCOMPARE(m_api->get("/api/v1/users/me", laptop.accessToken).status, 401);
        QCOMPARE(m_api->get("/api/v1/users/me", person.accessToken).status, 401);
        QCOMPARE(m_api->post("/api/v1/auth/refresh", {{"refresh_token", laptop.refreshToken}}).status, 401);
        QCOMPARE(m_api->get("/api/v1/users/me", admin.accessToken).status, 200); // the admin's own are untouched

        const auto audit = m_api->get("/api/v1/admin/audit-log?target=" + person.id, admin.accessToken);
        QStringList actions;
        for (const auto& entry : audit.json().value("items").toArray())
            actions << entry.toObject().value("action").toString();
        QVERIFY2(actions.contains("user.two_factor_reset") && actions.contains("user.sessions_ended"),
                 qPrintable(actions.join(", ")));
    }

    // Wrong passwords here meet the same counter as failed sign-ins: guessing through a stolen
    // token is braked like guessing at the login.
    void wrongPasswordsCountLikeFailedSignIns()
    {
        const SignedInUser user = m_api->signUp("stepup-guessed");
        int attempts = 0;
        int status = 0;
        while (attempts < 30 && status != 429) {
            status = m_api
                         ->post("/api/v1/auth/reauthenticate",
                                {{"password", "guess number " + QString::number(attempts)}}, user.accessToken)
                         .status;
            ++attempts;
            QVERIFY2(status == 401 || status == 429, qPrintable(QString::number(status)));
        }
        QCOMPARE(status, 429);
        QCOMPARE(m_api->login(user.email).status, 429); // the login is braked as well
    }
};

QTEST_GUILESS_MAIN(TestAuthStepUp)
#include "test_auth_stepup.moc"
