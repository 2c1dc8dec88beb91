// Notifications end to end against a real sbor-server, PostgreSQL, SMTP server (aiosmtpd) and a
// local webhook receiver: a purchase becomes the attendees' emails with their QR tickets, the
// buyer's summary and in-app notification, and signed webhooks that survive a failing receiver;
// preferences are respected; cancellation reaches every holder; bad input is refused; and a
// server killed mid-stream notifies each thing exactly once after its restart.
#include "integrationsuite.h"
#include "liveclient.h"
#include "qrdecoding.h"
#include "salesapi.h"
#include "smtpsink.h"
#include "webhookreceiver.h"

#include <QJsonArray>
#include <QMessageAuthenticationCode>
#include <QtTest>

#include <csignal>
#include <memory>

using namespace sbor::test;

namespace {

constexpr const char* kApprovedCard = "4242424242424242";

// Standard Webhooks verification as a receiver does it, with Qt's HMAC (not the server's code).
bool signatureVerifies(const ReceivedWebhook& request, const QString& secret)
{
    const QByteArray key = QByteArray::fromBase64(secret.mid(6).toLatin1());
    const QByteArray content = request.headers.value("webhook-id") + "." + request.headers.value("webhook-timestamp") +
        "." + request.body;
    const QByteArray expected = "v1," +
        QMessageAuthenticationCode::hash(content, key, QCryptographicHash::Sha256).toBase64();
    for (const QByteArray& signature : request.headers.value("webhook-signature").split(' '))
        if (signature == expected)
            return true;
    return false;
}
} // namespace

class TestNotifications : public IntegrationSuite {
    Q_OBJECT
private slots:
    void initTestCase()
    {
        QVERIFY(m_smtp.start());
        QVERIFY(m_receiver.listen());
        QVERIFY2(startServer(serverSettings()), problem());
        QVERIFY2(signUpOrganizer() && signUpBuyer(), problem());
        QCOMPARE(m_api->put("/api/v1/users/me", {{"locale", "ru-RU"}}, m_buyer.accessToken).status, 200);
        QVERIFY2(publishEvent(m_event, "Весенний концерт", 30,
                              {{m_stalls, {{"name", "Партер"}, {"price", 150000}, {"quota", 50}}},
                               {m_free, {{"name", "Press"}, {"price", 0}, {"quota", 200}}}}),
                 problem());
    }

