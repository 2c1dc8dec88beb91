// The analytics service over real HTTP against a real sbor-server and PostgreSQL (issue 16): the
// per-minute totals fed by the bus equal the sales and scans actually made (tickets, revenue per
// type, admissions per list, money), stay equal after a restart of the consumer (no message counted
// twice), and come back the same after a wipe and a rebuild from the tickets and payments
// services. Who may read which series, and bad query parameters named in a 422.
#include "integrationsuite.h"
#include "salesapi.h"

#include <QJsonArray>
#include <QUrl>
#include <QtTest>

using namespace sbor::test;

namespace {

QString encoded(const QString& text) { return QString::fromUtf8(QUrl::toPercentEncoding(text)); }

} // namespace

class TestAnalytics : public IntegrationSuite {
    Q_OBJECT
private slots:
    void initTestCase()
    {
        QVERIFY2(startServer(), problem());
        QVERIFY2(signInAdmin() && signUpOrganizer() && signUpRival() && signUpBuyer(), problem());
        // Starts in 12 h: codes are valid from a day before, so the door can be tried now.
        QVERIFY2(
            publishEvent(
                m_event, "Counted", 0.5,
                {{m_free,
                  {{"name", "Free"}, {"price", 0}, {"quota", 50}, {"max_per_order", 20}, {"sales_end", inDays(0.4)}}},
                 {m_paid, {{"name", "Paid"}, {"price", 1500}, {"quota", 10}, {"sales_end", inDays(0.4)}}}}),
            problem());
        m_main = createList("Main");
        m_side = createList("Side", true);
        QVERIFY(!m_main.isEmpty() && !m_side.isEmpty());
    }

    void theTotalsAreTheSalesAndScansMade()
    {
        // 6 free tickets in two orders, 3 paid tickets in a paid order, 2 in an unpaid one.
        const auto firstFree = m_api->post("/api/v1/orders", orderBody(m_event, m_free, 4), m_buyer.accessToken);
        QCOMPARE(firstFree.status, 201);
        QCOMPARE(m_api->post("/api/v1/orders", orderBody(m_event, m_free, 2), m_buyer.accessToken).status, 201);
        const auto paid = m_api->post("/api/v1/orders", orderBody(m_event, m_paid, 3), m_buyer.accessToken);
        QCOMPARE(paid.status, 201);
        QCOMPARE(m_api
                     ->post("/api/v1/payments/" + paid.json().value("order").toObject().value("payment_id").toString() +
                                "/confirm",
                            {{"card_number", "4242 4242 4242 4242"}}, m_buyer.accessToken)
                     .status,
                 200);
        QCOMPARE(m_api->post("/api/v1/orders", orderBody(m_event, m_paid, 2), m_buyer.accessToken).status, 201);
        // The door: three in at the main gate (one annulled), one in, out and back in at the side.
        const QJsonArray tickets = firstFree.json().value("tickets").toArray();
        const auto codeOf = [&](int i) { return tickets.at(i).toObject().value("code").toString(); };
        QCOMPARE(redeem(codeOf(0), m_main, "a-1"), QStringLiteral("ok"));
        QCOMPARE(redeem(codeOf(1), m_main, "a-2"), QStringLiteral("ok"));
        QCOMPARE(redeem(codeOf(2), m_main, "a-3"), QStringLiteral("ok"));
        QCOMPARE(redeem(codeOf(3), m_side, "b-1"), QStringLiteral("ok"));
        QCOMPARE(redeem(codeOf(3), m_side, "b-2", "exit"), QStringLiteral("ok"));
        QCOMPARE(redeem(codeOf(3), m_side, "b-3"), QStringLiteral("ok"));
        QCOMPARE(m_api->post("/api/v1/checkin/annul", {{"scan_id", "a-3"}}, m_organizer.accessToken).status, 200);

        // Counted through the bus, asynchronously: wait for the last of it.
        QTRY_COMPARE_WITH_TIMEOUT(total("admissions"), 4, 15000); // five entries, one annulled
        QTRY_COMPARE_WITH_TIMEOUT(total("gross"), 4500, 15000);
        QCOMPARE(total("tickets_sold"), 9);
        QCOMPARE(total("tickets_sold", "&ticket_type_id=" + m_paid), 3);
        QCOMPARE(total("revenue"), 4500);
        QCOMPARE(total("revenue", "&ticket_type_id=" + m_free), 0);
        QCOMPARE(total("orders"), 4);
        QCOMPARE(total("commission"), 225); // 5 %
        QCOMPARE(total("refunds"), 0);
        QCOMPARE(total("admissions", "&list_id=" + m_main), 2);
        QCOMPARE(total("admissions", "&list_id=" + m_side), 2); // in, out, in again
        QCOMPARE(total("exits"), 1);
        // The same as the tickets service's own figures.
        const QJsonObject stats = m_api->get("/api/v1/events/" + m_event + "/stats", m_organizer.accessToken).json();
        int sold = 0;
        for (const auto& type : stats.value("sales").toArray())
            sold += type.toObject().value("sold").toInt();
        QCOMPARE(total("tickets_sold"), sold);
        QCOMPARE(total("admissions") - total("exits"), stats.value("checkins").toObject().value("inside_now").toInt());
        QCOMPARE(total("admissions") - total("exits"), 3);
        m_before = everySeries();
    }

