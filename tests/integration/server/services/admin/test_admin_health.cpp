// The platform's health report (issue 17) on a real server: only admins read it; a healthy
// process is ready with every outbox, consumer and rate in it; and it turns amber or red when
// something an admin must look at happens — a message stuck in an outbox, webhook deliveries
// given up on, a run of server errors — and back to ok when it is over. The distributed mode's
// report, with a stopped process, is in test_distributed.
#include "integrationsuite.h"
#include "webhookreceiver.h"

#include <QJsonArray>
#include <QtTest>

#include <pqxx/pqxx>

using namespace sbor::test;

namespace {

constexpr const char* kHealth = "/api/v1/admin/health";

QStringList problemChecks(const QJsonObject& health, const QString& severity = {})
{
    QStringList checks;
    for (const auto& problem : health.value("problems").toArray())
        if (severity.isEmpty() || problem.toObject().value("severity").toString() == severity)
            checks << problem.toObject().value("check").toString() + ":" +
                    problem.toObject().value("subject").toString();
    return checks;
}

} // namespace

class TestAdminHealth : public IntegrationSuite {
    Q_OBJECT
    WebhookReceiver m_receiver;
    SignedInUser m_support;
    QString m_event;
    QString m_free;

    QJsonObject health()
    {
        const auto read = m_api->get(kHealth, m_admin.accessToken);
        return read.status == 200 ? read.json() : QJsonObject();
    }

