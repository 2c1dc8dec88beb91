// Paying for orders over real HTTP against a real sbor-server and PostgreSQL: declined and
// approved cards, the ledger with the platform's commission, tickets issued on payment with codes
// that verify against the event's key and QR images that decode back to the code, and the
// failure between services — a capture whose settlement never finished is completed by the
// reconciliation job, or refunded when the order expired first.
#include "integrationsuite.h"
#include "qrdecoding.h"
#include "salesapi.h"

#include "sbor/ticketcode.h"

#include <QImage>
#include <QJsonArray>
#include <QtTest>

#include <memory>

using namespace sbor::test;

namespace {
constexpr const char* kApprovedCard = "4242 4242 4242 4242";
constexpr const char* kDeclinedCard = "4000000000000002";

QJsonObject card(const QString& number) { return {{"card_number", number}}; }
} // namespace

class TestPayments : public IntegrationSuite {
    Q_OBJECT
private slots:
    void initTestCase()
    {
        QVERIFY2(startServer({{"SBOR_TICKETS_JOB_INTERVAL_MS", "200"}, {"SBOR_PAYMENTS_JOB_INTERVAL_MS", "200"}}),
                 problem());
        QVERIFY2(signUpOrganizer() && signUpRival() && signUpBuyer(), problem());
        m_other = m_api->signUp("other");
        QVERIFY2(publishEvent(m_event, "Opera night", 30,
                              {{m_stalls, {{"name", "Stalls"}, {"price", 123457}, {"quota", 20}}},
                               {m_free, {{"name", "Press"}, {"price", 0}, {"quota", 5}}}}),
                 problem());
    }