    void aPurchaseReachesAttendeesBuyerAndIntegrations()
    {
        const auto created = m_api->post("/api/v1/webhooks",
                                         {{"url", hookUrl("/sbor")},
                                          {"event_types", QJsonArray{"ticket.purchased", "order.created"}},
                                          {"description", "CRM"}},
                                         m_organizer.accessToken);
        QCOMPARE(created.status, 201);
        m_secret = created.json().value("secret").toString();
        QVERIFY(m_secret.startsWith("whsec_"));
        QVERIFY(QByteArray::fromBase64(m_secret.mid(6).toLatin1()).size() >= 24);
        m_endpoint = created.json().value("id").toString();
        // The receiver fails the first two requests: the deliveries must come again.
        m_receiver.script({{500, {}}, {503, {}}});

        // The buyer's screen is open on the live feed.
        LiveClient screen;
        QVERIFY(screen.connectTo(m_server->livePort(), m_buyer.accessToken));
        screen.subscribe("user:" + m_buyer.id);
        QVERIFY(!screen.waitForOp("subscribed").isEmpty());

        const QString anna = uniqueEmail("anna"), boris = uniqueEmail("boris");
        const auto placed = m_api->post("/api/v1/orders", orderForAttendees(m_event, m_stalls, {anna, boris}),
                                        m_buyer.accessToken);
        QCOMPARE(placed.status, 201);
        const QJsonObject order = placed.json().value("order").toObject();
        const auto paid = m_api->post("/api/v1/payments/" + order.value("payment_id").toString() + "/confirm",
                                      {{"card_number", kApprovedCard}}, m_buyer.accessToken);
        QCOMPARE(paid.status, 200);

        // One purchase, four ways to hear of it: live (here), emails, in-app and webhooks (below).
        const QJsonObject live = screen.waitForType("user:" + m_buyer.id, "ticket.purchased");
        QCOMPARE(live.value("data").toObject().value("order_id").toString(), order.value("id").toString());
        // And the bell: the new in-app notification itself, pushed to the buyer's screen.
        const QJsonObject bell = screen.waitForType("user:" + m_buyer.id, "notification.created");
        QCOMPARE(bell.value("data").toObject().value("type").toString(), QStringLiteral("ticket.purchased"));
        QVERIFY(bell.value("data").toObject().value("title").toString().contains("Весенний концерт"));

        // Each attendee gets their own ticket, in the buyer's language, with a QR that reads back to the code.
        const auto tickets =
            m_api->get("/api/v1/tickets?limit=10", m_buyer.accessToken).json().value("items").toArray();
        QCOMPARE(tickets.size(), 2);
        for (const QString& attendee : {anna, boris}) {
            const QList<QJsonObject> mail = m_smtp.waitForMessagesTo(attendee, 1);
            QCOMPARE(mail.size(), 1);
            QCOMPARE(mail[0].value("subject").toString(), QStringLiteral("Ваш билет на «Весенний концерт»"));
            QVERIFY2(mail[0].value("text").toString().contains("Партер"), qPrintable(mail[0].value("text").toString()));
            QVERIFY(mail[0].value("from").toString().contains("no-reply@localhost"));
            const QJsonArray attachments = mail[0].value("attachments").toArray();
            QCOMPARE(attachments.size(), 1);
            QCOMPARE(attachments[0].toObject().value("content_type").toString(), QStringLiteral("image/png"));
            const QString code = decodeQrPng(
                QByteArray::fromBase64(attachments[0].toObject().value("base64").toString().toLatin1()));
            QVERIFY(!code.isEmpty());
            bool matches = false;
            for (const auto& ticket : tickets)
                matches |= ticket.toObject().value("holder_email").toString() == attendee &&
                    ticket.toObject().value("code").toString() == code;
            QVERIFY2(matches, qPrintable(code));
        }
        // The buyer: one summary email and one in-app notification for the order, not one per ticket.
        const QList<QJsonObject> summary = m_smtp.waitForMessagesTo(m_buyer.email, 1);
        QCOMPARE(summary.size(), 1);
        QCOMPARE(summary[0].value("subject").toString(), QStringLiteral("Заказ подтверждён: «Весенний концерт»"));
        QVERIFY(summary[0].value("text").toString().contains("3000.00 RUB"));
        QJsonArray inbox;
        QTRY_VERIFY_WITH_TIMEOUT((inbox = notificationsOf(m_buyer)).size() == 1, 10000);
        const QJsonObject notification = inbox[0].toObject();
        QCOMPARE(notification.value("id").toString(), bell.value("data").toObject().value("id").toString());
        QCOMPARE(notification.value("type").toString(), QStringLiteral("ticket.purchased"));
        QVERIFY(notification.value("title").toString().contains("Весенний концерт"));
        QCOMPARE(notification.value("read").toBool(), false);
        QCOMPARE(notification.value("data").toObject().value("order_id").toString(), order.value("id").toString());

        // Webhooks: order.created and two ticket.purchased arrive signed, after two failures.
        QTRY_VERIFY_WITH_TIMEOUT(successfulHooks() == 3, 20000);
        QCOMPARE(m_receiver.received().size(), 5);
        QSet<QByteArray> ids;
        for (const ReceivedWebhook& request : m_receiver.received()) {
            QVERIFY2(signatureVerifies(request, m_secret), request.headers.value("webhook-signature").constData());
            QCOMPARE(request.path, QByteArray("/sbor"));
            QCOMPARE(request.headers.value("content-type"), QByteArray("application/json"));
            QVERIFY(qAbs(request.headers.value("webhook-timestamp").toLongLong() - QDateTime::currentSecsSinceEpoch()) <
                    60);
            const QJsonObject body = QJsonDocument::fromJson(request.body).object();
            QVERIFY(body.value("type").toString() == "ticket.purchased" ||
                    body.value("type").toString() == "order.created");
            QCOMPARE(body.value("data").toObject().value("event_id").toString(), m_event);
            ids.insert(request.headers.value("webhook-id"));
        }
        QCOMPARE(ids.size(), 3); // a retry keeps its webhook-id
        // A tampered body does not verify: the check above can fail.
        ReceivedWebhook tampered = m_receiver.received().last();
        tampered.body.replace("ticket", "tocket");
        QVERIFY(!signatureVerifies(tampered, m_secret));

        // The delivery log tells the story: every delivery succeeded, the failures are recorded.
        const auto log = m_api->get("/api/v1/webhooks/" + m_endpoint + "/deliveries", m_organizer.accessToken);
        QCOMPARE(log.status, 200);
        const QJsonArray deliveries = log.json().value("items").toArray();
        QCOMPARE(deliveries.size(), 3);
        int failedAttempts = 0;
        for (const auto& item : deliveries) {
            QCOMPARE(item.toObject().value("status").toString(), QStringLiteral("succeeded"));
            const auto one = m_api->get("/api/v1/webhooks/" + m_endpoint + "/deliveries/" +
                                            item.toObject().value("id").toString(),
                                        m_organizer.accessToken);
            QCOMPARE(one.status, 200);
            for (const auto& attempt : one.json().value("attempts").toArray())
                failedAttempts += attempt.toObject().value("status_code").toInt() >= 500 ? 1 : 0;
            QCOMPARE(one.json().value("attempts").toArray().last().toObject().value("status_code").toInt(), 200);
        }
        QCOMPARE(failedAttempts, 2);
    }

