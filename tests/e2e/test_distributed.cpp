// The distributed mode end to end: every service in a process of its own (sbor-server --target=…),
// the gateway in front, Kafka (librdkafka's mock cluster, over TCP) between them and one
// PostgreSQL. A buyer pays through the gateway (payments settles the order with tickets over
// HTTP), the door redeems with a kiosk token (tickets asks auth over HTTP), and the purchase
// reaches the SMTP sink, the buyer's in-app inbox, the organizer's webhook receiver and a live
// client of the live process. The notifications process is then killed in the middle of a stream
// of orders and restarted: every notification exists exactly once. Last, what the gateway answers
// when a service is down or silent.
#include "integrationsuite.h"
#include "liveclient.h"
#include "privatekafka.h"
#include "salesapi.h"
#include "smtpsink.h"
#include "webhookreceiver.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QRandomGenerator>
#include <QTcpServer>
#include <QtTest>

#include <QElapsedTimer>

#include <csignal>
#include <map>
#include <memory>

using namespace sbor::test;

namespace {

const QStringList kServices = {"auth", "events", "tickets",   "payments", "notifications",
                               "live", "logs",   "analytics", "admin",    "support"};

QString environmentName(const QString& service) { return "SBOR_CLUSTER_SERVICES_" + service.toUpper(); }

} // namespace

class TestDistributed : public IntegrationSuite {
    Q_OBJECT
private slots:
    void initTestCase()
    {
        QVERIFY2(m_database.valid(), m_database.problem().c_str());
        QVERIFY(m_kafka.start());
        QVERIFY(m_smtp.start());
        QVERIFY(m_receiver.listen());
        for (const QString& name : kServices + QStringList{"gateway"})
            m_ports[name] = freeLoopbackPort();
        m_livePort = freeLoopbackPort();
        m_token = QString::number(QRandomGenerator::global()->generate64(), 36) +
            QString::number(QRandomGenerator::global()->generate64(), 36);

        // All at once, as an orchestrator would: each waits for PostgreSQL and its consumer groups.
        for (const QString& name : kServices + QStringList{"gateway"}) {
            m_processes[name] = makeProcess(name);
            QVERIFY(m_processes[name]->launch());
        }
        for (const QString& name : kServices + QStringList{"gateway"})
            QVERIFY2(m_processes[name]->waitUntilReady(120000), qPrintable(name + ":\n" + m_processes[name]->logs()));

        QVERIFY2(useServer(*m_processes["gateway"]), problem());
        QVERIFY2(signUpOrganizer() && signUpBuyer(), problem());
        // In 12 h: codes redeem today. Publishing, events asks tickets over HTTP how many types are on sale.
        QVERIFY2(
            publishEvent(
                m_event, "Распределённый вечер", 0.5,
                {{m_paidType, {{"name", "Standard"}, {"price", 150000}, {"quota", 50}, {"sales_end", inDays(0.4)}}},
                 {m_freeType, {{"name", "Guest"}, {"price", 0}, {"quota", 200}, {"sales_end", inDays(0.4)}}}}),
            problem());
    }

    void cleanupTestCase()
    {
        for (auto& [name, process] : m_processes)
            if (process)
                QVERIFY2(process->stop() == 0,
                         qPrintable(name + " did not stop cleanly:\n" + process->errorLogLines()));
    }

