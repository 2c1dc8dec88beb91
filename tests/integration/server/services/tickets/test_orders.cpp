// Orders over real HTTP against a real sbor-server and PostgreSQL: placing, reading and listing
// orders, every refusal code, bad input that stores nothing, Idempotency-Key replays, and the
// rush — 300 concurrent buyers for 50 seats get exactly 50 tickets, never one more.
#include "integrationsuite.h"
#include "salesapi.h"

#include <QJsonArray>
#include <QtTest>

#include <memory>

using namespace sbor::test;

class TestOrders : public IntegrationSuite {
    Q_OBJECT
private slots:
    void initTestCase()
    {
        QVERIFY2(startServer({{"SBOR_TICKETS_JOB_INTERVAL_MS", "200"}}), problem());
        QVERIFY2(signUpOrganizer() && signUpBuyer(), problem());
        m_other = m_api->signUp("other");
        QVERIFY2(publishEvent(
                     m_event, "Concert", 30,
                     {{m_general, {{"name", "General"}, {"price", 150000}, {"quota", 50}}},
                      {m_free, {{"name", "Guest list"}, {"price", 0}, {"quota", 10}}},
                      {m_notYet, {{"name", "Late release"}, {"price", 100}, {"quota", 10}, {"sales_start", inDays(5)}}},
                      {m_over,
                       {{"name", "Early bird"},
                        {"price", 100},
                        {"quota", 10},
                        {"sales_start", inDays(-3)},
                        {"sales_end", inDays(-2)}}},
                      {m_tiny, {{"name", "Backstage"}, {"price", 500000}, {"quota", 2}, {"max_per_order", 5}}}}),
                 problem());
    }

    void placingReadingAndListing()
    {
        const auto placed = m_api->post("/api/v1/orders", orderBody(m_event, m_general, 2), m_buyer.accessToken);
        QCOMPARE(placed.status, 201);
        const QJsonObject order = placed.json().value("order").toObject();
        QCOMPARE(order.value("status").toString(), QStringLiteral("pending"));
        QCOMPARE(order.value("total").toInteger(), 300000);
        QCOMPARE(order.value("currency").toString(), QStringLiteral("RUB"));
        QVERIFY(!order.value("payment_id").toString().isEmpty());
        QVERIFY(!order.value("hold_expires_at").isNull());
        QVERIFY(placed.json().value("tickets").isArray());
        const QString id = order.value("id").toString();
        QCOMPARE(placed.header("location"), ("/api/v1/orders/" + id).toUtf8());
        QCOMPARE(m_api->get("/api/v1/orders/" + id, m_buyer.accessToken).json().value("total").toInteger(), 300000);
        QCOMPARE(m_api->get("/api/v1/orders/" + id, m_organizer.accessToken).status, 200); // the event's organizer
        QCOMPARE(m_api->get("/api/v1/orders/" + id, m_other.accessToken).status, 404);
        QCOMPARE(m_api->get("/api/v1/orders/" + id).status, 401);
        QCOMPARE(m_api->get("/api/v1/orders?mine=true", m_buyer.accessToken)
                     .json()
                     .value("items")
                     .toArray()
                     .at(0)
                     .toObject()
                     .value("id")
                     .toString(),
                 id);
        QCOMPARE(m_api->get("/api/v1/orders?mine=true", m_other.accessToken).json().value("items").toArray().size(), 0);
        QCOMPARE(available(m_general), 48);
        QCOMPARE(std::stoi(m_database.query(
                     "SELECT count(*) FROM tickets.outbox WHERE type = 'order.created' AND aggregateid = '" +
                     id.toStdString() + "'")),
                 1);
        QCOMPARE(std::stoi(m_database.query("SELECT count(*) FROM tickets.order_attendees WHERE order_id = '" +
                                            id.toStdString() + "'")),
                 2);

        const auto free = m_api->post("/api/v1/orders", orderBody(m_event, m_free, 1), m_buyer.accessToken);
        QCOMPARE(free.status, 201);
        QCOMPARE(free.json().value("order").toObject().value("status").toString(), QStringLiteral("paid"));
        QVERIFY(free.json().value("order").toObject().value("hold_expires_at").isNull());
    }

