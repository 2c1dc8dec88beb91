// Events and ticket types over real HTTP against a real sbor-server and PostgreSQL: drafts and
// who may see them, every bad input, publishing rules, optimistic concurrency, another
// organizer's writes refused, cancellation, schedules, listing with filters and cursors,
// categories, ticket-type guards, and the reminder and completion jobs.
#include "integrationsuite.h"
#include "salesapi.h"

#include <QJsonArray>
#include <QSet>
#include <QtTest>

#include <memory>

using namespace sbor::test;

namespace {

QJsonObject eventBody(const QString& title, double startInDays = 30, double hours = 3)
{
    return {{"title", title},
            {"description", "Открытая встреча"},
            {"venue", "Москва, Лужники"},
            {"starts_at", inDays(startInDays)},
            {"ends_at", inDays(startInDays + hours / 24)},
            {"timezone", "Europe/Moscow"},
            {"category_id", 1}};
}

QJsonObject ticketTypeBody(const QString& name = "Standard", int quota = 100, double endInDays = 29)
{
    return {{"name", name},   {"price", 150000},           {"currency", "RUB"},
            {"quota", quota}, {"sales_start", inDays(-1)}, {"sales_end", inDays(endInDays)}};
}

} // namespace

class TestEvents : public IntegrationSuite {
    Q_OBJECT
private slots:
    void initTestCase()
    {
        QVERIFY2(startServer({{"SBOR_EVENTS_JOB_INTERVAL_MS", "200"}, {"SBOR_EVENTS_REMINDER_LEAD_SECONDS", "7200"}}),
                 problem());
        QVERIFY2(signUpOrganizer("org") && signUpRival() && signUpBuyer() && signInAdmin(), problem());
    }

    void draftsAreSeenOnlyByTheirOrganizer()
    {
        const auto created = m_api->post("/api/v1/events", eventBody("Черновик"), m_organizer.accessToken);
        QCOMPARE(created.status, 201);
        const QJsonObject event = created.json();
        const QString id = event.value("id").toString();
        QCOMPARE(event.value("status").toString(), QStringLiteral("draft"));
        QCOMPARE(event.value("organizer_id").toString(), m_organizer.id);
        QCOMPARE(event.value("title").toString(), QStringLiteral("Черновик"));
        QVERIFY(event.value("starts_at").toString().endsWith("Z"));
        QCOMPARE(created.header("etag"), QByteArray("\"1\""));
        QCOMPARE(created.header("location"), ("/api/v1/events/" + id).toUtf8());

        QCOMPARE(m_api->get("/api/v1/events/" + id, m_organizer.accessToken).status, 200);
        QCOMPARE(m_api->get("/api/v1/events/" + id, m_admin.accessToken).status, 200);
        QCOMPARE(m_api->get("/api/v1/events/" + id, m_rival.accessToken).status, 404);
        QCOMPARE(m_api->get("/api/v1/events/" + id).status, 404);
        QCOMPARE(m_api->get("/api/v1/events/not-a-uuid").status, 404);
        QVERIFY(!idsOf(m_api->get("/api/v1/events?limit=100")).contains(id));
        QVERIFY(idsOf(m_api->get("/api/v1/events?mine=true&limit=100", m_organizer.accessToken)).contains(id));
        QVERIFY(!idsOf(m_api->get("/api/v1/events?mine=true&limit=100", m_rival.accessToken)).contains(id));
        QCOMPARE(m_api->get("/api/v1/events?mine=true").status, 401);
        QCOMPARE(m_api->get("/api/v1/events", "not-a-token").status,
                 401); // a bad token is refused even on public routes
        QCOMPARE(m_api->post("/api/v1/events", eventBody("Attendee"), m_buyer.accessToken).status, 403);
        QCOMPARE(m_api->post("/api/v1/events", eventBody("Anonymous")).status, 401);
    }

