// The admins' and support agents' side of accounts over real HTTP (issue 17): search with filters,
// one person's page, the audit log's filters, and erasure (GDPR) — the account becomes a tombstone,
// every service forgets the name and address it copied, and the orders, money and audit entries
// stay, the ledger still balanced.
#include "integrationsuite.h"

#include <QJsonArray>
#include <QUrlQuery>
#include <QtTest>

using namespace sbor::test;

namespace {

QJsonObject card() { return {{"card_number", "4242 4242 4242 4242"}}; }

QStringList idsOf(const QJsonArray& items)
{
    QStringList ids;
    for (const auto& item : items)
        ids << item.toObject().value("id").toString();
    return ids;
}

} // namespace

class TestAdminUsers : public IntegrationSuite {
    Q_OBJECT
    SignedInUser m_support;
    QString m_event, m_stalls;

    QJsonArray search(const QString& query, const QString& token)
    {
        return m_api->get("/api/v1/admin/users?" + query, token).json().value("items").toArray();
    }

    // The buyer-to-be-erased's paid order of one ticket for themself and one for a friend.
    QString buyPaidOrder(const SignedInUser& buyer, const QString& friendEmail)
    {
        const auto placed = m_api->post(
            "/api/v1/orders", orderForAttendees(m_event, m_stalls, {buyer.email, friendEmail}), buyer.accessToken);
        const QJsonObject order = placed.json().value("order").toObject();
        const auto paid = m_api->post("/api/v1/payments/" + order.value("payment_id").toString() + "/confirm", card(),
                                      buyer.accessToken);
        return paid.status == 200 ? order.value("id").toString() : QString();
    }

private slots:
    void initTestCase()
    {
        QVERIFY2(startServer({{"SBOR_WEBHOOKS_ALLOW_PRIVATE_ADDRESSES", "true"}}), problem());
        QVERIFY2(signInAdmin("users-admin") && signUpOrganizer("users-organizer") && signUpBuyer("users-buyer"),
                 problem());
        const QString email = uniqueEmail("users-support");
        QVERIFY(!AuthApi::createWithCli(m_database.url(), email, "support").isEmpty());
        m_support = m_api->signIn(email);
        QVERIFY(!m_support.accessToken.isEmpty());
        QVERIFY2(publishEvent(m_event, "Users night", 30,
                              {{m_stalls, {{"name", "Stalls"}, {"price", 2500}, {"quota", 100}}}}),
                 problem());
    }

    void searchFiltersByTextRoleStatusAndRegistration()
    {
        const QDateTime before = QDateTime::currentDateTimeUtc().addSecs(-1);
        const SignedInUser first = m_api->signUp("filter-one");
        const SignedInUser second = m_api->signUp("filter-two");
        const QString from = QUrl::toPercentEncoding(before.toString(Qt::ISODateWithMs));
        const QStringList recent = idsOf(search("q=filter-&created_from=" + from, m_admin.accessToken));
        QVERIFY(recent.contains(first.id) && recent.contains(second.id));
        QVERIFY(idsOf(search("q=filter-&created_to=" + from, m_admin.accessToken)).isEmpty());
        QCOMPARE(idsOf(search("q=" + QUrl::toPercentEncoding(second.email), m_admin.accessToken)),
                 QStringList{second.id});
        QVERIFY(idsOf(search("role=support", m_admin.accessToken)).contains(m_support.id));
        QVERIFY(!idsOf(search("role=support", m_admin.accessToken)).contains(first.id));
        QVERIFY(!idsOf(search("q=filter-&status=blocked", m_admin.accessToken)).contains(first.id));
        // The text is matched literally: % and _ are not wildcards.
        QVERIFY(idsOf(search("q=%25", m_admin.accessToken)).isEmpty());
        for (const char* bad :
             {"created_from=yesterday", "created_to=2026-13-01T00:00:00Z", "role=emperor", "status=gone", "limit=0"}) {
            const auto refused = m_api->get("/api/v1/admin/users?" + QString(bad), m_admin.accessToken);
            QCOMPARE(refused.status, 422);
            QCOMPARE(refused.problemFields().value(0), QString(bad).section('=', 0, 0));
        }
    }