    void theInAppInboxPagesFiltersAndMarksRead()
    {
        // Three free orders: three more notifications for the buyer.
        for (int i = 0; i < 3; ++i)
            QCOMPARE(m_api
                         ->post("/api/v1/orders", orderForAttendees(m_event, m_free, {uniqueEmail("press")}),
                                m_buyer.accessToken)
                         .status,
                     201);
        QTRY_VERIFY_WITH_TIMEOUT(notificationsOf(m_buyer).size() == 4, 10000);
        const auto first = m_api->get("/api/v1/notifications?limit=3", m_buyer.accessToken);
        QCOMPARE(first.status, 200);
        QCOMPARE(first.json().value("items").toArray().size(), 3);
        QCOMPARE(first.json().value("unread_count").toInt(), 4);
        const QString cursor = first.json().value("next_cursor").toString();
        QVERIFY(!cursor.isEmpty());
        const auto rest = m_api->get("/api/v1/notifications?limit=3&cursor=" + cursor, m_buyer.accessToken);
        QCOMPARE(rest.json().value("items").toArray().size(), 1);
        QVERIFY(rest.json().value("next_cursor").isNull());

        const QString id = first.json().value("items").toArray()[0].toObject().value("id").toString();
        const auto read = m_api->put("/api/v1/notifications/" + id + "/read", {}, m_buyer.accessToken);
        QCOMPARE(read.status, 200);
        QCOMPARE(read.json().value("read").toBool(), true);
        const QString readAt = read.json().value("read_at").toString();
        QVERIFY(!readAt.isEmpty());
        QCOMPARE(m_api->put("/api/v1/notifications/" + id + "/read", {}, m_buyer.accessToken)
                     .json()
                     .value("read_at")
                     .toString(),
                 readAt);
        QCOMPARE(m_api->get("/api/v1/notifications/" + id, m_buyer.accessToken).json().value("read").toBool(), true);
        const auto unread = m_api->get("/api/v1/notifications?unread=true", m_buyer.accessToken);
        QCOMPARE(unread.json().value("items").toArray().size(), 3);
        QCOMPARE(unread.json().value("unread_count").toInt(), 3);

        // Someone else's notification does not exist for you; nonsense is refused clearly.
        QCOMPARE(m_api->get("/api/v1/notifications/" + id, m_organizer.accessToken).status, 404);
        QCOMPARE(m_api->put("/api/v1/notifications/" + id + "/read", {}, m_organizer.accessToken).status, 404);
        QCOMPARE(m_api->get("/api/v1/notifications/not-a-uuid", m_buyer.accessToken).status, 404);
        QCOMPARE(m_api->get("/api/v1/notifications?unread=maybe", m_buyer.accessToken).status, 422);
        QCOMPARE(m_api->get("/api/v1/notifications?limit=0", m_buyer.accessToken).status, 422);
        QCOMPARE(m_api->get("/api/v1/notifications?cursor=garbage", m_buyer.accessToken).status, 422);
        QCOMPARE(m_api->get("/api/v1/notifications").status, 401);

        const auto all = m_api->put("/api/v1/notifications/read", {}, m_buyer.accessToken);
        QCOMPARE(all.status, 200);
        QCOMPARE(all.json().value("marked_read").toInt(), 3);
        QCOMPARE(
            m_api->get("/api/v1/notifications?unread=true", m_buyer.accessToken).json().value("items").toArray().size(),
            0);
    }