    void aPaidPurchaseAndACheckInTravelThroughEveryProcess()
    {
        const auto endpoint = m_api->post("/api/v1/webhooks",
                                          {{"url", "http://127.0.0.1:" + QString::number(m_receiver.port()) + "/hook"},
                                           {"event_types", QJsonArray{"ticket.purchased", "ticket.checkin"}}},
                                          m_organizer.accessToken);
        QCOMPARE(endpoint.status, 201);
        LiveClient organizerScreen; // the live process authenticates the organizer through auth
        QVERIFY(organizerScreen.connectTo(m_livePort, m_organizer.accessToken));
        organizerScreen.subscribe("event:" + m_event); // … and asks events who organizes it
        QVERIFY(!organizerScreen.waitForOp("subscribed").isEmpty());

        const QString attendee = uniqueEmail("attendee");
        const auto placed = m_api->post("/api/v1/orders", orderForAttendees(m_event, m_paidType, {attendee}),
                                        m_buyer.accessToken);
        QCOMPARE(placed.status, 201);
        const QJsonObject order = placed.json().value("order").toObject();
        QCOMPARE(order.value("status").toString(), QStringLiteral("pending"));
        const auto paid = m_api->post("/api/v1/payments/" + order.value("payment_id").toString() + "/confirm",
                                      {{"card_number", "4242 4242 4242 4242"}}, m_buyer.accessToken);
        QVERIFY2(paid.status == 200, paid.body.constData());
        QCOMPARE(paid.json().value("status").toString(), QStringLiteral("succeeded"));
        const auto settled = m_api->get("/api/v1/orders/" + order.value("id").toString(), m_buyer.accessToken);
        QCOMPARE(settled.json().value("status").toString(), QStringLiteral("paid"));
        const QJsonArray tickets =
            m_api->get("/api/v1/tickets?limit=1", m_buyer.accessToken).json().value("items").toArray();
        QCOMPARE(tickets.size(), 1);
        QCOMPARE(tickets[0].toObject().value("order_id").toString(), order.value("id").toString());

        // Heard everywhere; a new consumer group's first join takes seconds on the mock cluster.
        const auto mail = m_smtp.waitForMessagesTo(attendee, 1, 60000);
        QCOMPARE(mail.size(), 1);
        QTRY_VERIFY_WITH_TIMEOUT(notificationCount(m_buyer, "ticket.purchased") == 1, 60000);
        QTRY_VERIFY_WITH_TIMEOUT(!m_receiver.received().isEmpty(), 60000);
        const QJsonObject hook = QJsonDocument::fromJson(m_receiver.received().first().body).object();
        QCOMPARE(hook.value("type").toString(), QStringLiteral("ticket.purchased"));
        QCOMPARE(hook.value("data").toObject().value("order_id").toString(), order.value("id").toString());
        QVERIFY(m_receiver.received().first().headers.value("webhook-signature").startsWith("v1,"));
        QCOMPARE(organizerScreen.waitForType("event:" + m_event, "ticket.purchased", 60000)
                     .value("data")
                     .toObject()
                     .value("order_id")
                     .toString(),
                 order.value("id").toString());

        // The door: a kiosk enrolled through auth (which asks events and tickets over HTTP)
        // redeems with its device token (tickets asks auth who it is).
        const QString list = m_api
                                 ->post("/api/v1/events/" + m_event + "/checkin-lists", {{"name", "Main gate"}},
                                        m_organizer.accessToken)
                                 .json()
                                 .value("id")
                                 .toString();
        QVERIFY(!list.isEmpty());
        const auto issued = m_api->post("/api/v1/events/" + m_event + "/enrollments",
                                        {{"list_id", list}, {"name", "Kiosk A"}}, m_organizer.accessToken);
        QCOMPARE(issued.status, 201);
        // The handshake names the address the organizer used: the gateway, not auth's own.
        QCOMPARE(issued.json().value("handshake").toObject().value("server").toString(),
                 QStringLiteral("http://127.0.0.1:%1").arg(m_ports["gateway"]));
        const auto enrolled = m_api->post("/api/v1/devices/enroll", {{"code", issued.json().value("code").toString()}});
        QCOMPARE(enrolled.status, 201);
        QCOMPARE(enrolled.json().value("event").toObject().value("title").toString(),
                 QStringLiteral("Распределённый вечер"));
        QVERIFY(!enrolled.json().value("public_keys").toArray().isEmpty());
        const QString device = enrolled.json().value("device_token").toString();
        const QString code = tickets[0].toObject().value("code").toString();
        const auto admitted = m_api->post("/api/v1/checkin/redeem",
                                          {{"code", code}, {"list_id", list}, {"scan_id", "door-1"}}, device);
        QVERIFY2(admitted.json().value("result").toString() == "ok", admitted.body.constData());
        const auto again = m_api->post("/api/v1/checkin/redeem",
                                       {{"code", code}, {"list_id", list}, {"scan_id", "door-2"}}, device);
        QCOMPARE(again.json().value("result").toString(), QStringLiteral("already_redeemed"));
        QCOMPARE(organizerScreen.waitForType("event:" + m_event, "ticket.checkin", 60000)
                     .value("data")
                     .toObject()
                     .value("ticket_id")
                     .toString(),
                 tickets[0].toObject().value("id").toString());
        QTRY_VERIFY_WITH_TIMEOUT(notificationCount(m_buyer, "ticket.checkin") == 1, 60000);
    }

