// Roles and administration over real HTTP: the first admin made by `sbor-server user create`
// (on a database, on a never-started data dir, beside a running server), role checks on every
// admin route, user search with pagination, role changes, blocking (a blocked user's unexpired
// token stops working at once), and the audit log that records it all.
#include "integrationsuite.h"

#include <QJsonArray>
#include <QSet>
#include <QtTest>

#include <memory>

using namespace sbor::test;

class TestAuthAdmin : public IntegrationSuite {
    Q_OBJECT
private slots:
    void initTestCase()
    {
        QVERIFY2(startServer(), problem());
        QVERIFY2(signInAdmin(), problem());
        QCOMPARE(m_api->get("/api/v1/users/me", m_admin.accessToken).json().value("roles").toArray(),
                 QJsonArray{"admin"});
    }

    void userCreateRefusesBadInput()
    {
        QString output;
        const QString url = m_database.url();
        const auto run = [&](const QStringList& arguments, const QByteArray& input) {
            return TestServer::runToCompletion(arguments, &output, QProcessEnvironment::systemEnvironment(), 60000,
                                               input);
        };
        QCOMPARE(run({"user", "create", "--email", uniqueEmail("x"), "--name", "X", "--db-url", url},
                     "a fine long password\n"),
                 2);
        QVERIFY(output.contains("--role"));
        QCOMPARE(
            run({"user", "create", "--email", uniqueEmail("x"), "--name", "X", "--role", "emperor", "--db-url", url},
                "a fine long password\n"),
            2);
        QVERIFY(output.contains("emperor"));
        QCOMPARE(run({"user", "create", "--email", "not-an-email", "--name", "X", "--role", "admin", "--db-url", url},
                     "a fine long password\n"),
                 2);
        QCOMPARE(run({"user", "create", "--email", uniqueEmail("x"), "--name", "X", "--role", "admin", "--db-url", url},
                     "short\n"),
                 2);
        QVERIFY(output.contains("at least 10"));
        QCOMPARE(
            run({"user", "create", "--email", uniqueEmail("x"), "--name", "X", "--role", "admin", "--db-url", url}, ""),
            2);
        QCOMPARE(run({"user", "create", "--email", m_admin.email.toUpper(), "--name", "X", "--role", "admin",
                      "--db-url", url},
                     "a fine long password\n"),
                 1);
        QVERIFY(output.contains("already exists"));
        QCOMPARE(run({"user", "explode"}, ""), 2);
        QCOMPARE(run({"user", "--help"}, ""), 0);
        QVERIFY(output.contains("user create --email E --name N --role R"));
        // Several roles at once; the account is created with exactly those.
        QString id = AuthApi::createWithCli(url, uniqueEmail("multi"), "staff,support", kTestPassword, &output);
        QVERIFY2(!id.isEmpty(), qPrintable(output));
        QCOMPARE(m_api->get("/api/v1/users/" + id, m_admin.accessToken).json().value("roles").toArray(),
                 (QJsonArray{"staff", "support"}));
    }

    void userCreateInitialisesAFreshDataDirAndWorksBesideARunningServer()
    {
        QTemporaryDir holder(kEmbeddedDataDirTemplate);
        const QString dataDir = embeddedDataDir(holder);
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        environment.insert("SBOR_DATABASE_EMBEDDED_UNSAFE_FAST", "true");
        QString output;
        // Never started: the command initialises the cluster and applies every migration.
        QCOMPARE(TestServer::runToCompletion({"user", "create", "--email", "first@example.org", "--name", "First",
                                              "--role", "admin", "--data-dir", dataDir},
                                             &output, environment, 120000, "first admin password\n"),
                 0);
        TestServer::Options options;
        options.arguments = {"--data-dir", dataDir};
        options.environment = environment;
        TestServer server(options);
        QVERIFY2(server.start(), qPrintable(server.logs()));
        AuthApi api(server, m_client);
        QCOMPARE(api.login("first@example.org", "first admin password").status, 200);
        // While that server runs, the command uses its PostgreSQL instead of fighting over it.
        QCOMPARE(TestServer::runToCompletion({"user", "create", "--email", "second@example.org", "--name", "Second",
                                              "--role", "staff", "--data-dir", dataDir},
                                             &output, environment, 120000, "second user password\n"),
                 0);
        QVERIFY2(output.contains("\"staff\""), qPrintable(output));
        QCOMPARE(api.login("second@example.org", "second user password").status, 200);
        QCOMPARE(server.stop(), 0);
    }