    void preferencesDecideWhatIsSent()
    {
        const auto defaults = m_api->get("/api/v1/notifications/preferences", m_buyer.accessToken);
        QCOMPARE(defaults.status, 200);
        QCOMPARE(defaults.json().value("email").toObject().value("order.updated").toBool(), true);
        QCOMPARE(defaults.json().value("email").toObject().value("ticket.checkin").toBool(), false);

        const auto changed = m_api->put("/api/v1/notifications/preferences",
                                        {{"email", QJsonObject{{"order.updated", false}}}}, m_buyer.accessToken);
        QCOMPARE(changed.status, 200);
        QCOMPARE(changed.json().value("email").toObject().value("order.updated").toBool(), false);
        QCOMPARE(changed.json().value("in_app").toObject().value("order.updated").toBool(), true);
        // Refusals name the problem and change nothing.
        const auto unknownType = m_api->put("/api/v1/notifications/preferences",
                                            {{"email", QJsonObject{{"order.shipped", true}}}}, m_buyer.accessToken);
        QCOMPARE(unknownType.status, 422);
        QCOMPARE(unknownType.json().value("error").toObject().value("details").toObject().value("field").toString(),
                 QStringLiteral("email.order.shipped"));
        QCOMPARE(m_api->put("/api/v1/notifications/preferences", {{"sms", QJsonObject{}}}, m_buyer.accessToken).status,
                 422);
        QCOMPARE(m_api
                     ->put("/api/v1/notifications/preferences", {{"email", QJsonObject{{"order.updated", "no"}}}},
                           m_buyer.accessToken)
                     .status,
                 422);
        QCOMPARE(
            m_api->raw("PUT", "/api/v1/notifications/preferences", "{not json", AuthApi::bearer(m_buyer.accessToken))
                .status,
            400);
        QCOMPARE(m_api->get("/api/v1/notifications/preferences", m_buyer.accessToken)
                     .json()
                     .value("email")
                     .toObject()
                     .value("order.updated")
                     .toBool(),
                 false);

        // A cancelled order: in-app yes, email no.
        // One summary for each of the buyer's four orders so far; then a cancelled order adds none.
        const int emailsBefore = int(m_smtp.waitForMessagesTo(m_buyer.email, 4).size());
        QCOMPARE(emailsBefore, 4);
        const auto placed = m_api->post("/api/v1/orders", orderForAttendees(m_event, m_stalls, {uniqueEmail("late")}),
                                        m_buyer.accessToken);
        QCOMPARE(placed.status, 201);
        const QString orderId = placed.json().value("order").toObject().value("id").toString();
        QCOMPARE(m_api->post("/api/v1/orders/" + orderId + "/cancel", {}, m_buyer.accessToken).status, 200);
        QTRY_VERIFY_WITH_TIMEOUT(hasNotification(m_buyer, "order.updated", orderId), 10000);
        QTest::qWait(1500); // an email, if one were wrongly queued, would be out by now
        QCOMPARE(int(m_smtp.waitForMessagesTo(m_buyer.email, 0, 0).size()), emailsBefore);
        QVERIFY(subjectsTo(m_buyer.email, "отменён").isEmpty());
    }