    void declinedThenApprovedIssuesTheTickets()
    {
        const auto placed = m_api->post("/api/v1/orders", orderBody(m_event, m_stalls, 2), m_buyer.accessToken);
        QCOMPARE(placed.status, 201);
        const QJsonObject order = placed.json().value("order").toObject();
        QCOMPARE(order.value("status").toString(), QStringLiteral("pending"));
        QCOMPARE(placed.json().value("tickets").toArray().size(), 0);
        const QString payment = order.value("payment_id").toString();
        const QString confirm = "/api/v1/payments/" + payment + "/confirm";

        const auto due = m_api->get("/api/v1/payments/" + payment, m_buyer.accessToken);
        QCOMPARE(due.status, 200);
        QCOMPARE(due.json().value("status").toString(), QStringLiteral("requires_payment"));
        QCOMPARE(due.json().value("amount").toInteger(), 246914);

        const auto declined = m_api->post(confirm, card(kDeclinedCard), m_buyer.accessToken);
        QCOMPARE(declined.status, 402);
        QCOMPARE(declined.errorCode(), QStringLiteral("payment_declined"));
        QCOMPARE(orderStatus(order.value("id").toString()), QStringLiteral("pending"));
        QCOMPARE(outboxCount("payments", "payment.failed", payment), 1);

        const auto paid = m_api->post(confirm, card(kApprovedCard), m_buyer.accessToken);
        QCOMPARE(paid.status, 200);
        QCOMPARE(paid.json().value("status").toString(), QStringLiteral("succeeded"));
        QCOMPARE(paid.json().value("commission").toInteger(), 12346); // 5 % of 2 469.14, rounded half up
        QCOMPARE(paid.json().value("card_last4").toString(), QStringLiteral("4242"));
        const QJsonArray attempts = paid.json().value("attempts").toArray();
        QCOMPARE(attempts.size(), 2);
        QCOMPARE(attempts[0].toObject().value("decline_code").toString(), QStringLiteral("card_declined"));
        QCOMPARE(orderStatus(order.value("id").toString()), QStringLiteral("paid"));
        QCOMPARE(outboxCount("payments", "payment.succeeded", payment), 1);
        QCOMPARE(
            std::stoi(m_database.query(
                "SELECT count(*) FROM tickets.outbox WHERE type = 'ticket.purchased' AND payload->>'order_id' = '" +
                order.value("id").toString().toStdString() + "'")),
            2);

        // Paying twice is refused and changes nothing.
        const auto again = m_api->post(confirm, card(kApprovedCard), m_buyer.accessToken);
        QCOMPARE(again.status, 409);
        QCOMPARE(again.errorCode(), QStringLiteral("order_not_payable"));
        QCOMPARE(std::stoi(m_database.query("SELECT count(*) FROM payments.ledger_entries WHERE payment_id = '" +
                                            payment.toStdString() + "'")),
                 3);

        // Two tickets, one per attendee, each with a code signed by the event's key.
        const auto mine = m_api->get("/api/v1/tickets?limit=1", m_buyer.accessToken);
        QCOMPARE(mine.status, 200);
        QCOMPARE(mine.json().value("items").toArray().size(), 1);
        const QString cursor = mine.json().value("next_cursor").toString();
        QVERIFY(!cursor.isEmpty());
        const auto rest = m_api->get("/api/v1/tickets?limit=5&cursor=" + cursor, m_buyer.accessToken);
        QCOMPARE(rest.json().value("items").toArray().size(), 1);
        QVERIFY(rest.json().value("next_cursor").isNull());
        QJsonArray tickets = mine.json().value("items").toArray();
        tickets.append(rest.json().value("items").toArray()[0]);
        QStringList holders;
        for (const auto& value : tickets) {
            const QJsonObject ticket = value.toObject();
            holders << ticket.value("holder_name").toString();
            QCOMPARE(ticket.value("order_id").toString(), order.value("id").toString());
            QCOMPARE(ticket.value("status").toString(), QStringLiteral("valid"));
            QVERIFY(codeVerifies(ticket.value("code").toString(), m_event));
            QCOMPARE(m_api->get("/api/v1/tickets/" + ticket.value("id").toString(), m_other.accessToken).status, 404);
            QCOMPARE(m_api->get("/api/v1/tickets/" + ticket.value("id").toString(), m_organizer.accessToken).status,
                     200);
            QCOMPARE(m_api->get("/api/v1/tickets/" + ticket.value("id").toString(), m_rival.accessToken).status, 404);
        }
        holders.sort();
        QCOMPARE(holders, (QStringList{"Гость 0", "Гость 1"}));
        m_paidTicket = tickets[0].toObject();
    }

    void qrCodesDecodeBackToTheCode()
    {
        QVERIFY(!m_paidTicket.isEmpty());
        const QString id = m_paidTicket.value("id").toString();
        const auto png = m_api->get("/api/v1/tickets/" + id + "/qr.png", m_buyer.accessToken);
        QCOMPARE(png.status, 200);
        QCOMPARE(png.header("Content-Type"), QByteArray("image/png"));
        QCOMPARE(png.header("Cache-Control"), QByteArray("private, no-store"));
        QCOMPARE(decodeQrPng(png.body), m_paidTicket.value("code").toString());
        const QImage image = QImage::fromData(png.body, "PNG");
        const auto small = m_api->get("/api/v1/tickets/" + id + "/qr.png?scale=2", m_buyer.accessToken);
        QCOMPARE(QImage::fromData(small.body, "PNG").width() * 4, image.width()); // 2 px per module instead of 8
        for (const QString bad : {"0", "21", "x", "-1"})
            QCOMPARE(m_api->get("/api/v1/tickets/" + id + "/qr.png?scale=" + bad, m_buyer.accessToken).status, 422);
        const auto svg = m_api->get("/api/v1/tickets/" + id + "/qr.svg", m_buyer.accessToken);
        QCOMPARE(svg.status, 200);
        QCOMPARE(svg.header("Content-Type"), QByteArray("image/svg+xml"));
        QVERIFY(svg.body.contains("<svg") && svg.body.contains("<path"));
        QCOMPARE(m_api->get("/api/v1/tickets/" + id + "/qr.png", m_other.accessToken).status, 404);
        QCOMPARE(m_api->get("/api/v1/tickets/" + id + "/qr.svg").status, 401);
        QCOMPARE(m_api->get("/api/v1/tickets/not-a-ticket/qr.png", m_buyer.accessToken).status, 404);
    }

