#pragma once
// The auth API as tests use it: register, sign in, call with a bearer token, create accounts
// with the `sbor-server user create` command. Shared by every test that needs a signed-in user.

#include "httpclient.h"
#include "testserver.h"

#include <QJsonObject>
#include <QString>

namespace sbor::test {

struct SignedInUser {
    QString id;
    QString email;
    QString password;
    QString accessToken;
    QString refreshToken;
    QString sessionId;
};

inline constexpr const char* kTestPassword = "correct horse battery staple";

class AuthApi {
public:
    AuthApi(TestServer& server, HttpClient& client) : m_server(server), m_client(client) {}

    HttpResult post(const QString& path, const QJsonObject& body, const QString& token = {});
    HttpResult put(const QString& path, const QJsonObject& body, const QString& token = {});
    HttpResult get(const QString& path, const QString& token = {});
    HttpResult remove(const QString& path, const QJsonObject& body, const QString& token = {});
    HttpResult raw(const QByteArray& method, const QString& path, const QByteArray& body,
                   const HttpClient::Headers& headers = {});

    HttpResult registerUser(const QString& email, const QString& password = kTestPassword,
                            const QString& name = "Test User");
    HttpResult login(const QString& email, const QString& password = kTestPassword, const QString& otp = {});
    // Registers a fresh account and signs it in; empty id when either step failed.
    SignedInUser signUp(const QString& emailPrefix = "user", const QString& password = kTestPassword);
    // signUp, then POST /users/me/become-organizer; empty id when any step failed.
    SignedInUser signUpOrganizer(const QString& emailPrefix = "organizer");
    // `sbor-server user create` against the test's database; returns the new user's id or "".
    static QString createWithCli(const QString& databaseUrl, const QString& email, const QString& role,
                                 const QString& password = kTestPassword, QString* output = nullptr);
    SignedInUser signIn(const QString& email, const QString& password = kTestPassword);

    static HttpClient::Headers bearer(const QString& token);

private:
    TestServer& m_server;
    HttpClient& m_client;
};

// A unique, valid email address for this run.
QString uniqueEmail(const QString& prefix);

} // namespace sbor::test