    void badEventsAreRefusedAndStoreNothing_data()
    {
        QTest::addColumn<QJsonObject>("body");
        QTest::addColumn<QString>("field");
        QJsonObject body = eventBody("x");
        auto with = [&](const char* key, const QJsonValue& value) {
            QJsonObject copy = body;
            copy.insert(key, value);
            return copy;
        };
        auto without = [&](const char* key) {
            QJsonObject copy = body;
            copy.remove(key);
            return copy;
        };
        QTest::newRow("missing title") << without("title") << "title";
        QTest::newRow("blank title") << with("title", "   ") << "title";
        QTest::newRow("title too long") << with("title", QString(601, 't')) << "title";
        QTest::newRow("missing venue") << without("venue") << "venue";
        QTest::newRow("date only") << with("starts_at", "2030-06-01") << "starts_at";
        QTest::newRow("space instead of T") << with("starts_at", "2030-06-01 18:00:00Z") << "starts_at";
        QTest::newRow("no offset") << with("starts_at", "2030-06-01T18:00:00") << "starts_at";
        QTest::newRow("31 February") << with("starts_at", "2030-02-31T18:00:00Z") << "starts_at";
        QTest::newRow("offset beyond PostgreSQL's") << with("starts_at", "2030-06-01T18:00:00+20:00") << "starts_at";
        QTest::newRow("nanoseconds") << with("ends_at", "2030-06-01T18:00:00.9999995Z") << "ends_at";
        QTest::newRow("year 10000 in UTC") << with("ends_at", "9999-12-31T23:00:00-05:00") << "ends_at";
        QTest::newRow("ends before it starts") << with("ends_at", inDays(29)) << "ends_at";
        QTest::newRow("unknown time zone") << with("timezone", "Mars/Olympus_Mons") << "timezone";
        QTest::newRow("SQL-looking time zone") << with("timezone", "UTC'; DROP TABLE events.events;--") << "timezone";
        QTest::newRow("no such category") << with("category_id", 999999) << "category_id";
        QTest::newRow("category as text") << with("category_id", "1") << "category_id";
        QTest::newRow("javascript cover") << with("cover_url", "javascript:alert(1)") << "cover_url";
        QTest::newRow("extra field") << with("status", "published") << "status";
        QTest::newRow("organizer cannot be chosen")
            << with("organizer_id", "00000000-0000-0000-0000-000000000000") << "organizer_id";
        // Issue 13, defect 6: a NUL cut the stored text and answered 201.
        const QString nul(QChar(0));
        QTest::newRow("NUL in title") << with("title", "Concert" + nul + "hidden") << "title";
        QTest::newRow("NUL in description") << with("description", "Line" + nul) << "description";
        QTest::newRow("NUL in venue") << with("venue", nul + "Hall") << "venue";
        QTest::newRow("escape in title") << with("title", "\u001b[31mred") << "title";
    }

    void nulInAChangeIsRefusedAndTheEventKept()
    {
        const QString id = createEvent(m_organizer, "Kept title");
        const QJsonObject event = m_api->get("/api/v1/events/" + id, m_organizer.accessToken).json();
        const QString nul(QChar(0));
        for (const char* field : {"title", "description", "venue"}) {
            const auto refused = m_api->raw(
                "PATCH", "/api/v1/events/" + id,
                QJsonDocument(QJsonObject{{field, "New" + nul + "tail"}, {"version", event.value("version")}}).toJson(),
                {{"Authorization", "Bearer " + m_organizer.accessToken.toUtf8()},
                 {"Content-Type", "application/json"}});
            QVERIFY2(refused.status == 422, refused.body.constData());
            QVERIFY2(refused.problemFields().contains(field), refused.body.constData());
        }
        QCOMPARE(m_api->get("/api/v1/events/" + id, m_organizer.accessToken).json().value("title").toString(),
                 QStringLiteral("Kept title"));
        // A ticket type's name obeys the same rule.
        const auto type = m_api->post("/api/v1/events/" + id + "/ticket-types",
                                      {{"name", "VIP" + nul},
                                       {"price", 100},
                                       {"currency", "RUB"},
                                       {"quota", 5},
                                       {"sales_start", inDays(0)},
                                       {"sales_end", inDays(1)}},
                                      m_organizer.accessToken);
        QVERIFY2(type.status == 422, type.body.constData());
        QVERIFY2(type.problemFields().contains("name"), type.body.constData());
    }

