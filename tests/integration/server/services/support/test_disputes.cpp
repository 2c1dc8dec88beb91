// Disputes over real HTTP (issue 17), on Stripe's lifecycle: the buyer opens one on a paid order,
// the organizer answers with evidence before the deadline, support decides. Won: the money stays.
// Lost: all or part of it goes back — the ledger balanced, the tickets it covers cancelled and
// their codes refused at the door. The deadline passes on a clock the test moves; decisions are
// idempotent; nobody else reads or changes a dispute.
#include "integrationsuite.h"

#include <QJsonArray>
#include <QtTest>

using namespace sbor::test;

namespace {

QJsonObject card() { return {{"card_number", "4242 4242 4242 4242"}}; }

QJsonObject complaint(const QString& reason = "not_as_described")
{
    return {{"reason", reason}, {"details", "The stage was not there."}};
}

} // namespace

class TestDisputes : public IntegrationSuite {
    Q_OBJECT
    SignedInUser m_agent;
    QString m_event, m_stalls, m_balcony, m_list, m_kiosk;

    struct PaidOrder {
        QString id;
        QStringList codes;
    };

    // An order of `stalls` tickets at 60.00 and `balcony` at 25.00, paid by the buyer.
    PaidOrder buy(int stalls, int balcony)
    {
        QJsonArray items;
        if (stalls > 0)
            items.append(
                QJsonObject{{"ticket_type_id", m_stalls}, {"quantity", stalls}, {"attendees", attendees(stalls)}});
        if (balcony > 0)
            items.append(
                QJsonObject{{"ticket_type_id", m_balcony}, {"quantity", balcony}, {"attendees", attendees(balcony)}});
        const auto placed = m_api->post("/api/v1/orders", {{"event_id", m_event}, {"items", items}},
                                        m_buyer.accessToken);
        const QJsonObject order = placed.json().value("order").toObject();
        const auto paid = m_api->post("/api/v1/payments/" + order.value("payment_id").toString() + "/confirm", card(),
                                      m_buyer.accessToken);
        if (paid.status != 200)
            return {};
        PaidOrder result{order.value("id").toString(), {}};
        // A priced order's tickets are issued when it is paid: the buyer's list has them.
        for (const auto& ticket :
             m_api->get("/api/v1/tickets?limit=100", m_buyer.accessToken).json().value("items").toArray())
            if (ticket.toObject().value("order_id").toString() == result.id)
                result.codes << ticket.toObject().value("code").toString();
        return result;
    }

    QJsonObject open(const QString& orderId)
    {
        const auto opened = m_api->post("/api/v1/orders/" + orderId + "/disputes", complaint(), m_buyer.accessToken);
        return opened.status == 201 ? opened.json() : QJsonObject();
    }

    QString path(const QString& id, const QString& tail = {}) const { return "/api/v1/disputes/" + id + tail; }

    QJsonObject answer(const QString& id)
    {
        const auto answered = m_api->post(path(id, "/response"), {{"evidence", "Photos of the stage attached."}},
                                          m_organizer.accessToken);
        return answered.status == 200 ? answered.json() : QJsonObject();
    }

    qint64 ledgerSum()
    {
        return std::stoll(m_database.query("SELECT coalesce(sum(amount), 0) FROM payments.ledger_entries"));
    }

    QString redeem(const QString& code, const QString& scan)
    {
        return m_api->post("/api/v1/checkin/redeem", {{"code", code}, {"list_id", m_list}, {"scan_id", scan}}, m_kiosk)
            .json()
            .value("result")
            .toString();
    }

private slots:
    void initTestCase()
    {
        QVERIFY2(startServer({{"SBOR_SUPPORT_JOB_INTERVAL_MS", "200"}}), problem());
        QVERIFY2(signInAdmin("disputes-admin") && signUpOrganizer("disputes-organizer") &&
                     signUpRival("disputes-rival") && signUpBuyer("disputes-buyer"),
                 problem());
        const QString email = uniqueEmail("disputes-agent");
        QVERIFY(!AuthApi::createWithCli(m_database.url(), email, "support").isEmpty());
        m_agent = m_api->signIn(email);
        QVERIFY2(publishEvent(
                     m_event, "Disputed night", 0.5,
                     {{m_stalls, {{"name", "Stalls"}, {"price", 6000}, {"quota", 100}, {"sales_end", inDays(0.4)}}},
                      {m_balcony, {{"name", "Balcony"}, {"price", 2500}, {"quota", 100}, {"sales_end", inDays(0.4)}}}}),
                 problem());
        SalesApi sales(*m_api, m_organizer.accessToken);
        m_list = sales.addCheckInList(m_event, "Main gate");
        m_kiosk = sales.enrollKiosk(m_event, m_list);
        QVERIFY(!m_kiosk.isEmpty());
    }