    void theSeriesHasBucketsAndACurrency()
    {
        const auto answer = series("tickets_sold", "&interval=minute");
        QCOMPARE(answer.status, 200);
        const QJsonObject body = answer.json();
        QCOMPARE(body.value("metric").toString(), QStringLiteral("tickets_sold"));
        QCOMPARE(body.value("interval").toString(), QStringLiteral("minute"));
        QCOMPARE(body.value("points").toArray().size(), 60); // the last hour, empty minutes as 0
        QVERIFY(body.value("currency").isNull());
        const QJsonObject money = series("revenue", "&interval=day").json();
        QCOMPARE(money.value("currency").toString(), QStringLiteral("RUB"));
        QCOMPARE(money.value("points").toArray().size(), 30);
        // Days are the event's: its zone is Europe/Moscow, whose midnight is 21:00 UTC.
        QVERIFY2(money.value("points").toArray().at(0).toObject().value("at").toString().contains("T21:00:00"),
                 qPrintable(money.value("points").toArray().at(0).toObject().value("at").toString()));
        const QJsonArray window = series("admissions",
                                         "&interval=hour&from=" + encoded("2026-01-01T10:00:00Z") +
                                             "&to=" + encoded("2026-01-01T13:00:00Z"))
                                      .json()
                                      .value("points")
                                      .toArray();
        QCOMPARE(window.size(), 3);
        QCOMPARE(window.at(0).toObject().value("at").toString(), QStringLiteral("2026-01-01T10:00:00.000000Z"));
    }

    void aRestartCountsNothingTwice()
    {
        QCOMPARE(m_server->stop(), 0);
        QVERIFY2(startServer(), problem());
        m_organizer = m_api->signIn(m_organizer.email);
        m_admin = m_api->signIn(m_admin.email);
        m_buyer = m_api->signIn(m_buyer.email);
        m_rival = m_api->signIn(m_rival.email);
        m_sales = std::make_unique<SalesApi>(*m_api, m_organizer.accessToken); // sells on the new server
        QVERIFY(!m_organizer.accessToken.isEmpty() && !m_admin.accessToken.isEmpty() && !m_rival.accessToken.isEmpty());
        QCOMPARE(everySeries(), m_before);
        // And it goes on counting.
        QCOMPARE(m_api->post("/api/v1/orders", orderBody(m_event, m_free, 1), m_buyer.accessToken).status, 201);
        QTRY_COMPARE_WITH_TIMEOUT(total("tickets_sold"), 10, 15000);
        QTRY_COMPARE_WITH_TIMEOUT(total("orders"), 5, 15000);
        m_before = everySeries();
    }

