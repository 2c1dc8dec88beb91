// Support requests over real HTTP (issue 17): a person asks, an agent answers with internal notes
// the person never sees, the request waits for the person, reopens when they write, is resolved,
// reopened within 14 days and closed; deadlines come from the platform's targets, the queue shows
// overdue requests first, and only staff work the queue. Another person — buyer, organizer,
// kiosk — cannot read or change someone's request (404), nor work the queue (403).
#include "integrationsuite.h"

#include <QJsonArray>
#include <QtTest>

using namespace sbor::test;

namespace {

constexpr const char* kRequests = "/api/v1/support/requests";

QJsonObject question(const QString& subject, const QString& category = "order")
{
    return {{"subject", subject}, {"body", "Where are my tickets? The email never came."}, {"category", category}};
}

QStringList idsOf(const HttpResult& page)
{
    QStringList ids;
    for (const auto& item : page.json().value("items").toArray())
        ids << item.toObject().value("id").toString();
    return ids;
}

} // namespace

class TestSupport : public IntegrationSuite {
    Q_OBJECT
    SignedInUser m_agent, m_otherAgent;
    QString m_kiosk, m_event, m_freeType;

    QString path(const QString& id, const QString& tail = {}) const { return QString(kRequests) + "/" + id + tail; }

    QJsonObject openAs(const SignedInUser& who, const QString& subject)
    {
        const auto opened = m_api->post(kRequests, question(subject), who.accessToken);
        return opened.status == 201 ? opened.json() : QJsonObject();
    }

    QString statusOf(const QString& id)
    {
        return m_api->get(path(id), m_agent.accessToken).json().value("status").toString();
    }

    // Moves the request's clocks `minutes` into the past, as if it had been opened that long ago.
    void age(const QString& id, int minutes)
    {
        const std::string shift = "make_interval(mins => " + std::to_string(minutes) + ")";
        m_database.query("UPDATE support.requests SET created_at = created_at - " + shift +
                         ", first_response_due_at = first_response_due_at - " + shift +
                         ", resolution_due_at = resolution_due_at - " + shift + ", next_due_at = next_due_at - " +
                         shift + ", resolved_at = resolved_at - " + shift + " WHERE id = '" + id.toStdString() + "'");
    }

    SignedInUser staff(const QString& prefix, const QString& role)
    {
        const QString email = uniqueEmail(prefix);
        AuthApi::createWithCli(m_database.url(), email, role);
        return m_api->signIn(email);
    }

private slots:
    void initTestCase()
    {
        QVERIFY2(startServer(), problem());
        QVERIFY2(signInAdmin("support-admin") && signUpOrganizer("support-organizer") && signUpBuyer("support-buyer") &&
                     signUpRival("support-rival"),
                 problem());
        m_agent = staff("support-agent", "support");
        m_otherAgent = staff("support-agent-two", "support");
        QVERIFY(!m_agent.accessToken.isEmpty() && !m_otherAgent.accessToken.isEmpty());
        QVERIFY2(
            publishEvent(m_event, "Support night", 30, {{m_freeType, {{"name", "Free"}, {"price", 0}, {"quota", 5}}}}),
            problem());
        SalesApi sales(*m_api, m_organizer.accessToken);
        m_kiosk = sales.enrollKiosk(m_event, sales.addCheckInList(m_event, "Support gate"));
        QVERIFY(!m_kiosk.isEmpty());
    }

