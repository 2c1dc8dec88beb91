// The live feed over real WebSockets against a real sbor-server: who may watch which topic
// (organizer, buyer, kiosk device token, admin), frames numbered per topic as sales and
// check-ins happen, resuming after a reconnect or being told to resync, and clients that stop
// answering pings being dropped.
#include "integrationsuite.h"
#include "liveclient.h"
#include "salesapi.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTcpSocket>
#include <QtTest>

#include <memory>

using namespace sbor::test;

class TestLive : public IntegrationSuite {
    Q_OBJECT
private slots:
    void initTestCase()
    {
        QVERIFY2(startServer({{"SBOR_LIVE_RESUME_FRAMES", "6"}, {"SBOR_LIVE_HEARTBEAT_INTERVAL_MS", "300"}}),
                 problem());
        QVERIFY2(signUpOrganizer() && signUpBuyer(), problem());
        // Starts in 12 h: codes are valid from a day before.
        QVERIFY2(publishEvent(m_event, "Live night", 0.5,
                              {{m_type, {{"name", "Free"}, {"price", 0}, {"quota", 100}, {"sales_end", inDays(0.4)}}}}),
                 problem());
        m_otherEvent = m_sales->createEvent("Other night");
    }

    void tokensAreRequiredAndChecked()
    {
        for (const QString& token : {QString(), QStringLiteral("not-a-token"), m_organizer.accessToken + "x"}) {
            LiveClient client;
            QVERIFY(client.connectTo(m_server->livePort(), token));
            const QJsonObject error = client.waitForOp("error");
            QCOMPARE(error.value("code").toString(), QStringLiteral("unauthorized"));
            QVERIFY(client.waitForDisconnect());
        }
        LiveClient wrongPath;
        QVERIFY(wrongPath.connectTo(m_server->livePort(), m_organizer.accessToken, false, "/elsewhere"));
        QCOMPARE(wrongPath.waitForOp("error").value("code").toString(), QStringLiteral("not_found"));
        QVERIFY(wrongPath.waitForDisconnect());
    }

    void salesAndCheckInsReachTheOrganizerInOrder()
    {
        LiveClient organizer;
        QVERIFY(organizer.connectTo(m_server->livePort(), m_organizer.accessToken));
        QCOMPARE(organizer.waitForOp("welcome").value("user_id").toString(), m_organizer.id);
        organizer.subscribe("event:" + m_event.toUpper()); // any spelling of the id
        const QJsonObject subscribed = organizer.waitForOp("subscribed");
        QCOMPARE(subscribed.value("topic").toString(), "event:" + m_event);
        const qint64 start = subscribed.value("seq").toInteger();

        // The buyer watches their own topic, with the token in the query as a browser would.
        LiveClient buyer;
        QVERIFY(buyer.connectTo(m_server->livePort(), m_buyer.accessToken, true));
        buyer.subscribe("user:" + m_buyer.id);
        QVERIFY(!buyer.waitForOp("subscribed").isEmpty());

        const auto placed = m_api->post("/api/v1/orders", orderForAttendees(m_event, m_type, {uniqueEmail("guest")}),
                                        m_buyer.accessToken);
        QCOMPARE(placed.status, 201);
        const QString orderId = placed.json().value("order").toObject().value("id").toString();
        const QJsonObject created = organizer.waitForType("event:" + m_event, "order.created");
        QCOMPARE(created.value("data").toObject().value("order_id").toString(), orderId);
        const QJsonObject purchased = organizer.waitForType("event:" + m_event, "ticket.purchased");
        QVERIFY(!purchased.isEmpty());
        // The order's two frames, numbered one after the other from where the topic stood.
        const qint64 low = qMin(created.value("seq").toInteger(), purchased.value("seq").toInteger());
        const qint64 high = qMax(created.value("seq").toInteger(), purchased.value("seq").toInteger());
        QCOMPARE(low, start + 1);
        QCOMPARE(high, start + 2);
        QVERIFY(!purchased.value("at").toString().isEmpty());
        QCOMPARE(buyer.waitForType("user:" + m_buyer.id, "ticket.purchased")
                     .value("data")
                     .toObject()
                     .value("order_id")
                     .toString(),
                 orderId);

        // A check-in by the organizer is on the event's topic too.
        const QString code = placed.json().value("tickets").toArray()[0].toObject().value("code").toString();
        const QString list = m_api
                                 ->post("/api/v1/events/" + m_event + "/checkin-lists", {{"name", "Main gate"}},
                                        m_organizer.accessToken)
                                 .json()
                                 .value("id")
                                 .toString();
        QCOMPARE(m_api
                     ->post("/api/v1/checkin/redeem", {{"code", code}, {"list_id", list}, {"scan_id", "live-1"}},
                            m_organizer.accessToken)
                     .json()
                     .value("result")
                     .toString(),
                 QStringLiteral("ok"));
        const QJsonObject checkin = organizer.waitForType("event:" + m_event, "ticket.checkin");
        QCOMPARE(checkin.value("data").toObject().value("list_id").toString(), list);
        QCOMPARE(checkin.value("seq").toInteger(), high + 1);
        m_list = list;
    }