    void aRebuildAfterAWipeGivesTheSameNumbers()
    {
        for (const char* table : {"minute_totals", "sold_tickets", "door_scans", "payments"})
            m_database.query(std::string("DELETE FROM analytics.") + table + " RETURNING 1");
        QCOMPARE(total("tickets_sold"), 0);
        const auto rebuilt = m_api->post("/api/v1/admin/analytics/rebuild", {{"event_id", m_event}},
                                         m_admin.accessToken);
        QCOMPARE(rebuilt.status, 200);
        QCOMPARE(rebuilt.json().value("events").toInt(), 1);
        QCOMPARE(everySeries(), m_before);
        // Every event at once is the same again.
        QCOMPARE(m_api->post("/api/v1/admin/analytics/rebuild", {}, m_admin.accessToken).status, 200);
        QCOMPARE(everySeries(), m_before);
        // After a rebuild, later messages still find what they refer to: cancelling the event takes
        // every ticket back and refunds the payment.
        QCOMPARE(
            m_api->post("/api/v1/events/" + m_event + "/cancel", {{"reason", "counted out"}}, m_organizer.accessToken)
                .status,
            200);
        QTRY_COMPARE_WITH_TIMEOUT(total("tickets_sold"), 0, 20000);
        QTRY_COMPARE_WITH_TIMEOUT(total("refunds"), 4500, 20000);
        QCOMPARE(total("revenue"), 0);
        QCOMPARE(total("gross"), 4500);
        // And the rebuild agrees with that too.
        const auto afterCancel = everySeries();
        QCOMPARE(m_api->post("/api/v1/admin/analytics/rebuild", {{"event_id", m_event}}, m_admin.accessToken).status,
                 200);
        QCOMPARE(everySeries(), afterCancel);
    }

    void onlyTheEventsPeopleReadItsSeries()
    {
        const QString path = "/api/v1/events/" + m_event + "/stats/series?metric=admissions";
        QCOMPARE(m_api->get(path).status, 401);
        QCOMPARE(m_api->get(path, m_rival.accessToken).status, 403);
        QCOMPARE(m_api->get(path, m_buyer.accessToken).status, 403);
        QCOMPARE(m_api->get(path, m_admin.accessToken).status, 200);
        // Door staff: the door's series, not the money (on another event: this one is cancelled now).
        const QString other = m_sales->createEvent("Other", 0.5);
        const QString type = m_sales->addType(other,
                                              {{"name", "T"}, {"price", 0}, {"quota", 5}, {"sales_end", inDays(0.4)}});
        QVERIFY(!type.isEmpty() && m_sales->publish(other));
        const SignedInUser door = m_api->signUp("analytics-door");
        QVERIFY2(addToTeam(other, door, "door"), problem());
        const QString otherSeries = "/api/v1/events/" + other + "/stats/series?metric=";
        QCOMPARE(m_api->get(otherSeries + "admissions", door.accessToken).status, 200);
        QCOMPARE(m_api->get(otherSeries + "exits", door.accessToken).status, 200);
        QCOMPARE(m_api->get(otherSeries + "revenue", door.accessToken).status, 403);
        QCOMPARE(m_api->get(path, door.accessToken).status, 403); // not their event's door
        // A kiosk of the event: its token is for the door endpoints only.
        const QString list = m_api
                                 ->post("/api/v1/events/" + other + "/checkin-lists", {{"name", "Gate"}},
                                        m_organizer.accessToken)
                                 .json()
                                 .value("id")
                                 .toString();
        const auto issued = m_api->post("/api/v1/events/" + other + "/enrollments", {{"list_id", list}, {"name", "K"}},
                                        m_organizer.accessToken);
        const QString kiosk = m_api->post("/api/v1/devices/enroll", {{"code", issued.json().value("code").toString()}})
                                  .json()
                                  .value("device_token")
                                  .toString();
        QVERIFY(!kiosk.isEmpty());
        QCOMPARE(m_api->get("/api/v1/events/" + other + "/stats/series?metric=admissions", kiosk).status, 403);
        // A draft does not exist for strangers.
        const QString draft = m_sales->createEvent("Draft", 30);
        QCOMPARE(m_api->get("/api/v1/events/" + draft + "/stats/series?metric=orders", m_rival.accessToken).status,
                 404);
        QCOMPARE(m_api->get("/api/v1/events/" + draft + "/stats/series?metric=orders", m_organizer.accessToken).status,
                 200);
        QCOMPARE(m_api
                     ->get("/api/v1/events/00000000-0000-4000-8000-000000000000/stats/series?metric=orders",
                           m_organizer.accessToken)
                     .status,
                 404);
        // Rebuilding is for admins.
        QCOMPARE(m_api->post("/api/v1/admin/analytics/rebuild", {}, m_organizer.accessToken).status, 403);
        QCOMPARE(m_api->post("/api/v1/admin/analytics/rebuild", {{"event_id", "x"}}, m_admin.accessToken).status, 422);
    }

