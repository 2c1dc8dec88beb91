// Kiosks over real HTTP against a real sbor-server and PostgreSQL: one-time enrollment codes, device
// tokens scoped to one event and list (and refused everywhere but the door), incremental sync in
// pages, offline batches applied in scan order with conflicts recorded, and revocation.
#include "integrationsuite.h"
#include "salesapi.h"

#include <pqxx/pqxx>

#include <QJsonArray>
#include <QJsonDocument>
#include <QtTest>

#include <memory>
#include <set>

using namespace sbor::test;

class TestKiosks : public IntegrationSuite {
    Q_OBJECT
private slots:
    void initTestCase()
    {
        QVERIFY2(startServer(), problem());
        QVERIFY2(signUpOrganizer() && signUpRival() && signUpBuyer(), problem());
        QString type;
        QVERIFY2(publishEvent(m_event, "Conference", 0.5,
                              {{type,
                                {{"name", "Delegate"},
                                 {"price", 0},
                                 {"quota", 50},
                                 {"max_per_order", 20},
                                 {"sales_end", inDays(0.4)}}}}),
                 problem());
        m_gate = createList("Hall A");
        m_otherGate = createList("Hall B");
        m_tickets = m_api->post("/api/v1/orders", orderBody(m_event, type, 10), m_buyer.accessToken)
                        .json()
                        .value("tickets")
                        .toArray();
        QCOMPARE(m_tickets.size(), 10);
        SalesApi rivalSales(*m_api, m_rival.accessToken);
        m_rivalEvent = rivalSales.createEvent("Elsewhere", 0.5);
        rivalSales.addType(m_rivalEvent, {{"name", "Any"}, {"price", 0}, {"quota", 5}, {"sales_end", inDays(0.4)}});
        m_rivalGate = m_api
                          ->post("/api/v1/events/" + m_rivalEvent + "/checkin-lists", {{"name", "Gate"}},
                                 m_rival.accessToken)
                          .json()
                          .value("id")
                          .toString();
    }

    void enrollmentCodesAreForTheOrganizerOnly()
    {
        const QString path = "/api/v1/events/" + m_event + "/enrollments";
        QCOMPARE(m_api->post(path, {{"name", "Kiosk"}}, m_organizer.accessToken).status, 422);
        QCOMPARE(m_api->post(path, {{"list_id", m_rivalGate}, {"name", "Kiosk"}}, m_organizer.accessToken).status, 422);
        QCOMPARE(m_api->post(path, {{"list_id", "gate"}, {"name", "Kiosk"}}, m_organizer.accessToken).status, 422);
        QCOMPARE(m_api->post(path, {{"list_id", m_gate}, {"name", ""}}, m_organizer.accessToken).status, 422);
        QCOMPARE(m_api->post(path, {{"list_id", m_gate}, {"name", "Kiosk"}}, m_rival.accessToken).status, 404);
        // Not on the event's team: the event's door is no more theirs than a rival's.
        QCOMPARE(m_api->post(path, {{"list_id", m_gate}, {"name", "Kiosk"}}, m_buyer.accessToken).status, 404);
        QCOMPARE(m_database.query("SELECT count(*) FROM auth.device_enrollments"), std::string("0"));
    }