    void nobodyWatchesWhatIsNotTheirs()
    {
        LiveClient buyer;
        QVERIFY(buyer.connectTo(m_server->livePort(), m_buyer.accessToken));
        const QStringList refused = {"event:" + m_event, "user:" + m_organizer.id, "system"};
        for (const QString& topic : refused) {
            buyer.subscribe(topic);
            const QJsonObject error = buyer.waitForOp("error");
            QVERIFY2(error.value("code").toString() == "forbidden", qPrintable(topic));
            QCOMPARE(error.value("topic").toString(), topic);
        }
        for (const QString& topic : {QStringLiteral("event:42"), QStringLiteral("chat"), QString()}) {
            buyer.subscribe(topic);
            QCOMPARE(buyer.waitForOp("error").value("code").toString(), QStringLiteral("bad_request"));
        }
        buyer.socket().sendTextMessage("{not json");
        QCOMPARE(buyer.waitForOp("error").value("code").toString(), QStringLiteral("bad_request"));
        for (const QJsonObject& odd : {QJsonObject{{"op", "unsubscribe"}, {"topic", 1}},
                                       QJsonObject{{"op", "subscribe"}, {"topic", QJsonArray{}}},
                                       QJsonObject{{"op", 7}}, QJsonObject{{"op", "authenticate"}, {"token", 3}}}) {
            buyer.send(odd);
            const QJsonObject error = buyer.waitForOp("error");
            QVERIFY2(error.value("code").toString() == "bad_request" ||
                         error.value("code").toString() == "unauthorized",
                     QJsonDocument(odd).toJson().constData());
        }
        // Someone else's token does not take over a connection.
        buyer.send({{"op", "authenticate"}, {"token", m_organizer.accessToken}});
        QCOMPARE(buyer.waitForOp("error").value("code").toString(), QStringLiteral("unauthorized"));
        buyer.send({{"op", "authenticate"}, {"token", m_buyer.accessToken}});
        QVERIFY(!buyer.waitForOp("authenticated").isEmpty());
        buyer.send({{"op", "subscribe"}, {"topic", "user:" + m_buyer.id}, {"since", "yesterday"}});
        QCOMPARE(buyer.waitForOp("error").value("code").toString(), QStringLiteral("bad_request"));
        // Still connected and useful after all that.
        buyer.send({{"op", "ping"}});
        QVERIFY(!buyer.waitForOp("pong").isEmpty());
        // An event that does not exist is as closed as someone else's.
        LiveClient organizer;
        QVERIFY(organizer.connectTo(m_server->livePort(), m_organizer.accessToken));
        organizer.subscribe("event:00000000-0000-4000-8000-000000000000");
        QCOMPARE(organizer.waitForOp("error").value("code").toString(), QStringLiteral("forbidden"));
    }

