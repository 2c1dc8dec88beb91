// The platform reports over real HTTP (issue 17): sales, registrations, check-ins and support per
// day, week or month of a time zone, as JSON and CSV, for admins only. The sums must equal what
// the ledger, the orders and the accounts say after real purchases, a refund, a publication fee
// and support requests.
#include "integrationsuite.h"

#include <QJsonArray>
#include <QUrlQuery>
#include <QtTest>

using namespace sbor::test;

namespace {

QJsonObject card() { return {{"card_number", "4242 4242 4242 4242"}}; }

QString encoded(const QDateTime& at) { return QUrl::toPercentEncoding(at.toUTC().toString(Qt::ISODateWithMs)); }

} // namespace

class TestReports : public IntegrationSuite {
    Q_OBJECT
    QDateTime m_start;
    QString m_event, m_stalls;

    QString range() const
    {
        return "from=" + encoded(m_start.addSecs(-3600)) +
            "&to=" + encoded(QDateTime::currentDateTimeUtc().addSecs(3600));
    }

    QJsonObject report(const QString& name, const QString& query = {})
    {
        const auto answer = m_api->get("/api/v1/admin/reports/" + name + "?" + range() + query, m_admin.accessToken);
        return answer.status == 200 ? answer.json() : QJsonObject();
    }

    QJsonObject rubTotals(const QJsonObject& sales)
    {
        for (const auto& line : sales.value("totals").toObject().value("money").toArray())
            if (line.toObject().value("currency").toString() == "RUB")
                return line.toObject();
        return {};
    }

    qint64 sql(const std::string& query) { return std::stoll(m_database.query(query)); }

    bool pay(const QString& eventId, const QString& typeId, int tickets)
    {
        const auto placed = m_api->post("/api/v1/orders", orderBody(eventId, typeId, tickets), m_buyer.accessToken);
        const QString payment = placed.json().value("order").toObject().value("payment_id").toString();
        return m_api->post("/api/v1/payments/" + payment + "/confirm", card(), m_buyer.accessToken).status == 200;
    }

private slots:
    void initTestCase()
    {
        m_start = QDateTime::currentDateTimeUtc();
        QVERIFY2(startServer(), problem());
        QVERIFY2(signInAdmin("reports-admin") && signUpOrganizer("reports-organizer") && signUpRival("reports-rival") &&
                     signUpBuyer("reports-buyer"),
                 problem());
        // A publication fee, two events sold, one of them cancelled (its orders refunded).
        QCOMPARE(m_api->put("/api/v1/admin/settings", {{"publication_fee", 3000}}, m_admin.accessToken).status, 200);
        QTRY_COMPARE_WITH_TIMEOUT(m_database.count("FROM payments.platform_terms WHERE publication_fee = 3000"), 1,
                                  10000);
        QVERIFY2(publishEvent(m_event, "Reports night", 30,
                              {{m_stalls, {{"name", "Stalls"}, {"price", 1500}, {"quota", 100}}}}),
                 problem());
        QString cancelled, type;
        QVERIFY2(publishEvent(cancelled, "Cancelled night", 31,
                              {{type, {{"name", "Balcony"}, {"price", 990}, {"quota", 10}}}}),
                 problem());
        QVERIFY(pay(m_event, m_stalls, 2));
        QVERIFY(pay(m_event, m_stalls, 1));
        QVERIFY(pay(cancelled, type, 1));
        QCOMPARE(m_api->post("/api/v1/events/" + cancelled + "/cancel", {{"reason", "storm"}}, m_organizer.accessToken)
                     .status,
                 200);
        QTRY_COMPARE_WITH_TIMEOUT(m_database.count("FROM payments.payments WHERE status = 'refunded'"), 1, 15000);
        // Support: two requests, one answered.
        const SignedInUser agent = [&] {
            const QString email = uniqueEmail("reports-agent");
            AuthApi::createWithCli(m_database.url(), email, "support");
            return m_api->signIn(email);
        }();
        const auto first = m_api->post("/api/v1/support/requests",
                                       {{"subject", "Seat"}, {"body", "Which row?"}, {"category", "event"}},
                                       m_buyer.accessToken);
        QCOMPARE(first.status, 201);
        QCOMPARE(m_api
                     ->post("/api/v1/support/requests",
                            {{"subject", "Invoice"}, {"body", "Need one"}, {"category", "payment"}},
                            m_buyer.accessToken)
                     .status,
                 201);
        QCOMPARE(m_api
                     ->post("/api/v1/support/requests/" + first.json().value("id").toString() + "/messages",
                            {{"body", "Row 5"}}, agent.accessToken)
                     .status,
                 201);
    }

