// The asynchronous half over Kafka (librdkafka's mock cluster, a real broker protocol over TCP):
// sbor-server with kafka.brokers relays its outboxes to Kafka and its consumers read them back in
// consumer groups. One purchase reaches the attendee's mailbox, the buyer's in-app inbox, the
// organizer's webhook receiver and a live client; then the server is killed in the middle of a
// stream of orders and restarted, and every notification exists exactly once — the consumer
// group resumes from its stored offsets and the inbox drops what comes twice.
#include "integrationsuite.h"
#include "liveclient.h"
#include "privatekafka.h"
#include "salesapi.h"
#include "smtpsink.h"
#include "webhookreceiver.h"

#include <QJsonArray>
#include <QtTest>

#include <csignal>
#include <memory>

using namespace sbor::test;

class TestKafkaStory : public IntegrationSuite {
    Q_OBJECT
private slots:
    void initTestCase()
    {
        QVERIFY(m_kafka.start());
        QVERIFY(m_smtp.start());
        QVERIFY(m_receiver.listen());
        QVERIFY2(startServer(serverSettings()), problem());
        QVERIFY2(signUpOrganizer() && signUpBuyer(), problem());
        QVERIFY2(publishEvent(m_event, "Kafka night", 30, {{m_type, {{"name", "Free"}, {"price", 0}, {"quota", 200}}}}),
                 problem());
    }

    void aPurchaseIsHeardEveryWayThroughKafka()
    {
        const auto endpoint = m_api->post("/api/v1/webhooks",
                                          {{"url", "http://127.0.0.1:" + QString::number(m_receiver.port()) + "/hook"},
                                           {"event_types", QJsonArray{"ticket.purchased"}}},
                                          m_organizer.accessToken);
        QCOMPARE(endpoint.status, 201);
        LiveClient organizerScreen;
        QVERIFY(organizerScreen.connectTo(m_server->livePort(), m_organizer.accessToken));
        organizerScreen.subscribe("event:" + m_event);
        QVERIFY(!organizerScreen.waitForOp("subscribed").isEmpty());

        const QString attendee = uniqueEmail("attendee");
        const auto placed = m_api->post("/api/v1/orders", orderForAttendees(m_event, m_type, {attendee}),
                                        m_buyer.accessToken);
        QCOMPARE(placed.status, 201);
        const QString orderId = placed.json().value("order").toObject().value("id").toString();
        // A new consumer group's first join takes seconds on the mock cluster: generous waits.
        QCOMPARE(m_smtp.waitForMessagesTo(attendee, 1, 60000).size(), 1);
        QTRY_VERIFY_WITH_TIMEOUT(
            !m_api->get("/api/v1/notifications", m_buyer.accessToken).json().value("items").toArray().isEmpty(), 60000);
        QTRY_VERIFY_WITH_TIMEOUT(!m_receiver.received().isEmpty(), 60000);
        QCOMPARE(QJsonDocument::fromJson(m_receiver.received().first().body)
                     .object()
                     .value("data")
                     .toObject()
                     .value("order_id")
                     .toString(),
                 orderId);
        QCOMPARE(organizerScreen.waitForType("event:" + m_event, "ticket.purchased", 60000)
                     .value("data")
                     .toObject()
                     .value("order_id")
                     .toString(),
                 orderId);
    }

    void aKilledServerResumesFromItsOffsetsExactlyOnce()
    {
        const std::string where =
            "FROM notifications.notifications WHERE type = 'ticket.purchased' AND data->>'event_id' = '" +
            m_event.toStdString() + "'";
        const int before = m_database.count(where);
        QCOMPARE(placeOrders(*m_api, m_event, m_type, m_buyer.accessToken, 5, "crash"), 5);
        QTRY_COMPARE_WITH_TIMEOUT(m_database.count(where) - before, 5, 30000);
        QCOMPARE(placeOrders(*m_api, m_event, m_type, m_buyer.accessToken, 5, "crash"), 5); // and killed on their way
        m_server->kill();
        const int handledBeforeKill = m_database.count(where) - before;
        qInfo("orders notified before the kill: %d of 10", handledBeforeKill);
        QVERIFY2(handledBeforeKill < 10, "the kill came after everything was handled: nothing was tested");

        m_server = TestServer::startOn(m_database.url(), serverSettings());
        QVERIFY(m_server);
        m_api = std::make_unique<AuthApi>(*m_server, m_client);
        // The killed member's session must expire before its partitions move: up to a minute.
        QTRY_COMPARE_WITH_TIMEOUT(m_database.count(where) - before, 10, 90000);
        QTest::qWait(2000);
        QCOMPARE(m_database.count(where) - before, 10);
        QCOMPARE(std::stoi(m_database.query("SELECT count(DISTINCT data->>'order_id') " + where)) - before, 10);
        QCOMPARE(
            std::stoi(m_database.query(
                "SELECT count(*) FROM notifications.emails e JOIN notifications.ticket_holders h ON h.ticket_id = e.ticket_id "
                "WHERE h.event_id = '" +
                m_event.toStdString() + "'")),
            11);
    }

private:
    QMap<QString, QString> serverSettings() const
    {
        return {{"SBOR_KAFKA_BROKERS", m_kafka.brokers()},
                {"SBOR_NOTIFICATIONS_SMTP_HOST", "127.0.0.1"},
                {"SBOR_NOTIFICATIONS_SMTP_PORT", QString::number(m_smtp.port())},
                {"SBOR_NOTIFICATIONS_JOB_INTERVAL_MS", "100"},
                {"SBOR_WEBHOOKS_ALLOW_PRIVATE_ADDRESSES", "true"}};
    }

    PrivateKafka m_kafka; // the servers it kills leave dead group members behind
    SmtpSink m_smtp;
    WebhookReceiver m_receiver;
    QString m_event, m_type;
};

QTEST_MAIN(TestKafkaStory)
#include "test_kafka_story.moc"