    void killingTheNotificationsProcessLosesAndDuplicatesNothing()
    {
        const std::string where =
            "FROM notifications.notifications WHERE type = 'ticket.purchased' AND data->>'event_id' = '" +
            m_event.toStdString() + "'";
        const int before = m_database.count(where);
        QCOMPARE(placeOrders(*m_api, m_event, m_freeType, m_buyer.accessToken, 5, "crash"), 5);
        QTRY_COMPARE_WITH_TIMEOUT(m_database.count(where) - before, 5, 30000);
        QCOMPARE(placeOrders(*m_api, m_event, m_freeType, m_buyer.accessToken, 5, "crash"),
                 5); // and the consumer killed on their way
        m_processes["notifications"]->kill();
        const int handledBeforeKill = m_database.count(where) - before;
        qInfo("orders notified before the kill: %d of 10", handledBeforeKill);
        QVERIFY2(handledBeforeKill < 10, "the kill came after everything was handled: nothing was tested");

        // Sales go on without it: nothing a buyer does waits for notifications.
        QCOMPARE(placeOrders(*m_api, m_event, m_freeType, m_buyer.accessToken, 2, "crash"), 2);
        // While it is down, the gateway says so for its routes — as JSON, at once.
        const auto down = m_api->get("/api/v1/notifications", m_buyer.accessToken);
        QCOMPARE(down.status, 502);
        QCOMPARE(down.errorCode(), QStringLiteral("upstream_unavailable"));

        m_processes["notifications"] = makeProcess("notifications");
        QVERIFY(m_processes["notifications"]->start(120000));
        // The killed member's session must expire before its partitions move: up to a minute.
        QTRY_COMPARE_WITH_TIMEOUT(m_database.count(where) - before, 12, 120000);
        QTest::qWait(2000);
        QCOMPARE(m_database.count(where) - before, 12);
        QCOMPARE(std::stoi(m_database.query("SELECT count(DISTINCT data->>'order_id') " + where)) - before, 12);
        QCOMPARE(
            std::stoi(m_database.query(
                "SELECT count(*) FROM notifications.emails e JOIN notifications.ticket_holders h ON h.ticket_id = e.ticket_id "
                "WHERE h.event_id = '" +
                m_event.toStdString() + "'")),
            13); // the paid ticket's and twelve guests'
        QCOMPARE(m_api->get("/api/v1/notifications", m_buyer.accessToken).status, 200);
    }

    void anEnrollmentThatCannotFinishKeepsItsCode()
    {
        const QString list = m_api
                                 ->post("/api/v1/events/" + m_event + "/checkin-lists", {{"name", "Side gate"}},
                                        m_organizer.accessToken)
                                 .json()
                                 .value("id")
                                 .toString();
        const auto issued = m_api->post("/api/v1/events/" + m_event + "/enrollments",
                                        {{"list_id", list}, {"name", "Kiosk B"}}, m_organizer.accessToken);
        QCOMPARE(issued.status, 201);
        const QString code = issued.json().value("code").toString();
        QCOMPARE(m_processes["tickets"]->stop(), 0); // the door directory (keys, list names) is gone
        const auto failed = m_api->post("/api/v1/devices/enroll", {{"code", code}});
        QCOMPARE(failed.status, 502);
        QCOMPARE(failed.errorCode(), QStringLiteral("upstream_unavailable"));
        m_processes["tickets"] = makeProcess("tickets");
        QVERIFY(m_processes["tickets"]->start(120000));
        // The gateway's kept-alive connections to the old tickets process are dead now; an order
        // (never sent twice) still goes through on the first try.
        const auto order = m_api->post("/api/v1/orders",
                                       orderForAttendees(m_event, m_freeType, {uniqueEmail("after-restart")}),
                                       m_buyer.accessToken);
        QVERIFY2(order.status == 201, order.body.constData());
        const auto enrolled = m_api->post("/api/v1/devices/enroll", {{"code", code}}); // the code was not spent
        QCOMPARE(enrolled.status, 201);
        QCOMPARE(enrolled.json().value("list").toObject().value("name").toString(), QStringLiteral("Side gate"));
        QVERIFY(!enrolled.json().value("public_keys").toArray().isEmpty());
    }