    void webhookEndpointsRefuseBadInputAndStayPrivate()
    {
        const QString token = m_organizer.accessToken;
        struct Bad {
            QJsonObject body;
            QString field;
        };
        const QList<Bad> bad = {
            {{{"url", "ftp://example.org/hook"}, {"event_types", QJsonArray{"*"}}}, "url"},
            {{{"url", "https://user:secret@example.org/hook"}, {"event_types", QJsonArray{"*"}}}, "url"},
            {{{"url", "not a url"}, {"event_types", QJsonArray{"*"}}}, "url"},
            {{{"event_types", QJsonArray{"*"}}}, "url"},
            {{{"url", "https://example.org/hook"}}, "event_types"},
            {{{"url", "https://example.org/hook"}, {"event_types", QJsonArray{}}}, "event_types"},
            {{{"url", "https://example.org/hook"}, {"event_types", QJsonArray{"ticket.sold"}}}, "event_types"},
            {{{"url", "https://example.org/hook"}, {"event_types", QJsonArray{"*"}}, {"colour", "red"}}, "colour"},
            // Issue 13, defect 6: a NUL cut the stored description with a 2xx.
            {{{"url", "https://example.org/hook"},
              {"event_types", QJsonArray{"*"}},
              {"description", QString("shop") + QChar(0) + "hidden"}},
             "description"},
            {{{"url", "https://example.org/hook"}, {"event_types", QJsonArray{"*"}}, {"description", "bell\u0007"}},
             "description"},
        };
        for (const Bad& request : bad) {
            const auto answer = m_api->post("/api/v1/webhooks", request.body, token);
            QVERIFY2(answer.status == 422, answer.body.constData());
            QVERIFY2(answer.body.contains(request.field.toUtf8()), answer.body.constData());
        }
        QCOMPARE(m_api->raw("POST", "/api/v1/webhooks", "[", AuthApi::bearer(token)).status, 400);
        // Buyers have no webhooks; another organizer does not see ours.
        QCOMPARE(m_api
                     ->post("/api/v1/webhooks", {{"url", hookUrl("/x")}, {"event_types", QJsonArray{"*"}}},
                            m_buyer.accessToken)
                     .status,
                 403);
        const SignedInUser rival = m_api->signUpOrganizer("rival");
        QCOMPARE(m_api->get("/api/v1/webhooks/" + m_endpoint, rival.accessToken).status, 404);
        QCOMPARE(m_api->raw("DELETE", "/api/v1/webhooks/" + m_endpoint, "", AuthApi::bearer(rival.accessToken)).status,
                 404);
        QCOMPARE(m_api->get("/api/v1/webhooks", rival.accessToken).json().value("items").toArray().size(), 0);
        QCOMPARE(m_api->get("/api/v1/webhooks", token).json().value("items").toArray().size(), 1);
        // Reading never shows the secret again.
        const auto read = m_api->get("/api/v1/webhooks/" + m_endpoint, token);
        QCOMPARE(read.status, 200);
        QVERIFY(!read.json().contains("secret"));
        QCOMPARE(read.json().value("event_types").toArray().size(), 2);

        // A server that keeps the default refuses loopback and private receivers at once.
        auto strict = TestServer::startOn(m_database.url());
        QVERIFY(strict);
        AuthApi strictApi(*strict, m_client);
        const SignedInUser organizer = strictApi.signIn(m_organizer.email);
        for (const char* url : {"http://127.0.0.1:9/hook", "http://localhost:9/hook", "http://10.0.0.8/hook",
                                "http://169.254.169.254/latest", "http://[::1]:9/hook"}) {
            const auto refused = strictApi.post("/api/v1/webhooks", {{"url", url}, {"event_types", QJsonArray{"*"}}},
                                                organizer.accessToken);
            QVERIFY2(refused.status == 422 && refused.body.contains("public"),
                     (QByteArray(url) + " " + refused.body).constData());
        }
        QCOMPARE(strict->stop(), 0);
    }