    void aRequestLivesItsWholeLifecycle()
    {
        const QJsonObject opened = openAs(m_buyer, "Tickets never arrived");
        const QString id = opened.value("id").toString();
        QVERIFY(!id.isEmpty());
        QCOMPARE(opened.value("status").toString(), QStringLiteral("open"));
        QVERIFY(opened.value("number").toInteger() > 0);
        QCOMPARE(opened.value("requester_id").toString(), m_buyer.id);
        QVERIFY(opened.value("first_responded_at").isNull());
        QCOMPARE(opened.value("next_due_at").toString(), opened.value("first_response_due_at").toString());
        QVERIFY(!opened.value("overdue").toBool());

        // The agent notes internally, then answers and waits for the person.
        QCOMPARE(m_api
                     ->post(path(id, "/messages"), {{"body", "Checked: emails bounced"}, {"internal", true}},
                            m_agent.accessToken)
                     .status,
                 201);
        QCOMPARE(m_api->post(path(id, "/messages"), {{"body", "Could you confirm your address?"}}, m_agent.accessToken)
                     .status,
                 201);
        const QJsonObject answered = m_api->get(path(id), m_agent.accessToken).json();
        QVERIFY(!answered.value("first_responded_at").isNull());
        QCOMPARE(answered.value("next_due_at").toString(), answered.value("resolution_due_at").toString());
        QCOMPARE(answered.value("messages").toArray().size(), 3);
        QCOMPARE(m_api->post(path(id, "/status"), {{"status", "pending_customer"}}, m_agent.accessToken).status, 200);

        // The person sees the thread without the note; their reply reopens the request.
        const QJsonArray seen = m_api->get(path(id), m_buyer.accessToken).json().value("messages").toArray();
        QCOMPARE(seen.size(), 2);
        for (const auto& message : seen)
            QVERIFY(!message.toObject().value("internal").toBool());
        QCOMPARE(
            m_api->post(path(id, "/messages"), {{"body", "It is the one on my account"}}, m_buyer.accessToken).status,
            201);
        QCOMPARE(statusOf(id), QStringLiteral("open"));

        // Resolved, reopened by the person within 14 days, resolved again and closed.
        QCOMPARE(m_api->post(path(id, "/status"), {{"status", "resolved"}}, m_agent.accessToken).status, 200);
        QCOMPARE(m_api->post(path(id, "/status"), {{"status", "resolved"}}, m_agent.accessToken).status, 200); // retry
        QCOMPARE(m_api->post(path(id, "/messages"), {{"body", "Still nothing, sorry"}}, m_buyer.accessToken).status,
                 201);
        QCOMPARE(statusOf(id), QStringLiteral("open"));
        QCOMPARE(m_api->post(path(id, "/status"), {{"status", "resolved"}}, m_buyer.accessToken).status, 200);
        QCOMPARE(m_api->post(path(id, "/status"), {{"status", "closed"}}, m_agent.accessToken).status, 200);
        const QJsonObject closed = m_api->get(path(id), m_buyer.accessToken).json();
        QCOMPARE(closed.value("status").toString(), QStringLiteral("closed"));
        QVERIFY(closed.value("next_due_at").isNull());
        // Closed is final.
        QCOMPARE(m_api->post(path(id, "/messages"), {{"body", "Hello?"}}, m_buyer.accessToken).status, 409);
        QCOMPARE(m_api->post(path(id, "/status"), {{"status", "open"}}, m_agent.accessToken).status, 409);
        // Each change went on the bus for the requester.
        QVERIFY(m_database.count("FROM support.outbox WHERE type = 'support.request_updated' AND aggregateid = '" +
                                 id.toStdString() + "'") >= 8);
    }

    void aRequestResolvedLongAgoIsNotReopened()
    {
        const QString id = openAs(m_buyer, "Old question").value("id").toString();
        QCOMPARE(m_api->post(path(id, "/status"), {{"status", "resolved"}}, m_agent.accessToken).status, 200);
        age(id, 15 * 24 * 60);
        QCOMPARE(m_api->post(path(id, "/messages"), {{"body", "One more thing"}}, m_buyer.accessToken).status, 409);
        QCOMPARE(m_api->post(path(id, "/status"), {{"status", "open"}}, m_buyer.accessToken).status, 409);
        QCOMPARE(statusOf(id), QStringLiteral("resolved"));
    }

    void theRequesterMovesOnlyWhatIsTheirs()
    {
        const QString id = openAs(m_buyer, "Refund question").value("id").toString();
        QCOMPARE(m_api->post(path(id, "/status"), {{"status", "pending_customer"}}, m_buyer.accessToken).status, 409);
        QCOMPARE(m_api->post(path(id, "/status"), {{"status", "closed"}}, m_buyer.accessToken).status, 409);
        QCOMPARE(m_api->post(path(id, "/messages"), {{"body", "note"}, {"internal", true}}, m_buyer.accessToken).status,
                 403);
        QCOMPARE(m_api->post(path(id, "/assign"), {{"assignee_id", m_agent.id}}, m_buyer.accessToken).status, 403);
        QCOMPARE(m_api->post(path(id, "/escalate"), {{"reason", "I want a manager"}}, m_buyer.accessToken).status, 403);
        QCOMPARE(statusOf(id), QStringLiteral("open"));
    }