    void aCodeEnrollsOneKioskOnce()
    {
        const auto issued = m_api->post("/api/v1/events/" + m_event + "/enrollments",
                                        {{"list_id", m_gate}, {"name", "Kiosk 1"}}, m_organizer.accessToken);
        QCOMPARE(issued.status, 201);
        const QString code = issued.json().value("code").toString();
        QVERIFY(QRegularExpression("^[A-Z2-7]{10}$").match(code).hasMatch());
        const QJsonObject handshake = issued.json().value("handshake").toObject();
        QCOMPARE(handshake.value("v").toInt(), 1);
        QCOMPARE(handshake.value("code").toString(), code);
        QVERIFY(handshake.value("server").toString().startsWith("http://127.0.0.1:"));
        const qint64 lifetime = QDateTime::currentDateTimeUtc().secsTo(
            QDateTime::fromString(issued.json().value("expires_at").toString(), Qt::ISODateWithMs));
        QVERIFY2(lifetime > 14 * 60 && lifetime <= 15 * 60, qPrintable(QString::number(lifetime)));

        // Typed by hand: lower case, with a dash.
        const auto enrolled = m_api->post("/api/v1/devices/enroll",
                                          {{"code", code.left(5).toLower() + "-" + code.mid(5)}});
        QCOMPARE(enrolled.status, 201);
        m_deviceToken = enrolled.json().value("device_token").toString();
        m_deviceId = enrolled.json().value("device_id").toString();
        QVERIFY(m_deviceToken.startsWith("dt_"));
        QCOMPARE(enrolled.json().value("event").toObject().value("title").toString(), QStringLiteral("Conference"));
        QCOMPARE(enrolled.json().value("list").toObject().value("id").toString(), m_gate);
        const QJsonArray keys = enrolled.json().value("public_keys").toArray();
        QCOMPARE(keys.size(), 1);
        QCOMPARE(keys[0].toObject().value("public_key").toString().size(), 64);
        // The token is kept only as a hash.
        QVERIFY(m_database.rowsContaining(m_deviceToken.toStdString()).empty());

        QCOMPARE(m_api->post("/api/v1/devices/enroll", {{"code", code}}).status, 401); // once
        QCOMPARE(m_api->post("/api/v1/devices/enroll", {{"code", "AAAAAAAAAA"}}).status, 401);
        QCOMPARE(m_api->post("/api/v1/devices/enroll", {}).status, 422);
        const QString stale = m_api
                                  ->post("/api/v1/events/" + m_event + "/enrollments",
                                         {{"list_id", m_gate}, {"name", "Late"}}, m_organizer.accessToken)
                                  .json()
                                  .value("code")
                                  .toString();
        m_database.query(
            "UPDATE auth.device_enrollments SET expires_at = now() - interval '1 second' WHERE used_at IS NULL RETURNING 1");
        QCOMPARE(m_api->post("/api/v1/devices/enroll", {{"code", stale}}).status, 401);
        m_secondToken = enrollAnother("Kiosk 2");
        QVERIFY(!m_secondToken.isEmpty());
    }

    void aDeviceTokenOnlyOpensTheDoor()
    {
        QCOMPARE(m_api->get("/api/v1/users/me", m_deviceToken).status, 403);
        QCOMPARE(m_api->post("/api/v1/orders", orderBody(m_event, "x", 1), m_deviceToken).status, 403);
        QCOMPARE(m_api->get("/api/v1/events/" + m_event + "/stats", m_deviceToken).status, 403);
        QCOMPARE(m_api->get("/api/v1/tickets", m_deviceToken).status, 403);
        QCOMPARE(m_api->get("/api/v1/events?mine=true", m_deviceToken).status, 403);
        QCOMPARE(m_api->get("/api/v1/users/me", "dt_forged").status, 401);
        const auto lists = m_api->get("/api/v1/events/" + m_event + "/checkin-lists", m_deviceToken);
        QCOMPARE(lists.status, 200);
        QCOMPARE(lists.json().value("items").toArray().size(), 1); // its own list only
    }

    void theKioskRedeemsAtItsOwnGate()
    {
        const auto first = redeem(m_deviceToken, codeOf(0), m_gate, "k1-1");
        QCOMPARE(first.value("result").toString(), QStringLiteral("ok"));
        QCOMPARE(m_database.query("SELECT device_id::text FROM tickets.scans WHERE scan_id = 'k1-1'"),
                 m_deviceId.toStdString());
        const auto again = redeem(m_secondToken, codeOf(0), m_gate, "k2-1");
        QCOMPARE(again.value("result").toString(), QStringLiteral("already_redeemed"));
        QCOMPARE(again.value("previous").toObject().value("device_id").toString(), m_deviceId);
        const auto elsewhere = m_api->post("/api/v1/checkin/redeem",
                                           {{"code", codeOf(1)}, {"list_id", m_otherGate}, {"scan_id", "k1-x"}},
                                           m_deviceToken);
        QCOMPARE(elsewhere.status, 404);
        QCOMPARE(m_api
                     ->post("/api/v1/checkin/redeem",
                            {{"code", codeOf(1)}, {"list_id", m_rivalGate}, {"scan_id", "k1-y"}}, m_deviceToken)
                     .status,
                 404);
        // Its own check-in it may annul; the other kiosk's it may not.
        QCOMPARE(redeem(m_deviceToken, codeOf(1), m_gate, "k1-2").value("result").toString(), QStringLiteral("ok"));
        QCOMPARE(m_api->post("/api/v1/checkin/annul", {{"scan_id", "k1-2"}}, m_secondToken).status,
                 404); // a kiosk knows only its own scans
        QCOMPARE(m_api->post("/api/v1/checkin/annul", {{"scan_id", "k1-2"}}, m_deviceToken).status, 200);
        // Scan ids are each scanner's own: two kiosks counting alike do not collide.
        QCOMPARE(redeem(m_deviceToken, codeOf(3), m_gate, "same-1").value("result").toString(), QStringLiteral("ok"));
        QCOMPARE(redeem(m_secondToken, codeOf(4), m_gate, "same-1").value("result").toString(), QStringLiteral("ok"));
    }