    void rotationSignsWithBothSecretsAndGoneDisables()
    {
        const auto rotated = m_api->post("/api/v1/webhooks/" + m_endpoint + "/rotate-secret", {},
                                         m_organizer.accessToken);
        QCOMPARE(rotated.status, 200);
        const QString newSecret = rotated.json().value("secret").toString();
        QVERIFY(newSecret.startsWith("whsec_") && newSecret != m_secret);
        const int before = int(m_receiver.received().size());
        QCOMPARE(
            m_api->post("/api/v1/orders", orderForAttendees(m_event, m_free, {uniqueEmail("rot")}), m_buyer.accessToken)
                .status,
            201);
        QTRY_VERIFY_WITH_TIMEOUT(m_receiver.received().size() >= before + 2, 20000);
        const ReceivedWebhook& request = m_receiver.received().last();
        QCOMPARE(request.headers.value("webhook-signature").split(' ').size(), 2);
        QVERIFY(signatureVerifies(request, newSecret));
        QVERIFY(signatureVerifies(request, m_secret)); // receivers still on the old secret keep working for a day

        // 410 Gone: the endpoint is disabled, the delivery failed, and redelivery waits for it to be enabled.
        m_receiver.script({{410, {}}});
        QCOMPARE(
            m_api
                ->post("/api/v1/orders", orderForAttendees(m_event, m_free, {uniqueEmail("gone")}), m_buyer.accessToken)
                .status,
            201);
        QTRY_VERIFY_WITH_TIMEOUT(
            !m_api->get("/api/v1/webhooks/" + m_endpoint, m_organizer.accessToken).json().value("active").toBool(),
            20000);
        const auto endpoint = m_api->get("/api/v1/webhooks/" + m_endpoint, m_organizer.accessToken).json();
        QVERIFY(endpoint.value("disabled_reason").toString().contains("410"));
        const auto log = m_api->get("/api/v1/webhooks/" + m_endpoint + "/deliveries?limit=100", m_organizer.accessToken)
                             .json()
                             .value("items")
                             .toArray();
        QString failed;
        for (const auto& item : log)
            if (item.toObject().value("status").toString() == "failed")
                failed = item.toObject().value("id").toString();
        QVERIFY(!failed.isEmpty());
        const QString redeliver = "/api/v1/webhooks/" + m_endpoint + "/deliveries/" + failed + "/redeliver";
        QCOMPARE(m_api->post(redeliver, {}, m_organizer.accessToken).status, 409);
        QCOMPARE(m_api
                     ->raw("PATCH", "/api/v1/webhooks/" + m_endpoint, "{\"active\": true}",
                           AuthApi::bearer(m_organizer.accessToken))
                     .status,
                 200);
        const int sentBefore = int(m_receiver.received().size());
        QCOMPARE(m_api->post(redeliver, {}, m_organizer.accessToken).status, 202);
        QTRY_VERIFY_WITH_TIMEOUT(m_receiver.received().size() > sentBefore, 20000);
        QTRY_COMPARE_WITH_TIMEOUT(
            m_api->get("/api/v1/webhooks/" + m_endpoint + "/deliveries/" + failed, m_organizer.accessToken)
                .json()
                .value("status")
                .toString(),
            QStringLiteral("succeeded"), 10000);
        QCOMPARE(m_api
                     ->post("/api/v1/webhooks/" + m_endpoint + "/deliveries/" + m_endpoint + "/redeliver", {},
                            m_organizer.accessToken)
                     .status,
                 404);
    }

    void cancellingTheEventReachesEveryHolderAndRefundsTheBuyer()
    {
        const int annaLike = int(m_smtp.messages().size());
        const auto cancelled = m_api->post("/api/v1/events/" + m_event + "/cancel", {{"reason", "Площадка закрыта"}},
                                           m_organizer.accessToken);
        QCOMPARE(cancelled.status, 200);
        // Every attendee address that held a ticket hears of it once; the buyer's money comes back.
        QStringList holders;
        for (const auto& ticket :
             m_api->get("/api/v1/tickets?limit=100", m_buyer.accessToken).json().value("items").toArray())
            holders << ticket.toObject().value("holder_email").toString();
        QVERIFY(holders.size() >= 6);
        for (const QString& holder : holders) {
            QList<QJsonObject> cancellation;
            QTRY_VERIFY_WITH_TIMEOUT((cancellation = cancellationsTo(holder)).size() == 1, 20000);
            QVERIFY(cancellation[0].value("text").toString().contains("Площадка закрыта"));
        }
        QTRY_VERIFY_WITH_TIMEOUT(hasNotification(m_buyer, "refund.issued", ""), 20000);
        QTRY_VERIFY_WITH_TIMEOUT(hasNotification(m_buyer, "event.cancelled", ""), 20000);
        QVERIFY(m_smtp.messages().size() > annaLike);
        QList<QJsonObject> refund;
        QTRY_VERIFY_WITH_TIMEOUT(!(refund = subjectsTo(m_buyer.email, "Возврат")).isEmpty(), 20000);
        QVERIFY(refund[0].value("subject").toString().contains("3000.00 RUB"));
    }