    void anAdminWatchesTheWholePlatform()
    {
        const QString email = uniqueEmail("admin");
        QVERIFY(!AuthApi::createWithCli(m_database.url(), email, "admin").isEmpty());
        const SignedInUser admin = m_api->signIn(email);
        LiveClient console;
        QVERIFY(console.connectTo(m_server->livePort(), admin.accessToken));
        console.subscribe("system");
        QVERIFY(!console.waitForOp("subscribed").isEmpty());
        console.subscribe("user:" + m_buyer.id); // support looks over a buyer's shoulder
        QVERIFY(!console.waitForOp("subscribed").isEmpty());
        const SignedInUser newcomer = m_api->signUp("newcomer");
        const QJsonObject registered = console.waitFor([&](const QJsonObject& frame) {
            return frame.value("type").toString() == "user.registered" &&
                frame.value("data").toObject().value("user_id").toString() == newcomer.id;
        });
        QVERIFY(!registered.isEmpty());
        QCOMPARE(registered.value("topic").toString(), QStringLiteral("system"));
    }

    void aKioskWatchesItsOwnEventOnly()
    {
        const auto issued = m_api->post("/api/v1/events/" + m_event + "/enrollments",
                                        {{"list_id", m_list}, {"name", "Kiosk"}}, m_organizer.accessToken);
        QCOMPARE(issued.status, 201);
        const QString deviceToken = m_api
                                        ->post("/api/v1/devices/enroll",
                                               {{"code", issued.json().value("code").toString()}})
                                        .json()
                                        .value("device_token")
                                        .toString();
        QVERIFY(!deviceToken.isEmpty());
        LiveClient kiosk;
        QVERIFY(kiosk.connectTo(m_server->livePort(), deviceToken));
        QVERIFY(!kiosk.waitForOp("welcome").value("device_id").toString().isEmpty());
        kiosk.subscribe("event:" + m_otherEvent);
        QCOMPARE(kiosk.waitForOp("error").value("code").toString(), QStringLiteral("forbidden"));
        kiosk.subscribe("user:" + m_organizer.id);
        QCOMPARE(kiosk.waitForOp("error").value("code").toString(), QStringLiteral("forbidden"));
        kiosk.subscribe("event:" + m_event);
        QVERIFY(!kiosk.waitForOp("subscribed").isEmpty());
        // Another door admits someone: the kiosk hears it at once.
        const auto placed = m_api->post("/api/v1/orders", orderForAttendees(m_event, m_type, {uniqueEmail("guest")}),
                                        m_buyer.accessToken);
        const QString code = placed.json().value("tickets").toArray()[0].toObject().value("code").toString();
        QCOMPARE(m_api
                     ->post("/api/v1/checkin/redeem", {{"code", code}, {"list_id", m_list}, {"scan_id", "live-2"}},
                            m_organizer.accessToken)
                     .status,
                 200);
        QVERIFY(!kiosk.waitForType("event:" + m_event, "ticket.checkin").isEmpty());
        // A revoked device is no longer let in.
        const QString deviceId = m_api->get("/api/v1/events/" + m_event + "/devices", m_organizer.accessToken)
                                     .json()
                                     .value("items")
                                     .toArray()[0]
                                     .toObject()
                                     .value("id")
                                     .toString();
        QVERIFY(!deviceId.isEmpty());
        QCOMPARE(
            m_api->raw("DELETE", "/api/v1/devices/" + deviceId, "", AuthApi::bearer(m_organizer.accessToken)).status,
            200);
        // The connected kiosk is told and dropped at the next heartbeat's token check.
        QCOMPARE(kiosk.waitForOp("error", 10000).value("code").toString(), QStringLiteral("unauthorized"));
        QVERIFY(kiosk.waitForDisconnect());
        // Issue 13, defect 9: with a close frame saying why (1008), not a cut connection (1006).
        QCOMPARE(kiosk.socket().closeCode(), QWebSocketProtocol::CloseCodePolicyViolated);
        LiveClient revoked;
        QVERIFY(revoked.connectTo(m_server->livePort(), deviceToken));
        QCOMPARE(revoked.waitForOp("error").value("code").toString(), QStringLiteral("unauthorized"));
    }