    void syncPagesThroughEverythingOnce()
    {
        // A code replaced after issue: its old text is on the revocation list.
        m_database.query("INSERT INTO tickets.revoked_codes (code, ticket_id, event_id, reason) VALUES ('OLDCODE', '" +
                         idOf(9).toStdString() + "', '" + m_event.toStdString() + "', 'replaced') RETURNING 1");
        std::set<QString> tickets, scans, revoked;
        QString cursor;
        int pages = 0;
        bool more = true;
        while (more && pages < 20) {
            const auto page = m_api->get("/api/v1/devices/me/sync?limit=4" +
                                             (cursor.isEmpty() ? QString() : "&cursor=" + cursor),
                                         m_secondToken);
            QCOMPARE(page.status, 200);
            ++pages;
            const QJsonObject body = page.json();
            QCOMPARE(body.value("list").toObject().value("id").toString(), m_gate);
            QCOMPARE(body.value("public_keys").toArray().size(), 1);
            more = body.value("has_more").toBool();
            // A page holds at most `limit` new changes; the last one may add late commits again
            // (any transaction of the cluster still running at an earlier read makes its era
            // "late"), which devices apply by id.
            if (more)
                QVERIFY(body.value("tickets").toArray().size() + body.value("scans").toArray().size() +
                            body.value("revoked_codes").toArray().size() <=
                        4);
            for (const auto& ticket : body.value("tickets").toArray()) {
                tickets.insert(ticket.toObject().value("id").toString());
                QVERIFY(!ticket.toObject().contains("code")); // codes stay on the server
            }
            for (const auto& scan : body.value("scans").toArray())
                scans.insert(scan.toObject().value("scan_id").toString());
            for (const auto& code : body.value("revoked_codes").toArray())
                revoked.insert(code.toObject().value("code").toString());
            cursor = body.value("next_cursor").toString();
        }
        QVERIFY(pages >= 3);
        QCOMPARE(tickets.size(), std::size_t(10));
        QVERIFY(scans.count("k1-1") && scans.count("k1-2"));
        QCOMPARE(revoked, (std::set<QString>{"OLDCODE"}));
        // Nothing new: an empty page with the same cursor.
        // Nothing new since: at most repeats of what was sent.
        const auto idle = m_api->get("/api/v1/devices/me/sync?cursor=" + cursor, m_secondToken).json();
        for (const auto& ticket : idle.value("tickets").toArray())
            QVERIFY(tickets.count(ticket.toObject().value("id").toString()));
        QCOMPARE(idle.value("has_more").toBool(), false);
        QCOMPARE(m_api->get("/api/v1/devices/me/sync?cursor=garbage", m_secondToken).status, 422);
        QCOMPARE(m_api->get("/api/v1/devices/me/sync?limit=0", m_secondToken).status, 422);
        QCOMPARE(m_api->get("/api/v1/devices/me/sync", m_organizer.accessToken).status, 403);
        // Issue 13, defect 11: a person was told the parameters' rules (422) before being refused.
        QCOMPARE(m_api->get("/api/v1/devices/me/sync?limit=0", m_organizer.accessToken).status, 403);
        QCOMPARE(m_api->get("/api/v1/devices/me/sync?cursor=garbage", m_organizer.accessToken).status, 403);
    }