    void nobodyElseSeesOrTouchesARequest()
    {
        const QString id = openAs(m_buyer, "Private matter").value("id").toString();
        for (const SignedInUser* stranger : {&m_rival, &m_organizer}) {
            QCOMPARE(m_api->get(path(id), stranger->accessToken).status, 404);
            QCOMPARE(m_api->post(path(id, "/messages"), {{"body", "hi"}}, stranger->accessToken).status, 404);
            QCOMPARE(m_api->post(path(id, "/status"), {{"status", "resolved"}}, stranger->accessToken).status, 404);
            QVERIFY(!idsOf(m_api->get(kRequests, stranger->accessToken)).contains(id));
            QCOMPARE(
                m_api->post(path(id, "/assign"), {{"assignee_id", QJsonValue::Null}}, stranger->accessToken).status,
                403);
        }
        for (const QString& tail : {QString(), QStringLiteral("/messages")}) {
            const int byKiosk = tail.isEmpty() ? m_api->get(path(id), m_kiosk).status
                                               : m_api->post(path(id, tail), {{"body", "hi"}}, m_kiosk).status;
            QVERIFY2(byKiosk == 401 || byKiosk == 403, qPrintable(QString::number(byKiosk)));
        }
        QCOMPARE(m_api->get(kRequests).status, 401);
        QCOMPARE(m_api->get(path(id)).status, 401);
        QCOMPARE(m_api->get(path("00000000-0000-4000-8000-000000000000"), m_agent.accessToken).status, 404);
        QCOMPARE(m_api->get(path("not-an-id"), m_agent.accessToken).status, 404);
        QCOMPARE(m_api->get(path(id), m_buyer.accessToken).json().value("messages").toArray().size(), 1);
    }

    void aRequestNamesOnlyTheRequestersOwnOrder()
    {
        const auto placed = m_api->post("/api/v1/orders", orderBody(m_event, m_freeType, 1), m_buyer.accessToken);
        QCOMPARE(placed.status, 201);
        const QString order = placed.json().value("order").toObject().value("id").toString();
        QJsonObject about = question("About my order");
        about["order_id"] = order;
        const auto own = m_api->post(kRequests, about, m_buyer.accessToken);
        QCOMPARE(own.status, 201);
        QCOMPARE(own.json().value("order_id").toString(), order);
        const auto others = m_api->post(kRequests, about, m_rival.accessToken);
        QCOMPARE(others.status, 422);
        QCOMPARE(others.problemFields(), QStringList{"order_id"});
    }

    void assignmentIsToStaffOnly()
    {
        const QString id = openAs(m_buyer, "Assign me").value("id").toString();
        const auto toAgent = m_api->post(path(id, "/assign"), {{"assignee_id", m_otherAgent.id}}, m_agent.accessToken);
        QCOMPARE(toAgent.status, 200);
        QCOMPARE(toAgent.json().value("assignee_id").toString(), m_otherAgent.id);
        QVERIFY(idsOf(m_api->get(QString(kRequests) + "?assignee=me", m_otherAgent.accessToken)).contains(id));
        QVERIFY(!idsOf(m_api->get(QString(kRequests) + "?assignee=me", m_agent.accessToken)).contains(id));
        const auto toBuyer = m_api->post(path(id, "/assign"), {{"assignee_id", m_buyer.id}}, m_agent.accessToken);
        QCOMPARE(toBuyer.status, 422);
        QCOMPARE(toBuyer.problemFields(), QStringList{"assignee_id"});
        QCOMPARE(m_api
                     ->post(path(id, "/assign"), {{"assignee_id", "00000000-0000-4000-8000-000000000000"}},
                            m_agent.accessToken)
                     .status,
                 422);
        const auto nobody = m_api->post(path(id, "/assign"), {{"assignee_id", QJsonValue::Null}}, m_agent.accessToken);
        QCOMPARE(nobody.status, 200);
        QVERIFY(nobody.json().value("assignee_id").isNull());
        QVERIFY(idsOf(m_api->get(QString(kRequests) + "?assignee=none", m_agent.accessToken)).contains(id));
    }