    void refusalsCarryTheirCodes()
    {
        const QString draft = createEvent("Draft");
        const QString draftType = addType(draft, {{"name", "x"}, {"price", 100}, {"quota", 5}});
        const QString cancelled = createEvent("Cancelled");
        const QString cancelledType = addType(cancelled, {{"name", "x"}, {"price", 100}, {"quota", 5}});
        QCOMPARE(m_api->post("/api/v1/events/" + cancelled + "/publish", {}, m_organizer.accessToken).status, 200);
        QCOMPARE(m_api->post("/api/v1/events/" + cancelled + "/cancel", {{"reason", "rain"}}, m_organizer.accessToken)
                     .status,
                 200);

        const auto refusal = [&](const QJsonObject& body) {
            return m_api->post("/api/v1/orders", body, m_buyer.accessToken);
        };
        QCOMPARE(refusal(orderBody(draft, draftType, 1)).errorCode(), QStringLiteral("event_not_published"));
        QCOMPARE(refusal(orderBody("00000000-0000-0000-0000-000000000000", draftType, 1)).errorCode(),
                 QStringLiteral("event_not_published"));
        QCOMPARE(refusal(orderBody(cancelled, cancelledType, 1)).errorCode(), QStringLiteral("event_cancelled"));
        QCOMPARE(refusal(orderBody(m_event, m_notYet, 1)).errorCode(), QStringLiteral("sales_not_started"));
        QCOMPARE(refusal(orderBody(m_event, m_over, 1)).errorCode(), QStringLiteral("sales_ended"));
        const auto limit = refusal(orderBody(m_event, m_general, 11));
        QCOMPARE(limit.status, 422);
        QCOMPARE(limit.errorCode(), QStringLiteral("order_limit"));
        QCOMPARE(limit.json().value("error").toObject().value("details").toObject().value("max_per_order").toInt(), 10);
        const auto soldOut = refusal(orderBody(m_event, m_tiny, 3));
        QCOMPARE(soldOut.status, 409);
        QCOMPARE(soldOut.errorCode(), QStringLiteral("sold_out"));
        QCOMPARE(soldOut.json().value("error").toObject().value("details").toObject().value("available").toInt(), 2);
        QCOMPARE(refusal(orderBody(m_event, m_tiny, 2)).status, 201);
        QCOMPARE(refusal(orderBody(m_event, m_tiny, 1))
                     .json()
                     .value("error")
                     .toObject()
                     .value("details")
                     .toObject()
                     .value("available")
                     .toInt(),
                 0);
        QCOMPARE(refusal(orderBody(m_event, draftType, 1)).status, 422); // another event's ticket type
        // Ids in capitals are the same ids: the order goes through, and a type named twice in two
        // spellings is caught as a duplicate, not stored twice.
        QCOMPARE(refusal(orderBody(m_event.toUpper(), m_general.toUpper(), 1)).status, 201);
        QJsonObject twice = orderBody(m_event, m_general, 1);
        QJsonArray items = twice.value("items").toArray();
        items.append(
            QJsonObject{{"ticket_type_id", m_general.toUpper()}, {"quantity", 1}, {"attendees", attendees(1)}});
        twice.insert("items", items);
        QCOMPARE(refusal(twice).status, 422);
        QCOMPARE(available(m_tiny), 0);
        QCOMPARE(available(draftType), 5);
    }