    // Issue 13, defect 5: kiosks received holders' emails and buyers' ids on event:{id}, live
    // and in replays. Each watcher gets what its role sees over REST.
    void eachWatcherSeesWhatItsRoleSeesOverRest()
    {
        const auto issued = m_api->post("/api/v1/events/" + m_event + "/enrollments",
                                        {{"list_id", m_list}, {"name", "Door 2"}}, m_organizer.accessToken);
        QCOMPARE(issued.status, 201);
        const QString deviceToken = m_api
                                        ->post("/api/v1/devices/enroll",
                                               {{"code", issued.json().value("code").toString()}})
                                        .json()
                                        .value("device_token")
                                        .toString();
        QVERIFY(!deviceToken.isEmpty());
        const QString staffEmail = uniqueEmail("doorstaff");
        QVERIFY(!AuthApi::createWithCli(m_database.url(), staffEmail, "staff").isEmpty());
        const SignedInUser staff = m_api->signIn(staffEmail);
        QVERIFY(!staff.accessToken.isEmpty());
        QVERIFY2(addToTeam(m_event, staff, "door"), problem());

        LiveClient organizer, door, kiosk;
        QVERIFY(organizer.connectTo(m_server->livePort(), m_organizer.accessToken));
        QVERIFY(door.connectTo(m_server->livePort(), staff.accessToken));
        QVERIFY(kiosk.connectTo(m_server->livePort(), deviceToken));
        qint64 before = 0;
        for (LiveClient* client : {&organizer, &door, &kiosk}) {
            client->subscribe("event:" + m_event);
            before = client->waitForOp("subscribed").value("seq").toInteger();
            QVERIFY(before > 0);
        }
        const QString holderEmail = uniqueEmail("holder");
        const auto placed = m_api->post("/api/v1/orders", orderForAttendees(m_event, m_type, {holderEmail}),
                                        m_buyer.accessToken);
        QCOMPARE(placed.status, 201);

        const QJsonObject full = organizer.waitForType("event:" + m_event, "ticket.purchased").value("data").toObject();
        QCOMPARE(full.value("holder_email").toString(), holderEmail);
        QCOMPARE(full.value("buyer_id").toString(), m_buyer.id);
        QVERIFY(!organizer.waitForType("event:" + m_event, "order.created").isEmpty());

        const QJsonObject forStaff = door.waitForType("event:" + m_event, "ticket.purchased").value("data").toObject();
        QCOMPARE(forStaff.value("holder_email").toString(), holderEmail); // as the door search shows staff
        QVERIFY(!forStaff.contains("buyer_id"));
        QVERIFY(!forStaff.contains("order_total"));

        const QJsonObject forKiosk = kiosk.waitForType("event:" + m_event, "ticket.purchased").value("data").toObject();
        QVERIFY(!forKiosk.value("ticket_id").toString().isEmpty());
        QVERIFY(!forKiosk.value("holder_name").toString().isEmpty());
        QVERIFY(!forKiosk.contains("holder_email"));
        QVERIFY(!forKiosk.contains("buyer_id"));
        // Orders are not the door's business: neither door nor kiosk hears of them.
        QTest::qWait(300);
        for (LiveClient* client : {&door, &kiosk})
            for (const QJsonObject& frame : client->pending())
                QVERIFY2(!frame.value("type").toString().startsWith(QStringLiteral("order.")),
                         qPrintable(frame.value("type").toString()));

        // Replays are shaped the same way: since=0 sends the kiosk nobody's email.
        LiveClient replaying;
        QVERIFY(replaying.connectTo(m_server->livePort(), deviceToken));
        replaying.subscribe("event:" + m_event, before);
        QVERIFY(!replaying.waitForType("event:" + m_event, "ticket.purchased").isEmpty());
        QTest::qWait(300);
        for (const QJsonObject& frame : replaying.pending()) {
            const QByteArray text = QJsonDocument(frame).toJson(QJsonDocument::Compact);
            QVERIFY2(!text.contains("@"), text.constData());
            QVERIFY2(!frame.value("type").toString().startsWith(QStringLiteral("order.")), text.constData());
        }
    }