    void oneRequestIsFollowedAcrossProcesses()
    {
        const QString email = uniqueEmail("admin");
        QVERIFY(!AuthApi::createWithCli(m_database.url(), email, "admin").isEmpty());
        const SignedInUser admin = m_api->signIn(email);
        QVERIFY(!admin.id.isEmpty());
        QByteArray trace;
        for (int i = 0; i < 4; ++i)
            trace += QByteArray::number(QRandomGenerator::global()->generate(), 16).rightJustified(8, '0');
        const auto placed = m_api->raw("POST", "/api/v1/orders",
                                       QJsonDocument(orderBody(m_event, m_freeType, 1)).toJson(),
                                       {{"Authorization", "Bearer " + m_buyer.accessToken.toUtf8()},
                                        {"Content-Type", "application/json"},
                                        {"traceparent", "00-" + trace + "-b7ad6b7169203331-01"}});
        QVERIFY2(placed.status == 201, placed.body.constData());
        // The gateway's access line, the tickets process's (and the events contract call it made),
        // the notifications consumer's: one trace, filed by the logs process.
        QSet<QString> services;
        QTRY_VERIFY_WITH_TIMEOUT(
            [&] {
                services.clear();
                for (const auto& item : m_api->get("/api/v1/admin/logs?trace_id=" + trace, admin.accessToken)
                                            .json()
                                            .value("items")
                                            .toArray())
                    services.insert(item.toObject().value("service").toString());
                return services.contains("gateway") && services.contains("tickets") && services.contains("events") &&
                    services.contains("notifications");
            }(),
            30000);
        if (QTest::currentTestFailed())
            qWarning("services seen in the trace: %s",
                     qPrintable(QStringList(services.begin(), services.end()).join(", ")));
    }

    void platformSettingsSupportAndReportsCrossProcesses()
    {
        // The admin process announces a commission over Kafka; the payments process charges it.
        QVERIFY2(signInAdmin("distributed-admin"), problem());
        const auto changed = m_api->put("/api/v1/admin/settings", {{"commission_basis_points", 250}},
                                        m_admin.accessToken);
        QVERIFY2(changed.status == 200, changed.body.constData());
        QTRY_COMPARE_WITH_TIMEOUT(m_database.count("FROM payments.platform_terms WHERE commission_basis_points = 250"),
                                  1, 60000);
        const auto placed = m_api->post("/api/v1/orders", orderForAttendees(m_event, m_paidType, {uniqueEmail("fee")}),
                                        m_buyer.accessToken);
        const auto paid = m_api->post(
            "/api/v1/payments/" + placed.json().value("order").toObject().value("payment_id").toString() + "/confirm",
            {{"card_number", "4242 4242 4242 4242"}}, m_buyer.accessToken);
        QCOMPARE(paid.json().value("commission").toInteger(), 150000 * 250 / 10000);

        // A dispute crosses four processes: support asks tickets and events about the order, and
        // a lost decision refunds through tickets (the ticket cancelled) and payments (the money).
        const QString orderId = placed.json().value("order").toObject().value("id").toString();
        const auto disputed = m_api->post("/api/v1/orders/" + orderId + "/disputes",
                                          {{"reason", "not_received"}, {"details", "Nothing came"}},
                                          m_buyer.accessToken);
        QVERIFY2(disputed.status == 201, disputed.body.constData());
        const QString dispute = disputed.json().value("id").toString();
        QCOMPARE(m_api
                     ->post("/api/v1/disputes/" + dispute + "/response", {{"evidence", "Sent by email"}},
                            m_organizer.accessToken)
                     .status,
                 200);
        const auto decided = m_api->post("/api/v1/disputes/" + dispute + "/decision",
                                         {{"outcome", "lost"}, {"note", "no proof of delivery"}}, m_admin.accessToken);
        QVERIFY2(decided.status == 200, decided.body.constData());
        QVERIFY(decided.json().value("refunded").toBool());
        QCOMPARE(m_api->get("/api/v1/orders/" + orderId, m_buyer.accessToken).json().value("status").toString(),
                 QStringLiteral("refunded"));
        QCOMPARE(m_database.query("SELECT coalesce(sum(amount), 0) FROM payments.ledger_entries"), std::string("0"));

        // The support process asks auth over HTTP whether the assignee is staff.
        const auto opened = m_api->post("/api/v1/support/requests",
                                        {{"subject", "Через шлюз"}, {"body", "Hello"}, {"category", "other"}},
                                        m_buyer.accessToken);
        QCOMPARE(opened.status, 201);
        const QString request = opened.json().value("id").toString();
        QCOMPARE(m_api
                     ->post("/api/v1/support/requests/" + request + "/assign", {{"assignee_id", m_admin.id}},
                            m_admin.accessToken)
                     .status,
                 200);
        QCOMPARE(m_api
                     ->post("/api/v1/support/requests/" + request + "/assign", {{"assignee_id", m_buyer.id}},
                            m_admin.accessToken)
                     .status,
                 422);
        // The analytics process counts both from Kafka; the report comes through the gateway.
        QTRY_VERIFY_WITH_TIMEOUT(m_api->get("/api/v1/admin/reports/support", m_admin.accessToken)
                                         .json()
                                         .value("totals")
                                         .toObject()
                                         .value("opened")
                                         .toInteger() >= 1,
                                 60000);
        const auto csv = m_api->get("/api/v1/admin/reports/sales.csv", m_admin.accessToken);
        QCOMPARE(csv.status, 200);
        QVERIFY(csv.body.startsWith("period_start,currency,"));
        // A person's page gathers counts from the tickets and events processes.
        const QJsonObject page = m_api->get("/api/v1/admin/users/" + m_buyer.id, m_admin.accessToken).json();
        QVERIFY(page.value("orders_count").toInt() >= 2);
        QCOMPARE(page.value("events_count").toInt(), 0);
    }