    void badOrdersStoreNothing_data()
    {
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<int>("status");
        QTest::newRow("malformed") << QByteArray(R"({"event_id":)") << 400;
        QTest::newRow("not an object") << QByteArray("[]") << 422;
        QTest::newRow("no items") << QByteArray(R"({"event_id":"00000000-0000-0000-0000-000000000000"})") << 422;
        QTest::newRow("empty items") << QByteArray(R"({"event_id":"00000000-0000-0000-0000-000000000000","items":[]})")
                                     << 422;
        QTest::newRow("event id not a uuid")
            << QByteArray(
                   R"({"event_id":"1; DROP TABLE tickets.orders","items":[{"ticket_type_id":"x","quantity":1,"attendees":[]}]})")
            << 422;
        QTest::newRow("quantity zero")
            << QByteArray(R"({"event_id":"E","items":[{"ticket_type_id":"T","quantity":0,"attendees":[]}]})") << 422;
        QTest::newRow("quantity as text")
            << QByteArray(R"({"event_id":"E","items":[{"ticket_type_id":"T","quantity":"2","attendees":[]}]})") << 422;
        QTest::newRow("too few attendees")
            << QByteArray(
                   R"({"event_id":"E","items":[{"ticket_type_id":"T","quantity":2,"attendees":[{"name":"A","email":"a@example.org"}]}]})")
            << 422;
        QTest::newRow("bad attendee email")
            << QByteArray(
                   R"({"event_id":"E","items":[{"ticket_type_id":"T","quantity":1,"attendees":[{"name":"A","email":"nope"}]}]})")
            << 422;
        QTest::newRow("blank attendee name")
            << QByteArray(
                   R"({"event_id":"E","items":[{"ticket_type_id":"T","quantity":1,"attendees":[{"name":" ","email":"a@example.org"}]}]})")
            << 422;
        QTest::newRow("same type twice")
            << QByteArray(
                   R"({"event_id":"E","items":[{"ticket_type_id":"T","quantity":1,"attendees":[{"name":"A","email":"a@example.org"}]},{"ticket_type_id":"T","quantity":1,"attendees":[{"name":"B","email":"b@example.org"}]}]})")
            << 422;
        QTest::newRow("extra field")
            << QByteArray(
                   R"({"event_id":"E","total":0,"items":[{"ticket_type_id":"T","quantity":1,"attendees":[{"name":"A","email":"a@example.org"}]}]})")
            << 422;
        QTest::newRow("price cannot be chosen")
            << QByteArray(
                   R"({"event_id":"E","items":[{"ticket_type_id":"T","quantity":1,"unit_price":0,"attendees":[{"name":"A","email":"a@example.org"}]}]})")
            << 422;
    }

    void badOrdersStoreNothing()
    {
        QFETCH(QByteArray, body);
        QFETCH(int, status);
        body.replace("\"E\"", "\"" + m_event.toUtf8() + "\"").replace("\"T\"", "\"" + m_general.toUtf8() + "\"");
        const std::string before = m_database.query("SELECT count(*) FROM tickets.orders");
        const int availableBefore = available(m_general);
        QCOMPARE(m_api->raw("POST", "/api/v1/orders", body, AuthApi::bearer(m_buyer.accessToken)).status, status);
        QCOMPARE(m_database.query("SELECT count(*) FROM tickets.orders"), before);
        QCOMPARE(available(m_general), availableBefore);
    }