    void badEventsAreRefusedAndStoreNothing()
    {
        QFETCH(QJsonObject, body);
        QFETCH(QString, field);
        const std::string before = m_database.query("SELECT count(*) FROM events.events");
        const auto refused = m_api->post("/api/v1/events", body, m_organizer.accessToken);
        QCOMPARE(refused.status, 422);
        QVERIFY2(refused.problemFields().contains(field), refused.body.constData());
        QCOMPARE(m_database.query("SELECT count(*) FROM events.events"), before);
    }

    void malformedJsonIs400()
    {
        QCOMPARE(m_api->raw("POST", "/api/v1/events", "{\"title\":", AuthApi::bearer(m_organizer.accessToken)).status,
                 400);
    }

    void publishingNeedsATicketTypeAndAFutureStart()
    {
        const QString id = createEvent(m_organizer, "Publish me");
        auto refused = m_api->post("/api/v1/events/" + id + "/publish", {}, m_organizer.accessToken);
        QCOMPARE(refused.status, 409);
        QVERIFY(
            refused.json().value("error").toObject().value("details").toObject().value("missing").toArray().contains(
                "at least one active ticket type"));

        const auto type = m_api->post("/api/v1/events/" + id + "/ticket-types", ticketTypeBody(),
                                      m_organizer.accessToken);
        QCOMPARE(type.status, 201);
        QCOMPARE(type.json().value("available").toInt(), 100);
        const auto published = m_api->post("/api/v1/events/" + id + "/publish", {}, m_organizer.accessToken);
        QCOMPARE(published.status, 200);
        QCOMPARE(published.json().value("status").toString(), QStringLiteral("published"));
        QVERIFY(!published.json().value("published_at").isNull());
        QCOMPARE(m_api->post("/api/v1/events/" + id + "/publish", {}, m_organizer.accessToken).status,
                 200); // twice: no change
        QCOMPARE(outboxCount("event.published", id), 1);
        QCOMPARE(m_api->get("/api/v1/events/" + id).status, 200);
        QVERIFY(idsOf(m_api->get("/api/v1/events?limit=100")).contains(id));
        // Buyers see the ticket types of a published event.
        QCOMPARE(m_api->get("/api/v1/events/" + id + "/ticket-types").json().value("items").toArray().size(), 1);

        // An event that already started cannot be published.
        const auto past = m_api->post("/api/v1/events", eventBody("Past", -1), m_organizer.accessToken);
        QCOMPARE(past.status, 201);
        const QString pastId = past.json().value("id").toString();
        QCOMPARE(m_api
                     ->post("/api/v1/events/" + pastId + "/ticket-types", ticketTypeBody("Late", 10, -0.95),
                            m_organizer.accessToken)
                     .status,
                 201);
        refused = m_api->post("/api/v1/events/" + pastId + "/publish", {}, m_organizer.accessToken);
        QCOMPARE(refused.status, 409);
        QVERIFY(
            refused.json().value("error").toObject().value("details").toObject().value("missing").toArray().contains(
                "a start in the future"));
    }

    void staleWritesAreRefused()
    {
        const QString id = createEvent(m_organizer, "Versioned");
        const QString path = "/api/v1/events/" + id;
        const auto patch = [&](const QJsonObject& body, const QByteArray& ifMatch) {
            HttpClient::Headers headers = AuthApi::bearer(m_organizer.accessToken);
            if (!ifMatch.isEmpty())
                headers.insert("If-Match", ifMatch);
            return m_client.send("PATCH", m_server->url(path), QJsonDocument(body).toJson(), headers);
        };
        auto first = patch({{"title", "Versioned 2"}}, "\"1\"");
        QCOMPARE(first.status, 200);
        QCOMPARE(first.json().value("version").toInt(), 2);
        QCOMPARE(first.header("etag"), QByteArray("\"2\""));
        const auto stale = patch({{"title", "Lost update"}}, "\"1\"");
        QCOMPARE(stale.status, 409);
        QCOMPARE(stale.json().value("error").toObject().value("details").toObject().value("current_version").toInt(),
                 2);
        QCOMPARE(m_api->get(path, m_organizer.accessToken).json().value("title").toString(),
                 QStringLiteral("Versioned 2"));
        QCOMPARE(patch({{"venue", "Санкт-Петербург"}, {"version", 2}}, {}).status, 200);
        QCOMPARE(patch({{"venue", "x"}}, "garbage").status, 422);
        QCOMPARE(patch({{"venue", "x"}, {"version", 1}}, "\"3\"").status, 422);
        QCOMPARE(patch({}, {}).status, 422);
        QCOMPARE(patch({{"ends_at", inDays(1)}}, {}).status, 422); // before the start
        QCOMPARE(patch({{"timezone", "Nowhere/Land"}}, {}).status, 422);
        QCOMPARE(patch({{"cover_url", "https://cdn.example.org/c.jpg"}}, {}).json().value("cover_url").toString(),
                 QStringLiteral("https://cdn.example.org/c.jpg"));
        QVERIFY(patch({{"cover_url", ""}}, {}).json().value("cover_url").isNull());
    }

