// Accounts over real HTTP against a real sbor-server and PostgreSQL: sign-up and its bad inputs,
// the profile, the password, becoming an organizer, what one user sees of another, and account
// deletion that leaves no personal data behind.
#include "integrationsuite.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QtTest>

#include <memory>

using namespace sbor::test;

class TestAuthAccounts : public IntegrationSuite {
    Q_OBJECT
private slots:
    void initTestCase()
    {
        // Room for the concurrent sign-ups below: the hashing queue's 503 has its own test.
        QVERIFY2(startServer({{"SBOR_AUTH_HASH_MAX_QUEUED", "32"}}), problem());
    }

    void registerThenReadTheProfile()
    {
        const QString email = uniqueEmail("Mixed.Case");
        const auto created = m_api->post("/api/v1/auth/register",
                                         {{"email", email},
                                          {"password", kTestPassword},
                                          {"name", "Анна Каренина"},
                                          {"phone", "+7 999 123-45-67"},
                                          {"country", "RU"}});
        QCOMPARE(created.status, 201);
        const QJsonObject user = created.json().value("user").toObject();
        QCOMPARE(user.value("email").toString(), email); // kept as typed
        QCOMPARE(user.value("name").toString(), QStringLiteral("Анна Каренина"));
        QCOMPARE(user.value("roles").toArray(), QJsonArray{"attendee"});
        QCOMPARE(user.value("status").toString(), QStringLiteral("active"));
        QVERIFY(!user.contains("password") && !user.contains("password_hash"));
        QCOMPARE(created.header("location"), ("/api/v1/users/" + user.value("id").toString()).toUtf8());

        const SignedInUser signedIn = m_api->signIn(email.toLower()); // email matches in any case
        QVERIFY(!signedIn.accessToken.isEmpty());
        const auto me = m_api->get("/api/v1/users/me", signedIn.accessToken);
        QCOMPARE(me.status, 200);
        QCOMPARE(me.json().value("id").toString(), user.value("id").toString());
        QCOMPARE(me.json().value("phone").toString(), QStringLiteral("+7 999 123-45-67"));
        // The stored hash is bcrypt, never the password.
        const std::string hash = m_database.query("SELECT password_hash FROM auth.users WHERE id = '" +
                                                  user.value("id").toString().toStdString() + "'");
        QVERIFY2(hash.rfind("$2b$04$", 0) == 0, hash.c_str());
        QVERIFY(m_database.rowsContaining(kTestPassword).empty());
    }

    void duplicateEmailInAnotherCaseIsAConflict()
    {
        const QString email = uniqueEmail("dup");
        QCOMPARE(m_api->registerUser(email).status, 201);
        const auto again = m_api->registerUser(email.toUpper());
        QCOMPARE(again.status, 409);
        QCOMPARE(again.errorCode(), QStringLiteral("email_taken"));
        QCOMPARE(countUsersWithEmail(email), 1);
    }

    void concurrentDoubleRegistrationMakesOneAccount()
    {
        const QString email = uniqueEmail("race");
        QList<HttpClient::Request> requests;
        for (int i = 0; i < 6; ++i) {
            const QString spelling = i % 2 ? email.toUpper() : email;
            requests.append(
                {"POST",
                 m_server->url("/api/v1/auth/register"),
                 QJsonDocument(QJsonObject{{"email", spelling}, {"password", kTestPassword}, {"name", "Racer"}})
                     .toJson(),
                 {}});
        }
        const auto results = m_client.sendConcurrently(requests);
        int created = 0, conflicts = 0;
        for (const auto& result : results) {
            created += result.status == 201;
            conflicts += result.status == 409 && result.errorCode() == "email_taken";
        }
        QCOMPARE(created, 1);
        QCOMPARE(conflicts, 5);
        QCOMPARE(countUsersWithEmail(email), 1);
    }

