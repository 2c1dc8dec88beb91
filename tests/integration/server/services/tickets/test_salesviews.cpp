// The organizer's views of an event's sales over real HTTP against a real sbor-server and
// PostgreSQL (issue 16): GET /events/{id}/orders (buyer, lines, attendees, status history) and
// GET /events/{id}/attendees (one row per ticket with its first admission), their filters, sorts
// and cursor pages, bad query parameters named in a 422, and who may see them: the event's
// organizer, co-organizers and admins; not another organizer, a buyer, door staff or a kiosk.
#include "integrationsuite.h"
#include "salesapi.h"

#include <QJsonArray>
#include <QSet>
#include <QUrl>
#include <QtTest>

using namespace sbor::test;

namespace {

QString encoded(const QString& text) { return QString::fromUtf8(QUrl::toPercentEncoding(text)); }

} // namespace

class TestSalesViews : public IntegrationSuite {
    Q_OBJECT
private slots:
    void initTestCase()
    {
        QVERIFY2(startServer(), problem());
        QVERIFY2(signInAdmin() && signUpOrganizer() && signUpRival() && signUpBuyer(), problem());
        m_secondBuyer = m_api->signUp("second-buyer");
        QVERIFY(!m_secondBuyer.id.isEmpty());
        QVERIFY2(
            publishEvent(
                m_event, "Sales views", 0.5,
                {{m_free,
                  {{"name", "Free"}, {"price", 0}, {"quota", 100}, {"max_per_order", 20}, {"sales_end", inDays(0.4)}}},
                 {m_paid, {{"name", "Paid"}, {"price", 1200}, {"quota", 10}, {"sales_end", inDays(0.4)}}}}),
            problem());
        // Starts in 12 hours: codes are valid from a day before. Ten free orders of one ticket each (guests 0..9), two tickets for Мария Иванова, a paid
        // order, and an unpaid one that holds its seats.
        for (int i = 0; i < 10; ++i)
            QCOMPARE(m_api
                         ->post("/api/v1/orders",
                                orderForAttendees(m_event, m_free, {QString("guest%1@example.org").arg(i)}),
                                m_buyer.accessToken)
                         .status,
                     201);
        QCOMPARE(m_api
                     ->post("/api/v1/orders",
                            {{"event_id", m_event},
                             {"items",
                              QJsonArray{QJsonObject{
                                  {"ticket_type_id", m_free},
                                  {"quantity", 2},
                                  {"attendees",
                                   QJsonArray{QJsonObject{{"name", "Мария Иванова"}, {"email", "maria@example.org"}},
                                              QJsonObject{{"name", "Пётр Иванов"}, {"email", "petr@example.org"}}}}}}}},
                            m_secondBuyer.accessToken)
                     .status,
                 201);
        const auto paid = m_api->post("/api/v1/orders", orderBody(m_event, m_paid, 1), m_secondBuyer.accessToken);
        QCOMPARE(paid.status, 201);
        m_paidOrder = paid.json().value("order").toObject().value("id").toString();
        const QString payment = paid.json().value("order").toObject().value("payment_id").toString();
        QCOMPARE(m_api
                     ->post("/api/v1/payments/" + payment + "/confirm", {{"card_number", "4242 4242 4242 4242"}},
                            m_secondBuyer.accessToken)
                     .status,
                 200);
        const auto pending = m_api->post("/api/v1/orders", orderBody(m_event, m_paid, 2), m_buyer.accessToken);
        QCOMPARE(pending.status, 201);
        m_pendingOrder = pending.json().value("order").toObject().value("id").toString();
        // One guest is admitted.
        m_list = m_api
                     ->post("/api/v1/events/" + m_event + "/checkin-lists", {{"name", "Main"}}, m_organizer.accessToken)
                     .json()
                     .value("id")
                     .toString();
        const QString code =
            m_database.query("SELECT code FROM tickets.tickets WHERE holder_name = 'Мария Иванова'").c_str();
        QCOMPARE(m_api
                     ->post("/api/v1/checkin/redeem", {{"code", code}, {"list_id", m_list}, {"scan_id", "sv-1"}},
                            m_organizer.accessToken)
                     .json()
                     .value("result")
                     .toString(),
                 QStringLiteral("ok"));
    }