    void aWonDisputeKeepsTheMoney()
    {
        const PaidOrder order = buy(1, 0);
        QVERIFY(!order.id.isEmpty());
        const QJsonObject opened = open(order.id);
        QCOMPARE(opened.value("status").toString(), QStringLiteral("needs_response"));
        QCOMPARE(opened.value("amount").toInteger(), 6000);
        QCOMPARE(opened.value("organizer_id").toString(), m_organizer.id);
        const QDateTime respondBy = QDateTime::fromString(opened.value("respond_by").toString(), Qt::ISODateWithMs);
        QVERIFY(qAbs(QDateTime::currentDateTimeUtc().daysTo(respondBy) - 7) <= 1);
        const QString id = opened.value("id").toString();
        // Support cannot decide while the organizer may still answer.
        QCOMPARE(
            m_api->post(path(id, "/decision"), {{"outcome", "won"}, {"note", "early"}}, m_agent.accessToken).status,
            409);
        const QJsonObject answered = answer(id);
        QCOMPARE(answered.value("status").toString(), QStringLiteral("under_review"));
        QCOMPARE(answered.value("evidence").toString(), QStringLiteral("Photos of the stage attached."));
        const qint64 ledgerRows = m_database.count("FROM payments.ledger_entries");
        const auto won = m_api->post(path(id, "/decision"), {{"outcome", "won"}, {"note", "the stage was there"}},
                                     m_agent.accessToken);
        QCOMPARE(won.status, 200);
        QCOMPARE(won.json().value("status").toString(), QStringLiteral("won"));
        QCOMPARE(won.json().value("decided_by").toString(), m_agent.id);
        QCOMPARE(m_database.count("FROM payments.ledger_entries"), ledgerRows); // no money moved
        QCOMPARE(m_api->get("/api/v1/orders/" + order.id, m_buyer.accessToken).json().value("status").toString(),
                 QStringLiteral("paid"));
        // The same decision again answers the same; another is refused.
        QCOMPARE(
            m_api->post(path(id, "/decision"), {{"outcome", "won"}, {"note", "again"}}, m_agent.accessToken).status,
            200);
        QCOMPARE(
            m_api->post(path(id, "/decision"), {{"outcome", "lost"}, {"note", "changed my mind"}}, m_agent.accessToken)
                .status,
            409);
        QCOMPARE(redeem(order.codes.first(), "won-1"), QStringLiteral("ok"));
    }

    void aLostDisputeGivesEverythingBack()
    {
        const PaidOrder order = buy(1, 1);
        const QString id = open(order.id).value("id").toString();
        QVERIFY(!answer(id).isEmpty());
        const auto lost = m_api->post(path(id, "/decision"), {{"outcome", "lost"}, {"note", "no stage"}},
                                      m_agent.accessToken);
        QCOMPARE(lost.status, 200);
        QCOMPARE(lost.json().value("status").toString(), QStringLiteral("lost"));
        QCOMPARE(lost.json().value("refund_amount").toInteger(), 8500);
        QVERIFY(lost.json().value("refunded").toBool());
        QCOMPARE(m_api->get("/api/v1/orders/" + order.id, m_buyer.accessToken).json().value("status").toString(),
                 QStringLiteral("refunded"));
        const std::string payment = "FROM payments.payments WHERE order_id = '" + order.id.toStdString() + "'";
        QCOMPARE(m_database.query("SELECT status " + payment), std::string("refunded"));
        QCOMPARE(m_database.query("SELECT refunded_amount " + payment), std::string("8500"));
        QCOMPARE(ledgerSum(), 0);
        QCOMPARE(m_database.count("FROM tickets.tickets WHERE order_id = '" + order.id.toStdString() +
                                  "' AND status = 'cancelled'"),
                 2);
        for (const QString& code : order.codes)
            QVERIFY(redeem(code, "lost-" + code.left(8)) != "ok");
        // A retried decision refunds nothing twice; a new dispute on a refunded order is refused.
        QCOMPARE(
            m_api->post(path(id, "/decision"), {{"outcome", "lost"}, {"note", "retry"}}, m_agent.accessToken).status,
            200);
        QCOMPARE(m_database.count("FROM payments.refunds"), 1);
        const auto again = m_api->post("/api/v1/orders/" + order.id + "/disputes", complaint(), m_buyer.accessToken);
        QCOMPARE(again.status, 409);
    }