    void salesEqualTheLedgerAndTheOrders()
    {
        const qint64 gross = sql(
            "SELECT coalesce(sum(amount), 0) FROM payments.payments WHERE succeeded_at IS NOT NULL");
        const qint64 refunds = sql("SELECT coalesce(sum(amount), 0) FROM payments.payments WHERE status = 'refunded' "
                                   "AND succeeded_at IS NOT NULL");
        // The platform's commission as the ledger holds it: charged, less its share of refunds.
        const qint64 commission = sql(
            "SELECT coalesce(sum(amount), 0) FROM payments.ledger_entries WHERE account = 'platform_commission'");
        const qint64 fees = sql(
            "SELECT coalesce(sum(amount), 0) FROM payments.ledger_entries WHERE account = 'platform_fees'");
        const qint64 tickets = sql("SELECT count(*) FROM tickets.tickets WHERE status = 'valid'");
        const qint64 orders = sql("SELECT count(*) FROM tickets.orders");
        QVERIFY(gross > 0 && refunds > 0 && fees == 6000 && tickets == 3);
        // The bus is asynchronous: the report catches up, then must match to the unit.
        QTRY_COMPARE_WITH_TIMEOUT(rubTotals(report("sales")).value("refunds").toInteger(), refunds, 15000);
        QTRY_COMPARE_WITH_TIMEOUT(rubTotals(report("sales")).value("publication_fees").toInteger(), fees, 15000);
        QTRY_COMPARE_WITH_TIMEOUT(rubTotals(report("sales")).value("commission").toInteger(), commission, 15000);
        const QJsonObject sales = report("sales");
        const QJsonObject rub = rubTotals(sales);
        QCOMPARE(rub.value("gross").toInteger(), gross);
        QCOMPARE(rub.value("commission").toInteger(), commission);
        QCOMPARE(rub.value("net").toInteger(), gross - commission - refunds);
        QCOMPARE(sales.value("totals").toObject().value("tickets").toInteger(), tickets);
        QCOMPARE(sales.value("totals").toObject().value("orders").toInteger(), orders);
        // What the cards paid, net of refunds, is what the ledger took from them.
        QCOMPARE(gross - refunds,
                 -sql("SELECT coalesce(sum(amount), 0) FROM payments.ledger_entries WHERE account = 'card_network'"));
        // The periods add up to the totals.
        qint64 periodGross = 0;
        for (const auto& item : sales.value("items").toArray())
            for (const auto& line : item.toObject().value("money").toArray())
                periodGross += line.toObject().value("gross").toInteger();
        QCOMPARE(periodGross, gross);
    }

    void oneOrganizersSalesAreTheirsOnly()
    {
        const QJsonObject own = report("sales", "&organizer_id=" + m_organizer.id);
        QCOMPARE(own.value("organizer_id").toString(), m_organizer.id);
        QCOMPARE(rubTotals(own).value("gross").toInteger(),
                 sql("SELECT coalesce(sum(amount), 0) FROM payments.payments WHERE succeeded_at IS NOT NULL"));
        const QJsonObject rival = report("sales", "&organizer_id=" + m_rival.id);
        QVERIFY(rival.value("totals").toObject().value("money").toArray().isEmpty());
        QCOMPARE(rival.value("totals").toObject().value("tickets").toInteger(), 0);
    }

    void registrationsAndSupportAreCounted()
    {
        const qint64 registered = sql("SELECT count(*) FROM auth.outbox WHERE type = 'user.registered'");
        QVERIFY(registered >= 3);
        QTRY_COMPARE_WITH_TIMEOUT(report("registrations").value("totals").toObject().value("registrations").toInteger(),
                                  registered, 10000);
        QTRY_COMPARE_WITH_TIMEOUT(report("support").value("totals").toObject().value("opened").toInteger(), 2, 10000);
        const QJsonObject support = report("support");
        qint64 answered = 0;
        bool median = false;
        for (const auto& item : support.value("items").toArray()) {
            answered += item.toObject().value("answered").toInteger();
            median = median || item.toObject().value("median_first_response_seconds").isDouble();
        }
        QCOMPARE(answered, 1);
        QVERIFY(median);
        QCOMPARE(
            report("checkins").value("totals").toObject().value("admissions").toInteger(),
            sql("SELECT count(*) FROM tickets.scans WHERE kind = 'entry' AND result = 'ok' AND annulled_at IS NULL"));
    }