    void anotherOrganizerCannotWrite()
    {
        const QString draft = createEvent(m_organizer, "Mine (draft)");
        const QString published = createPublishedEvent(m_organizer, "Mine (published)");
        const QString typeId = m_api->get("/api/v1/events/" + published + "/ticket-types", m_organizer.accessToken)
                                   .json()
                                   .value("items")
                                   .toArray()
                                   .at(0)
                                   .toObject()
                                   .value("id")
                                   .toString();
        struct Write {
            QByteArray method;
            QString path;
            QJsonObject body;
        };
        for (const auto& [eventId, expected] : {std::pair{draft, 404}, std::pair{published, 403}}) {
            const QList<Write> writes = {
                {"PATCH", "/api/v1/events/" + eventId, {{"title", "Hijacked"}}},
                {"POST", "/api/v1/events/" + eventId + "/publish", {}},
                {"POST", "/api/v1/events/" + eventId + "/cancel", {{"reason", "spite"}}},
                {"PUT", "/api/v1/events/" + eventId + "/schedule", {{"items", QJsonArray{}}}},
                {"POST", "/api/v1/events/" + eventId + "/ticket-types", ticketTypeBody("Fake")},
            };
            for (const auto& write : writes) {
                const auto refused = m_client.send(write.method, m_server->url(write.path),
                                                   QJsonDocument(write.body).toJson(),
                                                   AuthApi::bearer(m_rival.accessToken));
                QVERIFY2(refused.status == expected,
                         qPrintable(write.method + " " + write.path + " → " + QString::number(refused.status)));
                // An attendee learns no more than a rival: rights are the event's (its team), not a role's.
                const auto attendee = m_client.send(write.method, m_server->url(write.path),
                                                    QJsonDocument(write.body).toJson(),
                                                    AuthApi::bearer(m_buyer.accessToken));
                QCOMPARE(attendee.status, expected);
            }
        }
        QCOMPARE(
            m_api
                ->raw("PATCH", "/api/v1/ticket-types/" + typeId, R"({"quota":1})", AuthApi::bearer(m_rival.accessToken))
                .status,
            403);
        // Nothing changed; an admin may change anyone's event.
        QCOMPARE(m_api->get("/api/v1/events/" + published).json().value("title").toString(),
                 QStringLiteral("Mine (published)"));
        QCOMPARE(m_api->get("/api/v1/events/" + draft, m_organizer.accessToken).json().value("status").toString(),
                 QStringLiteral("draft"));
        QCOMPARE(m_api
                     ->raw("PATCH", "/api/v1/events/" + published, R"({"title":"Fixed by admin"})",
                           AuthApi::bearer(m_admin.accessToken))
                     .status,
                 200);
    }