    void theLedgerBalancesAndPaysTheOrganizer()
    {
        QCOMPARE(m_database.query("SELECT COALESCE(sum(amount), 0) FROM payments.ledger_entries"), std::string("0"));
        const auto balance = m_api->get("/api/v1/payments/balance", m_organizer.accessToken);
        QCOMPARE(balance.status, 200);
        const QJsonObject rub = balance.json().value("items").toArray()[0].toObject();
        QCOMPARE(rub.value("currency").toString(), QStringLiteral("RUB"));
        QCOMPARE(rub.value("gross").toInteger(), 246914);
        QCOMPARE(rub.value("commission").toInteger(), 12346);
        QCOMPARE(rub.value("balance").toInteger(), 246914 - 12346);
        QCOMPARE(m_api->get("/api/v1/payments/balance", m_rival.accessToken).json().value("items").toArray().size(), 0);
        QCOMPARE(m_api->get("/api/v1/payments/balance?organizer_id=" + m_organizer.id, m_rival.accessToken).status,
                 403);
        QCOMPARE(m_api->get("/api/v1/payments/balance?organizer_id=nope", m_organizer.accessToken).status, 422);
        QCOMPARE(m_api->get("/api/v1/payments/balance", m_buyer.accessToken).status, 403);
    }

    void badConfirmationsChargeNothing_data()
    {
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<int>("status");
        QTest::newRow("no card") << QByteArray("{}") << 422;
        QTest::newRow("letters") << QByteArray(R"({"card_number":"4242abcd42424242"})") << 422;
        QTest::newRow("bad check digit") << QByteArray(R"({"card_number":"4242424242424241"})") << 422;
        QTest::newRow("too short") << QByteArray(R"({"card_number":"42424242"})") << 422;
        QTest::newRow("number as number") << QByteArray(R"({"card_number":4242424242424242})") << 422;
        QTest::newRow("extra field") << QByteArray(R"({"card_number":"4242424242424242","cvc":"123"})") << 422;
        QTest::newRow("not json") << QByteArray("{card") << 400;
    }

    void badConfirmationsChargeNothing()
    {
        QFETCH(QByteArray, body);
        QFETCH(int, status);
        const auto placed = m_api->post("/api/v1/orders", orderBody(m_event, m_stalls, 1), m_buyer.accessToken);
        const QString payment = placed.json().value("order").toObject().value("payment_id").toString();
        const auto answer = m_api->raw("POST", "/api/v1/payments/" + payment + "/confirm", body,
                                       AuthApi::bearer(m_buyer.accessToken));
        QCOMPARE(answer.status, status);
        QCOMPARE(m_database.query("SELECT count(*) FROM payments.attempts WHERE payment_id = '" +
                                  payment.toStdString() + "'"),
                 std::string("0"));
        QCOMPARE(orderStatus(placed.json().value("order").toObject().value("id").toString()),
                 QStringLiteral("pending"));
    }

    void onlyTheBuyerPays()
    {
        const auto placed = m_api->post("/api/v1/orders", orderBody(m_event, m_stalls, 1), m_buyer.accessToken);
        const QString payment = placed.json().value("order").toObject().value("payment_id").toString();
        QCOMPARE(
            m_api->post("/api/v1/payments/" + payment + "/confirm", card(kApprovedCard), m_other.accessToken).status,
            404);
        QCOMPARE(m_api->post("/api/v1/payments/" + payment + "/confirm", card(kApprovedCard)).status, 401);
        QCOMPARE(m_api
                     ->post("/api/v1/payments/00000000-0000-4000-8000-000000000000/confirm", card(kApprovedCard),
                            m_buyer.accessToken)
                     .status,
                 404);
        QCOMPARE(m_api->post("/api/v1/payments/nope/confirm", card(kApprovedCard), m_buyer.accessToken).status, 404);
        QCOMPARE(m_api->get("/api/v1/payments/" + payment, m_other.accessToken).status, 404);
        QCOMPARE(orderStatus(placed.json().value("order").toObject().value("id").toString()),
                 QStringLiteral("pending"));
    }