    void periodsFollowTheTimeZone()
    {
        const QJsonObject moscow = report("registrations", "&interval=day&timezone=Europe/Moscow");
        const QJsonArray items = moscow.value("items").toArray();
        QVERIFY(!items.isEmpty());
        for (const auto& item : items)
            QVERIFY2(item.toObject().value("period_start").toString().endsWith("T21:00:00.000000Z"),
                     qPrintable(item.toObject().value("period_start").toString()));
        const QJsonArray months = report("sales", "&interval=month").value("items").toArray();
        QVERIFY(!months.isEmpty() && months.size() <= 2);
        QVERIFY(months.first().toObject().value("period_start").toString().contains("-01T00:00:00"));
    }

    void csvIsTheSameTable()
    {
        const auto csv = m_api->get("/api/v1/admin/reports/sales.csv?" + range(), m_admin.accessToken);
        QCOMPARE(csv.status, 200);
        QVERIFY(csv.header("content-type").startsWith("text/csv"));
        const QStringList lines = QString::fromUtf8(csv.body).split("\r\n", Qt::SkipEmptyParts);
        QCOMPARE(lines.first(),
                 QStringLiteral("period_start,currency,gross,commission,refunds,publication_fees,net,tickets,orders"));
        qint64 gross = 0;
        for (const QString& line : lines.mid(1))
            gross += line.section(',', 2, 2).toLongLong();
        QCOMPARE(gross, rubTotals(report("sales")).value("gross").toInteger());
        // The same by content negotiation.
        auto headers = AuthApi::bearer(m_admin.accessToken);
        headers.insert("Accept", "text/csv");
        const auto negotiated = m_api->raw("GET", "/api/v1/admin/reports/support?" + range(), {}, headers);
        QCOMPARE(negotiated.status, 200);
        QVERIFY(QString::fromUtf8(negotiated.body)
                    .startsWith("period_start,opened,resolved,answered,median_first_response_seconds\r\n"));
    }

    void onlyAdminsReadReports()
    {
        for (const SignedInUser* who : {&m_organizer, &m_rival, &m_buyer})
            for (const char* name : {"sales", "registrations", "checkins", "support", "sales.csv"})
                QCOMPARE(m_api->get("/api/v1/admin/reports/" + QString(name), who->accessToken).status, 403);
        QCOMPARE(m_api->get("/api/v1/admin/reports/sales").status, 401);
    }

    void badQueriesAreRefusedNamingTheParameter_data()
    {
        QTest::addColumn<QString>("query");
        QTest::addColumn<QString>("parameter");
        QTest::newRow("hourly") << "interval=hour"
                                << "interval";
        QTest::newRow("unknown zone") << "timezone=Mars/Olympus"
                                      << "timezone";
        QTest::newRow("bad from") << "from=yesterday"
                                  << "from";
        QTest::newRow("reversed") << "from=2026-06-02T00:00:00Z&to=2026-06-01T00:00:00Z"
                                  << "from";
        QTest::newRow("ten years of days") << "from=2016-01-01T00:00:00Z&to=2026-01-01T00:00:00Z"
                                           << "from";
        QTest::newRow("organizer on registrations") << "organizer_id=00000000-0000-4000-8000-000000000000"
                                                    << "organizer_id";
        QTest::newRow("organizer not an id") << "organizer_id=42"
                                             << "organizer_id";
    }

    void badQueriesAreRefusedNamingTheParameter()
    {
        QFETCH(QString, query);
        QFETCH(QString, parameter);
        const QString name = parameter == "organizer_id" && query.contains("0000") ? "registrations" : "sales";
        const auto refused = m_api->get("/api/v1/admin/reports/" + name + "?" + query, m_admin.accessToken);
        QCOMPARE(refused.status, 422);
        const QJsonArray fields =
            refused.json().value("error").toObject().value("details").toObject().value("fields").toArray();
        QCOMPARE(fields.first().toObject().value("field").toString(), parameter);
    }
};

QTEST_GUILESS_MAIN(TestReports)
#include "test_reports.moc"
