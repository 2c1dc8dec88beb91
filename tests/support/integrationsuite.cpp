#include "integrationsuite.h"

#include <QtTest>

namespace sbor::test {

bool IntegrationSuite::fail(const QString& what)
{
    QString text = what;
    if (m_server) {
        if (const QString errors = m_server->errorLogLines(); !errors.isEmpty())
            text += "\nthe server's errors:\n" + errors;
    }
    m_problem = text.toUtf8();
    return false;
}

bool IntegrationSuite::startServer(const QMap<QString, QString>& settings)
{
    if (!m_database.valid()) {
        m_problem = "no test database: " + QByteArray::fromStdString(m_database.problem());
        return false;
    }
    m_api.reset();
    m_server = TestServer::startOn(m_database.url(), settings);
    if (!m_server) // startOn has warned with the server's logs
        return fail("sbor-server did not start (its logs are in the warning above)");
    m_api = std::make_unique<AuthApi>(*m_server, m_client);
    return true;
}

bool IntegrationSuite::useServer(TestServer& server)
{
    if (!m_database.valid()) {
        m_problem = "no test database: " + QByteArray::fromStdString(m_database.problem());
        return false;
    }
    m_api = std::make_unique<AuthApi>(server, m_client);
    return true;
}

bool IntegrationSuite::signInAdmin(const QString& emailPrefix)
{
    if (!m_api)
        return fail("signInAdmin before startServer");
    const QString email = uniqueEmail(emailPrefix);
    QString output;
    if (AuthApi::createWithCli(m_database.url(), email, "admin", kTestPassword, &output).isEmpty())
        return fail("`sbor-server user create` did not make the admin " + email + ":\n" + output);
    m_admin = m_api->signIn(email);
    if (m_admin.accessToken.isEmpty())
        return fail("the admin " + email + " could not sign in");
    return true;
}

bool IntegrationSuite::signUpOrganizerAs(SignedInUser& user, const QString& role, const QString& emailPrefix)
{
    if (!m_api)
        return fail("signing up the " + role + " before startServer");
    user = m_api->signUpOrganizer(emailPrefix);
    if (user.id.isEmpty() || user.accessToken.isEmpty())
        return fail("signing up the " + role + " (" + emailPrefix + "-…), signing in or becoming an organizer failed");
    return true;
}

bool IntegrationSuite::signUpOrganizer(const QString& emailPrefix)
{
    if (!signUpOrganizerAs(m_organizer, "organizer", emailPrefix))
        return false;
    m_sales = std::make_unique<SalesApi>(*m_api, m_organizer.accessToken);
    return true;
}

bool IntegrationSuite::signUpRival(const QString& emailPrefix)
{
    return signUpOrganizerAs(m_rival, "rival organizer", emailPrefix);
}

bool IntegrationSuite::signUpBuyer(const QString& emailPrefix)
{
    if (!m_api)
        return fail("signing up the buyer before startServer");
    m_buyer = m_api->signUp(emailPrefix);
    if (m_buyer.id.isEmpty() || m_buyer.accessToken.isEmpty())
        return fail("signing up the buyer (" + emailPrefix + "-…) or signing in failed");
    return true;
}

bool IntegrationSuite::publishEvent(QString& eventId, const QString& title, double startInDays,
                                    std::initializer_list<NewTicketType> types)
{
    if (!m_sales)
        return fail("publishEvent before signUpOrganizer");
    // SalesApi warns with the server's answer when a step is refused.
    eventId = m_sales->createEvent(title, startInDays);
    if (eventId.isEmpty())
        return fail("creating the event \"" + title + "\" failed");
    for (const NewTicketType& type : types) {
        type.id = m_sales->addType(eventId, type.fields);
        if (type.id.isEmpty())
            return fail("adding the ticket type \"" + type.fields.value("name").toString() + "\" to \"" + title +
                        "\" failed");
    }
    if (!m_sales->publish(eventId))
        return fail("publishing \"" + title + "\" failed");
    return true;
}

void IntegrationSuite::ageSignIn(const SignedInUser& who, int seconds)
{
    m_database.query("UPDATE auth.sessions SET signed_in_at = now() - make_interval(secs => " +
                     std::to_string(seconds) + ") WHERE id = '" + who.sessionId.toStdString() + "'");
    QTest::qWait(2100); // the session cache (auth.session_cache_ms) forgets the old standing
}

bool IntegrationSuite::addToTeam(const QString& eventId, const SignedInUser& person, const QString& role)
{
    if (m_organizer.accessToken.isEmpty())
        return fail("addToTeam before signUpOrganizer");
    const auto added = m_api->post("/api/v1/events/" + eventId + "/team", {{"email", person.email}, {"role", role}},
                                   m_organizer.accessToken);
    if (added.status != 201 && added.status != 200)
        return fail("adding " + person.email + " to the team as " + role + " answered " +
                    QString::number(added.status) + ": " + QString::fromUtf8(added.body));
    return true;
}

void IntegrationSuite::cleanupTestCase()
{
    if (!m_server)
        return;
    const int exitCode = m_server->stop();
    QVERIFY2(exitCode == 0,
             qPrintable(QStringLiteral("sbor-server ended with %1; its last lines:\n%2")
                            .arg(exitCode)
                            .arg(m_server->logs().right(3000))));
}

} // namespace sbor::test