    void theHealthReportAsksEveryProcessAndNamesAStoppedOne()
    {
        const auto processOf = [](const QJsonObject& report, const QString& service) {
            for (const auto& process : report.value("processes").toArray())
                if (process.toObject().value("services").toArray().contains(service))
                    return process.toObject();
            return QJsonObject();
        };
        const auto first = m_api->get("/api/v1/admin/health", m_admin.accessToken);
        QCOMPARE(first.status, 200);
        const QJsonObject report = first.json();
        QCOMPARE(report.value("distributed").toBool(), true);
        QCOMPARE(report.value("processes").toArray().size(), kServices.size());
        for (const QString& service : kServices) {
            const QJsonObject process = processOf(report, service);
            QVERIFY2(process.value("reachable").toBool() && process.value("ready").toBool(),
                     qPrintable(service + ": " + process.value("error").toString()));
            QVERIFY(!process.value("services").toArray().contains(service == "auth" ? "events" : "auth")); // one each
        }
        // Each process's own consumers and outbox: payments hears the platform, admin has an outbox.
        QStringList paymentsGroups;
        for (const auto& consumer : processOf(report, "payments").value("consumers").toArray())
            paymentsGroups << consumer.toObject().value("group").toString();
        QVERIFY2(paymentsGroups.contains("payments-terms"), qPrintable(paymentsGroups.join(',')));
        QCOMPARE(processOf(report, "admin").value("outboxes").toArray().first().toObject().value("service").toString(),
                 QStringLiteral("admin"));
        QVERIFY(!report.value("webhooks").isNull()); // asked of the notifications process
        for (const auto& problem : report.value("problems").toArray())
            QVERIFY2(problem.toObject().value("check").toString() != "process",
                     qPrintable(problem.toObject().value("message").toString()));

        QCOMPARE(m_processes["analytics"]->stop(), 0);
        QElapsedTimer asked;
        asked.start();
        const QJsonObject stopped = m_api->get("/api/v1/admin/health", m_admin.accessToken).json();
        qInfo("the report with a stopped process took %lld ms", static_cast<long long>(asked.elapsed()));
        QCOMPARE(stopped.value("status").toString(), QStringLiteral("red"));
        const QJsonObject analytics = processOf(stopped, "analytics");
        QCOMPARE(analytics.value("reachable").toBool(), false);
        QVERIFY(!analytics.value("error").toString().isEmpty());
        const QJsonObject worst = stopped.value("problems").toArray().first().toObject();
        QCOMPARE(worst.value("check").toString(), QStringLiteral("process"));
        QCOMPARE(worst.value("subject").toString(), QStringLiteral("analytics"));
        QVERIFY(processOf(stopped, "payments").value("ready").toBool());

        m_processes["analytics"] = makeProcess("analytics");
        QVERIFY(m_processes["analytics"]->start(120000));
        QTRY_VERIFY_WITH_TIMEOUT(processOf(m_api->get("/api/v1/admin/health", m_admin.accessToken).json(), "analytics")
                                     .value("ready")
                                     .toBool(),
                                 30000);
    }