    void ordersCarryTheirBuyersLinesAttendeesAndHistory()
    {
        const auto page = m_api->get("/api/v1/events/" + m_event + "/orders", m_organizer.accessToken);
        QCOMPARE(page.status, 200);
        const QJsonArray items = page.json().value("items").toArray();
        QCOMPARE(items.size(), 13);
        QVERIFY(page.json().value("next_cursor").isNull());
        // Newest first: the unpaid order leads, with its attendees as ordered (no tickets yet).
        const QJsonObject newest = items.at(0).toObject();
        QCOMPARE(newest.value("id").toString(), m_pendingOrder);
        QCOMPARE(newest.value("status").toString(), QStringLiteral("pending"));
        QCOMPARE(newest.value("buyer").toObject().value("id").toString(), m_buyer.id);
        QCOMPARE(newest.value("buyer").toObject().value("email").toString(), m_buyer.email);
        QCOMPARE(newest.value("buyer").toObject().value("name").toString(), QStringLiteral("Test User"));
        QCOMPARE(newest.value("attendees").toArray().size(), 2);
        QVERIFY(newest.value("attendees").toArray().at(0).toObject().value("ticket_id").isNull());
        QCOMPARE(newest.value("items").toArray().at(0).toObject().value("unit_price").toInteger(), 1200);
        // The paid one has its ticket and the whole story: pending, then paid.
        const auto paid = std::find_if(items.begin(), items.end(), [&](const QJsonValue& order) {
            return order.toObject().value("id").toString() == m_paidOrder;
        });
        QVERIFY(paid != items.end());
        const QJsonArray history = paid->toObject().value("history").toArray();
        QCOMPARE(history.size(), 2);
        QCOMPARE(history.at(0).toObject().value("status").toString(), QStringLiteral("pending"));
        QCOMPARE(history.at(1).toObject().value("status").toString(), QStringLiteral("paid"));
        QVERIFY(!paid->toObject().value("attendees").toArray().at(0).toObject().value("ticket_id").isNull());
        QCOMPARE(paid->toObject().value("attendees").toArray().at(0).toObject().value("status").toString(),
                 QStringLiteral("valid"));
    }

    void ordersFilterAndSort_data()
    {
        QTest::addColumn<QString>("query");
        QTest::addColumn<int>("count");
        QTest::newRow("paid") << "status=paid" << 12;
        QTest::newRow("pending") << "status=pending" << 1;
        QTest::newRow("refunded") << "status=refunded" << 0;
        QTest::newRow("buyer email") << "q=" + encoded("second-buyer") << 2;
        QTest::newRow("attendee name, Cyrillic, any case") << "q=" + encoded("пётр") << 1;
        QTest::newRow("attendee email") << "q=guest7" << 1;
        QTest::newRow("no such text") << "q=" + encoded("nobody at all") << 0;
        QTest::newRow("like wildcards are literal") << "q=" + encoded("%") << 0;
        QTest::newRow("paid type") << "ticket_type_id=PAID" << 2;
        QTest::newRow("placed from now on") << "created_from=" + encoded(inDays(0.01)) << 0;
        QTest::newRow("placed until an hour ago") << "created_to=" + encoded(inDays(-0.04)) << 0;
        QTest::newRow("placed in the last hour") << "created_from=" + encoded(inDays(-0.04)) << 13;
    }

    void ordersFilterAndSort()
    {
        QFETCH(QString, query);
        QFETCH(int, count);
        query.replace("PAID", m_paid);
        const auto page = m_api->get("/api/v1/events/" + m_event + "/orders?limit=200&" + query,
                                     m_organizer.accessToken);
        QCOMPARE(page.status, 200);
        QCOMPARE(page.json().value("items").toArray().size(), count);
    }

    void anOrderIsFoundByItsIdPrefix()
    {
        const auto page = m_api->get("/api/v1/events/" + m_event + "/orders?q=" + m_paidOrder.left(8).toUpper(),
                                     m_organizer.accessToken);
        QCOMPARE(page.status, 200);
        const QJsonArray items = page.json().value("items").toArray();
        QVERIFY(!items.isEmpty());
        QCOMPARE(items.at(0).toObject().value("id").toString(), m_paidOrder);
        const auto largest = m_api->get("/api/v1/events/" + m_event + "/orders?sort=-total&limit=1",
                                        m_organizer.accessToken);
        QCOMPARE(largest.json().value("items").toArray().at(0).toObject().value("id").toString(), m_pendingOrder);
    }

    void cursorsWalkEveryOrderOnce_data()
    {
        QTest::addColumn<QString>("sort");
        for (const char* sort : {"-created_at", "created_at", "-total", "total"})
            QTest::newRow(sort) << sort;
    }

    void cursorsWalkEveryOrderOnce()
    {
        QFETCH(QString, sort);
        QSet<QString> seen;
        QString cursor;
        int pages = 0;
        do {
            const auto page = m_api->get("/api/v1/events/" + m_event + "/orders?limit=4&sort=" + encoded(sort) +
                                             (cursor.isEmpty() ? "" : "&cursor=" + cursor),
                                         m_organizer.accessToken);
            QCOMPARE(page.status, 200);
            for (const auto& item : page.json().value("items").toArray())
                QVERIFY2(!seen.contains(item.toObject().value("id").toString()), "an order came twice");
            for (const auto& item : page.json().value("items").toArray())
                seen.insert(item.toObject().value("id").toString());
            cursor = page.json().value("next_cursor").toString();
            ++pages;
        } while (!cursor.isEmpty() && pages < 10);
        QCOMPARE(seen.size(), 13);
        QCOMPARE(pages, 4);
    }