    void aPartlyLostDisputeCancelsTheTicketsItCovers()
    {
        const PaidOrder order = buy(1, 2); // 60.00 + 2 × 25.00 = 110.00
        const QString id = open(order.id).value("id").toString();
        QVERIFY(!answer(id).isEmpty());
        const qint64 commissionBefore = std::stoll(
            m_database.query("SELECT coalesce(sum(amount), 0) FROM payments.ledger_entries WHERE account = "
                             "'platform_commission'"));
        // 60.00 back: the dearest ticket it covers (the stall) is cancelled, the balcony stays.
        const auto lost = m_api->post(path(id, "/decision"),
                                      {{"outcome", "lost"}, {"refund_amount", 6000}, {"note", "half"}},
                                      m_agent.accessToken);
        QCOMPARE(lost.status, 200);
        QCOMPARE(lost.json().value("refund_amount").toInteger(), 6000);
        QCOMPARE(m_api->get("/api/v1/orders/" + order.id, m_buyer.accessToken).json().value("status").toString(),
                 QStringLiteral("paid"));
        const std::string tickets = "FROM tickets.tickets t JOIN tickets.ticket_types y ON y.id = t.ticket_type_id "
                                    "WHERE t.order_id = '" +
            order.id.toStdString() + "'";
        QCOMPARE(m_database.count(tickets + " AND t.status = 'cancelled' AND y.name = 'Stalls'"), 1);
        QCOMPARE(m_database.count(tickets + " AND t.status = 'valid' AND y.name = 'Balcony'"), 2);
        QCOMPARE(m_database.query("SELECT refunded_amount FROM payments.payments WHERE order_id = '" +
                                  order.id.toStdString() + "'"),
                 std::string("6000"));
        QCOMPARE(ledgerSum(), 0);
        // The platform gave back its share of the 60.00, no more.
        const qint64 commissionAfter = std::stoll(
            m_database.query("SELECT coalesce(sum(amount), 0) FROM payments.ledger_entries WHERE account = "
                             "'platform_commission'"));
        const qint64 commission = std::stoll(m_database.query(
            "SELECT commission FROM payments.payments WHERE order_id = '" + order.id.toStdString() + "'"));
        QCOMPARE(commissionBefore - commissionAfter, (commission * 6000 + 5500) / 11000);
        const auto tooMuch = m_api->post(
            path(id, "/decision"), {{"outcome", "lost"}, {"refund_amount", 20000}, {"note", "x"}}, m_agent.accessToken);
        QCOMPARE(tooMuch.status, 409); // decided already, otherwise
    }

    void aSecondDisputeGivesBackOnlyWhatIsLeft()
    {
        const PaidOrder order = buy(1, 1); // 85.00
        const QString first = open(order.id).value("id").toString();
        QVERIFY(!answer(first).isEmpty());
        QCOMPARE(m_api
                     ->post(path(first, "/decision"),
                            {{"outcome", "lost"}, {"refund_amount", 2500}, {"note", "balcony"}}, m_agent.accessToken)
                     .status,
                 200);
        // The order is still paid in part: a new dispute may come, and all of 85.00 is no longer there.
        const QString second = open(order.id).value("id").toString();
        QVERIFY(!second.isEmpty());
        QVERIFY(!answer(second).isEmpty());
        const auto tooMuch = m_api->post(path(second, "/decision"), {{"outcome", "lost"}, {"note", "all of it"}},
                                         m_agent.accessToken);
        QCOMPARE(tooMuch.status, 422);
        QCOMPARE(m_api->get(path(second), m_agent.accessToken).json().value("status").toString(),
                 QStringLiteral("under_review")); // nothing was decided
        const auto rest = m_api->post(path(second, "/decision"),
                                      {{"outcome", "lost"}, {"refund_amount", 6000}, {"note", "the rest"}},
                                      m_agent.accessToken);
        QCOMPARE(rest.status, 200);
        QVERIFY(rest.json().value("refunded").toBool());
        QCOMPARE(m_api->get("/api/v1/orders/" + order.id, m_buyer.accessToken).json().value("status").toString(),
                 QStringLiteral("refunded"));
        const std::string payment = "FROM payments.payments WHERE order_id = '" + order.id.toStdString() + "'";
        QCOMPARE(m_database.query("SELECT refunded_amount " + payment), std::string("8500"));
        // The whole commission came back, not more.
        QCOMPARE(m_database.query("SELECT refunded_commission = commission " + payment), std::string("t"));
        QCOMPARE(ledgerSum(), 0);
    }