    void idempotencyKeysReplayTheFirstAnswer()
    {
        const QByteArray body = QJsonDocument(orderBody(m_event, m_general, 1)).toJson(QJsonDocument::Compact);
        HttpClient::Headers headers = AuthApi::bearer(m_buyer.accessToken);
        headers.insert("Idempotency-Key", "order-" + QByteArray::number(QDateTime::currentMSecsSinceEpoch()));
        const auto first = m_api->raw("POST", "/api/v1/orders", body, headers);
        QCOMPARE(first.status, 201);
        const int afterFirst = available(m_general);
        const auto again = m_api->raw("POST", "/api/v1/orders", body, headers);
        QCOMPARE(again.status, 201);
        QCOMPARE(again.json().value("order").toObject().value("id"),
                 first.json().value("order").toObject().value("id"));
        QCOMPARE(again.header("idempotent-replayed"), QByteArray("true"));
        QCOMPARE(available(m_general), afterFirst); // no second order
        const auto changed = m_api->raw("POST", "/api/v1/orders",
                                        QJsonDocument(orderBody(m_event, m_general, 2)).toJson(QJsonDocument::Compact),
                                        headers);
        QCOMPARE(changed.status, 422);
        QCOMPARE(changed.errorCode(), QStringLiteral("idempotency_key_reused"));
        // The same key from another buyer is another key.
        HttpClient::Headers otherHeaders = AuthApi::bearer(m_other.accessToken);
        otherHeaders.insert("Idempotency-Key", headers.value("Idempotency-Key"));
        QCOMPARE(m_api->raw("POST", "/api/v1/orders", body, otherHeaders).status, 201);

        // Errors are replayed too: a sold-out answer stays the answer to that key.
        HttpClient::Headers soldOutHeaders = AuthApi::bearer(m_buyer.accessToken);
        soldOutHeaders.insert("Idempotency-Key", "sold-out-" + QByteArray::number(QDateTime::currentMSecsSinceEpoch()));
        const QByteArray tinyBody = QJsonDocument(orderBody(m_event, m_tiny, 1)).toJson(QJsonDocument::Compact);
        QCOMPARE(m_api->raw("POST", "/api/v1/orders", tinyBody, soldOutHeaders).errorCode(),
                 QStringLiteral("sold_out"));
        QCOMPARE(m_api
                     ->raw("PATCH", "/api/v1/ticket-types/" + m_tiny, R"({"quota":5})",
                           AuthApi::bearer(m_organizer.accessToken))
                     .status,
                 200);
        const auto replayed = m_api->raw("POST", "/api/v1/orders", tinyBody, soldOutHeaders);
        QCOMPARE(replayed.status, 409);
        QCOMPARE(replayed.errorCode(), QStringLiteral("sold_out"));

        // A key whose first request is still running.
        m_database.query("INSERT INTO tickets.idempotency_keys (owner_id, key, request_hash, state) VALUES ('" +
                         m_buyer.id.toStdString() + "', 'running-key', 'x', 'running') RETURNING 1");
        HttpClient::Headers runningHeaders = AuthApi::bearer(m_buyer.accessToken);
        runningHeaders.insert("Idempotency-Key", "running-key");
        // (its fingerprint differs, so make it match: the check for "running" comes first only for the same request)
        m_database.query(
            "UPDATE tickets.idempotency_keys SET request_hash = encode(sha256(convert_to('POST' || chr(10) || '/api/v1/orders' || chr(10) || '" +
            QString::fromUtf8(body).replace("'", "''").toStdString() +
            "', 'UTF8')), 'hex') WHERE key = 'running-key' RETURNING 1");
        const auto inUse = m_api->raw("POST", "/api/v1/orders", body, runningHeaders);
        QCOMPARE(inUse.status, 409);
        QCOMPARE(inUse.errorCode(), QStringLiteral("idempotency_key_in_use"));
        HttpClient::Headers badKey = AuthApi::bearer(m_buyer.accessToken);
        badKey.insert("Idempotency-Key", QByteArray(300, 'k'));
        QCOMPARE(m_api->raw("POST", "/api/v1/orders", body, badKey).status, 422);
    }

    void theOutboxIsRelayedOntoTheBus()
    {
        const auto placed = m_api->post("/api/v1/orders", orderBody(m_event, m_general, 1), m_buyer.accessToken);
        const std::string id = placed.json().value("order").toObject().value("id").toString().toStdString();
        // The in-process bus takes committed rows within a relay interval and marks them sent.
        QTRY_COMPARE_WITH_TIMEOUT(m_database.query("SELECT count(*) FROM tickets.outbox WHERE aggregateid = '" + id +
                                                   "' AND published_at IS NOT NULL"),
                                  std::string("1"), 10000);
    }

    void cancellingGivesTheSeatsBack()
    {
        const int before = available(m_general);
        const auto placed = m_api->post("/api/v1/orders", orderBody(m_event, m_general, 3), m_buyer.accessToken);
        QCOMPARE(placed.status, 201);
        const QString id = placed.json().value("order").toObject().value("id").toString();
        QCOMPARE(available(m_general), before - 3);
        QCOMPARE(m_api->post("/api/v1/orders/" + id + "/cancel", {}, m_other.accessToken).status, 404);
        const auto cancelled = m_api->post("/api/v1/orders/" + id + "/cancel", {}, m_buyer.accessToken);
        QCOMPARE(cancelled.status, 200);
        QCOMPARE(cancelled.json().value("status").toString(), QStringLiteral("cancelled"));
        QCOMPARE(available(m_general), before);
        QCOMPARE(m_api->post("/api/v1/orders/" + id + "/cancel", {}, m_buyer.accessToken).status,
                 200); // twice: no change
        QCOMPARE(available(m_general), before);
        QCOMPARE(std::stoi(m_database.query(
                     "SELECT count(*) FROM tickets.outbox WHERE type = 'order.updated' AND aggregateid = '" +
                     id.toStdString() + "'")),
                 1);
        const auto free = m_api->post("/api/v1/orders", orderBody(m_event, m_free, 1), m_buyer.accessToken);
        QCOMPARE(
            m_api
                ->post("/api/v1/orders/" + free.json().value("order").toObject().value("id").toString() + "/cancel", {},
                       m_buyer.accessToken)
                .status,
            409);
        QCOMPARE(m_api->post("/api/v1/orders/nope/cancel", {}, m_buyer.accessToken).status, 404);
    }