    void aLateCommitIsNotSkipped()
    {
        // Catch up first.
        QString cursor;
        for (bool more = true; more;) {
            const auto page = m_api
                                  ->get("/api/v1/devices/me/sync" +
                                            (cursor.isEmpty() ? QString() : "?cursor=" + cursor),
                                        m_secondToken)
                                  .json();
            cursor = page.value("next_cursor").toString();
            more = page.value("has_more").toBool();
        }
        // A writer takes its change number, then commits only after a later change is read.
        pqxx::connection slow(m_database.connectionString());
        pqxx::work slowWrite(slow);
        slowWrite.exec(
            "UPDATE tickets.tickets SET blocked = true, change_seq = nextval('tickets.change_sequence'), change_xid = pg_current_xact_id() "
            "WHERE id = '" +
            idOf(8).toStdString() + "'");
        QCOMPARE(redeem(m_secondToken, codeOf(7), m_gate, "late-1").value("result").toString(), QStringLiteral("ok"));
        const auto with = [](const QJsonArray& items, const QString& field, const QString& value) {
            for (const auto& item : items) {
                if (item.toObject().value(field).toString() == value)
                    return item.toObject();
            }
            return QJsonObject();
        };
        const auto before = m_api->get("/api/v1/devices/me/sync?cursor=" + cursor, m_secondToken).json();
        QVERIFY(!with(before.value("scans").toArray(), "scan_id", "late-1").isEmpty()); // the later change
        // The earlier one is not visible yet. The ticket itself may come again (a transaction
        // elsewhere in the cluster widens the catch-up window: repeats are allowed), but never
        // with the uncommitted change.
        QVERIFY(!with(before.value("tickets").toArray(), "id", idOf(8)).value("blocked").toBool());
        slowWrite.commit();
        const auto after = m_api
                               ->get("/api/v1/devices/me/sync?cursor=" + before.value("next_cursor").toString(),
                                     m_secondToken)
                               .json();
        const QJsonObject late = with(after.value("tickets").toArray(), "id", idOf(8));
        QVERIFY2(!late.isEmpty(), "the change that committed late was skipped");
        QCOMPARE(late.value("blocked").toBool(), true);
        m_database.query("UPDATE tickets.tickets SET blocked = false WHERE id = '" + idOf(8).toStdString() +
                         "' RETURNING 1");
    }

    void anOfflineBatchIsAppliedInScanOrder()
    {
        const auto at = [](int minutesAgo) {
            return QDateTime::currentDateTimeUtc().addSecs(-60 * minutesAgo).toString(Qt::ISODate);
        };
        // Sent out of order: the later scan of ticket 2 first.
        const QJsonArray scans{
            QJsonObject{{"code", codeOf(2)}, {"scan_id", "off-2"}, {"scanned_at", at(3)}},
            QJsonObject{{"code", codeOf(2)}, {"scan_id", "off-1"}, {"scanned_at", at(5)}},
            QJsonObject{
                {"code", codeOf(0)}, {"scan_id", "off-3"}, {"scanned_at", at(4)}}, // admitted online by kiosk 1 already
            QJsonObject{{"code", "NOT-A-TICKET"}, {"scan_id", "off-4"}, {"scanned_at", at(2)}},
        };
        const auto answer = m_api->post("/api/v1/checkin/batch", {{"scans", scans}}, m_secondToken);
        QCOMPARE(answer.status, 200);
        const QJsonArray results = answer.json().value("results").toArray();
        QCOMPARE(results.size(), 4);
        QCOMPARE(results[0].toObject().value("result").toString(),
                 QStringLiteral("already_redeemed")); // off-2 came after off-1
        QCOMPARE(results[1].toObject().value("result").toString(), QStringLiteral("ok"));
        QCOMPARE(results[2].toObject().value("result").toString(), QStringLiteral("already_redeemed"));
        QCOMPARE(results[3].toObject().value("result").toString(), QStringLiteral("unknown_ticket"));
        // Every scan is kept; the admission kiosk 1 made and kiosk 2 repeated offline is a conflict.
        QCOMPARE(m_database.query("SELECT count(*) FROM tickets.scans WHERE scan_id LIKE 'off-%'"), std::string("4"));
        QCOMPARE(m_database.query("SELECT first_scan_id FROM tickets.checkin_conflicts WHERE second_scan_id = 'off-3'"),
                 std::string("k1-1"));
        QCOMPARE(m_database.query("SELECT count(*) FROM tickets.checkin_conflicts WHERE second_scan_id = 'off-2'"),
                 std::string("0")); // same kiosk
        QVERIFY(std::stoi(m_database.query("SELECT count(*) FROM tickets.outbox WHERE type = 'checkin.conflict'")) >=
                1);
        // The same batch again (a retry): the same answers, nothing stored twice.
        const auto retry = m_api->post("/api/v1/checkin/batch", {{"scans", scans}}, m_secondToken);
        QCOMPARE(retry.json().value("results").toArray()[1].toObject().value("result").toString(),
                 QStringLiteral("ok"));
        QCOMPARE(m_database.query("SELECT count(*) FROM tickets.scans WHERE scan_id LIKE 'off-%'"), std::string("4"));
    }