    void everyAdminRouteRefusesOtherRoles()
    {
        const SignedInUser attendee = m_api->signUp("attendee");
        const SignedInUser organizer = m_api->signUpOrganizer("organizer");
        QVERIFY(!organizer.id.isEmpty());
        const QString supportEmail = uniqueEmail("support");
        QVERIFY(!AuthApi::createWithCli(m_database.url(), supportEmail, "support").isEmpty());
        const SignedInUser support = m_api->signIn(supportEmail);
        const QString target = attendee.id;

        struct Call {
            QByteArray method;
            QString path;
            QByteArray body;
            bool supportMayRead = false; // the support agents' read-only user lookup (issue 17)
        };
        const QList<Call> calls = {
            {"GET", "/api/v1/admin/users", {}, true},
            {"GET", "/api/v1/admin/users/" + target, {}, true},
            {"PUT", "/api/v1/admin/users/" + target + "/roles", R"({"roles":["admin"]})"},
            {"POST", "/api/v1/admin/users/" + target + "/block", "{}"},
            {"POST", "/api/v1/admin/users/" + target + "/unblock", {}},
            {"POST", "/api/v1/admin/users/" + target + "/erase", R"({"confirm_email":"x@example.org"})"},
            {"GET", "/api/v1/admin/audit-log", {}},
        };
        for (const auto& call : calls) {
            QCOMPARE(m_api->raw(call.method, call.path, call.body).status, 401);
            if (call.supportMayRead)
                QCOMPARE(m_api->raw(call.method, call.path, call.body, AuthApi::bearer(support.accessToken)).status,
                         200);
            for (const SignedInUser* user : {&attendee, &organizer, &support}) {
                if (call.supportMayRead && user == &support)
                    continue;
                const auto refused = m_api->raw(call.method, call.path, call.body, AuthApi::bearer(user->accessToken));
                QVERIFY2(refused.status == 403,
                         qPrintable(call.method + " " + call.path + " → " + QString::number(refused.status)));
                QCOMPARE(refused.errorCode(), QStringLiteral("forbidden"));
            }
        }
        // Nothing changed by trying.
        QCOMPARE(m_api->get("/api/v1/users/me", attendee.accessToken).json().value("roles").toArray(),
                 QJsonArray{"attendee"});
        QCOMPARE(m_api->get("/api/v1/users/me", attendee.accessToken).json().value("status").toString(),
                 QStringLiteral("active"));
        // Support may read any profile (to help people); an organizer may not.
        QCOMPARE(m_api->get("/api/v1/users/" + target, support.accessToken).json().value("email").toString(),
                 attendee.email);
        QCOMPARE(m_api->get("/api/v1/users/" + target, organizer.accessToken).status, 404);
    }

