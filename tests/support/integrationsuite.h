#pragma once
// What an integration suite stands on: its own database, a real sbor-server on it, the auth API,
// and on request the admin, the organizer, a rival organizer and a buyer, signed in, and the
// organizer's published event with ticket types. It replaces the initTestCase skeleton the suites
// used to repeat.
//
// A base class rather than a member object: the suites' test functions already speak of
// m_database, m_server, m_client, m_api, m_organizer, m_rival, m_buyer, m_admin and m_sales, and
// as protected members of the base those names stay as they are, so only the setup moves. A suite
// derives from IntegrationSuite instead of QObject and its initTestCase asks for what it needs:
//
//     QVERIFY2(startServer({{"SBOR_TICKETS_JOB_INTERVAL_MS", "200"}}), problem());
//     QVERIFY2(signUpOrganizer() && signUpRival() && signUpBuyer(), problem());
//     QVERIFY2(publishEvent(m_event, "Concert", 30, {{m_general, {{"name", "General"}, {"price", 0}, {"quota", 50}}}}),
//              problem());
//
// Each step returns false and leaves the reason in problem() (with the server's error lines where
// the server said no), so a setup that fails says which step and why. Accounts are signed in in the
// order the suite calls for them; the prefixes of their addresses are the suite's to choose.
// cleanupTestCase is here too (stop the server, expect exit code 0); a suite may declare its own.

#include "authapi.h"
#include "httpclient.h"
#include "salesapi.h"
#include "testdatabase.h"
#include "testserver.h"

#include <QByteArray>
#include <QJsonObject>
#include <QMap>
#include <QObject>
#include <QString>
#include <QStringList>

#include <initializer_list>
#include <memory>

namespace sbor::test {

// A ticket type for publishEvent to add: SalesApi::addType's fields, and where its id goes.
struct NewTicketType {
    QString& id;
    QJsonObject fields;
};

class IntegrationSuite : public QObject {
    Q_OBJECT

protected:
    // Checks that the database was created, starts sbor-server on it with these SBOR_* settings
    // (over TestServer's test defaults) and makes m_api for it. Called again (after the suite
    // stopped or killed m_server), it starts a new server and a new m_api.
    bool startServer(const QMap<QString, QString>& settings = {});
    // For a suite that starts its servers itself (the distributed mode's gateway): m_api on
    // `server`, which the suite owns and stops; m_server stays empty.
    bool useServer(TestServer& server);

    // Each signs one account in and keeps it in the member of that name; false when a step failed.
    // An admin made with `sbor-server user create --role admin` (there is no way over HTTP), then signed in.
    bool signInAdmin(const QString& emailPrefix = "admin");
    // Registered, promoted with POST /users/me/become-organizer; m_sales sells as this organizer.
    bool signUpOrganizer(const QString& emailPrefix = "organizer");
    // A second organizer, for the checks that one organizer cannot touch another's things.
    bool signUpRival(const QString& emailPrefix = "rival");
    // A plain registered account.
    bool signUpBuyer(const QString& emailPrefix = "buyer");

    // The organizer's event (SalesApi::createEvent) with `types` added in this order, published;
    // the ids go to `eventId` and each type's `id`. Needs signUpOrganizer first.
    bool publishEvent(QString& eventId, const QString& title, double startInDays,
                      std::initializer_list<NewTicketType> types);

    // The organizer puts `person` on the event's team as "door" or "co_organizer".
    bool addToTeam(const QString& eventId, const SignedInUser& person, const QString& role);

    // Moves `who`'s last password proof (sign-in or reauthentication) `seconds` into the past, as
    // the server reads it, and waits out the session cache: the step-up window then has passed.
    void ageSignIn(const SignedInUser& who, int seconds);

    // Why the last step that failed failed; for QVERIFY2.
    const char* problem() const { return m_problem.constData(); }

    TestDatabase m_database;
    HttpClient m_client;
    std::unique_ptr<TestServer> m_server;
    std::unique_ptr<AuthApi> m_api;
    SignedInUser m_admin, m_organizer, m_rival, m_buyer;
    // The organizer's, made by signUpOrganizer on the m_api of that moment: a suite that later
    // replaces m_api (a restarted server) and still sells makes a new one.
    std::unique_ptr<SalesApi> m_sales;

private slots:
    void cleanupTestCase();

private:
    bool fail(const QString& what);
    bool signUpOrganizerAs(SignedInUser& user, const QString& role, const QString& emailPrefix);

    QByteArray m_problem;
};

} // namespace sbor::test