    void supportLooksUpButCannotChange()
    {
        const SignedInUser person = m_api->signUp("looked-up");
        QVERIFY(idsOf(search("q=looked-up", m_support.accessToken)).contains(person.id));
        const auto looked = m_api->get("/api/v1/admin/users/" + person.id, m_support.accessToken);
        QCOMPARE(looked.status, 200);
        // The audit log is the admins': a support agent's lookup has no history in it.
        QVERIFY(looked.json().value("recent_audit").toArray().isEmpty());
        QCOMPARE(m_api->post("/api/v1/admin/users/" + person.id + "/block", {}, m_support.accessToken).status, 403);
        QCOMPARE(m_api
                     ->post("/api/v1/admin/users/" + person.id + "/erase", {{"confirm_email", person.email}},
                            m_support.accessToken)
                     .status,
                 403);
        // Organizers and buyers see neither the list nor anyone's page.
        for (const SignedInUser* who : {&m_organizer, &m_buyer}) {
            QCOMPARE(m_api->get("/api/v1/admin/users?q=looked-up", who->accessToken).status, 403);
            QCOMPARE(m_api->get("/api/v1/admin/users/" + person.id, who->accessToken).status, 403);
            QCOMPARE(m_api
                         ->post("/api/v1/admin/users/" + person.id + "/erase", {{"confirm_email", person.email}},
                                who->accessToken)
                         .status,
                     403);
        }
        QCOMPARE(m_api->get("/api/v1/admin/users/" + person.id).status, 401);
    }

    void aPersonsPageShowsSessionsHistoryAndCounts()
    {
        const QString order = buyPaidOrder(m_buyer, uniqueEmail("page-friend"));
        QVERIFY(!order.isEmpty());
        QCOMPARE(
            m_api->post("/api/v1/admin/users/" + m_buyer.id + "/block", {{"reason", "checking"}}, m_admin.accessToken)
                .status,
            200);
        QCOMPARE(m_api->post("/api/v1/admin/users/" + m_buyer.id + "/unblock", {}, m_admin.accessToken).status, 200);
        m_buyer = m_api->signIn(m_buyer.email);
        const auto page = m_api->get("/api/v1/admin/users/" + m_buyer.id, m_admin.accessToken);
        QCOMPARE(page.status, 200);
        const QJsonObject body = page.json();
        QCOMPARE(body.value("user").toObject().value("email").toString(), m_buyer.email);
        QCOMPARE(body.value("orders_count").toInt(), 1);
        QCOMPARE(body.value("events_count").toInt(), 0);
        QCOMPARE(body.value("sessions").toArray().size(), 1); // blocking ended the earlier one
        QStringList actions;
        for (const auto& entry : body.value("recent_audit").toArray())
            actions << entry.toObject().value("action").toString();
        QVERIFY2(actions.contains("user.blocked") && actions.contains("user.unblocked"), qPrintable(actions.join(',')));
        QVERIFY(m_api->get("/api/v1/admin/users/" + m_buyer.id, m_support.accessToken)
                    .json()
                    .value("recent_audit")
                    .toArray()
                    .isEmpty());
        QCOMPARE(m_api->get("/api/v1/admin/users/" + m_organizer.id, m_admin.accessToken)
                     .json()
                     .value("events_count")
                     .toInt(),
                 1);
        QCOMPARE(m_api->get("/api/v1/admin/users/00000000-0000-4000-8000-000000000000", m_admin.accessToken).status,
                 404);
        QCOMPARE(m_api->get("/api/v1/admin/users/not-an-id", m_admin.accessToken).status, 404);
    }