    void idempotencyKeyReplaysTheConfirmation()
    {
        const auto placed = m_api->post("/api/v1/orders", orderBody(m_event, m_stalls, 1), m_buyer.accessToken);
        const QString payment = placed.json().value("order").toObject().value("payment_id").toString();
        HttpClient::Headers headers = AuthApi::bearer(m_buyer.accessToken);
        headers.insert("Idempotency-Key", "pay-" + payment.toUtf8());
        const QByteArray body = R"({"card_number":"4242424242424242"})";
        const auto first = m_api->raw("POST", "/api/v1/payments/" + payment + "/confirm", body, headers);
        QCOMPARE(first.status, 200);
        const auto replay = m_api->raw("POST", "/api/v1/payments/" + payment + "/confirm", body, headers);
        QCOMPARE(replay.status, 200);
        QCOMPARE(replay.header("Idempotent-Replayed"), QByteArray("true"));
        QCOMPARE(replay.body, first.body);
        QCOMPARE(m_database.query("SELECT count(*) FROM payments.attempts WHERE payment_id = '" +
                                  payment.toStdString() + "'"),
                 std::string("1"));
        // The key's fingerprint does not hash the card number: the same key with another card
        // ending alike is the same request; one ending otherwise is another.
        const QByteArray lookalike = R"({"card_number":"4111111111114242"})";
        QCOMPARE(m_api->raw("POST", "/api/v1/payments/" + payment + "/confirm", lookalike, headers)
                     .header("Idempotent-Replayed"),
                 QByteArray("true"));
        QCOMPARE(m_api
                     ->raw("POST", "/api/v1/payments/" + payment + "/confirm", R"({"card_number":"4000000000000002"})",
                           headers)
                     .status,
                 422);
        QVERIFY(m_database.rowsContaining("4242424242424242").empty());
    }

    void freeOrdersArePaidWithTicketsAtOnce()
    {
        const auto placed = m_api->post("/api/v1/orders", orderBody(m_event, m_free, 2), m_buyer.accessToken);
        QCOMPARE(placed.status, 201);
        QCOMPARE(placed.json().value("order").toObject().value("status").toString(), QStringLiteral("paid"));
        const QJsonArray tickets = placed.json().value("tickets").toArray();
        QCOMPARE(tickets.size(), 2);
        for (const auto& ticket : tickets)
            QVERIFY(codeVerifies(ticket.toObject().value("code").toString(), m_event));
        const QString payment = placed.json().value("order").toObject().value("payment_id").toString();
        QCOMPARE(m_api->get("/api/v1/payments/" + payment, m_buyer.accessToken).status, 404); // nothing to pay
        QCOMPARE(m_api->post("/api/v1/payments/" + payment + "/confirm", card(kApprovedCard), m_buyer.accessToken)
                     .errorCode(),
                 QStringLiteral("order_not_payable"));
    }

    void declinesAreBrakedAgainstCardTesting()
    {
        const auto placed = m_api->post("/api/v1/orders", orderBody(m_event, m_stalls, 1), m_buyer.accessToken);
        const QString confirm = "/api/v1/payments/" +
            placed.json().value("order").toObject().value("payment_id").toString() + "/confirm";
        for (int i = 0; i < 10; ++i)
            QCOMPARE(m_api->post(confirm, card(kDeclinedCard), m_buyer.accessToken).status, 402);
        const auto braked = m_api->post(confirm, card(kApprovedCard), m_buyer.accessToken);
        QCOMPARE(braked.status, 429);
        QCOMPARE(braked.errorCode(), QStringLiteral("rate_limited"));
        QCOMPARE(orderStatus(placed.json().value("order").toObject().value("id").toString()),
                 QStringLiteral("pending"));
    }