    void searchingAndPaging()
    {
        const QString marker = "Pager" + QString::number(QDateTime::currentMSecsSinceEpoch());
        QSet<QString> created;
        for (int i = 0; i < 5; ++i) {
            const auto result = m_api->registerUser(uniqueEmail("page"), kTestPassword,
                                                    marker + " " + QString::number(i));
            created.insert(result.json().value("user").toObject().value("id").toString());
        }
        QSet<QString> seen;
        QString cursor;
        int pages = 0;
        do {
            const auto page = m_api->get("/api/v1/admin/users?limit=2&q=" + marker.toLower() +
                                             (cursor.isEmpty() ? "" : "&cursor=" + cursor),
                                         m_admin.accessToken);
            QCOMPARE(page.status, 200);
            for (const auto& item : page.json().value("items").toArray()) {
                QVERIFY(!seen.contains(item.toObject().value("id").toString()));
                seen.insert(item.toObject().value("id").toString());
            }
            cursor = page.json().value("next_cursor").toString();
            ++pages;
        } while (!cursor.isEmpty() && pages < 10);
        QCOMPARE(seen, created);
        QCOMPARE(pages, 3);

        QCOMPARE(
            m_api->get("/api/v1/admin/users?role=admin", m_admin.accessToken).json().value("items").toArray().size(),
            1);
        QCOMPARE(m_api->get("/api/v1/admin/users?q=%25", m_admin.accessToken).json().value("items").toArray().size(),
                 0); // % is literal
        for (const QString& bad :
             {"limit=0", "limit=101", "limit=ten", "role=king", "status=gone", "cursor=%21%21", "cursor=eyJ4IjoxfQ"}) {
            const auto refused = m_api->get("/api/v1/admin/users?" + bad, m_admin.accessToken);
            QVERIFY2(refused.status == 422, qPrintable(bad));
        }
    }

    void changingRoles()
    {
        const SignedInUser user = m_api->signUp("promote");
        const QString path = "/api/v1/admin/users/" + user.id + "/roles";
        QCOMPARE(m_api->put(path, {{"roles", QJsonArray{"emperor"}}}, m_admin.accessToken).status, 422);
        QCOMPARE(m_api->put(path, {{"roles", QJsonArray{}}}, m_admin.accessToken).status, 422);
        QCOMPARE(m_api->put(path, {}, m_admin.accessToken).status, 422);
        QCOMPARE(m_api->put(path, {{"roles", "admin"}}, m_admin.accessToken).status, 422);
        QCOMPARE(m_api
                     ->put("/api/v1/admin/users/00000000-0000-0000-0000-000000000000/roles",
                           {{"roles", QJsonArray{"staff"}}}, m_admin.accessToken)
                     .status,
                 404);
        QCOMPARE(
            m_api->put("/api/v1/admin/users/nope/roles", {{"roles", QJsonArray{"staff"}}}, m_admin.accessToken).status,
            404);

        QCOMPARE(m_api->get("/api/v1/admin/users", user.accessToken).status, 403);
        const auto promoted = m_api->put(path, {{"roles", QJsonArray{"attendee", "admin", "admin"}}},
                                         m_admin.accessToken);
        QCOMPARE(promoted.status, 200);
        QCOMPARE(promoted.json().value("roles").toArray(), (QJsonArray{"attendee", "admin"}));
        // The user's existing token carries the new role at once.
        QCOMPARE(m_api->get("/api/v1/admin/users", user.accessToken).status, 200);
        QCOMPARE(m_api->put(path, {{"roles", QJsonArray{"attendee"}}}, m_admin.accessToken).status, 200);
        QCOMPARE(m_api->get("/api/v1/admin/users", user.accessToken).status, 403);
    }

    void theLastAdminCannotBeDemoted()
    {
        const auto refused = m_api->put("/api/v1/admin/users/" + m_admin.id + "/roles",
                                        {{"roles", QJsonArray{"attendee"}}}, m_admin.accessToken);
        QCOMPARE(refused.status, 409);
        QCOMPARE(m_api->get("/api/v1/users/me", m_admin.accessToken).json().value("roles").toArray(),
                 QJsonArray{"admin"});
    }