    void theGatewayForwardsBodiesAsTheyCame()
    {
        // Binary: a ticket's QR image arrives byte for byte.
        const QJsonArray tickets =
            m_api->get("/api/v1/tickets?limit=1", m_buyer.accessToken).json().value("items").toArray();
        QVERIFY(!tickets.isEmpty());
        const QString qrPath = "/api/v1/tickets/" + tickets[0].toObject().value("id").toString() + "/qr.png";
        const auto viaGateway = m_client.get(m_processes["gateway"]->url(qrPath), AuthApi::bearer(m_buyer.accessToken));
        const auto direct = m_client.get(m_processes["tickets"]->url(qrPath), AuthApi::bearer(m_buyer.accessToken));
        QCOMPARE(viaGateway.status, 200);
        QVERIFY(viaGateway.body.startsWith("\x89PNG"));
        QCOMPARE(viaGateway.body, direct.body);
        QCOMPARE(viaGateway.header("content-type"), direct.header("content-type"));
        // A body without a Content-Type is answered as the service answers it, not as an
        // octet-stream the gateway made up.
        const QByteArray login =
            QJsonDocument(QJsonObject{{"email", m_buyer.email}, {"password", "wrong password"}}).toJson();
        const auto bareDirect = m_client.send("POST", m_processes["auth"]->url("/api/v1/auth/login"), login);
        const auto bareViaGateway = m_client.send("POST", m_processes["gateway"]->url("/api/v1/auth/login"), login);
        QCOMPARE(bareViaGateway.status, bareDirect.status);
        QCOMPARE(bareViaGateway.errorCode(), bareDirect.errorCode());
    }

    void internalCallsNeedTheClusterToken()
    {
        const QUrl facts = m_processes["events"]->url("/internal/v1/event-directory/event-facts");
        const QByteArray arguments = QJsonDocument(QJsonObject{{"event_id", m_event}}).toJson();
        const HttpClient::Headers json = {{"Content-Type", "application/json"}};
        for (const QByteArray& token : {QByteArray(), QByteArray("wrong"), m_token.toUtf8() + "x"}) {
            HttpClient::Headers headers = json;
            if (!token.isEmpty())
                headers["X-Sbor-Cluster-Token"] = token;
            const auto refused = m_client.send("POST", facts, arguments, headers);
            QCOMPARE(refused.status, 401);
            QCOMPARE(refused.errorCode(), QStringLiteral("unauthorized"));
        }
        HttpClient::Headers trusted = json;
        trusted["X-Sbor-Cluster-Token"] = m_token.toUtf8();
        const auto answered = m_client.send("POST", facts, arguments, trusted);
        QCOMPARE(answered.status, 200);
        QCOMPARE(answered.json().value("event").toObject().value("title").toString(),
                 QStringLiteral("Распределённый вечер"));
        // Bad arguments are the caller's fault, not a crash.
        QCOMPARE(m_client.send("POST", facts, "[1,2]", trusted).status, 400);
        QCOMPARE(m_client.send("POST", facts, "{\"event_id\": 7}", trusted).status, 400);
        // The gateway never routes internal paths, and does not pass the token on.
        QCOMPARE(m_client
                     .send("POST", m_processes["gateway"]->url("/internal/v1/event-directory/event-facts"), arguments,
                           trusted)
                     .status,
                 404);
    }

    void aSilentServiceIsA504AndAMissingAddressA502()
    {
        QTcpServer silent; // accepts (the kernel does) and never answers
        QVERIFY(silent.listen(QHostAddress::LocalHost));
        TestServer::Options options;
        options.arguments = {"--db-url", m_database.url(), "--target", "gateway"};
        options.environment.insert("SBOR_CLUSTER_TOKEN", m_token);
        options.environment.insert("SBOR_CLUSTER_TIMEOUT_MS", "1500");
        options.environment.insert(environmentName("events"),
                                   QStringLiteral("http://127.0.0.1:%1").arg(silent.serverPort()));
        options.environment.insert("SBOR_DATABASE_POOL_SIZE", "2");
        TestServer gateway(options);
        QVERIFY(gateway.start());
        QElapsedTimer clock;
        clock.start();
        const auto slow = m_client.get(gateway.url("/api/v1/events"));
        QCOMPARE(slow.status, 504);
        QCOMPARE(slow.errorCode(), QStringLiteral("upstream_timeout"));
        QVERIFY(!slow.json().value("error").toObject().value("trace_id").toString().isEmpty());
        QVERIFY2(clock.elapsed() < 4000, "a timeout is not retried"); // three attempts would take ~5 s
        const auto nowhere = m_client.get(gateway.url("/api/v1/notifications"));
        QCOMPARE(nowhere.status, 502);
        QVERIFY(nowhere.json().value("error").toObject().value("message").toString().contains(
            "cluster.services.notifications"));
        QCOMPARE(m_client.get(gateway.url("/api/v1/no-such-thing")).status, 404);
        QCOMPARE(gateway.stop(), 0);
    }