    void aKilledServerNotifiesExactlyOnceAfterRestart()
    {
        m_sales = std::make_unique<SalesApi>(*m_api, m_organizer.accessToken);
        const QString event = m_sales->createEvent("Crash test");
        const QString type = m_sales->addType(event, {{"name", "Free"}, {"price", 0}, {"quota", 100}});
        QVERIFY(m_sales->publish(event));
        const QString buyerId = m_buyer.id;
        const std::string where =
            "FROM notifications.notifications WHERE type = 'ticket.purchased' AND data->>'event_id' = '" +
            event.toStdString() + "'";
        auto placeOrders = [&](int count) {
            for (int i = 0; i < count; ++i)
                QCOMPARE(m_api
                             ->post("/api/v1/orders",
                                    orderForAttendees(event, type, {uniqueEmail("crash"), uniqueEmail("crash")}),
                                    m_buyer.accessToken)
                             .status,
                         201);
        };
        placeOrders(6);
        QTRY_COMPARE_WITH_TIMEOUT(std::stoi(m_database.query("SELECT count(*) " + where)), 6, 10000);
        // Mid-stream: six handled, the next six committed and killed on their way (relayed or not, handled or not).
        placeOrders(6);
        ::kill(static_cast<pid_t>(m_server->pid()), SIGKILL);
        m_server->process().waitForFinished(10000);
        const int handledBeforeKill = std::stoi(m_database.query("SELECT count(*) " + where));
        qInfo("orders notified before the kill: %d of 12", handledBeforeKill);
        QVERIFY2(handledBeforeKill < 12, "the kill came after everything was handled: nothing was tested");
        m_server = TestServer::startOn(m_database.url(), serverSettings());
        QVERIFY(m_server);
        signInAgain();
        QTRY_COMPARE_WITH_TIMEOUT(std::stoi(m_database.query("SELECT count(*) " + where)), 12, 30000);
        QTRY_COMPARE_WITH_TIMEOUT(std::stoi(m_database.query(
                                      "SELECT count(*) FROM notifications.emails e JOIN notifications.ticket_holders h "
                                      "ON h.ticket_id = e.ticket_id WHERE h.event_id = '" +
                                      event.toStdString() + "'")),
                                  24, 30000);
        QTest::qWait(1000); // anything duplicated would have arrived by now
        QCOMPARE(std::stoi(m_database.query("SELECT count(DISTINCT data->>'order_id') " + where)), 12);
        QCOMPARE(std::stoi(m_database.query("SELECT count(*) " + where)), 12);
        QCOMPARE(std::stoi(
                     m_database.query("SELECT count(*) FROM notifications.emails e JOIN notifications.ticket_holders h "
                                      "ON h.ticket_id = e.ticket_id WHERE h.event_id = '" +
                                      event.toStdString() + "'")),
                 24);
    }