    void escalationReachesTheAdmins()
    {
        const QString id = openAs(m_buyer, "Charged twice").value("id").toString();
        const auto escalated = m_api->post(path(id, "/escalate"), {{"reason", "possible double charge"}},
                                           m_agent.accessToken);
        QCOMPARE(escalated.status, 200);
        QCOMPARE(escalated.json().value("escalation_reason").toString(), QStringLiteral("possible double charge"));
        QCOMPARE(escalated.json().value("escalated_by").toString(), m_agent.id);
        QCOMPARE(m_database.count("FROM support.outbox WHERE type = 'support.escalated' AND aggregateid = '" +
                                  id.toStdString() + "'"),
                 1);
        QVERIFY(idsOf(m_api->get(QString(kRequests) + "?escalated=true", m_admin.accessToken)).contains(id));
        // Why it went up, and to whom it is assigned, is the staff's: the requester sees neither.
        const QJsonObject seen = m_api->get(path(id), m_buyer.accessToken).json();
        QVERIFY(seen.value("escalation_reason").isNull());
        QVERIFY(seen.value("escalated_by").isNull());
        QCOMPARE(m_api->post(path(id, "/escalate"), {}, m_agent.accessToken).status, 422);
    }

    void theQueueShowsOverdueRequestsFirst()
    {
        const QString late = openAs(m_buyer, "Overdue one").value("id").toString();
        const QString fresh = openAs(m_buyer, "Fresh one").value("id").toString();
        age(late, 10 * 24 * 60); // past both deadlines
        const auto overdue = m_api->get(QString(kRequests) + "?overdue=true&limit=200", m_agent.accessToken);
        QVERIFY(idsOf(overdue).contains(late));
        QVERIFY(!idsOf(overdue).contains(fresh));
        const QStringList queue = idsOf(m_api->get(QString(kRequests) + "?status=open&limit=200", m_agent.accessToken));
        QVERIFY(queue.indexOf(late) >= 0 && queue.indexOf(late) < queue.indexOf(fresh));
        QVERIFY(m_api->get(path(late), m_agent.accessToken).json().value("overdue").toBool());
        // The person's own list is theirs only, newest first.
        const QStringList own = idsOf(m_api->get(kRequests, m_buyer.accessToken));
        QVERIFY(own.indexOf(fresh) < own.indexOf(late));
        QVERIFY(idsOf(m_api->get(kRequests, m_rival.accessToken)).isEmpty());
    }

    void pagesWalkTheWholeQueue_data()
    {
        QTest::addColumn<QString>("sort");
        QTest::newRow("next deadline first") << "due";
        QTest::newRow("newest first") << "newest";
    }

    void pagesWalkTheWholeQueue()
    {
        // Settled requests (no deadline) come last in the queue: the walk crosses into them.
        QFETCH(QString, sort);
        QVERIFY(m_database.count("FROM support.requests WHERE next_due_at IS NULL") >= 2);
        QStringList seen;
        QString cursor;
        do {
            const auto page = m_api->get(QString(kRequests) + "?limit=2&sort=" + sort +
                                             (cursor.isEmpty() ? QString() : "&cursor=" + cursor),
                                         m_agent.accessToken);
            QCOMPARE(page.status, 200);
            for (const QString& id : idsOf(page))
                QVERIFY2(!seen.contains(id), "a request came twice");
            seen << idsOf(page);
            cursor = page.json().value("next_cursor").toString();
        } while (!cursor.isEmpty());
        QCOMPARE(seen.size(), m_database.count("FROM support.requests"));
        QCOMPARE(m_api->get(QString(kRequests) + "?cursor=garbage", m_agent.accessToken).status, 422);
    }

