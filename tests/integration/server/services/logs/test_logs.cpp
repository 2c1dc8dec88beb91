// The central logs against a real sbor-server: every service's log lines travel the bus to the
// logs service, which files them per service and day; an admin follows one request — its
// access-log line in the tickets service and the notifications consumer that handled what it
// caused — by its trace id. Bad searches are refused; only admins may search.
#include "integrationsuite.h"
#include "salesapi.h"

#include <QDir>
#include <QJsonArray>
#include <QRandomGenerator>
#include <QtTest>

#include <memory>

using namespace sbor::test;

class TestLogs : public IntegrationSuite {
    Q_OBJECT
private slots:
    void initTestCase()
    {
        QVERIFY2(startServer({{"SBOR_LOGS_DIR", m_logs.path()}}), problem());
        QVERIFY2(signInAdmin() && signUpOrganizer(), problem());
    }

    void oneRequestIsFollowedAcrossServices()
    {
        SalesApi sales(*m_api, m_organizer.accessToken);
        const QString event = sales.createEvent("Traced");
        const QString type = sales.addType(event, {{"name", "Free"}, {"price", 0}, {"quota", 10}});
        QVERIFY(sales.publish(event));
        QByteArray trace;
        for (int i = 0; i < 4; ++i)
            trace += QByteArray::number(QRandomGenerator::global()->generate(), 16).rightJustified(8, '0');
        const auto placed = m_api->raw("POST", "/api/v1/orders", QJsonDocument(orderBody(event, type, 1)).toJson(),
                                       {{"Authorization", "Bearer " + m_organizer.accessToken.toUtf8()},
                                        {"Content-Type", "application/json"},
                                        {"traceparent", "00-" + trace + "-b7ad6b7169203331-01"}});
        QCOMPARE(placed.status, 201);

        // The order's access line (tickets) and the notifications consumer's line, one trace.
        QJsonArray items;
        auto services = [&] {
            QSet<QString> seen;
            for (const auto& item : items)
                seen.insert(item.toObject().value("service").toString());
            return seen;
        };
        QTRY_VERIFY_WITH_TIMEOUT((items = search("trace_id=" + trace, m_admin)).size() >= 2 &&
                                     services().contains("tickets") && services().contains("notifications"),
                                 20000);
        for (const auto& item : items) {
            QCOMPARE(item.toObject().value("trace_id").toString(), QString::fromLatin1(trace));
            QVERIFY(!item.toObject().value("log_id").toString().isEmpty());
        }
        // Newest first.
        for (int i = 1; i < items.size(); ++i)
            QVERIFY(items[i - 1].toObject().value("ts").toString() >= items[i].toObject().value("ts").toString());
        // The same search in upper case, and narrowed to one service or level.
        QCOMPARE(search("trace_id=" + trace.toUpper(), m_admin).size(), items.size());
        const QJsonArray tickets = search("trace_id=" + trace + "&service=tickets", m_admin);
        QVERIFY(!tickets.isEmpty());
        for (const auto& item : tickets)
            QCOMPARE(item.toObject().value("service").toString(), QStringLiteral("tickets"));
        QCOMPARE(search("trace_id=" + trace + "&level=error", m_admin).size(), 0);
        QCOMPARE(search("service=tickets&limit=1", m_admin).size(), 1);

        // On disk: a file per service and day.
        const QString today = QDateTime::currentDateTimeUtc().toString("yyyy-MM-dd");
        QVERIFY(QFile::exists(m_logs.filePath("tickets/" + today + ".jsonl")));
        QVERIFY(QFile::exists(m_logs.filePath("notifications/" + today + ".jsonl")));
    }

    void badSearchesAreRefusedAndOnlyAdminsSearch()
    {
        for (const QString& query :
             {QStringLiteral("trace_id=xyz"), QStringLiteral("service=../etc"),
              QStringLiteral("service=tickets&level=loud"), QStringLiteral("service=tickets&limit=0"),
              QStringLiteral("service=tickets&days=1000"), QString()}) {
            const auto answer = m_api->get("/api/v1/admin/logs?" + query, m_admin.accessToken);
            QVERIFY2(answer.status == 422, qPrintable(query + " " + answer.body));
            QCOMPARE(answer.errorCode(), QStringLiteral("validation_failed"));
        }
        QCOMPARE(m_api->get("/api/v1/admin/logs?service=tickets", m_organizer.accessToken).status, 403);
        QCOMPARE(m_api->get("/api/v1/admin/logs?service=tickets").status, 401);
    }

private:
    QJsonArray search(const QString& query, const SignedInUser& user)
    {
        return m_api->get("/api/v1/admin/logs?" + query, user.accessToken).json().value("items").toArray();
    }

    QTemporaryDir m_logs;
};

QTEST_MAIN(TestLogs)
#include "test_logs.moc"