    void checkInsAndRemindersReachTheBuyerAndHolders()
    {
        SalesApi sales(*m_api, m_organizer.accessToken);
        const QString event = sales.createEvent("Скоро концерт", 0.5); // in 12 h: codes are valid, a reminder is due
        const QString type = sales.addType(event,
                                           {{"name", "Free"}, {"price", 0}, {"quota", 10}, {"sales_end", inDays(0.4)}});
        QVERIFY(sales.publish(event));
        const QString holder = uniqueEmail("holder");
        const auto placed = m_api->post("/api/v1/orders", orderForAttendees(event, type, {holder}),
                                        m_buyer.accessToken);
        QCOMPARE(placed.status, 201);
        const QString code = placed.json().value("tickets").toArray()[0].toObject().value("code").toString();
        const QString list = m_api
                                 ->post("/api/v1/events/" + event + "/checkin-lists", {{"name", "Gate"}},
                                        m_organizer.accessToken)
                                 .json()
                                 .value("id")
                                 .toString();
        QCOMPARE(m_api
                     ->post("/api/v1/checkin/redeem", {{"code", code}, {"list_id", list}, {"scan_id", "n-1"}},
                            m_organizer.accessToken)
                     .json()
                     .value("result")
                     .toString(),
                 QStringLiteral("ok"));
        // In-app, not by email (the default for check-ins).
        QTRY_VERIFY_WITH_TIMEOUT(hasNotification(m_buyer, "ticket.checkin", ""), 10000);
        QTest::qWait(1000);
        QVERIFY(subjectsTo(m_buyer.email, "Добро пожаловать").isEmpty());

        // Reminders: a server whose reminder job looks a day ahead.
        QCOMPARE(m_server->stop(), 0);
        m_server = TestServer::startOn(m_database.url(),
                                       {{"SBOR_NOTIFICATIONS_SMTP_HOST", "127.0.0.1"},
                                        {"SBOR_NOTIFICATIONS_SMTP_PORT", QString::number(m_smtp.port())},
                                        {"SBOR_NOTIFICATIONS_JOB_INTERVAL_MS", "100"},
                                        {"SBOR_EVENTS_REMINDER_LEAD_SECONDS", "86400"},
                                        {"SBOR_EVENTS_JOB_INTERVAL_MS", "200"}});
        QVERIFY(m_server);
        signInAgain();
        QList<QJsonObject> reminder;
        QTRY_VERIFY_WITH_TIMEOUT(!(reminder = subjectsTo(holder, "Скоро: «Скоро концерт»")).isEmpty(), 20000);
        QVERIFY2(reminder[0].value("text").toString().contains("(Europe/Moscow)"),
                 qPrintable(reminder[0].value("text").toString()));
        QTRY_VERIFY_WITH_TIMEOUT(hasNotification(m_buyer, "event.reminder", ""), 10000);
        QTest::qWait(1000);
        QCOMPARE(subjectsTo(holder, "Скоро: ").size(), 1); // once (the ticket's own email has the title in it too)
    }

private:
    QMap<QString, QString> serverSettings() const
    {
        return {{"SBOR_NOTIFICATIONS_SMTP_HOST", "127.0.0.1"},
                {"SBOR_NOTIFICATIONS_SMTP_PORT", QString::number(m_smtp.port())},
                {"SBOR_NOTIFICATIONS_JOB_INTERVAL_MS", "100"},
                {"SBOR_WEBHOOKS_ALLOW_PRIVATE_ADDRESSES", "true"},
                {"SBOR_WEBHOOKS_RETRY_DELAYS_SECONDS", "1,1,1"},
                {"SBOR_PAYMENTS_JOB_INTERVAL_MS", "200"}};
    }

    // A restarted test server has a signing key of its own: the old tokens are no longer valid.
    void signInAgain()
    {
        m_api = std::make_unique<AuthApi>(*m_server, m_client);
        m_organizer = m_api->signIn(m_organizer.email);
        m_buyer = m_api->signIn(m_buyer.email);
        QVERIFY(!m_organizer.accessToken.isEmpty() && !m_buyer.accessToken.isEmpty());
    }

    QString hookUrl(const QString& path) const
    {
        return "http://127.0.0.1:" + QString::number(m_receiver.port()) + path;
    }

    QJsonArray notificationsOf(const SignedInUser& user)
    {
        return m_api->get("/api/v1/notifications?limit=100", user.accessToken).json().value("items").toArray();
    }

    bool hasNotification(const SignedInUser& user, const QString& type, const QString& orderId)
    {
        for (const auto& item : notificationsOf(user)) {
            const QJsonObject notification = item.toObject();
            if (notification.value("type").toString() == type &&
                (orderId.isEmpty() || notification.value("data").toObject().value("order_id").toString() == orderId))
                return true;
        }
        return false;
    }

    int successfulHooks() const
    {
        int count = 0;
        for (const auto& request : m_receiver.received())
            count += request.answeredStatus == 200 ? 1 : 0;
        return count;
    }

    QList<QJsonObject> subjectsTo(const QString& recipient, const QString& subjectPart) const
    {
        QList<QJsonObject> found;
        for (const auto& message : m_smtp.waitForMessagesTo(recipient, 0, 0))
            if (message.value("subject").toString().contains(subjectPart))
                found << message;
        return found;
    }

    QList<QJsonObject> cancellationsTo(const QString& recipient) const
    {
        QList<QJsonObject> found = subjectsTo(recipient, "Отменено");
        found << subjectsTo(recipient, "Cancelled");
        return found;
    }

    SmtpSink m_smtp;
    WebhookReceiver m_receiver;
    QString m_event, m_stalls, m_free, m_endpoint, m_secret;
};

QTEST_MAIN(TestNotifications)
#include "test_notifications.moc"