    void cancelling()
    {
        const QString id = createPublishedEvent(m_organizer, "To cancel");
        QCOMPARE(m_api->post("/api/v1/events/" + id + "/cancel", {}, m_organizer.accessToken).status, 422);
        QCOMPARE(m_api->post("/api/v1/events/" + id + "/cancel", {{"reason", "  "}}, m_organizer.accessToken).status,
                 422);
        const auto cancelled = m_api->post("/api/v1/events/" + id + "/cancel", {{"reason", "Площадка закрыта"}},
                                           m_organizer.accessToken);
        QCOMPARE(cancelled.status, 200);
        QCOMPARE(cancelled.json().value("status").toString(), QStringLiteral("cancelled"));
        QCOMPARE(cancelled.json().value("cancel_reason").toString(), QStringLiteral("Площадка закрыта"));
        QCOMPARE(outboxCount("event.cancelled", id), 1);
        QCOMPARE(m_api->post("/api/v1/events/" + id + "/cancel", {{"reason", "again"}}, m_organizer.accessToken).status,
                 409);
        QCOMPARE(
            m_api->raw("PATCH", "/api/v1/events/" + id, R"({"title":"x"})", AuthApi::bearer(m_organizer.accessToken))
                .status,
            409);
        QCOMPARE(m_api->post("/api/v1/events/" + id + "/publish", {}, m_organizer.accessToken).status, 409);
        QCOMPARE(
            m_api->post("/api/v1/events/" + id + "/ticket-types", ticketTypeBody(), m_organizer.accessToken).status,
            409);
        QVERIFY(!idsOf(m_api->get("/api/v1/events?limit=100")).contains(id));
        QCOMPARE(m_api->get("/api/v1/events/" + id).status, 200); // still readable: buyers learn it was cancelled
    }

    void schedules()
    {
        const QString id = createEvent(m_organizer, "Conference", 40, 8);
        const QString start =
            m_api->get("/api/v1/events/" + id, m_organizer.accessToken).json().value("starts_at").toString();
        const QDateTime begin = QDateTime::fromString(start, Qt::ISODateWithMs);
        const auto at = [&](int minutes) { return begin.addSecs(minutes * 60).toString(Qt::ISODate); };
        const QJsonArray items = {QJsonObject{{"starts_at", at(60)},
                                              {"ends_at", at(120)},
                                              {"title", "Второй доклад"},
                                              {"speaker", "Иванов"},
                                              {"room", "A"}},
                                  QJsonObject{{"starts_at", at(0)}, {"ends_at", at(50)}, {"title", "Opening"}}};
        const auto stored = m_api->put("/api/v1/events/" + id + "/schedule", {{"items", items}},
                                       m_organizer.accessToken);
        QCOMPARE(stored.status, 200);
        const QJsonArray back = stored.json().value("items").toArray();
        QCOMPARE(back.size(), 2);
        QCOMPARE(back.at(0).toObject().value("title").toString(), QStringLiteral("Opening")); // ordered by time
        QVERIFY(back.at(0).toObject().value("speaker").isNull());
        QCOMPARE(
            m_api->get("/api/v1/events/" + id + "/schedule", m_organizer.accessToken).json().value("items").toArray(),
            back);
        QCOMPARE(m_api->get("/api/v1/events/" + id + "/schedule").status, 404); // a draft's schedule is private too

        const auto outside = m_api->put(
            "/api/v1/events/" + id + "/schedule",
            {{"items", QJsonArray{QJsonObject{{"starts_at", at(-60)}, {"ends_at", at(10)}, {"title", "Too early"}}}}},
            m_organizer.accessToken);
        QCOMPARE(outside.status, 422);
        QVERIFY(outside.problemFields().contains("items[0]"));
        QCOMPARE(
            m_api
                ->put("/api/v1/events/" + id + "/schedule",
                      {{"items",
                        QJsonArray{QJsonObject{{"starts_at", at(30)}, {"ends_at", at(10)}, {"title", "Backwards"}}}}},
                      m_organizer.accessToken)
                .status,
            422);
        QCOMPARE(m_api
                     ->put("/api/v1/events/" + id + "/schedule", {{"items", QJsonArray{QJsonObject{{"title", 5}}}}},
                           m_organizer.accessToken)
                     .status,
                 422);
        QCOMPARE(m_api->put("/api/v1/events/" + id + "/schedule", {{"items", "none"}}, m_organizer.accessToken).status,
                 422);
        QCOMPARE(m_api->put("/api/v1/events/" + id + "/schedule", {}, m_organizer.accessToken).status, 422);
        QCOMPARE(m_api->get("/api/v1/events/" + id + "/schedule", m_organizer.accessToken)
                     .json()
                     .value("items")
                     .toArray()
                     .size(),
                 2); // unchanged
        QCOMPARE(m_api->put("/api/v1/events/" + id + "/schedule", {{"items", QJsonArray{}}}, m_organizer.accessToken)
                     .json()
                     .value("items")
                     .toArray()
                     .size(),
                 0);
    }