    void badBatchesStoreNothing_data()
    {
        QTest::addColumn<QJsonObject>("body");
        const QJsonObject scan{{"code", "X"}, {"scan_id", "bad-1"}, {"scanned_at", inDays(-0.01)}};
        QJsonArray tooMany;
        for (int i = 0; i < 501; ++i)
            tooMany.append(
                QJsonObject{{"code", "X"}, {"scan_id", "m" + QString::number(i)}, {"scanned_at", inDays(-0.01)}});
        QTest::newRow("no scans") << QJsonObject{{"scans", QJsonArray{}}};
        QTest::newRow("too many") << QJsonObject{{"scans", tooMany}};
        QTest::newRow("scan id twice") << QJsonObject{{"scans", QJsonArray{scan, scan}}};
        QTest::newRow("no time") << QJsonObject{
            {"scans", QJsonArray{QJsonObject{{"code", "X"}, {"scan_id", "bad-2"}}}}};
        QTest::newRow("bad time") << QJsonObject{
            {"scans", QJsonArray{QJsonObject{{"code", "X"}, {"scan_id", "bad-3"}, {"scanned_at", "yesterday"}}}}};
        QTest::newRow("a week ago") << QJsonObject{
            {"scans", QJsonArray{QJsonObject{{"code", "X"}, {"scan_id", "bad-4"}, {"scanned_at", inDays(-7)}}}}};
        QTest::newRow("tomorrow") << QJsonObject{
            {"scans", QJsonArray{QJsonObject{{"code", "X"}, {"scan_id", "bad-5"}, {"scanned_at", inDays(1)}}}}};
        QTest::newRow("unknown field") << QJsonObject{{"scans", QJsonArray{scan}}, {"device", "me"}};
    }

    void badBatchesStoreNothing()
    {
        QFETCH(QJsonObject, body);
        const std::string before = m_database.query("SELECT count(*) FROM tickets.scans");
        QCOMPARE(m_api->post("/api/v1/checkin/batch", body, m_secondToken).status, 422);
        QCOMPARE(m_database.query("SELECT count(*) FROM tickets.scans"), before);
    }

    void revokedKiosksAreLockedOutAtOnce()
    {
        QCOMPARE(m_api->remove("/api/v1/devices/" + m_deviceId, {}, m_rival.accessToken).status, 404);
        const auto revoked = m_api->remove("/api/v1/devices/" + m_deviceId, {}, m_organizer.accessToken);
        QCOMPARE(revoked.status, 200);
        QVERIFY(!revoked.json().value("revoked_at").toString().isEmpty());
        QCOMPARE(m_api
                     ->post("/api/v1/checkin/redeem",
                            {{"code", codeOf(5)}, {"list_id", m_gate}, {"scan_id", "after-revoke"}}, m_deviceToken)
                     .status,
                 401);
        QCOMPARE(m_api->get("/api/v1/devices/me/sync", m_secondToken).status, 200); // the other kiosk carries on
        const auto devices = m_api->get("/api/v1/events/" + m_event + "/devices", m_organizer.accessToken)
                                 .json()
                                 .value("items")
                                 .toArray();
        QCOMPARE(devices.size(), 2);
        QCOMPARE(m_api->get("/api/v1/events/" + m_event + "/devices", m_rival.accessToken).status, 404);
    }

private:
    QString createList(const QString& name)
    {
        return m_api->post("/api/v1/events/" + m_event + "/checkin-lists", {{"name", name}}, m_organizer.accessToken)
            .json()
            .value("id")
            .toString();
    }

    QString enrollAnother(const QString& name)
    {
        const QString code = m_api
                                 ->post("/api/v1/events/" + m_event + "/enrollments",
                                        {{"list_id", m_gate}, {"name", name}}, m_organizer.accessToken)
                                 .json()
                                 .value("code")
                                 .toString();
        return m_api->post("/api/v1/devices/enroll", {{"code", code}}).json().value("device_token").toString();
    }

    QString codeOf(int index) { return m_tickets.at(index).toObject().value("code").toString(); }
    QString idOf(int index) { return m_tickets.at(index).toObject().value("id").toString(); }

    QJsonObject redeem(const QString& token, const QString& code, const QString& list, const QString& scanId)
    {
        const auto answer = m_api->post("/api/v1/checkin/redeem",
                                        {{"code", code}, {"list_id", list}, {"scan_id", scanId}}, token);
        if (answer.status != 200)
            qWarning("redeem answered %d: %s", answer.status, answer.body.constData());
        return answer.json();
    }

    QString m_event, m_gate, m_otherGate, m_rivalEvent, m_rivalGate, m_deviceToken, m_deviceId, m_secondToken;
    QJsonArray m_tickets;
};

QTEST_GUILESS_MAIN(TestKiosks)
#include "test_kiosks.moc"
