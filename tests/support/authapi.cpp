#include "authapi.h"

#include <QJsonDocument>
#include <QUuid>

namespace sbor::test {

QString uniqueEmail(const QString& prefix)
{
    return prefix + "-" + QUuid::createUuid().toString(QUuid::WithoutBraces).left(12) + "@example.org";
}

HttpClient::Headers AuthApi::bearer(const QString& token)
{
    HttpClient::Headers headers;
    if (!token.isEmpty())
        headers.insert("Authorization", "Bearer " + token.toUtf8());
    return headers;
}

HttpResult AuthApi::post(const QString& path, const QJsonObject& body, const QString& token)
{
    return m_client.send("POST", m_server.url(path), QJsonDocument(body).toJson(QJsonDocument::Compact), bearer(token));
}

HttpResult AuthApi::put(const QString& path, const QJsonObject& body, const QString& token)
{
    return m_client.send("PUT", m_server.url(path), QJsonDocument(body).toJson(QJsonDocument::Compact), bearer(token));
}

HttpResult AuthApi::get(const QString& path, const QString& token)
{
    return m_client.get(m_server.url(path), bearer(token));
}

HttpResult AuthApi::remove(const QString& path, const QJsonObject& body, const QString& token)
{
    return m_client.send("DELETE", m_server.url(path),
                         body.isEmpty() ? QByteArray() : QJsonDocument(body).toJson(QJsonDocument::Compact),
                         bearer(token));
}

HttpResult AuthApi::raw(const QByteArray& method, const QString& path, const QByteArray& body,
                        const HttpClient::Headers& headers)
{
    return m_client.send(method, m_server.url(path), body, headers);
}

HttpResult AuthApi::registerUser(const QString& email, const QString& password, const QString& name)
{
    return post("/api/v1/auth/register", {{"email", email}, {"password", password}, {"name", name}});
}

HttpResult AuthApi::login(const QString& email, const QString& password, const QString& otp)
{
    QJsonObject body{{"email", email}, {"password", password}};
    if (!otp.isEmpty())
        body.insert("otp", otp);
    return post("/api/v1/auth/login", body);
}

SignedInUser AuthApi::signIn(const QString& email, const QString& password)
{
    SignedInUser user;
    const HttpResult result = login(email, password);
    if (result.status != 200)
        return user;
    const QJsonObject body = result.json();
    user.id = body.value("user").toObject().value("id").toString();
    user.email = email;
    user.password = password;
    user.accessToken = body.value("access_token").toString();
    user.refreshToken = body.value("refresh_token").toString();
    user.sessionId = body.value("session_id").toString();
    return user;
}

SignedInUser AuthApi::signUp(const QString& emailPrefix, const QString& password)
{
    const QString email = uniqueEmail(emailPrefix);
    if (registerUser(email, password).status != 201)
        return {};
    return signIn(email, password);
}

SignedInUser AuthApi::signUpOrganizer(const QString& emailPrefix)
{
    SignedInUser user = signUp(emailPrefix);
    if (user.id.isEmpty() || post("/api/v1/users/me/become-organizer", {}, user.accessToken).status != 200)
        return {};
    return user;
}

QString AuthApi::createWithCli(const QString& databaseUrl, const QString& email, const QString& role,
                               const QString& password, QString* output)
{
    QString text;
    const int exitCode = TestServer::runToCompletion(
        {"user", "create", "--email", email, "--name", "CLI " + role, "--role", role, "--db-url", databaseUrl}, &text,
        QProcessEnvironment::systemEnvironment(), 60000, password.toUtf8() + "\n");
    if (output)
        *output = text;
    if (exitCode != 0)
        return {};
    const int start = text.indexOf("{\n  \"user\"");
    return QJsonDocument::fromJson(text.mid(start).toUtf8()).object().value("user").toObject().value("id").toString();
}

} // namespace sbor::test