    void badRegistrationsAreRefusedAndStoreNothing_data()
    {
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<int>("status");
        QTest::addColumn<QString>("code");
        QTest::addColumn<QString>("field");
        const QByteArray ok = R"("password":"correct horse battery","name":"N")";
        QTest::newRow("malformed JSON") << QByteArray(R"({"email":"a@example.org",)") << 400 << "malformed_json"
                                        << "";
        QTest::newRow("not an object") << QByteArray(R"(["a@example.org"])") << 422 << "validation_failed"
                                       << "";
        QTest::newRow("email is a number") << QByteArray(R"({"email":5,)" + ok + "}") << 422 << "validation_failed"
                                           << "email";
        QTest::newRow("missing email") << QByteArray("{" + ok + "}") << 422 << "validation_failed"
                                       << "email";
        QTest::newRow("missing password")
            << QByteArray(R"({"email":"m@example.org","name":"N"})") << 422 << "validation_failed"
            << "password";
        QTest::newRow("extra field") << QByteArray(R"({"email":"x@example.org","is_admin":true,)" + ok + "}") << 422
                                     << "validation_failed"
                                     << "is_admin";
        QTest::newRow("roles cannot be chosen")
            << QByteArray(R"({"email":"x@example.org","roles":["admin"],)" + ok + "}") << 422 << "validation_failed"
            << "roles";
        QTest::newRow("no at sign") << QByteArray(R"({"email":"example.org",)" + ok + "}") << 422 << "validation_failed"
                                    << "email";
        QTest::newRow("two at signs") << QByteArray(R"({"email":"a@b@example.org",)" + ok + "}") << 422
                                      << "validation_failed"
                                      << "email";
        QTest::newRow("space in email") << QByteArray(R"({"email":"a b@example.org",)" + ok + "}") << 422
                                        << "validation_failed"
                                        << "email";
        QTest::newRow("no domain dot") << QByteArray(R"({"email":"a@localhost",)" + ok + "}") << 422
                                       << "validation_failed"
                                       << "email";
        QTest::newRow("double dot domain")
            << QByteArray(R"({"email":"a@example..org",)" + ok + "}") << 422 << "validation_failed"
            << "email";
        QTest::newRow("markup in email") << QByteArray(R"({"email":"<script>@example.org",)" + ok + "}") << 422
                                         << "validation_failed"
                                         << "email";
        QTest::newRow("email too long") << QByteArray(R"({"email":")" + QByteArray(250, 'a') + R"(@example.org",)" +
                                                      ok + "}")
                                        << 422 << "validation_failed"
                                        << "email";
        QTest::newRow("password 9 chars")
            << QByteArray(R"({"email":"p@example.org","password":"123456789","name":"N"})") << 422
            << "validation_failed"
            << "password";
        QTest::newRow("password 129 chars")
            << QByteArray(R"({"email":"p@example.org","password":")" + QByteArray(129, 'x') + R"(","name":"N"})") << 422
            << "validation_failed"
            << "password";
        QTest::newRow("common password") << QByteArray(
                                                R"({"email":"p@example.org","password":"Password123","name":"N"})")
                                         << 422 << "validation_failed"
                                         << "password";
        QTest::newRow("empty name")
            << QByteArray(R"({"email":"n@example.org","password":"correct horse battery","name":"   "})") << 422
            << "validation_failed"
            << "name";
        QTest::newRow("name 201 chars")
            << QByteArray(R"({"email":"n@example.org","password":"correct horse battery","name":")" +
                          QByteArray(201, 'n') + R"("})")
            << 422 << "validation_failed"
            << "name";
        QTest::newRow("control character in name")
            << QByteArray(R"({"email":"n@example.org","password":"correct horse battery","name":"a\u0007b"})") << 422
            << "validation_failed"
            << "name";
        QTest::newRow("lower-case country")
            << QByteArray(R"({"email":"c@example.org","country":"ru",)" + ok + "}") << 422 << "validation_failed"
            << "country";
        QTest::newRow("letters in phone")
            << QByteArray(R"({"email":"c@example.org","phone":"call me",)" + ok + "}") << 422 << "validation_failed"
            << "phone";
        QTest::newRow("bad locale") << QByteArray(R"({"email":"c@example.org","locale":"english!",)" + ok + "}") << 422
                                    << "validation_failed"
                                    << "locale";
    }

    void badRegistrationsAreRefusedAndStoreNothing()
    {
        QFETCH(QByteArray, body);
        QFETCH(int, status);
        QFETCH(QString, code);
        QFETCH(QString, field);
        const std::string before = m_database.query("SELECT count(*) FROM auth.users");
        const auto result = m_api->raw("POST", "/api/v1/auth/register", body);
        QCOMPARE(result.status, status);
        QCOMPARE(result.errorCode(), code);
        if (!field.isEmpty()) {
            QStringList fields;
            for (const auto& problem :
                 result.json().value("error").toObject().value("details").toObject().value("fields").toArray())
                fields << problem.toObject().value("field").toString();
            QVERIFY2(fields.contains(field), qPrintable(QString::fromUtf8(result.body)));
        }
        QCOMPARE(m_database.query("SELECT count(*) FROM auth.users"), before);
    }

    void wrongContentTypeIs415()
    {
        const auto result = m_api->raw("POST", "/api/v1/auth/register", "email=a@example.org",
                                       {{"Content-Type", "application/x-www-form-urlencoded"}});
        QCOMPARE(result.status, 415);
    }

    void unicodeAndSqlLookingValuesAreKeptAsTyped()
    {
        const QString email = "o'brien+" + uniqueEmail("tag");
        const QString name = "Robert'); DROP TABLE auth.users;-- Ёжик 🦔";
        const auto created = m_api->registerUser(email, kTestPassword, name);
        QCOMPARE(created.status, 201);
        const SignedInUser user = m_api->signIn(email);
        QCOMPARE(m_api->get("/api/v1/users/me", user.accessToken).json().value("name").toString(), name);
        QVERIFY(std::stoi(m_database.query("SELECT count(*) FROM auth.users")) > 0);
        // The password is checked exactly as typed: no trimming, no case folding.
        QCOMPARE(m_api->login(email, QString(kTestPassword) + " ").status, 401);
        QCOMPARE(m_api->login(email, QString(kTestPassword).toUpper()).status, 401);
    }

    void loginErrorsDoNotRevealWhetherTheAccountExists()
    {
        const SignedInUser user = m_api->signUp("exists");
        const auto wrongPassword = m_api->login(user.email, "not the password at all");
        const auto unknownEmail = m_api->login(uniqueEmail("nobody"), "not the password at all");
        QCOMPARE(wrongPassword.status, 401);
        QCOMPARE(unknownEmail.status, 401);
        QCOMPARE(wrongPassword.errorCode(), QStringLiteral("invalid_credentials"));
        QCOMPARE(unknownEmail.errorCode(), wrongPassword.errorCode());
        QCOMPARE(unknownEmail.json().value("error").toObject().value("message"),
                 wrongPassword.json().value("error").toObject().value("message"));
        const auto malformed = m_api->raw("POST", "/api/v1/auth/login", R"({"email":"x@example.org","password":12})");
        QCOMPARE(malformed.status, 422);
    }

    void profileChanges()
    {
        const SignedInUser user = m_api->signUp("profile");
        auto updated = m_api->put(
            "/api/v1/users/me",
            {{"name", "New Name"}, {"phone", "+49 30 1234567"}, {"country", "DE"}, {"locale", "de-DE"}},
            user.accessToken);
        QCOMPARE(updated.status, 200);
        QCOMPARE(updated.json().value("locale").toString(), QStringLiteral("de-DE"));
        updated = m_api->put("/api/v1/users/me", {{"phone", ""}}, user.accessToken);
        QCOMPARE(updated.status, 200);
        QVERIFY(updated.json().value("phone").isNull());
        QCOMPARE(updated.json().value("name").toString(), QStringLiteral("New Name")); // untouched fields stay

        QCOMPARE(m_api->put("/api/v1/users/me", {}, user.accessToken).status, 422);
        QCOMPARE(m_api->put("/api/v1/users/me", {{"country", "Germany"}}, user.accessToken).status, 422);
        QCOMPARE(m_api->put("/api/v1/users/me", {{"name", 42}}, user.accessToken).status, 422);
        QCOMPARE(m_api->put("/api/v1/users/me", {{"roles", QJsonArray{"admin"}}}, user.accessToken).status, 422);
        QCOMPARE(m_api->put("/api/v1/users/me", {{"name", "x"}}).status, 401);

        // Changing the email needs the password, and the new address must be free.
        const QString newEmail = uniqueEmail("moved");
        QCOMPARE(m_api->put("/api/v1/users/me", {{"email", newEmail}}, user.accessToken).status, 422);
        QCOMPARE(
            m_api->put("/api/v1/users/me", {{"email", newEmail}, {"password", "wrong password!"}}, user.accessToken)
                .status,
            422);
        const SignedInUser other = m_api->signUp("other");
        const auto taken = m_api->put(
            "/api/v1/users/me", {{"email", other.email.toUpper()}, {"password", kTestPassword}}, user.accessToken);
        QCOMPARE(taken.status, 409);
        QCOMPARE(taken.errorCode(), QStringLiteral("email_taken"));
        const auto moved = m_api->put("/api/v1/users/me", {{"email", newEmail}, {"password", kTestPassword}},
                                      user.accessToken);
        QCOMPARE(moved.status, 200);
        QCOMPARE(m_api->login(user.email).status, 401);
        QCOMPARE(m_api->login(newEmail).status, 200);
    }

    void changingThePasswordEndsOtherSessions()
    {
        const SignedInUser first = m_api->signUp("pw");
        const SignedInUser second = m_api->signIn(first.email);
        QVERIFY(!second.accessToken.isEmpty());
        QCOMPARE(m_api
                     ->post("/api/v1/users/me/password",
                            {{"current_password", "wrong wrong wrong"}, {"new_password", "a brand new secret"}},
                            first.accessToken)
                     .status,
                 422);
        QCOMPARE(m_api
                     ->post("/api/v1/users/me/password",
                            {{"current_password", kTestPassword}, {"new_password", "short"}}, first.accessToken)
                     .status,
                 422);
        const auto changed = m_api->post("/api/v1/users/me/password",
                                         {{"current_password", kTestPassword}, {"new_password", "a brand new secret"}},
                                         first.accessToken);
        QCOMPARE(changed.status, 200);
        QCOMPARE(changed.json().value("ended_sessions").toInt(), 1);
        QCOMPARE(m_api->get("/api/v1/users/me", second.accessToken).status, 401);
        QCOMPARE(m_api->get("/api/v1/users/me", first.accessToken).status, 200); // this session stays
        QCOMPARE(m_api->login(first.email).status, 401);
        QCOMPARE(m_api->login(first.email, "a brand new secret").status, 200);
        // Keeping the other sessions is a choice.
        const SignedInUser third = m_api->signIn(first.email, "a brand new secret");
        QCOMPARE(m_api
                     ->post("/api/v1/users/me/password",
                            {{"current_password", "a brand new secret"},
                             {"new_password", "yet another secret"},
                             {"end_other_sessions", false}},
                            first.accessToken)
                     .json()
                     .value("ended_sessions")
                     .toInt(),
                 0);
        QCOMPARE(m_api->get("/api/v1/users/me", third.accessToken).status, 200);
    }

    void becomingAnOrganizer()
    {
        const SignedInUser user = m_api->signUp("org");
        auto result = m_api->post("/api/v1/users/me/become-organizer", {}, user.accessToken);
        QCOMPARE(result.status, 200);
        QCOMPARE(result.json().value("roles").toArray(), (QJsonArray{"attendee", "organizer"}));
        result = m_api->post("/api/v1/users/me/become-organizer", {}, user.accessToken);
        QCOMPARE(result.json().value("roles").toArray().size(), 2);
        // The same access token now carries the new role (roles are read live, not from the token).
        QCOMPARE(m_api->get("/api/v1/users/me", user.accessToken).json().value("roles").toArray().size(), 2);
        QCOMPARE(m_api->get("/api/v1/admin/users", user.accessToken).status, 403); // organizer is not admin
    }

    void whatOneUserSeesOfAnother()
    {
        const SignedInUser alice = m_api->signUp("alice");
        const SignedInUser bob = m_api->signUp("bob");
        const auto self = m_api->get("/api/v1/users/" + alice.id, alice.accessToken);
        QCOMPARE(self.status, 200);
        QCOMPARE(self.json().value("email").toString(), alice.email);
        // An attendee's profile is private.
        QCOMPARE(m_api->get("/api/v1/users/" + alice.id, bob.accessToken).status, 404);
        QCOMPARE(m_api->get("/api/v1/users/" + alice.id).status, 401);
        QCOMPARE(m_api->get("/api/v1/users/not-a-uuid", bob.accessToken).status, 404);
        QCOMPARE(m_api->get("/api/v1/users/00000000-0000-0000-0000-000000000000", bob.accessToken).status, 404);
        // An organizer's name is public, nothing else.
        m_api->post("/api/v1/users/me/become-organizer", {}, alice.accessToken);
        const auto seen = m_api->get("/api/v1/users/" + alice.id, bob.accessToken);
        QCOMPARE(seen.status, 200);
        QCOMPARE(seen.json().keys(), (QStringList{"id", "name"}));
    }

    void deletingTheAccountErasesPersonalData()
    {
        const QString phone = "+7 912 555-01-99";
        const QString name = "Уникальное Имя " + QString::number(QDateTime::currentMSecsSinceEpoch());
        const QString email = uniqueEmail("erase");
        QCOMPARE(m_api
                     ->post("/api/v1/auth/register",
                            {{"email", email}, {"password", kTestPassword}, {"name", name}, {"phone", phone}})
                     .status,
                 201);
        const SignedInUser user = m_api->signIn(email);
        const SignedInUser otherDevice = m_api->signIn(email);

        QCOMPARE(m_api->remove("/api/v1/users/me", {{"password", "not my password"}}, user.accessToken).status, 422);
        QCOMPARE(m_api->remove("/api/v1/users/me", {}, user.accessToken).status, 400); // no body
        QCOMPARE(m_api->get("/api/v1/users/me", user.accessToken).status, 200);        // still there

        QCOMPARE(m_api->remove("/api/v1/users/me", {{"password", kTestPassword}}, user.accessToken).status, 204);
        QCOMPARE(m_api->get("/api/v1/users/me", user.accessToken).status, 401);
        QCOMPARE(m_api->get("/api/v1/users/me", otherDevice.accessToken).status, 401);
        QCOMPARE(m_api->post("/api/v1/auth/refresh", {{"refresh_token", otherDevice.refreshToken}}).status, 401);
        QCOMPARE(m_api->login(email).status, 401);

        for (const QString& needle : {email, name, phone, QStringLiteral("912 555")}) {
            const auto rows = m_database.rowsContaining(needle.toStdString());
            QVERIFY2(rows.empty(), rows.empty() ? "" : rows.front().c_str());
        }
        const std::string id = user.id.toStdString();
        QCOMPARE(m_database.query("SELECT status FROM auth.users WHERE id = '" + id + "'"), std::string("deleted"));
        QCOMPARE(m_database.query("SELECT count(*) FROM auth.sessions WHERE user_id = '" + id + "'"), std::string("0"));
        QCOMPARE(m_database.query("SELECT count(*) FROM auth.outbox WHERE type = 'user.deleted' AND aggregateid = '" +
                                  id + "'"),
                 std::string("1"));
        // The address is free again.
        QCOMPARE(m_api->registerUser(email).status, 201);
    }

    void registrationWritesItsEventInTheSameTransaction()
    {
        const auto created = m_api->registerUser(uniqueEmail("event"));
        const std::string id = created.json().value("user").toObject().value("id").toString().toStdString();
        const std::string payload = m_database.query(
            "SELECT payload::text FROM auth.outbox WHERE type = 'user.registered' AND aggregateid = '" + id + "'");
        const QJsonObject data = QJsonDocument::fromJson(QByteArray::fromStdString(payload)).object();
        QCOMPARE(data.value("user_id").toString().toStdString(), id);
        QVERIFY(!data.contains("email")); // events carry ids, not personal data
        QCOMPARE(m_database.query("SELECT aggregatetype FROM auth.outbox WHERE aggregateid = '" + id + "'"),
                 std::string("user"));
        QVERIFY(!m_database.query("SELECT trace_id FROM auth.outbox WHERE aggregateid = '" + id + "'").empty());
    }

private:
    int countUsersWithEmail(const QString& email)
    {
        return std::stoi(m_database.query("SELECT count(*) FROM auth.users WHERE lower(email) = lower('" +
                                          email.toStdString() + "')"));
    }
};

QTEST_MAIN(TestAuthAccounts)
#include "test_auth_accounts.moc"