    // Waits until the report's status is `status`; the last report either way.
    QJsonObject healthWhen(const QString& status, int timeoutMs = 20000)
    {
        QJsonObject last;
        for (int waited = 0; waited < timeoutMs; waited += 200) {
            last = health();
            if (last.value("status").toString() == status)
                break;
            QTest::qWait(200);
        }
        return last;
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_receiver.listen());
        QVERIFY2(startServer({{"SBOR_NOTIFICATIONS_JOB_INTERVAL_MS", "100"},
                              {"SBOR_WEBHOOKS_ALLOW_PRIVATE_ADDRESSES", "true"},
                              {"SBOR_WEBHOOKS_RETRY_DELAYS_SECONDS", "1"}}),
                 problem());
        QVERIFY2(signInAdmin("health-admin") && signUpOrganizer("health-organizer") && signUpBuyer("health-buyer"),
                 problem());
        const QString email = uniqueEmail("health-support");
        QVERIFY(!AuthApi::createWithCli(m_database.url(), email, "support").isEmpty());
        m_support = m_api->signIn(email);
        QVERIFY(!m_support.accessToken.isEmpty());
        QVERIFY2(publishEvent(m_event, "Health night", 30, {{m_free, {{"name", "Free"}, {"price", 0}, {"quota", 50}}}}),
                 problem());
    }

    void onlyAdminsReadIt()
    {
        QCOMPARE(m_api->get(kHealth).status, 401);
        for (const SignedInUser* who : {&m_buyer, &m_organizer, &m_support})
            QCOMPARE(m_api->get(kHealth, who->accessToken).status, 403);
        SalesApi sales(*m_api, m_organizer.accessToken);
        const QString kiosk = sales.enrollKiosk(m_event, sales.addCheckInList(m_event, "Health gate"));
        const int byKiosk = m_api->get(kHealth, kiosk).status;
        QVERIFY2(byKiosk == 401 || byKiosk == 403, qPrintable(QString::number(byKiosk)));
    }

    void aHealthyProcessReportsEverythingItRuns()
    {
        const QJsonObject report = healthWhen("ok");
        QCOMPARE(report.value("status").toString(), QStringLiteral("ok"));
        QCOMPARE(report.value("distributed").toBool(), false);
        QVERIFY(!report.value("checked_at").toString().isEmpty());
        const QJsonArray processes = report.value("processes").toArray();
        QCOMPARE(processes.size(), 1);
        const QJsonObject process = processes.first().toObject();
        QVERIFY(process.value("reachable").toBool());
        QVERIFY(process.value("ready").toBool());
        const QJsonArray services = process.value("services").toArray();
        for (const char* service : {"auth", "events", "tickets", "payments", "notifications", "admin", "support"})
            QVERIFY2(services.contains(service), service);
        QVERIFY(process.value("uptime_seconds").toDouble() > 0);
        QStringList outboxes;
        for (const auto& outbox : process.value("outboxes").toArray()) {
            outboxes << outbox.toObject().value("service").toString();
            // Rows may be on their way (the in-process bus marks them sent once handled), never stuck.
            const qint64 unsent = outbox.toObject().value("unsent").toInteger();
            QVERIFY(unsent >= 0);
            QCOMPARE(outbox.toObject().value("oldest_unsent_at").isNull(), unsent == 0);
            QVERIFY(outbox.toObject().value("oldest_unsent_seconds").toDouble() < 30);
        }
        for (const char* schema : {"auth", "events", "tickets", "payments", "admin", "support"})
            QVERIFY2(outboxes.contains(schema), qPrintable(outboxes.join(',')));
        QStringList groups;
        for (const auto& consumer : process.value("consumers").toArray()) {
            groups << consumer.toObject().value("group").toString();
            QVERIFY(!consumer.toObject().value("topics").toArray().isEmpty());
            QVERIFY(consumer.toObject().value("lag").toInteger() >= 0);
        }
        QVERIFY2(groups.contains("notifications") && groups.contains("payments-terms"), qPrintable(groups.join(',')));
        const QJsonObject http = process.value("http").toObject();
        QVERIFY(http.value("requests").toInteger() > 10); // the sign-ups and the event above
        QVERIFY(http.value("window_seconds").toDouble() > 0);
        QVERIFY(http.value("requests_per_minute").toDouble() > 0);
        QCOMPARE(http.value("errors").toInteger(), 0);
        const QJsonObject webhooks = report.value("webhooks").toObject();
        QCOMPARE(webhooks.value("failed_last_hour").toInteger(), 0);
        QVERIFY(report.value("problems").toArray().isEmpty());
    }

    void aMessageStuckInAnOutboxTurnsItRedUntilItLeaves()
    {
        // The admin service's relay cannot run while another session holds its lock (a relay of
        // another process, say): a message written meanwhile waits, as one would behind a broker
        // that is down.
        pqxx::connection blocker(m_database.connectionString());
        pqxx::nontransaction session(blocker);
        session.exec("SELECT pg_advisory_lock(hashtext('sbor.outbox-relay.admin'))");
        m_database.query(
            "INSERT INTO admin.outbox (aggregatetype, aggregateid, type, payload, occurred_at) "
            "VALUES ('platform', 'health-test', 'health.test', '{}'::jsonb, now() - interval '10 minutes') "
            "RETURNING 1");
        const QJsonObject stuck = health();
        QCOMPARE(stuck.value("status").toString(), QStringLiteral("red"));
        QVERIFY2(problemChecks(stuck, "red").contains("outbox:admin"), qPrintable(problemChecks(stuck).join(',')));
        bool found = false;
        for (const auto& outbox : stuck.value("processes").toArray().first().toObject().value("outboxes").toArray()) {
            const QJsonObject each = outbox.toObject();
            if (each.value("service").toString() != "admin")
                continue;
            found = true;
            QCOMPARE(each.value("unsent").toInteger(), 1);
            QVERIFY(each.value("oldest_unsent_seconds").toDouble() >= 590);
            QVERIFY(!each.value("oldest_unsent_at").toString().isEmpty());
        }
        QVERIFY(found);
        // The lock let go, the relay's next round sends it.
        session.exec("SELECT pg_advisory_unlock(hashtext('sbor.outbox-relay.admin'))");
        QTRY_COMPARE_WITH_TIMEOUT(m_database.count("FROM admin.outbox WHERE published_at IS NULL"), 0, 10000);
        const QJsonObject after = healthWhen("ok");
        QVERIFY2(after.value("status").toString() == "ok", qPrintable(problemChecks(after).join(',')));
    }

    void webhookDeliveriesGivenUpOnTurnItAmber()
    {
        QList<ScriptedAnswer> failures;
        for (int i = 0; i < 10; ++i)
            failures.append(ScriptedAnswer{500, {}});
        m_receiver.script(failures);
        const auto created = m_api->post("/api/v1/webhooks",
                                         {{"url", QString("http://127.0.0.1:%1/hook").arg(m_receiver.port())},
                                          {"event_types", QJsonArray{"ticket.purchased"}}},
                                         m_organizer.accessToken);
        QCOMPARE(created.status, 201);
        QCOMPARE(m_api->post("/api/v1/orders", orderBody(m_event, m_free, 1), m_buyer.accessToken).status, 201);
        // Two attempts a second apart, then given up on.
        QTRY_COMPARE_WITH_TIMEOUT(m_database.count("FROM notifications.webhook_deliveries WHERE status = 'failed'"), 1,
                                  20000);
        const QJsonObject report = health();
        QCOMPARE(report.value("status").toString(), QStringLiteral("amber"));
        QVERIFY2(problemChecks(report, "amber").contains("webhooks:notifications"),
                 qPrintable(problemChecks(report).join(',')));
        QCOMPARE(report.value("webhooks").toObject().value("failed_last_hour").toInteger(), 1);
        QCOMPARE(report.value("webhooks").toObject().value("active_endpoints").toInteger(), 1);
        // An hour later it is history: the report is ok again.
        m_database.query("UPDATE notifications.webhook_deliveries SET finished_at = now() - interval '2 hours' "
                         "RETURNING 1");
        QCOMPARE(health().value("status").toString(), QStringLiteral("ok"));
    }

    void aRunOfServerErrorsTurnsItRed()
    {
        const qint64 before = health()
                                  .value("processes")
                                  .toArray()
                                  .first()
                                  .toObject()
                                  .value("http")
                                  .toObject()
                                  .value("errors")
                                  .toInteger();
        for (int i = 0; i < 100; ++i)
            QCOMPARE(m_api->get("/api/v1/debug/throw").status, 500);
        const QJsonObject report = health();
        const QJsonObject http = report.value("processes").toArray().first().toObject().value("http").toObject();
        QCOMPARE(http.value("errors").toInteger(), before + 100);
        QVERIFY(http.value("errors_per_minute").toDouble() > 0);
        QCOMPARE(report.value("status").toString(), QStringLiteral("red"));
        QVERIFY2(problemChecks(report, "red").first().startsWith("errors:"),
                 qPrintable(problemChecks(report).join(',')));
    }
};

QTEST_GUILESS_MAIN(TestAdminHealth)
#include "test_admin_health.moc"
