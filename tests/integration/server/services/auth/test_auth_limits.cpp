// Abuse limits over real HTTP: failed sign-ins per account and per client address (429 with
// Retry-After, recovery after the window), X-Forwarded-For honoured only from a trusted proxy,
// the gateway's general per-client request limit, and the bounded password-hashing pool that
// answers a login storm with 503 instead of letting it take every worker.
#include "authapi.h"
#include "httpclient.h"
#include "testdatabase.h"
#include "testserver.h"

#include <QJsonDocument>
#include <QtTest>

#include <memory>

using namespace sbor::test;

namespace {

HttpResult loginFrom(HttpClient& client, TestServer& server, const QString& email, const QString& password,
                     const QByteArray& forwardedFor)
{
    HttpClient::Headers headers;
    if (!forwardedFor.isEmpty())
        headers.insert("X-Forwarded-For", forwardedFor);
    return client.send("POST", server.url("/api/v1/auth/login"),
                       QJsonDocument(QJsonObject{{"email", email}, {"password", password}}).toJson(), headers);
}

} // namespace

class TestAuthLimits : public QObject {
    Q_OBJECT
private slots:
    void initTestCase() { QVERIFY2(m_database.valid(), m_database.problem().c_str()); }

    void failedLoginsPerAccountThenRecovery()
    {
        auto server = TestServer::startOn(
            m_database.url(),
            {{"SBOR_AUTH_LOGIN_FAILURES_PER_ACCOUNT", "3"}, {"SBOR_AUTH_LOGIN_FAILURE_WINDOW_SECONDS", "2"}});
        QVERIFY(server);
        AuthApi api(*server, m_client);
        const SignedInUser victim = api.signUp("victim");
        const SignedInUser bystander = api.signUp("bystander");
        for (int i = 0; i < 3; ++i)
            QCOMPARE(api.login(victim.email, "wrong password " + QString::number(i)).status, 401);
        // Locked for now — even with the right password, and in another letter case.
        const auto limited = api.login(victim.email.toUpper(), kTestPassword);
        QCOMPARE(limited.status, 429);
        QCOMPARE(limited.errorCode(), QStringLiteral("rate_limited"));
        const int retryAfter = limited.header("retry-after").toInt();
        QVERIFY2(retryAfter >= 1 && retryAfter <= 3, limited.header("retry-after").constData());
        // Other accounts from the same client are not affected.
        QCOMPARE(api.login(bystander.email).status, 200);
        QTest::qWait(retryAfter * 1000 + 200);
        QCOMPARE(api.login(victim.email).status, 200);
        QCOMPARE(server->stop(), 0);
    }

    // Issue 13, defect 1: the counter keyed on the email as sent while the look-up cut it at a
    // NUL, so "victim@…\u0000x" was a fresh counter that still reached the locked account.
    void noSpellingOfAnEmailEscapesItsAccountsCounter()
    {
        auto server = TestServer::startOn(
            m_database.url(),
            {{"SBOR_AUTH_LOGIN_FAILURES_PER_ACCOUNT", "3"}, {"SBOR_AUTH_LOGIN_FAILURE_WINDOW_SECONDS", "60"}});
        QVERIFY(server);
        AuthApi api(*server, m_client);
        const SignedInUser victim = api.signUp("nulvictim");
        QVERIFY(!victim.id.isEmpty());
        const QString nul(QChar(0));
        // Guesses with a NUL tail are refused before any account is looked up.
        for (int i = 0; i < 5; ++i) {
            const auto guess = api.login(victim.email + nul + QString::number(i),
                                         "wrong password " + QString::number(i));
            QCOMPARE(guess.status, 422);
            QCOMPARE(guess.errorCode(), QStringLiteral("validation_failed"));
        }
        // Guesses in other letter cases count against the one account they reach.
        for (const QString& spelling :
             {victim.email.toUpper(), victim.email, victim.email.left(1).toUpper() + victim.email.mid(1)})
            QCOMPARE(api.login(spelling, "wrong password").status, 401);
        QCOMPARE(api.login(victim.email, kTestPassword).status, 429);
        QCOMPARE(api.login(victim.email + nul + "x", kTestPassword).status, 422);
        QCOMPARE(api.login(victim.email.toUpper(), kTestPassword).status, 429);
        QCOMPARE(server->stop(), 0);
    }

    // Issue 13, defect 2: bcrypt reads a C string, so "\u0000abcdefghijk" was stored as "".
    void passwordsWithNulAreRefusedNotCut()
    {
        auto server = TestServer::startOn(m_database.url());
        QVERIFY(server);
        AuthApi api(*server, m_client);
        const QString nul(QChar(0));
        for (const QString& password : {nul + "abcdefghijk", "ab" + nul + "cdefghijk", "correct horse" + nul})
            QCOMPARE(api.registerUser(uniqueEmail("nulpass"), password).status, 422);
        QCOMPARE(api.login(uniqueEmail("nobody"), nul).status, 422);
        // A long password counts in full: a second one sharing its first 72 bytes does not sign in.
        const QString longPassword = QString(72, QChar('a')) + "-the-rest-matters";
        const QString email = uniqueEmail("longpass");
        QCOMPARE(api.registerUser(email, longPassword).status, 201);
        QCOMPARE(api.login(email, longPassword).status, 200);
        QCOMPARE(api.login(email, QString(72, QChar('a'))).status, 401);
        QCOMPARE(api.login(email, QString(72, QChar('a')) + "-the-rest-differs").status, 401);
        QCOMPARE(server->stop(), 0);
    }