    void aPartyToTheDisputeDoesNotDecideIt()
    {
        // An agent who bought a ticket and disputes it cannot refund themself.
        const auto placed = m_api->post("/api/v1/orders", orderBody(m_event, m_balcony, 1), m_agent.accessToken);
        const QJsonObject order = placed.json().value("order").toObject();
        QCOMPARE(m_api
                     ->post("/api/v1/payments/" + order.value("payment_id").toString() + "/confirm", card(),
                            m_agent.accessToken)
                     .status,
                 200);
        const auto opened = m_api->post("/api/v1/orders/" + order.value("id").toString() + "/disputes", complaint(),
                                        m_agent.accessToken);
        QCOMPARE(opened.status, 201);
        const QString id = opened.json().value("id").toString();
        QVERIFY(!answer(id).isEmpty());
        QCOMPARE(
            m_api->post(path(id, "/decision"), {{"outcome", "lost"}, {"note", "mine"}}, m_agent.accessToken).status,
            403);
        QCOMPARE(m_api->post(path(id, "/decision"), {{"outcome", "won"}, {"note", "not theirs"}}, m_admin.accessToken)
                     .status,
                 200);
    }

    void noAnswerByTheDeadlineSendsItToReview()
    {
        const PaidOrder order = buy(0, 1);
        const QString id = open(order.id).value("id").toString();
        QCOMPARE(m_api->post("/api/v1/debug/clock", {{"advance_seconds", 8 * 86400}}).status, 200);
        QTRY_COMPARE_WITH_TIMEOUT(m_api->get(path(id), m_agent.accessToken).json().value("status").toString(),
                                  QStringLiteral("under_review"), 10000);
        const QJsonObject reviewed = m_api->get(path(id), m_agent.accessToken).json();
        QVERIFY(reviewed.value("review_note").toString().contains("deadline"));
        // Too late for evidence now.
        QCOMPARE(m_api->post(path(id, "/response"), {{"evidence", "late"}}, m_organizer.accessToken).status, 409);
        QCOMPARE(
            m_api->post(path(id, "/decision"), {{"outcome", "won"}, {"note", "no case"}}, m_agent.accessToken).status,
            200);
    }

    void oneOpenDisputePerOrderAndOnlyItsBuyerOpensOne()
    {
        const PaidOrder order = buy(1, 0);
        QCOMPARE(m_api->post("/api/v1/orders/" + order.id + "/disputes", complaint(), m_rival.accessToken).status, 404);
        QCOMPARE(m_api->post("/api/v1/orders/" + order.id + "/disputes", complaint(), m_organizer.accessToken).status,
                 404);
        QCOMPARE(m_api->post("/api/v1/orders/" + order.id + "/disputes", complaint()).status, 401);
        QVERIFY(!open(order.id).isEmpty());
        QCOMPARE(m_api->post("/api/v1/orders/" + order.id + "/disputes", complaint(), m_buyer.accessToken).status, 409);
        QCOMPARE(
            m_api
                ->post("/api/v1/orders/00000000-0000-4000-8000-000000000000/disputes", complaint(), m_buyer.accessToken)
                .status,
            404);
        // An unpaid order is not disputed.
        const auto pending = m_api->post("/api/v1/orders", orderBody(m_event, m_stalls, 1), m_buyer.accessToken)
                                 .json()
                                 .value("order")
                                 .toObject();
        QCOMPARE(m_api
                     ->post("/api/v1/orders/" + pending.value("id").toString() + "/disputes", complaint(),
                            m_buyer.accessToken)
                     .status,
                 409);
    }