    void theTargetsOfTheSettingsSetTheDeadlines()
    {
        QCOMPARE(m_api
                     ->put("/api/v1/admin/settings",
                           {{"support_first_response_minutes", 30}, {"support_resolution_minutes", 120}},
                           m_admin.accessToken)
                     .status,
                 200);
        QTRY_COMPARE_WITH_TIMEOUT(m_database.count("FROM support.targets WHERE first_response_minutes = 30"), 1, 10000);
        const QJsonObject opened = openAs(m_buyer, "Timed one");
        const QDateTime created = QDateTime::fromString(opened.value("created_at").toString(), Qt::ISODateWithMs);
        const QDateTime firstDue = QDateTime::fromString(opened.value("first_response_due_at").toString(),
                                                         Qt::ISODateWithMs);
        const QDateTime resolutionDue = QDateTime::fromString(opened.value("resolution_due_at").toString(),
                                                              Qt::ISODateWithMs);
        QCOMPARE(created.secsTo(firstDue), 30 * 60);
        QCOMPARE(created.secsTo(resolutionDue), 120 * 60);
    }

    void badInputIsRefusedNamingTheField_data()
    {
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<QString>("field");
        QTest::newRow("no subject") << QByteArray(R"({"body":"b","category":"order"})") << "subject";
        QTest::newRow("empty subject") << QByteArray(R"({"subject":"","body":"b","category":"order"})") << "subject";
        QTest::newRow("no body") << QByteArray(R"({"subject":"s","category":"order"})") << "body";
        QTest::newRow("no category") << QByteArray(R"({"subject":"s","body":"b"})") << "category";
        QTest::newRow("null category") << QByteArray(R"({"subject":"s","body":"b","category":null})") << "category";
        QTest::newRow("unknown category")
            << QByteArray(R"({"subject":"s","body":"b","category":"love"})") << "category";
        QTest::newRow("someone else's order")
            << QByteArray(
                   R"({"subject":"s","body":"b","category":"order","order_id":"00000000-0000-4000-8000-000000000000"})")
            << "order_id";
        QTest::newRow("order id not a uuid")
            << QByteArray(R"({"subject":"s","body":"b","category":"order","order_id":"42"})") << "order_id";
        QTest::newRow("NUL in body") << QByteArray(R"({"subject":"s","body":"a\u0000b","category":"order"})") << "body";
        QTest::newRow("unknown field") << QByteArray(R"({"subject":"s","body":"b","category":"order","priority":1})")
                                       << "priority";
    }

    void badInputIsRefusedNamingTheField()
    {
        QFETCH(QByteArray, body);
        QFETCH(QString, field);
        const int before = m_database.count("FROM support.requests");
        const auto refused = m_api->raw("POST", kRequests, body, AuthApi::bearer(m_buyer.accessToken));
        QCOMPARE(refused.status, 422);
        QVERIFY2(refused.problemFields().contains(field), qPrintable(refused.problemFields().join(',')));
        QCOMPARE(m_database.count("FROM support.requests"), before);
    }

    void badQueriesAndBodiesOnTheThreadAre4xx()
    {
        const QString id = openAs(m_buyer, "Bad inputs").value("id").toString();
        for (const char* query :
             {"status=lost", "category=x", "assignee=someone", "overdue=yes", "sort=random", "limit=0"})
            QCOMPARE(m_api->get(QString(kRequests) + "?" + QString(query), m_agent.accessToken).status, 422);
        QCOMPARE(m_api->post(path(id, "/messages"), {}, m_buyer.accessToken).status, 422);
        QCOMPARE(m_api->post(path(id, "/messages"), {{"body", QString(20001, 'x')}}, m_buyer.accessToken).status, 422);
        QCOMPARE(m_api->post(path(id, "/status"), {{"status", "archived"}}, m_agent.accessToken).status, 422);
        QCOMPARE(m_api->post(path(id, "/status"), {{"status", QJsonValue::Null}}, m_agent.accessToken).status, 422);
        QCOMPARE(m_api->post(path(id, "/assign"), {}, m_agent.accessToken).status, 422);
        QCOMPARE(m_api->raw("POST", path(id, "/messages"), "{\"body\":", AuthApi::bearer(m_buyer.accessToken)).status,
                 400);
        QCOMPARE(m_api->get(path(id), m_buyer.accessToken).json().value("messages").toArray().size(), 1);
    }
};

QTEST_GUILESS_MAIN(TestSupport)
#include "test_support.moc"