    void attendeesAreOneRowPerTicket()
    {
        const auto page = m_api->get("/api/v1/events/" + m_event + "/attendees?limit=200", m_organizer.accessToken);
        QCOMPARE(page.status, 200);
        const QJsonArray items = page.json().value("items").toArray();
        QCOMPARE(items.size(), 13); // 10 + 2 free, 1 paid; the unpaid order has no tickets yet
        // Sorted by name (case-insensitive), each with its order and type.
        QCOMPARE(items.at(0).toObject().value("holder_name").toString(), QStringLiteral("guest0"));
        const auto maria = std::find_if(items.begin(), items.end(), [](const QJsonValue& row) {
            return row.toObject().value("holder_name").toString() == "Мария Иванова";
        });
        QVERIFY(maria != items.end());
        QVERIFY(!maria->toObject().value("checked_in_at").isNull());
        QCOMPARE(maria->toObject().value("list_id").toString(), m_list);
        QCOMPARE(maria->toObject().value("status").toString(), QStringLiteral("valid"));
        QCOMPARE(maria->toObject().value("ticket_type_id").toString(), m_free);
        QCOMPARE(maria->toObject().value("holder_email").toString(), QStringLiteral("maria@example.org"));
    }

    void attendeesFilter_data()
    {
        QTest::addColumn<QString>("query");
        QTest::addColumn<int>("count");
        QTest::newRow("checked in") << "checked_in=true" << 1;
        QTest::newRow("not checked in") << "checked_in=false" << 12;
        QTest::newRow("by name") << "q=" + encoded("ИВАН") << 2;
        QTest::newRow("by email") << "q=guest1" << 1;
        QTest::newRow("paid type") << "ticket_type_id=PAID" << 1;
        QTest::newRow("cancelled") << "status=cancelled" << 0;
        QTest::newRow("valid, newest first") << "status=valid&sort=-created_at" << 13;
    }

    void attendeesFilter()
    {
        QFETCH(QString, query);
        QFETCH(int, count);
        query.replace("PAID", m_paid);
        const auto page = m_api->get("/api/v1/events/" + m_event + "/attendees?limit=200&" + query,
                                     m_organizer.accessToken);
        QCOMPARE(page.status, 200);
        QCOMPARE(page.json().value("items").toArray().size(), count);
    }

    void attendeeCursorsWalkEveryTicketOnce_data()
    {
        QTest::addColumn<QString>("sort");
        for (const char* sort : {"holder_name", "-holder_name", "created_at", "-created_at"})
            QTest::newRow(sort) << sort;
    }

    void attendeeCursorsWalkEveryTicketOnce()
    {
        QFETCH(QString, sort);
        QStringList names;
        QSet<QString> seen;
        QString cursor;
        do {
            const auto page = m_api->get("/api/v1/events/" + m_event + "/attendees?limit=5&sort=" + encoded(sort) +
                                             (cursor.isEmpty() ? "" : "&cursor=" + cursor),
                                         m_organizer.accessToken);
            QCOMPARE(page.status, 200);
            for (const auto& item : page.json().value("items").toArray()) {
                QVERIFY(!seen.contains(item.toObject().value("ticket_id").toString()));
                seen.insert(item.toObject().value("ticket_id").toString());
                names << item.toObject().value("holder_name").toString().toLower();
            }
            cursor = page.json().value("next_cursor").toString();
        } while (!cursor.isEmpty() && seen.size() < 100);
        QCOMPARE(seen.size(), 13);
        if (sort.endsWith("holder_name")) {
            QStringList sorted = names;
            std::sort(sorted.begin(), sorted.end());
            if (sort.startsWith('-'))
                std::reverse(sorted.begin(), sorted.end());
            QCOMPARE(names.first(), sorted.first()); // the database's collation decides the middle
            QCOMPARE(names.last(), sorted.last());
        }
    }