    void nobodyElseReadsOrChangesADispute()
    {
        const PaidOrder order = buy(0, 1);
        const QString id = open(order.id).value("id").toString();
        for (const SignedInUser* stranger : {&m_rival}) {
            QCOMPARE(m_api->get(path(id), stranger->accessToken).status, 404);
            QCOMPARE(m_api->post(path(id, "/response"), {{"evidence", "mine"}}, stranger->accessToken).status, 404);
            QCOMPARE(
                m_api->post(path(id, "/decision"), {{"outcome", "lost"}, {"note", "x"}}, stranger->accessToken).status,
                403);
            const QJsonArray seen =
                m_api->get("/api/v1/disputes", stranger->accessToken).json().value("items").toArray();
            for (const auto& item : seen)
                QVERIFY(item.toObject().value("id").toString() != id);
        }
        // The buyer reads it but neither answers for the organizer nor decides.
        QCOMPARE(m_api->get(path(id), m_buyer.accessToken).status, 200);
        QCOMPARE(m_api->post(path(id, "/response"), {{"evidence", "me"}}, m_buyer.accessToken).status, 403);
        QCOMPARE(m_api->post(path(id, "/decision"), {{"outcome", "lost"}, {"note", "x"}}, m_buyer.accessToken).status,
                 403);
        QCOMPARE(
            m_api->post(path(id, "/decision"), {{"outcome", "lost"}, {"note", "x"}}, m_organizer.accessToken).status,
            403);
        const int byKiosk = m_api->get(path(id), m_kiosk).status;
        QVERIFY2(byKiosk == 401 || byKiosk == 403, qPrintable(QString::number(byKiosk)));
        QCOMPARE(m_api->get(path(id)).status, 401);
        QCOMPARE(m_api->get(path("not-an-id"), m_agent.accessToken).status, 404);
        // The organizer sees their events' disputes; staff see all, soonest deadline first.
        QVERIFY(m_api->get("/api/v1/disputes", m_organizer.accessToken).json().value("items").toArray().size() >= 1);
        const QJsonArray all =
            m_api->get("/api/v1/disputes?limit=200", m_agent.accessToken).json().value("items").toArray();
        QCOMPARE(all.size(), m_database.count("FROM support.disputes"));
        for (int i = 1; i < all.size(); ++i)
            QVERIFY(all[i - 1].toObject().value("respond_by").toString() <=
                    all[i].toObject().value("respond_by").toString());
        QCOMPARE(m_api->get(path(id), m_organizer.accessToken).json().value("status").toString(),
                 QStringLiteral("needs_response")); // nothing changed by trying
    }

    void badInputIsRefusedNamingTheField()
    {
        const PaidOrder order = buy(0, 1);
        const QString opening = "/api/v1/orders/" + order.id + "/disputes";
        const auto problemOf = [](const HttpResult& refused) { return refused.problemFields().value(0); };
        QCOMPARE(problemOf(m_api->post(opening, {{"details", "x"}}, m_buyer.accessToken)), QStringLiteral("reason"));
        QCOMPARE(problemOf(m_api->post(opening, {{"reason", "bored"}, {"details", "x"}}, m_buyer.accessToken)),
                 QStringLiteral("reason"));
        QCOMPARE(problemOf(m_api->post(opening, {{"reason", QJsonValue::Null}, {"details", "x"}}, m_buyer.accessToken)),
                 QStringLiteral("reason"));
        QCOMPARE(problemOf(m_api->post(opening, {{"reason", "other"}}, m_buyer.accessToken)),
                 QStringLiteral("details"));
        const QString id = open(order.id).value("id").toString();
        QVERIFY(!answer(id).isEmpty());
        QCOMPARE(problemOf(m_api->post(path(id, "/decision"), {{"note", "x"}}, m_agent.accessToken)),
                 QStringLiteral("outcome"));
        QCOMPARE(problemOf(m_api->post(path(id, "/decision"), {{"outcome", "won"}, {"refund_amount", 5}, {"note", "x"}},
                                       m_agent.accessToken)),
                 QStringLiteral("refund_amount"));
        QCOMPARE(
            problemOf(m_api->post(path(id, "/decision"), {{"outcome", "lost"}, {"refund_amount", 0}, {"note", "x"}},
                                  m_agent.accessToken)),
            QStringLiteral("refund_amount"));
        QCOMPARE(problemOf(m_api->post(path(id, "/decision"),
                                       {{"outcome", "lost"}, {"refund_amount", 999999}, {"note", "x"}},
                                       m_agent.accessToken)),
                 QStringLiteral("refund_amount"));
        QCOMPARE(m_api->get(path(id), m_agent.accessToken).json().value("status").toString(),
                 QStringLiteral("under_review"));
        QCOMPARE(m_api->get("/api/v1/disputes?status=open", m_agent.accessToken).status, 422);
    }
};

QTEST_GUILESS_MAIN(TestDisputes)
#include "test_disputes.moc"