    void listingFiltersSortsAndPages()
    {
        const QString marker = "Rally" + QString::number(QDateTime::currentMSecsSinceEpoch());
        QList<QString> created;
        for (int i = 0; i < 5; ++i)
            created.append(createPublishedEvent(m_organizer, marker + " " + QString::number(i), 50 + i));
        createEvent(m_organizer, marker + " draft"); // never listed publicly

        QList<QString> seen;
        QString cursor;
        int pages = 0;
        do {
            const auto page = m_api->get("/api/v1/events?limit=2&q=" + marker.toLower() +
                                         (cursor.isEmpty() ? "" : "&cursor=" + cursor));
            QCOMPARE(page.status, 200);
            for (const auto& item : page.json().value("items").toArray())
                seen.append(item.toObject().value("id").toString());
            cursor = page.json().value("next_cursor").toString();
            ++pages;
        } while (!cursor.isEmpty() && pages < 10);
        QCOMPARE(seen, created); // starts_at ascending, each once
        QCOMPARE(pages, 3);

        QList<QString> reversed = idsOf(m_api->get("/api/v1/events?sort=-starts_at&limit=100&q=" + marker));
        std::reverse(reversed.begin(), reversed.end());
        QCOMPARE(reversed, created);
        const QString from = QDateTime::currentDateTimeUtc().addDays(52).addSecs(-3600).toString(Qt::ISODate);
        QCOMPARE(
            idsOf(m_api->get("/api/v1/events?limit=100&q=" + marker + "&from=" + QUrl::toPercentEncoding(from))).size(),
            3);
        QCOMPARE(idsOf(m_api->get("/api/v1/events?limit=100&q=" + marker + "&organizer=" + m_rival.id)).size(), 0);
        QCOMPARE(idsOf(m_api->get("/api/v1/events?limit=100&q=" + marker + "&category=1")).size(), 5);
        QCOMPARE(idsOf(m_api->get("/api/v1/events?limit=100&q=" + marker + "&category=2")).size(), 0);
        QCOMPARE(idsOf(m_api->get("/api/v1/events?limit=100&q=%25")).size(), 0); // % is literal
        QCOMPARE(
            idsOf(m_api->get("/api/v1/events?mine=true&status=draft&limit=100&q=" + marker, m_organizer.accessToken))
                .size(),
            1);
        // Out-of-range numbers and bytes that are not UTF-8 are refused, never a server error.
        QCOMPARE(m_api->get("/api/v1/events?category=99999999999").status, 200);
        QCOMPARE(m_api->get("/api/v1/events?q=%FF%FE").status, 400);
        QCOMPARE(m_api->get("/api/v1/events/%FF").status, 400);
        for (const QString& bad : {"sort=title", "limit=0", "limit=1000", "cursor=abc", "from=yesterday", "category=x",
                                   "organizer=me", "status=draft", "mine=yes"}) {
            const auto refused = m_api->get("/api/v1/events?" + bad);
            QVERIFY2(refused.status == 422, qPrintable(bad + " → " + QString::number(refused.status)));
        }
    }