    void aProcessWithoutTheAddressesItNeedsRefusesToStart()
    {
        QString output;
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        environment.insert("SBOR_CLUSTER_TOKEN", m_token);
        QCOMPARE(
            TestServer::runToCompletion({"--db-url", m_database.url(), "--target", "payments"}, &output, environment),
            2);
        QVERIFY2(output.contains("cluster.services.events") && output.contains("cluster.services.tickets"),
                 qPrintable(output));
        // Auth calls events and tickets (kiosk enrollment): without their addresses it would
        // answer "no such event" instead of refusing to start.
        QCOMPARE(TestServer::runToCompletion({"--db-url", m_database.url(), "--target", "auth"}, &output, environment),
                 2);
        QVERIFY2(output.contains("cluster.services.events") && output.contains("cluster.services.tickets"),
                 qPrintable(output));
        environment.remove("SBOR_CLUSTER_TOKEN");
        QCOMPARE(
            TestServer::runToCompletion({"--db-url", m_database.url(), "--target", "events"}, &output, environment), 2);
        QVERIFY2(output.contains("cluster.token"), qPrintable(output));
        QCOMPARE(TestServer::runToCompletion({"--db-url", m_database.url(), "--target", "gateway,events"}, &output,
                                             environment),
                 2);
        QVERIFY2(output.contains("process of its own"), qPrintable(output));
    }

private:
    std::unique_ptr<TestServer> makeProcess(const QString& name)
    {
        TestServer::Options options;
        options.arguments = {"--db-url", m_database.url(), "--target", name};
        options.httpPort = m_ports[name];
        if (name == "live")
            options.arguments << "--live" << QStringLiteral("127.0.0.1:%1").arg(m_livePort);
        QProcessEnvironment& environment = options.environment;
        environment.insert("SBOR_CLUSTER_TOKEN", m_token);
        for (const QString& service : kServices)
            environment.insert(environmentName(service), QStringLiteral("http://127.0.0.1:%1").arg(m_ports[service]));
        environment.insert("SBOR_KAFKA_BROKERS", m_kafka.brokers());
        environment.insert("SBOR_HTTP_TRUSTED_PROXIES", "127.0.0.1");
        environment.insert("SBOR_DATABASE_POOL_SIZE", "4"); // eight processes share the suite's PostgreSQL
        environment.insert("SBOR_NOTIFICATIONS_SMTP_HOST", "127.0.0.1");
        environment.insert("SBOR_NOTIFICATIONS_SMTP_PORT", QString::number(m_smtp.port()));
        environment.insert("SBOR_NOTIFICATIONS_JOB_INTERVAL_MS", "100");
        environment.insert("SBOR_WEBHOOKS_ALLOW_PRIVATE_ADDRESSES", "true");
        return std::make_unique<TestServer>(options);
    }

    int notificationCount(const SignedInUser& user, const QString& type)
    {
        int count = 0;
        for (const auto& item :
             m_api->get("/api/v1/notifications?limit=100", user.accessToken).json().value("items").toArray())
            count += item.toObject().value("type").toString() == type;
        return count;
    }

    PrivateKafka m_kafka; // the kill leaves a dead group member behind
    SmtpSink m_smtp;
    WebhookReceiver m_receiver;
    std::map<QString, quint16> m_ports;
    quint16 m_livePort = 0;
    QString m_token;
    std::map<QString, std::unique_ptr<TestServer>> m_processes;
    QString m_event, m_paidType, m_freeType;
};

QTEST_MAIN(TestDistributed)
#include "test_distributed.moc"