    // A team change reaches a feed already open (issue 16): demoted to the door, the next frames
    // are the door's; removed, the subscription ends at once and nothing more arrives.
    void teamChangesReachFeedsAlreadyOpen()
    {
        const SignedInUser helper = m_api->signUp("live-helper");
        QVERIFY(!helper.accessToken.isEmpty());
        QVERIFY2(addToTeam(m_event, helper, "co_organizer"), problem());
        LiveClient watcher;
        QVERIFY(watcher.connectTo(m_server->livePort(), helper.accessToken));
        const QString topic = "event:" + m_event;
        watcher.subscribe(topic);
        QVERIFY(watcher.waitForOp("subscribed").value("seq").toInteger() > 0);
        const auto sell = [&] {
            return m_api
                ->post("/api/v1/orders", orderForAttendees(m_event, m_type, {uniqueEmail("team-guest")}),
                       m_buyer.accessToken)
                .status;
        };
        QCOMPARE(sell(), 201);
        QCOMPARE(watcher.waitForType(topic, "ticket.purchased").value("data").toObject().value("buyer_id").toString(),
                 m_buyer.id);

        QVERIFY2(addToTeam(m_event, helper, "door"), problem());
        QVERIFY(!watcher.waitForType(topic, "event.team_member_added").isEmpty());
        QCOMPARE(sell(), 201);
        const QJsonObject asDoor = watcher.waitForType(topic, "ticket.purchased").value("data").toObject();
        QVERIFY(!asDoor.value("ticket_id").toString().isEmpty());
        QVERIFY2(!asDoor.contains("buyer_id"), QJsonDocument(asDoor).toJson().constData());

        QCOMPARE(m_api->remove("/api/v1/events/" + m_event + "/team/" + helper.id, {}, m_organizer.accessToken).status,
                 200);
        const QJsonObject told = watcher.waitForOp("error");
        QCOMPARE(told.value("code").toString(), QStringLiteral("forbidden"));
        QCOMPARE(told.value("topic").toString(), topic);
        QCOMPARE(watcher.waitForOp("unsubscribed").value("topic").toString(), topic);
        QCOMPARE(sell(), 201);
        QTest::qWait(500);
        for (const QJsonObject& frame : watcher.pending())
            QVERIFY2(frame.value("type").toString() != QStringLiteral("ticket.purchased"),
                     QJsonDocument(frame).toJson().constData());
        // Asking again is refused like any stranger's request.
        watcher.subscribe(topic);
        QCOMPARE(watcher.waitForOp("error").value("code").toString(), QStringLiteral("forbidden"));
    }

    // Issue 13, defect 9: Qt accepted client frames without a mask (RFC 6455 §5.1: the server
    // must fail the connection).
    void anUnmaskedClientFrameFailsTheConnection()
    {
        QTcpSocket raw;
        raw.connectToHost(QStringLiteral("127.0.0.1"), m_server->livePort());
        QVERIFY(raw.waitForConnected(5000));
        raw.write("GET /api/v1/live HTTP/1.1\r\nHost: 127.0.0.1\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                  "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\nAuthorization: Bearer " +
                  m_organizer.accessToken.toUtf8() + "\r\n\r\n");
        QByteArray received;
        QTRY_VERIFY_WITH_TIMEOUT((received += raw.readAll()).contains("\r\n\r\n") && received.contains("welcome"),
                                 5000);
        QVERIFY2(received.startsWith("HTTP/1.1 101"), received.constData());
        received.clear();
        const QByteArray ping = R"({"op":"ping"})";
        raw.write(QByteArray("\x81") + char(ping.size()) + ping); // FIN + text, no mask bit
        QTRY_VERIFY_WITH_TIMEOUT(
            (received += raw.readAll()).size() >= 4 || raw.state() != QAbstractSocket::ConnectedState, 5000);
        QVERIFY2(received.size() >= 4, received.toHex().constData());
        QVERIFY2(static_cast<unsigned char>(received[0]) == 0x88, received.constData()); // a close frame...
        QCOMPARE((static_cast<unsigned char>(received[2]) << 8) | static_cast<unsigned char>(received[3]),
                 1002);                      // ...protocol error
        QVERIFY(!received.contains("pong")); // the frame itself was not acted on
        QVERIFY(raw.state() != QAbstractSocket::ConnectedState ||
                raw.waitForDisconnected(5000)); // and the connection ends

        // A well-behaved client is untouched.
        LiveClient masked;
        QVERIFY(masked.connectTo(m_server->livePort(), m_organizer.accessToken));
        masked.send({{"op", "ping"}});
        QVERIFY(!masked.waitForOp("pong").isEmpty());
    }