    void categories()
    {
        const auto listed = m_api->get("/api/v1/categories");
        QCOMPARE(listed.status, 200);
        QVERIFY(listed.json().value("items").toArray().size() >= 9);
        const QString slug = "slug-" + QString::number(QDateTime::currentMSecsSinceEpoch());
        QCOMPARE(
            m_api->post("/api/v1/categories", {{"slug", slug}, {"name", "Лекции"}}, m_organizer.accessToken).status,
            403);
        const auto created = m_api->post("/api/v1/categories", {{"slug", slug}, {"name", "Лекции"}},
                                         m_admin.accessToken);
        QCOMPARE(created.status, 201);
        const QString id = QString::number(created.json().value("id").toInteger());
        QCOMPARE(m_api->post("/api/v1/categories", {{"slug", slug}, {"name", "Again"}}, m_admin.accessToken).status,
                 409);
        QCOMPARE(m_api->post("/api/v1/categories", {{"slug", "Bad Slug"}, {"name", "x"}}, m_admin.accessToken).status,
                 422);
        QCOMPARE(m_api
                     ->raw("PATCH", "/api/v1/categories/" + id, R"({"name":"Лекции и семинары"})",
                           AuthApi::bearer(m_admin.accessToken))
                     .json()
                     .value("name")
                     .toString(),
                 QStringLiteral("Лекции и семинары"));
        QCOMPARE(
            m_api->raw("PATCH", "/api/v1/categories/999999", R"({"name":"x"})", AuthApi::bearer(m_admin.accessToken))
                .status,
            404);
        QCOMPARE(m_api->remove("/api/v1/categories/1", {}, m_admin.accessToken).status, 409); // in use
        QCOMPARE(m_api->remove("/api/v1/categories/" + id, {}, m_admin.accessToken).status, 204);
        QCOMPARE(m_api->remove("/api/v1/categories/" + id, {}, m_admin.accessToken).status, 404);
        QCOMPARE(m_api->remove("/api/v1/categories/abc", {}, m_admin.accessToken).status, 404);
    }

    void ticketTypesGuardWhatIsSold()
    {
        const QString id = createEvent(m_organizer, "Guarded", 20);
        const QString path = "/api/v1/events/" + id + "/ticket-types";
        for (const auto& [field, value] : {std::pair<QString, QJsonValue>{"currency", "XXX"},
                                           {"currency", "rub"},
                                           {"price", -1},
                                           {"price", 1.5},
                                           {"quota", -5},
                                           {"sales_end", inDays(25)},
                                           {"sales_start", "soon"},
                                           {"name", ""},
                                           {"max_per_order", 0}}) {
            QJsonObject body = ticketTypeBody("Standard", 100, 19);
            body.insert(field, value);
            const auto refused = m_api->post(path, body, m_organizer.accessToken);
            QVERIFY2(refused.status == 422 && refused.problemFields().contains(field),
                     qPrintable(field + " → " + QString::number(refused.status) + " " + refused.body));
        }
        QJsonObject inverted = ticketTypeBody("Standard", 100, 19);
        inverted.insert("min_per_order", 5);
        inverted.insert("max_per_order", 2);
        QCOMPARE(m_api->post(path, inverted, m_organizer.accessToken).status, 422);

        const auto created = m_api->post(path, ticketTypeBody("VIP", 50, 19), m_organizer.accessToken);
        QCOMPARE(created.status, 201);
        const QString typePath = "/api/v1/ticket-types/" + created.json().value("id").toString();
        const auto patch = [&](const QByteArray& body) {
            return m_api->raw("PATCH", typePath, body, AuthApi::bearer(m_organizer.accessToken));
        };
        QCOMPARE(patch(R"({"quota":80,"price":200000})").json().value("quota").toInt(), 80);
        QCOMPARE(patch(R"({"currency":"EUR"})").status, 200); // nothing sold yet
        QCOMPARE(patch(R"({})").status, 422);
        QCOMPARE(patch(R"({"min_per_order":20,"max_per_order":5})").status, 422);
        QCOMPARE(patch(R"({"sales_end":")" + inDays(30).toUtf8() + R"("})").status, 422); // after the event

        // Sell 30 seats the way orders will (one shard), then try to break them.
        m_database.query(
            "UPDATE tickets.quota_shards SET capacity = sold + 30, sold = sold + 30 WHERE shard = 0 AND ticket_type_id = '" +
            created.json().value("id").toString().toStdString() + "' RETURNING 1");
        QCOMPARE(m_api->get(path, m_organizer.accessToken)
                     .json()
                     .value("items")
                     .toArray()
                     .at(0)
                     .toObject()
                     .value("sold")
                     .toInt(),
                 30);
        const auto below = patch(R"({"quota":29})");
        QCOMPARE(below.status, 409);
        QCOMPARE(below.json().value("error").toObject().value("details").toObject().value("sold").toInt(), 30);
        QCOMPARE(patch(R"({"currency":"USD"})").status, 409);
        const auto exact = patch(R"({"quota":30})");
        QCOMPARE(exact.status, 200);
        QCOMPARE(exact.json().value("available").toInt(), 0);
        QCOMPARE(m_database.query("SELECT sum(capacity) FROM tickets.quota_shards WHERE ticket_type_id = '" +
                                  created.json().value("id").toString().toStdString() + "'"),
                 std::string("30"));
        QCOMPARE(patch(R"({"quota":46})").json().value("available").toInt(), 16);
        // Buyers see only active types; the organizer sees all.
        QCOMPARE(patch(R"({"active":false})").json().value("active").toBool(), false);
        QCOMPARE(m_api->get(path, m_organizer.accessToken).json().value("items").toArray().size(), 1);
        QCOMPARE(m_api
                     ->raw("PATCH", "/api/v1/ticket-types/00000000-0000-0000-0000-000000000000", R"({"quota":1})",
                           AuthApi::bearer(m_organizer.accessToken))
                     .status,
                 404);
    }