    void badQueryParametersAreNamed_data()
    {
        QTest::addColumn<QString>("query");
        QTest::addColumn<QString>("parameter");
        QTest::newRow("no metric") << ""
                                   << "metric";
        QTest::newRow("unknown metric") << "metric=profit"
                                        << "metric";
        QTest::newRow("interval") << "metric=orders&interval=week"
                                  << "interval";
        QTest::newRow("from") << "metric=orders&from=yesterday"
                              << "from";
        QTest::newRow("to before from") << "metric=orders&from=2026-01-02T00:00:00Z&to=2026-01-01T00:00:00Z"
                                        << "to";
        QTest::newRow("too many points") << "metric=orders&interval=minute&from=2020-01-01T00:00:00Z"
                                         << "from";
        QTest::newRow("type id") << "metric=revenue&ticket_type_id=vip"
                                 << "ticket_type_id";
        QTest::newRow("type with the door") << "metric=admissions&ticket_type_id=00000000-0000-4000-8000-000000000000"
                                            << "ticket_type_id";
        QTest::newRow("list with sales") << "metric=tickets_sold&list_id=00000000-0000-4000-8000-000000000000"
                                         << "list_id";
        QTest::newRow("currency of a count") << "metric=orders&currency=RUB"
                                             << "currency";
        QTest::newRow("currency spelling") << "metric=revenue&currency=rub"
                                           << "currency";
    }

    void badQueryParametersAreNamed()
    {
        QFETCH(QString, query);
        QFETCH(QString, parameter);
        const auto answer = m_api->get("/api/v1/events/" + m_event + "/stats/series?" + query, m_organizer.accessToken);
        QCOMPARE(answer.status, 422);
        QVERIFY2(answer.body.contains(("'" + parameter + "'").toUtf8()) || answer.body.contains(parameter.toUtf8()),
                 answer.body.constData());
    }

private:
    QString createList(const QString& name, bool exits = false)
    {
        return m_api
            ->post("/api/v1/events/" + m_event + "/checkin-lists", {{"name", name}, {"exits_allowed", exits}},
                   m_organizer.accessToken)
            .json()
            .value("id")
            .toString();
    }

    QString redeem(const QString& code, const QString& list, const QString& scanId, const QString& kind = "entry")
    {
        return m_api
            ->post("/api/v1/checkin/redeem", {{"code", code}, {"list_id", list}, {"scan_id", scanId}, {"type", kind}},
                   m_organizer.accessToken)
            .json()
            .value("result")
            .toString();
    }

    HttpResult series(const QString& metric, const QString& extra = {})
    {
        return m_api->get("/api/v1/events/" + m_event + "/stats/series?metric=" + metric + extra,
                          m_organizer.accessToken);
    }

    // The sum of a metric over the last two days, by hours.
    int total(const QString& metric, const QString& extra = {})
    {
        int sum = 0;
        for (const auto& point : series(metric, "&interval=hour" + extra).json().value("points").toArray())
            sum += point.toObject().value("value").toInt();
        return sum;
    }

    // Every metric, whole and per type and list, minute by minute: what a rebuild must give again.
    QList<QJsonArray> everySeries()
    {
        QList<QJsonArray> all;
        const QString window = "&interval=minute&from=" + encoded(m_since) + "&to=" + encoded(m_until);
        for (const QString metric : {"tickets_sold", "revenue", "orders", "gross", "commission", "refunds"})
            all << series(metric, window).json().value("points").toArray();
        for (const QString type : {m_free, m_paid})
            all << series("tickets_sold", window + "&ticket_type_id=" + type).json().value("points").toArray()
                << series("revenue", window + "&ticket_type_id=" + type).json().value("points").toArray();
        for (const QString metric : {"admissions", "exits"})
            for (const QString list : {QString(), m_main, m_side})
                all << series(metric, window + (list.isEmpty() ? "" : "&list_id=" + list))
                           .json()
                           .value("points")
                           .toArray();
        return all;
    }

    QString m_event, m_free, m_paid, m_main, m_side;
    // A fixed window for every comparison, around anything the test does.
    const QString m_since = inDays(-0.02);
    const QString m_until = inDays(0.02);
    QList<QJsonArray> m_before;
};

QTEST_GUILESS_MAIN(TestAnalytics)
#include "test_analytics.moc"