    void blockingStopsEverythingAtOnce()
    {
        const SignedInUser user = m_api->signUp("blocked");
        const QString block = "/api/v1/admin/users/" + user.id + "/block";
        QCOMPARE(m_api->post(block, {{"reason", 5}}, m_admin.accessToken).status, 422);
        QCOMPARE(m_api->post(block, {{"reason", QString(501, 'r')}}, m_admin.accessToken).status, 422);
        QCOMPARE(m_api->post("/api/v1/admin/users/" + m_admin.id + "/block", {}, m_admin.accessToken).status, 409);
        QCOMPARE(m_api->post("/api/v1/admin/users/00000000-0000-0000-0000-000000000000/block", {}, m_admin.accessToken)
                     .status,
                 404);

        QCOMPARE(m_api->get("/api/v1/users/me", user.accessToken).status, 200);
        const auto blocked = m_api->post(block, {{"reason", "chargebacks"}}, m_admin.accessToken);
        QCOMPARE(blocked.status, 200);
        QCOMPARE(blocked.json().value("status").toString(), QStringLiteral("blocked"));
        // The still-unexpired access token is refused on the very next request.
        const auto refused = m_api->get("/api/v1/users/me", user.accessToken);
        QCOMPARE(refused.status, 403);
        QCOMPARE(refused.errorCode(), QStringLiteral("account_blocked"));
        QCOMPARE(m_api->post("/api/v1/auth/refresh", {{"refresh_token", user.refreshToken}}).status, 401);
        QCOMPARE(m_api->login(user.email).errorCode(), QStringLiteral("account_blocked"));
        QCOMPARE(m_api->login(user.email, "wrong password!").errorCode(), QStringLiteral("invalid_credentials"));
        QCOMPARE(m_api->post(block, {}, m_admin.accessToken).status, 200); // twice: no change

        QCOMPARE(m_api->post("/api/v1/admin/users/" + user.id + "/unblock", {}, m_admin.accessToken)
                     .json()
                     .value("status")
                     .toString(),
                 QStringLiteral("active"));
        const SignedInUser back = m_api->signIn(user.email);
        QCOMPARE(m_api->get("/api/v1/users/me", back.accessToken).status, 200);
        QCOMPARE(m_api->get("/api/v1/users/me", user.accessToken).status,
                 401); // sessions ended by the block stay ended

        QCOMPARE(m_database.query("SELECT count(*) FROM auth.outbox WHERE type = 'user.blocked' AND aggregateid = '" +
                                  user.id.toStdString() + "'"),
                 std::string("1"));
        const auto audit = m_api->get("/api/v1/admin/audit-log?target=" + user.id, m_admin.accessToken);
        QCOMPARE(audit.status, 200);
        const QJsonArray entries = audit.json().value("items").toArray();
        QCOMPARE(entries.size(), 2); // newest first
        QCOMPARE(entries.at(0).toObject().value("action").toString(), QStringLiteral("user.unblocked"));
        const QJsonObject blockEntry = entries.at(1).toObject();
        QCOMPARE(blockEntry.value("action").toString(), QStringLiteral("user.blocked"));
        QCOMPARE(blockEntry.value("actor_id").toString(), m_admin.id);
        QCOMPARE(blockEntry.value("target_id").toString(), user.id);
        QCOMPARE(blockEntry.value("details").toObject().value("reason").toString(), QStringLiteral("chargebacks"));
        QVERIFY(!blockEntry.value("at").toString().isEmpty());
    }

    void auditLogPages()
    {
        QSet<qint64> ids;
        QString cursor;
        int pages = 0;
        do {
            const auto page = m_api->get("/api/v1/admin/audit-log?limit=1" +
                                             (cursor.isEmpty() ? QString() : "&cursor=" + cursor),
                                         m_admin.accessToken);
            QCOMPARE(page.status, 200);
            for (const auto& entry : page.json().value("items").toArray())
                ids.insert(entry.toObject().value("id").toInteger());
            cursor = page.json().value("next_cursor").toString();
        } while (!cursor.isEmpty() && ++pages < 100);
        QCOMPARE(QString::number(ids.size()).toStdString(), m_database.query("SELECT count(*) FROM auth.audit_log"));
        QCOMPARE(m_api->get("/api/v1/admin/audit-log?target=nope", m_admin.accessToken).status, 422);
        QCOMPARE(m_api->get("/api/v1/admin/audit-log?limit=500", m_admin.accessToken).status, 422);
    }
};

QTEST_MAIN(TestAuthAdmin)
#include "test_auth_admin.moc"