    void remindersGoOutOnceAndEndedEventsComplete()
    {
        // Starts in one hour: inside the 2 h lead this server runs with.
        const QString soon = createPublishedEvent(m_organizer, "Soon", 1.0 / 24, 1);
        QTRY_COMPARE_WITH_TIMEOUT(outboxCount("event.reminder", soon), 1, 10000);
        const QString later = createPublishedEvent(m_organizer, "Later", 10);
        QTest::qWait(600); // three job turns
        QCOMPARE(outboxCount("event.reminder", soon), 1);
        QCOMPARE(outboxCount("event.reminder", later), 0);
        // A restart does not send again.
        QCOMPARE(m_server->stop(), 0);
        QVERIFY(m_server->start());
        QTest::qWait(600);
        QCOMPARE(outboxCount("event.reminder", soon), 1);

        // An event whose end has passed becomes completed.
        m_database.query(
            "UPDATE events.events SET starts_at = now() - interval '3 hours', ends_at = now() - interval '1 hour' WHERE id = '" +
            later.toStdString() + "' RETURNING 1");
        QTRY_COMPARE_WITH_TIMEOUT(m_api->get("/api/v1/events/" + later).json().value("status").toString(),
                                  QStringLiteral("completed"), 10000);
        QCOMPARE(
            m_api->raw("PATCH", "/api/v1/events/" + later, R"({"title":"x"})", AuthApi::bearer(m_organizer.accessToken))
                .status,
            409);
    }

private:
    QString createEvent(const SignedInUser& owner, const QString& title, double startInDays = 30, double hours = 3)
    {
        const auto created = m_api->post("/api/v1/events", eventBody(title, startInDays, hours), owner.accessToken);
        return created.status == 201 ? created.json().value("id").toString() : QString();
    }

    QString createPublishedEvent(const SignedInUser& owner, const QString& title, double startInDays = 30,
                                 double hours = 3)
    {
        const QString id = createEvent(owner, title, startInDays, hours);
        const double salesEnd = startInDays - 0.001;
        m_api->post("/api/v1/events/" + id + "/ticket-types", ticketTypeBody("Standard", 100, salesEnd),
                    owner.accessToken);
        return m_api->post("/api/v1/events/" + id + "/publish", {}, owner.accessToken).status == 200 ? id : QString();
    }

    static QList<QString> idsOf(const HttpResult& result)
    {
        QList<QString> ids;
        for (const auto& item : result.json().value("items").toArray())
            ids.append(item.toObject().value("id").toString());
        return ids;
    }

    int outboxCount(const std::string& type, const QString& eventId)
    {
        return std::stoi(m_database.query("SELECT count(*) FROM events.outbox WHERE type = '" + type +
                                          "' AND aggregateid = '" + eventId.toStdString() + "'"));
    }
};

QTEST_MAIN(TestEvents)
#include "test_events.moc"