    void theAuditLogFiltersByActorActionTargetAndTime()
    {
        const QString base = "/api/v1/admin/audit-log?";
        const auto byAction = m_api->get(base + "action=user.blocked&target=" + m_buyer.id, m_admin.accessToken);
        QCOMPARE(byAction.status, 200);
        const QJsonArray blocked = byAction.json().value("items").toArray();
        QCOMPARE(blocked.size(), 1);
        QCOMPARE(blocked.first().toObject().value("actor_id").toString(), m_admin.id);
        const QJsonArray byActor = m_api->get(base + "actor=" + m_admin.id + "&limit=200", m_admin.accessToken)
                                       .json()
                                       .value("items")
                                       .toArray();
        QVERIFY(byActor.size() >= 2);
        for (const auto& entry : byActor)
            QCOMPARE(entry.toObject().value("actor_id").toString(), m_admin.id);
        const QString future = QUrl::toPercentEncoding(
            QDateTime::currentDateTimeUtc().addDays(1).toString(Qt::ISODate));
        QCOMPARE(m_api->get(base + "from=" + future, m_admin.accessToken).json().value("items").toArray().size(), 0);
        QVERIFY(m_api->get(base + "to=" + future, m_admin.accessToken).json().value("items").toArray().size() > 0);
        for (const char* bad : {"actor=me", "target=1", "from=soon", "to=2026-02-30T00:00:00Z"})
            QCOMPARE(m_api->get(base + QString(bad), m_admin.accessToken).status, 422);
        QCOMPARE(m_api->get(base + "action=user.blocked", m_support.accessToken).status, 403);
    }

    void erasureNeedsAConfirmationAStepUpAndSpares()
    {
        const SignedInUser person = m_api->signUp("erase-refused");
        const QString path = "/api/v1/admin/users/" + person.id + "/erase";
        QCOMPARE(m_api->post(path, {}, m_admin.accessToken).status, 422);
        const auto wrong = m_api->post(path, {{"confirm_email", "someone.else@example.org"}}, m_admin.accessToken);
        QCOMPARE(wrong.status, 422);
        QCOMPARE(wrong.problemFields().value(0), QStringLiteral("confirm_email"));
        QCOMPARE(m_api
                     ->post("/api/v1/admin/users/" + m_admin.id + "/erase", {{"confirm_email", m_admin.email}},
                            m_admin.accessToken)
                     .status,
                 409);
        const QString otherAdmin = uniqueEmail("erase-other-admin");
        const QString otherAdminId = AuthApi::createWithCli(m_database.url(), otherAdmin, "admin");
        QCOMPARE(m_api
                     ->post("/api/v1/admin/users/" + otherAdminId + "/erase", {{"confirm_email", otherAdmin}},
                            m_admin.accessToken)
                     .status,
                 409);
        ageSignIn(m_admin, 600);
        QCOMPARE(m_api->post(path, {{"confirm_email", person.email}}, m_admin.accessToken).errorCode(),
                 QStringLiteral("reauthentication_required"));
        QCOMPARE(m_api->login(person.email).status, 200); // still there
        QCOMPARE(m_api->post("/api/v1/auth/reauthenticate", {{"password", kTestPassword}}, m_admin.accessToken).status,
                 200);
    }