    void aReconnectingClientResumesOrIsToldToResync()
    {
        LiveClient first;
        QVERIFY(first.connectTo(m_server->livePort(), m_organizer.accessToken));
        first.subscribe("event:" + m_event);
        QVERIFY(!first.waitForOp("subscribed").isEmpty());
        QCOMPARE(m_api
                     ->post("/api/v1/orders", orderForAttendees(m_event, m_type, {uniqueEmail("guest")}),
                            m_buyer.accessToken)
                     .status,
                 201);
        const qint64 seen = qMax(first.waitForType("event:" + m_event, "ticket.purchased").value("seq").toInteger(),
                                 first.waitForType("event:" + m_event, "order.created").value("seq").toInteger());
        first.close();

        // Missed while away: one order (order.created, ticket.purchased).
        QCOMPARE(m_api
                     ->post("/api/v1/orders", orderForAttendees(m_event, m_type, {uniqueEmail("guest")}),
                            m_buyer.accessToken)
                     .status,
                 201);
        QTest::qWait(500);
        LiveClient back;
        QVERIFY(back.connectTo(m_server->livePort(), m_organizer.accessToken));
        back.subscribe("event:" + m_event, seen);
        const QJsonObject resumed = back.waitForOp("subscribed");
        const qint64 now = resumed.value("seq").toInteger();
        QCOMPARE(now, seen + 2);
        QVERIFY(!resumed.value("epoch").toString().isEmpty());
        const qint64 missedA = back.waitForType("event:" + m_event, "order.created").value("seq").toInteger();
        const qint64 missedB = back.waitForType("event:" + m_event, "ticket.purchased").value("seq").toInteger();
        QCOMPARE(qMin(missedA, missedB), seen + 1);
        QCOMPARE(qMax(missedA, missedB), seen + 2);
        // Numbers of another epoch (another run of the server) are never resumed from.
        back.send({{"op", "subscribe"}, {"topic", "event:" + m_event}, {"since", seen}, {"epoch", "1-1.1"}});
        QCOMPARE(back.waitForOp("resync").value("epoch").toString(), resumed.value("epoch").toString());

        // Away too long: more than the 6 kept frames went by.
        for (int i = 0; i < 4; ++i)
            QCOMPARE(m_api
                         ->post("/api/v1/orders", orderForAttendees(m_event, m_type, {uniqueEmail("guest")}),
                                m_buyer.accessToken)
                         .status,
                     201);
        QTest::qWait(500);
        LiveClient late;
        QVERIFY(late.connectTo(m_server->livePort(), m_organizer.accessToken));
        late.subscribe("event:" + m_event, seen);
        QCOMPARE(late.waitForOp("resync").value("topic").toString(), "event:" + m_event);
        // Numbers from before a restart (larger than anything now) also mean resync.
        late.subscribe("event:" + m_event, 1000000);
        QVERIFY(!late.waitForOp("resync").isEmpty());
    }

    void aClientThatStopsAnsweringIsDropped()
    {
        // A raw connection that completes the handshake and then never reads: no pongs.
        QTcpSocket silent;
        silent.connectToHost(QHostAddress::LocalHost, m_server->livePort());
        QVERIFY(silent.waitForConnected(5000));
        silent.write("GET /api/v1/live?access_token=" + m_organizer.accessToken.toUtf8() +
                     " HTTP/1.1\r\nHost: x\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                     "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n");
        QVERIFY(silent.waitForReadyRead(5000));
        QVERIFY(silent.readAll().startsWith("HTTP/1.1 101"));
        // A well-behaved client next to it stays (Qt answers pings by itself).
        LiveClient alive;
        QVERIFY(alive.connectTo(m_server->livePort(), m_organizer.accessToken));
        QElapsedTimer timer;
        timer.start();
        while (silent.state() == QAbstractSocket::ConnectedState && timer.elapsed() < 10000)
            QTest::qWait(20); // the event loop keeps running: the good client answers its pings
        QCOMPARE(silent.state(), QAbstractSocket::UnconnectedState);
        QVERIFY(timer.elapsed() >= 600); // three heartbeats of 300 ms, not at once
        QVERIFY(alive.isConnected());
        QTest::qWait(1500);
        QVERIFY(alive.isConnected());
        QVERIFY(m_server->logs().contains("no answer to pings"));
    }

private:
    QString m_event, m_type, m_otherEvent, m_list;
};

QTEST_MAIN(TestLive)
#include "test_live.moc"