    void ordersOfACancelledEventCannotBePaid()
    {
        const QString event = m_sales->createEvent("Called off");
        const QString type = m_sales->addType(event, {{"name", "Any"}, {"price", 5000}, {"quota", 5}});
        QVERIFY(m_sales->publish(event));
        const auto placed = m_api->post("/api/v1/orders", orderBody(event, type, 1), m_buyer.accessToken);
        QCOMPARE(placed.status, 201);
        QCOMPARE(m_api
                     ->post("/api/v1/events/" + event + "/cancel", {{"reason", "The venue flooded"}},
                            m_organizer.accessToken)
                     .status,
                 200);
        const QString payment = placed.json().value("order").toObject().value("payment_id").toString();
        const auto late = m_api->post("/api/v1/payments/" + payment + "/confirm", card(kApprovedCard),
                                      m_buyer.accessToken);
        QCOMPARE(late.status, 409);
        QCOMPARE(late.errorCode(), QStringLiteral("order_not_payable"));
        QCOMPARE(m_database.query("SELECT count(*) FROM payments.attempts WHERE payment_id = '" +
                                  payment.toStdString() + "'"),
                 std::string("0"));
    }

    void anExpiredOrderCannotBePaid()
    {
        const auto placed = m_api->post("/api/v1/orders", orderBody(m_event, m_stalls, 1), m_buyer.accessToken);
        const QString orderId = placed.json().value("order").toObject().value("id").toString();
        m_database.query("UPDATE tickets.orders SET hold_expires_at = now() - interval '1 second' WHERE id = '" +
                         orderId.toStdString() + "' RETURNING 1");
        QTRY_COMPARE_WITH_TIMEOUT(orderStatus(orderId), QStringLiteral("expired"), 10000);
        const QString payment = placed.json().value("order").toObject().value("payment_id").toString();
        const auto late = m_api->post("/api/v1/payments/" + payment + "/confirm", card(kApprovedCard),
                                      m_buyer.accessToken);
        QCOMPARE(late.status, 409);
        QCOMPARE(late.errorCode(), QStringLiteral("order_not_payable"));
        QCOMPARE(late.json().value("error").toObject().value("details").toObject().value("status").toString(),
                 QStringLiteral("expired"));
        QCOMPARE(m_database.query("SELECT count(*) FROM payments.attempts WHERE payment_id = '" +
                                  payment.toStdString() + "'"),
                 std::string("0"));
    }

    void anUnsettledCaptureIsFinishedByTheJob()
    {
        // The process died after the card was charged and before the order was settled: the
        // payment row says captured, the order is still pending.
        const auto placed = m_api->post("/api/v1/orders", orderBody(m_event, m_stalls, 1), m_buyer.accessToken);
        const QJsonObject order = placed.json().value("order").toObject();
        const std::string payment = order.value("payment_id").toString().toStdString();
        capturedLongAgo(payment, order);
        QTRY_COMPARE_WITH_TIMEOUT(m_database.query("SELECT status FROM payments.payments WHERE id = '" + payment + "'"),
                                  std::string("succeeded"), 10000);
        QCOMPARE(orderStatus(order.value("id").toString()), QStringLiteral("paid"));
        QCOMPARE(m_database.query("SELECT count(*) FROM tickets.tickets WHERE order_id = '" +
                                  order.value("id").toString().toStdString() + "'"),
                 std::string("1"));
        QCOMPARE(outboxCount("payments", "payment.succeeded", QString::fromStdString(payment)), 1);
    }