    void anErasedPersonIsForgottenEverywhereAndTheMoneyStays()
    {
        const SignedInUser person = m_api->signUp("erase-me");
        const QString friendEmail = uniqueEmail("erase-friend");
        // The organizer's integration hears the purchase and the team change: its deliveries copy
        // the person's name and address too (the receiver is not there; they stay as failed).
        QCOMPARE(m_api
                     ->post("/api/v1/webhooks", {{"url", "http://127.0.0.1:9/hook"}, {"event_types", QJsonArray{"*"}}},
                            m_organizer.accessToken)
                     .status,
                 201);
        const QString order = buyPaidOrder(person, friendEmail);
        QVERIFY(!order.isEmpty());
        QVERIFY(addToTeam(m_event, person, "door"));
        QCOMPARE(m_api
                     ->post("/api/v1/support/requests",
                            {{"subject", "About " + person.email},
                             {"body", "Write to me at " + person.email},
                             {"category", "account"}},
                            person.accessToken)
                     .status,
                 201);
        // The integration's deliveries did copy the address (so their scrubbing below is proven).
        QTRY_VERIFY_WITH_TIMEOUT(m_database.count("FROM notifications.webhook_deliveries WHERE payload ILIKE '%" +
                                                  person.email.toStdString() + "%'") >= 2,
                                 10000);
        const std::string ledgerBefore = m_database.query("SELECT count(*) FROM payments.ledger_entries");
        const QString personEmail = person.email;

        const auto erased = m_api->post("/api/v1/admin/users/" + person.id + "/erase",
                                        {{"confirm_email", personEmail.toUpper()}}, m_admin.accessToken);
        QCOMPARE(erased.status, 200);
        QCOMPARE(erased.json().value("status").toString(), QStringLiteral("deleted"));

        // Signed out everywhere, gone from sign-in, a tombstone to everyone.
        QCOMPARE(m_api->get("/api/v1/users/me", person.accessToken).status, 401);
        QCOMPARE(m_api->login(personEmail).status, 401);
        const QJsonObject tombstone = m_api->get("/api/v1/admin/users/" + person.id, m_admin.accessToken).json();
        QCOMPARE(tombstone.value("user").toObject().value("status").toString(), QStringLiteral("deleted"));
        QVERIFY(!tombstone.value("user").toObject().contains("email"));
        QCOMPARE(m_api
                     ->post("/api/v1/admin/users/" + person.id + "/erase", {{"confirm_email", personEmail}},
                            m_admin.accessToken)
                     .status,
                 404);

        // Every service forgot the address it copied; nothing anywhere still holds it.
        for (int waited = 0; waited < 10000 && !m_database.rowsContaining(personEmail.toStdString()).empty();
             waited += 100)
            QTest::qWait(100);
        const auto left = m_database.rowsContaining(personEmail.toStdString());
        QVERIFY2(left.empty(), left.empty() ? "" : left.front().c_str());
        QTRY_COMPARE_WITH_TIMEOUT(
            m_database.count("FROM events.team_members WHERE user_id = '" + person.id.toStdString() + "'"), 0, 10000);
        // The friend's ticket on the same order keeps the friend's name and address.
        QCOMPARE(m_database.count("FROM tickets.tickets WHERE order_id = '" + order.toStdString() +
                                  "' AND holder_email = '" + friendEmail.toStdString() + "'"),
                 1);
        // The order, its tickets and its money stay; the ledger still balances.
        QCOMPARE(m_database.count("FROM tickets.orders WHERE id = '" + order.toStdString() + "' AND status = 'paid'"),
                 1);
        QCOMPARE(m_database.count("FROM tickets.tickets WHERE order_id = '" + order.toStdString() + "'"), 2);
        QCOMPARE(m_database.query("SELECT count(*) FROM payments.ledger_entries"), ledgerBefore);
        QCOMPARE(m_database.query("SELECT coalesce(sum(amount), 0) FROM payments.ledger_entries"), std::string("0"));
        // The audit log keeps the erasure, by the admin.
        const QJsonArray entries = m_api
                                       ->get("/api/v1/admin/audit-log?action=user.erased&target=" + person.id,
                                             m_admin.accessToken)
                                       .json()
                                       .value("items")
                                       .toArray();
        QCOMPARE(entries.size(), 1);
        QCOMPARE(entries.first().toObject().value("actor_id").toString(), m_admin.id);
    }
};

QTEST_GUILESS_MAIN(TestAdminUsers)
#include "test_admin_users.moc"