    void failedLoginsPerClientHonourOnlyTrustedProxies()
    {
        // Behind a trusted proxy, the client is the address the proxy reports.
        auto proxied = TestServer::startOn(
            m_database.url(),
            {{"SBOR_AUTH_LOGIN_FAILURES_PER_CLIENT", "3"}, {"SBOR_HTTP_TRUSTED_PROXIES", "127.0.0.1,::1"}});
        QVERIFY(proxied);
        for (int i = 0; i < 3; ++i)
            QCOMPARE(loginFrom(m_client, *proxied, uniqueEmail("spray"), "wrong password", "203.0.113.7").status, 401);
        QCOMPARE(loginFrom(m_client, *proxied, uniqueEmail("spray"), "wrong password", "203.0.113.7").status, 429);
        // What the client itself wrote before the proxy's entry changes nothing.
        QCOMPARE(
            loginFrom(m_client, *proxied, uniqueEmail("spray"), "wrong password", "198.51.100.1, 203.0.113.7").status,
            429);
        // Another client behind the same proxy is not limited.
        QCOMPARE(loginFrom(m_client, *proxied, uniqueEmail("spray"), "wrong password", "203.0.113.8").status, 401);
        QCOMPARE(proxied->stop(), 0);

        // Without a trusted proxy the header is ignored: rotating it does not escape the limit.
        auto direct = TestServer::startOn(m_database.url(), {{"SBOR_AUTH_LOGIN_FAILURES_PER_CLIENT", "3"}});
        QVERIFY(direct);
        for (int i = 0; i < 3; ++i)
            QCOMPARE(
                loginFrom(m_client, *direct, uniqueEmail("spoof"), "wrong password", "192.0.2." + QByteArray::number(i))
                    .status,
                401);
        QCOMPARE(loginFrom(m_client, *direct, uniqueEmail("spoof"), "wrong password", "192.0.2.99").status, 429);
        QCOMPARE(direct->stop(), 0);
    }

    void generalPerClientRequestLimit()
    {
        auto server = TestServer::startOn(m_database.url(),
                                          {{"SBOR_HTTP_RATE_LIMIT_PER_SECOND", "1"},
                                           {"SBOR_HTTP_RATE_LIMIT_BURST", "5"},
                                           {"SBOR_HTTP_TRUSTED_PROXIES", "127.0.0.1"}});
        QVERIFY(server);
        const HttpClient::Headers first{{"X-Forwarded-For", "203.0.113.20"}};
        for (int i = 0; i < 5; ++i)
            QCOMPARE(m_client.get(server->url("/api/v1/version"), first).status, 200);
        const auto limited = m_client.get(server->url("/api/v1/version"), first);
        QCOMPARE(limited.status, 429);
        QCOMPARE(limited.errorCode(), QStringLiteral("rate_limited"));
        QVERIFY(limited.header("retry-after").toInt() >= 1);
        // Probes are never limited, and other clients keep their own budget.
        QCOMPARE(m_client.get(server->url("/healthz"), first).status, 200);
        QCOMPARE(m_client.get(server->url("/api/v1/version"), {{"X-Forwarded-For", "203.0.113.21"}}).status, 200);
        QTest::qWait(limited.header("retry-after").toInt() * 1000 + 100);
        QCOMPARE(m_client.get(server->url("/api/v1/version"), first).status, 200);
        QCOMPARE(server->stop(), 0);
    }

    void aLoginStormIsBoundedAndOtherRequestsStillAnswer()
    {
        // One hashing thread and a queue of one, at the production cost: most of a storm must be
        // turned away with 503 instead of occupying HTTP workers.
        auto server = TestServer::startOn(
            m_database.url(),
            {{"SBOR_AUTH_BCRYPT_COST", "12"}, {"SBOR_AUTH_HASH_WORKERS", "1"}, {"SBOR_AUTH_HASH_MAX_QUEUED", "1"}});
        QVERIFY(server);
        AuthApi api(*server, m_client);
        const SignedInUser user = api.signUp("storm");
        QVERIFY(!user.accessToken.isEmpty());
        QList<HttpClient::Request> requests;
        requests.append({"GET", server->url("/api/v1/users/me"), {}, AuthApi::bearer(user.accessToken)});
        const QByteArray body = QJsonDocument(QJsonObject{{"email", user.email}, {"password", kTestPassword}}).toJson();
        for (int i = 0; i < 5; ++i)
            requests.append({"POST", server->url("/api/v1/auth/login"), body, {}});
        const auto results = m_client.sendConcurrently(requests);
        QCOMPARE(results[0].status, 200);
        int signedIn = 0, turnedAway = 0;
        for (int i = 1; i < results.size(); ++i) {
            signedIn += results[i].status == 200;
            if (results[i].status == 503) {
                ++turnedAway;
                QCOMPARE(results[i].errorCode(), QStringLiteral("overloaded"));
                QCOMPARE(results[i].header("retry-after"), QByteArray("1"));
            }
        }
        QVERIFY2(signedIn >= 1 && turnedAway >= 1 && signedIn + turnedAway == 5,
                 qPrintable(QStringLiteral("signed in %1, turned away %2").arg(signedIn).arg(turnedAway)));
        QCOMPARE(server->stop(), 0);
    }

private:
    TestDatabase m_database;
    HttpClient m_client;
};

QTEST_MAIN(TestAuthLimits)
#include "test_auth_limits.moc"