    void aCaptureTheOrderCouldNotTakeIsRefunded()
    {
        const auto placed = m_api->post("/api/v1/orders", orderBody(m_event, m_stalls, 1), m_buyer.accessToken);
        const QJsonObject order = placed.json().value("order").toObject();
        const std::string payment = order.value("payment_id").toString().toStdString();
        // The hold ran out while the charge was in flight.
        m_database.query("UPDATE tickets.orders SET hold_expires_at = now() - interval '1 second' WHERE id = '" +
                         order.value("id").toString().toStdString() + "' RETURNING 1");
        QTRY_COMPARE_WITH_TIMEOUT(orderStatus(order.value("id").toString()), QStringLiteral("expired"), 10000);
        capturedLongAgo(payment, order);
        QTRY_COMPARE_WITH_TIMEOUT(m_database.query("SELECT status FROM payments.payments WHERE id = '" + payment + "'"),
                                  std::string("refunded"), 10000);
        QCOMPARE(outboxCount("payments", "refund.issued", QString::fromStdString(payment)), 1);
        // Charged and refunded in full: nobody keeps anything.
        QCOMPARE(m_database.query("SELECT count(*) FROM payments.ledger_entries WHERE payment_id = '" + payment + "'"),
                 std::string("6"));
        QCOMPARE(m_database.query("SELECT sum(amount) FROM payments.ledger_entries WHERE payment_id = '" + payment +
                                  "' AND account LIKE 'organizer:%'"),
                 std::string("0"));
        QCOMPARE(m_database.query("SELECT count(*) FROM tickets.tickets WHERE order_id = '" +
                                  order.value("id").toString().toStdString() + "'"),
                 std::string("0"));
    }

private:
    QString orderStatus(const QString& orderId)
    {
        return m_api->get("/api/v1/orders/" + orderId, m_buyer.accessToken).json().value("status").toString();
    }

    int outboxCount(const std::string& schema, const std::string& type, const QString& paymentId)
    {
        return std::stoi(m_database.query("SELECT count(*) FROM " + schema + ".outbox WHERE type = '" + type +
                                          "' AND aggregateid = '" + paymentId.toStdString() + "'"));
    }

    void capturedLongAgo(const std::string& payment, const QJsonObject& order)
    {
        m_database.query(
            "INSERT INTO payments.payments (id, order_id, event_id, organizer_id, buyer_id, amount, currency, status, card_last4, captured_at) "
            "VALUES ('" +
            payment + "', '" + order.value("id").toString().toStdString() + "', '" + m_event.toStdString() + "', '" +
            m_organizer.id.toStdString() + "', '" + m_buyer.id.toStdString() + "', " +
            std::to_string(order.value("total").toInteger()) +
            ", 'RUB', 'captured', '4242', now() - interval '1 minute') RETURNING 1");
    }

    // Whether `code` is signed by one of the event's keys, read from the tickets schema.
    bool codeVerifies(const QString& code, const QString& eventId)
    {
        const auto read = sbor::readTicketCode(code.toStdString());
        if (!read)
            return false;
        const std::string hex = m_database.query(
            "SELECT encode(public_key, 'hex') FROM tickets.event_keys WHERE event_id = '" + eventId.toStdString() +
            "' AND key_id = " + std::to_string(read->fields.keyId));
        const QByteArray key = QByteArray::fromHex(QByteArray::fromStdString(hex));
        if (key.size() != 32)
            return false;
        sbor::SigningPublicKey publicKey{};
        std::copy(key.begin(), key.end(), publicKey.begin());
        return sbor::ticketCodeSignedBy(*read, *sbor::uuidBytes(eventId.toStdString()), publicKey);
    }

    SignedInUser m_other;
    QString m_event, m_stalls, m_free;
    QJsonObject m_paidTicket;
};

QTEST_MAIN(TestPayments)
#include "test_payments.moc"
