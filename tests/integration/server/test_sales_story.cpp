// The story issue 4 must show, end to end through the HTTP API of one real sbor-server on a real
// PostgreSQL: an organizer creates, fills and publishes an event; a buyer orders two tickets, pays
// and downloads a QR; the PNG decodes back to a code that redeems ok once and already_redeemed the
// second time; a kiosk enrolled with a code syncs, uploads an offline batch, and a duplicate
// admission appears as a conflict; cancelling the event refunds the order through the ledger,
// cancels the tickets and the next redeem answers cancelled. The wind-up is idempotent.
#include "integrationsuite.h"
#include "qrdecoding.h"

#include <QJsonArray>
#include <QtTest>

#include <memory>

using namespace sbor::test;

class TestSalesStory : public IntegrationSuite {
    Q_OBJECT
private slots:
    void initTestCase() { QVERIFY2(startServer({{"SBOR_EVENTS_JOB_INTERVAL_MS", "200"}}), problem()); }

    void fromPublishingToRefund()
    {
        // The organizer creates, fills and publishes the event.
        SignedInUser organizer = m_api->signUpOrganizer("organizer");
        QVERIFY(!organizer.id.isEmpty());
        SalesApi sales(*m_api, organizer.accessToken);
        const QString event = sales.createEvent("Jazz in the park", 0.5);
        QVERIFY(!event.isEmpty());
        const QString type = sales.addType(
            event, {{"name", "Lawn"}, {"price", 90000}, {"quota", 100}, {"sales_end", inDays(0.4)}});
        QCOMPARE(m_api
                     ->put("/api/v1/events/" + event + "/schedule",
                           {{"items",
                             QJsonArray{QJsonObject{{"starts_at", inDays(0.51)},
                                                    {"ends_at", inDays(0.55)},
                                                    {"title", "Opening set"},
                                                    {"speaker", "Trio"},
                                                    {"room", "Main stage"}}}}},
                           organizer.accessToken)
                     .status,
                 200);
        QVERIFY(sales.publish(event));
        const QString gate = m_api
                                 ->post("/api/v1/events/" + event + "/checkin-lists", {{"name", "Park gate"}},
                                        organizer.accessToken)
                                 .json()
                                 .value("id")
                                 .toString();

        // A buyer orders two tickets and pays.
        SignedInUser buyer = m_api->signUp("buyer");
        const auto placed = m_api->post("/api/v1/orders", orderBody(event, type, 2), buyer.accessToken);
        QCOMPARE(placed.status, 201);
        const QJsonObject order = placed.json().value("order").toObject();
        const QString payment = order.value("payment_id").toString();
        const auto paid = m_api->post("/api/v1/payments/" + payment + "/confirm", {{"card_number", "4242424242424242"}},
                                      buyer.accessToken);
        QCOMPARE(paid.status, 200);
        const QJsonArray tickets = m_api->get("/api/v1/tickets", buyer.accessToken).json().value("items").toArray();
        QCOMPARE(tickets.size(), 2);

        // Someone else holds seats without paying.
        SignedInUser slow = m_api->signUp("slow");
        const auto unpaid = m_api->post("/api/v1/orders", orderBody(event, type, 3), slow.accessToken);
        QCOMPARE(unpaid.status, 201);

        // The QR decodes to the code, which admits once.
        const QString ticketId = tickets[0].toObject().value("id").toString();
        const auto png = m_api->get("/api/v1/tickets/" + ticketId + "/qr.png", buyer.accessToken);
        QCOMPARE(png.status, 200);
        const QString code = decodeQrPng(png.body);
        QCOMPARE(code, tickets[0].toObject().value("code").toString());
        auto redeem = [&](const QString& scannedCode, const QString& scanId) {
            return m_api
                ->post("/api/v1/checkin/redeem", {{"code", scannedCode}, {"list_id", gate}, {"scan_id", scanId}},
                       organizer.accessToken)
                .json()
                .value("result")
                .toString();
        };
        QCOMPARE(redeem(code, "door-1"), QStringLiteral("ok"));
        QCOMPARE(redeem(code, "door-2"), QStringLiteral("already_redeemed"));
        // A kiosk enrolled with a code syncs, uploads an offline batch, and the duplicate admission
        // of the first ticket shows as a conflict.
        const QString code1 = m_api
                                  ->post("/api/v1/events/" + event + "/enrollments",
                                         {{"list_id", gate}, {"name", "North kiosk"}}, organizer.accessToken)
                                  .json()
                                  .value("code")
                                  .toString();
        const QString kiosk =
            m_api->post("/api/v1/devices/enroll", {{"code", code1}}).json().value("device_token").toString();
        QVERIFY(!kiosk.isEmpty());
        const auto synced = m_api->get("/api/v1/devices/me/sync", kiosk).json();
        QCOMPARE(synced.value("tickets").toArray().size(), 2);
        QCOMPARE(synced.value("scans").toArray().size(), 1); // door-1
        const QJsonArray offline{QJsonObject{{"code", code}, {"scan_id", "kiosk-1"}, {"scanned_at", inDays(-0.001)}},
                                 QJsonObject{{"code", tickets[1].toObject().value("code").toString()},
                                             {"scan_id", "kiosk-2"},
                                             {"scanned_at", inDays(-0.0005)}}};
        const QJsonArray results =
            m_api->post("/api/v1/checkin/batch", {{"scans", offline}}, kiosk).json().value("results").toArray();
        QCOMPARE(results[0].toObject().value("result").toString(), QStringLiteral("already_redeemed"));
        QCOMPARE(results[1].toObject().value("result").toString(), QStringLiteral("ok"));
        QCOMPARE(m_api->get("/api/v1/events/" + event + "/stats", organizer.accessToken)
                     .json()
                     .value("checkins")
                     .toObject()
                     .value("conflicts")
                     .toInt(),
                 1);
        QCOMPARE(m_database.query("SELECT count(*) FROM tickets.outbox WHERE type = 'checkin.conflict'"),
                 std::string("1"));

        const auto balance =
            m_api->get("/api/v1/payments/balance", organizer.accessToken).json().value("items").toArray()[0].toObject();
        QCOMPARE(balance.value("balance").toInteger(), 180000 - 9000);

        // The event is cancelled: the order is refunded, the tickets cancelled, the holds released.
        QCOMPARE(
            m_api->post("/api/v1/events/" + event + "/cancel", {{"reason", "Storm warning"}}, organizer.accessToken)
                .status,
            200);
        QCOMPARE(m_api->get("/api/v1/orders/" + order.value("id").toString(), buyer.accessToken)
                     .json()
                     .value("status")
                     .toString(),
                 QStringLiteral("refunded"));
        QCOMPARE(m_api
                     ->get("/api/v1/orders/" + unpaid.json().value("order").toObject().value("id").toString(),
                           slow.accessToken)
                     .json()
                     .value("status")
                     .toString(),
                 QStringLiteral("cancelled"));
        QCOMPARE(m_api->get("/api/v1/payments/" + payment, buyer.accessToken).json().value("status").toString(),
                 QStringLiteral("refunded"));
        QCOMPARE(m_api->get("/api/v1/tickets/" + ticketId, buyer.accessToken).json().value("status").toString(),
                 QStringLiteral("cancelled"));
        QCOMPARE(redeem(tickets[1].toObject().value("code").toString(), "door-3"), QStringLiteral("cancelled"));
        QCOMPARE(redeem(code, "door-4"), QStringLiteral("cancelled"));
        const auto after =
            m_api->get("/api/v1/payments/balance", organizer.accessToken).json().value("items").toArray()[0].toObject();
        QCOMPARE(after.value("balance").toInteger(), 0);
        QCOMPARE(after.value("gross").toInteger(), 0);
        QCOMPARE(m_database.query("SELECT sum(sold) FROM tickets.quota_shards WHERE ticket_type_id = '" +
                                  type.toStdString() + "'"),
                 std::string("2"));
        QCOMPARE(m_database.query("SELECT count(*) FROM events.outbox WHERE type = 'event.cancelled'"),
                 std::string("1"));
        QCOMPARE(m_database.query("SELECT count(*) FROM tickets.outbox WHERE type = 'ticket.cancelled'"),
                 std::string("2"));
        QCOMPARE(m_database.query("SELECT count(*) FROM payments.outbox WHERE type = 'refund.issued'"),
                 std::string("1"));
        QCOMPARE(m_database.query("SELECT count(*) FROM tickets.revoked_codes WHERE reason = 'cancelled'"),
                 std::string("2"));
        QVERIFY(
            !m_database.query("SELECT sales_wound_up_at FROM events.events WHERE id = '" + event.toStdString() + "'")
                 .empty());
        // Nothing more is sold.
        QCOMPARE(m_api->post("/api/v1/orders", orderBody(event, type, 1), buyer.accessToken).errorCode(),
                 QStringLiteral("event_cancelled"));

        // Wound up again (as after a crash): nothing is refunded or cancelled twice.
        const std::string ledgerRows = m_database.query("SELECT count(*) FROM payments.ledger_entries");
        m_database.query("UPDATE events.events SET sales_wound_up_at = NULL WHERE id = '" + event.toStdString() +
                         "' RETURNING 1");
        QTRY_VERIFY_WITH_TIMEOUT(
            !m_database.query("SELECT sales_wound_up_at FROM events.events WHERE id = '" + event.toStdString() + "'")
                 .empty(),
            10000);
        QCOMPARE(m_database.query("SELECT count(*) FROM payments.ledger_entries"), ledgerRows);
        QCOMPARE(m_database.query("SELECT count(*) FROM tickets.outbox WHERE type = 'ticket.cancelled'"),
                 std::string("2"));
        QCOMPARE(m_database.query("SELECT count(*) FROM payments.outbox WHERE type = 'refund.issued'"),
                 std::string("1"));
    }
};

QTEST_MAIN(TestSalesStory)
#include "test_sales_story.moc"