    void badQueryParametersAreNamed_data()
    {
        QTest::addColumn<QString>("path");
        QTest::addColumn<QString>("parameter");
        for (const QString list : {"orders", "attendees"}) {
            QTest::newRow(qPrintable(list + " limit 0")) << list + "?limit=0"
                                                         << "limit";
            QTest::newRow(qPrintable(list + " limit 201")) << list + "?limit=201"
                                                           << "limit";
            QTest::newRow(qPrintable(list + " limit x")) << list + "?limit=x"
                                                         << "limit";
            QTest::newRow(qPrintable(list + " status")) << list + "?status=lost"
                                                        << "status";
            QTest::newRow(qPrintable(list + " type")) << list + "?ticket_type_id=vip"
                                                      << "ticket_type_id";
            QTest::newRow(qPrintable(list + " sort")) << list + "?sort=price"
                                                      << "sort";
            QTest::newRow(qPrintable(list + " cursor")) << list + "?cursor=garbage"
                                                        << "cursor";
            QTest::newRow(qPrintable(list + " long q")) << list + "?q=" + QString(201, 'a') << "q";
        }
        QTest::newRow("created_from") << "orders?created_from=yesterday"
                                      << "created_from";
        QTest::newRow("created_to before from")
            << "orders?created_from=2026-01-02T00:00:00Z&created_to=2026-01-01T00:00:00Z"
            << "created_to";
        QTest::newRow("checked_in") << "attendees?checked_in=yes"
                                    << "checked_in";
    }

    void badQueryParametersAreNamed()
    {
        QFETCH(QString, path);
        QFETCH(QString, parameter);
        const auto answer = m_api->get("/api/v1/events/" + m_event + "/" + path, m_organizer.accessToken);
        QCOMPARE(answer.status, 422);
        QVERIFY2(answer.body.contains(parameter.toUtf8()), answer.body.constData());
    }

    void aCursorOfAnotherSortIsRefused()
    {
        const QString cursor = m_api->get("/api/v1/events/" + m_event + "/orders?limit=2", m_organizer.accessToken)
                                   .json()
                                   .value("next_cursor")
                                   .toString();
        QVERIFY(!cursor.isEmpty());
        QCOMPARE(m_api
                     ->get("/api/v1/events/" + m_event + "/orders?limit=2&sort=total&cursor=" + cursor,
                           m_organizer.accessToken)
                     .status,
                 422);
        QCOMPARE(
            m_api->get("/api/v1/events/" + m_event + "/attendees?cursor=" + cursor, m_organizer.accessToken).status,
            422);
    }

    void onlyThoseWhoManageTheEventSeeItsSales()
    {
        for (const QString list : {"orders", "attendees"}) {
            const QString path = "/api/v1/events/" + m_event + "/" + list;
            QCOMPARE(m_api->get(path).status, 401);
            QCOMPARE(m_api->get(path, m_rival.accessToken).status, 403);
            QCOMPARE(m_api->get(path, m_buyer.accessToken).status, 403); // bought here, still not theirs
            QCOMPARE(m_api->get(path, m_admin.accessToken).status, 200);
            QCOMPARE(m_api->get("/api/v1/events/00000000-0000-4000-8000-000000000000/" + list, m_organizer.accessToken)
                         .status,
                     404);
            QCOMPARE(m_api->get("/api/v1/events/not-an-id/" + list, m_organizer.accessToken).status, 404);
        }
        // A kiosk of the event: the door's token is for the door.
        const auto issued = m_api->post("/api/v1/events/" + m_event + "/enrollments",
                                        {{"list_id", m_list}, {"name", "Kiosk"}}, m_organizer.accessToken);
        const QString kiosk = m_api->post("/api/v1/devices/enroll", {{"code", issued.json().value("code").toString()}})
                                  .json()
                                  .value("device_token")
                                  .toString();
        QVERIFY(!kiosk.isEmpty());
        QCOMPARE(m_api->get("/api/v1/events/" + m_event + "/orders", kiosk).status, 403);
        QCOMPARE(m_api->get("/api/v1/events/" + m_event + "/attendees", kiosk).status, 403);
        // Door staff of the event do not see its sales; a co-organizer does.
        const SignedInUser door = m_api->signUp("views-door");
        const SignedInUser co = m_api->signUp("views-co");
        QVERIFY2(addToTeam(m_event, door, "door") && addToTeam(m_event, co, "co_organizer"), problem());
        QCOMPARE(m_api->get("/api/v1/events/" + m_event + "/attendees", door.accessToken).status, 403);
        QCOMPARE(m_api->get("/api/v1/events/" + m_event + "/attendees", co.accessToken).status, 200);
        // A draft's sales do not exist for strangers.
        const QString draft = m_sales->createEvent("Draft", 30);
        QCOMPARE(m_api->get("/api/v1/events/" + draft + "/orders", m_rival.accessToken).status, 404);
        QCOMPARE(m_api->get("/api/v1/events/" + draft + "/attendees", m_buyer.accessToken).status, 404);
        QCOMPARE(m_api->get("/api/v1/events/" + draft + "/orders", m_organizer.accessToken).status, 200);
    }

private:
    SignedInUser m_secondBuyer;
    QString m_event, m_free, m_paid, m_paidOrder, m_pendingOrder, m_list;
};

QTEST_GUILESS_MAIN(TestSalesViews)
#include "test_salesviews.moc"