    void unpaidOrdersExpireAndReleaseTheirSeats()
    {
        const int before = available(m_general);
        const auto placed = m_api->post("/api/v1/orders", orderBody(m_event, m_general, 4), m_buyer.accessToken);
        const QString id = placed.json().value("order").toObject().value("id").toString();
        QCOMPARE(available(m_general), before - 4);
        m_database.query("UPDATE tickets.orders SET hold_expires_at = now() - interval '1 second' WHERE id = '" +
                         id.toStdString() + "' RETURNING 1");
        QTRY_COMPARE_WITH_TIMEOUT(
            m_api->get("/api/v1/orders/" + id, m_buyer.accessToken).json().value("status").toString(),
            QStringLiteral("expired"), 10000);
        QCOMPARE(available(m_general), before);
        QCOMPARE(m_api->post("/api/v1/orders/" + id + "/cancel", {}, m_buyer.accessToken).status, 409);
    }

    void threeHundredBuyersFiftySeats()
    {
        const QString rush = createEvent("Rush");
        const QString seats = addType(rush, {{"name", "Fan zone"}, {"price", 250000}, {"quota", 50}});
        QCOMPARE(m_api->post("/api/v1/events/" + rush + "/publish", {}, m_organizer.accessToken).status, 200);
        QList<SignedInUser> buyers;
        for (int i = 0; i < 30; ++i)
            buyers.append(m_api->signUp("rush"));
        QList<HttpClient::Request> requests;
        const QByteArray body = QJsonDocument(orderBody(rush, seats, 1)).toJson(QJsonDocument::Compact);
        for (int i = 0; i < 300; ++i)
            requests.append({"POST", m_server->url("/api/v1/orders"), body,
                             AuthApi::bearer(buyers[i % buyers.size()].accessToken)});
        const auto results = m_client.sendConcurrently(requests, 120000);
        int placed = 0, soldOut = 0;
        QStringList other;
        for (const auto& result : results) {
            if (result.status == 201)
                ++placed;
            else if (result.errorCode() == "sold_out")
                ++soldOut;
            else
                other.append(QString::number(result.status) + " " + result.errorCode());
        }
        QVERIFY2(other.isEmpty(),
                 qPrintable("unexpected answers: " + other.join(", ") + "\n" + m_server->errorLogLines()));
        QCOMPARE(placed, 50);
        QCOMPARE(soldOut, 250);
        const std::string type = seats.toStdString();
        QCOMPARE(m_database.query("SELECT sum(sold) FROM tickets.quota_shards WHERE ticket_type_id = '" + type + "'"),
                 std::string("50"));
        QCOMPARE(
            m_database.query("SELECT sum(quantity) FROM tickets.order_items WHERE ticket_type_id = '" + type + "'"),
            std::string("50"));
        QCOMPARE(m_database.query("SELECT sum(seats) FROM tickets.seat_holds WHERE ticket_type_id = '" + type + "'"),
                 std::string("50"));
        QCOMPARE(m_database.query("SELECT count(*) FROM tickets.quota_shards WHERE sold > capacity"), std::string("0"));
    }

private:
    QString createEvent(const QString& title) { return m_sales->createEvent(title); }
    QString addType(const QString& eventId, const QJsonObject& fields) { return m_sales->addType(eventId, fields); }

    int available(const QString& typeId)
    {
        return std::stoi(
            m_database.query("SELECT sum(capacity - sold) FROM tickets.quota_shards WHERE ticket_type_id = '" +
                             typeId.toStdString() + "'"));
    }

    SignedInUser m_other;
    QString m_event, m_general, m_free, m_notYet, m_over, m_tiny;
};

QTEST_MAIN(TestOrders)
#include "test_orders.moc"
