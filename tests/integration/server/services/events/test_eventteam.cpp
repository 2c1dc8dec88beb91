// An event's team and copies of events over real HTTP against a real sbor-server and PostgreSQL
// (issue 16): the organizer adds people by email as co-organizers or door staff, a co-organizer
// manages that event only, door staff work its door only; every change is audited and the person
// is told. A copy is a new draft with the same ticket types (nothing sold), lists and schedule,
// moved with the dates. Another organizer, a buyer and a kiosk can neither read nor change either.
#include "integrationsuite.h"
#include "salesapi.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QtTest>

using namespace sbor::test;

namespace {

QString teamPath(const QString& eventId) { return "/api/v1/events/" + eventId + "/team"; }

qint64 secondsBetween(const QString& from, const QString& to)
{
    return QDateTime::fromString(from, Qt::ISODateWithMs).secsTo(QDateTime::fromString(to, Qt::ISODateWithMs));
}

} // namespace

class TestEventTeam : public IntegrationSuite {
    Q_OBJECT
private slots:
    void initTestCase()
    {
        QVERIFY2(startServer(), problem());
        QVERIFY2(signInAdmin() && signUpOrganizer() && signUpRival() && signUpBuyer(), problem());
        m_helper = m_api->signUp("helper");
        m_doorman = m_api->signUp("doorman");
        QVERIFY(!m_helper.id.isEmpty() && !m_doorman.id.isEmpty());
        QVERIFY2(publishEvent(m_event, "Team night", 40,
                              {{m_type, {{"name", "Entry"}, {"price", 0}, {"quota", 20}}},
                               {m_vip, {{"name", "VIP"}, {"price", 2500}, {"quota", 5}}}}),
                 problem());
        m_list = m_api
                     ->post("/api/v1/events/" + m_event + "/checkin-lists",
                            {{"name", "VIP door"}, {"ticket_type_ids", QJsonArray{m_vip}}, {"multi_entry", true}},
                            m_organizer.accessToken)
                     .json()
                     .value("id")
                     .toString();
        QVERIFY(!m_list.isEmpty());
        // A kiosk of this very event: a device token is for the door, never for the team.
        const auto issued = m_api->post("/api/v1/events/" + m_event + "/enrollments",
                                        {{"list_id", m_list}, {"name", "Kiosk"}}, m_organizer.accessToken);
        QCOMPARE(issued.status, 201);
        m_kioskToken = m_api->post("/api/v1/devices/enroll", {{"code", issued.json().value("code").toString()}})
                           .json()
                           .value("device_token")
                           .toString();
        QVERIFY(!m_kioskToken.isEmpty());
    }

    void addingValidatesItsInput_data()
    {
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<int>("status");
        QTest::addColumn<QString>("field");
        QTest::newRow("no email") << QByteArray(R"({"role":"door"})") << 422 << "email";
        QTest::newRow("no role") << QByteArray(R"({"email":"a@example.org"})") << 422 << "role";
        QTest::newRow("unknown role") << QByteArray(R"({"email":"a@example.org","role":"owner"})") << 422 << "role";
        QTest::newRow("not an email") << QByteArray(R"({"email":"nobody","role":"door"})") << 422 << "email";
        QTest::newRow("role as number") << QByteArray(R"({"email":"a@example.org","role":1})") << 422 << "role";
        QTest::newRow("unknown field") << QByteArray(R"({"email":"a@example.org","role":"door","x":1})") << 422 << "x";
        QTest::newRow("no account") << QByteArray(R"({"email":"nobody-here@example.org","role":"door"})") << 422
                                    << "email";
        QTest::newRow("broken json") << QByteArray(R"({"email":)") << 400 << "";
    }

    void addingValidatesItsInput()
    {
        QFETCH(QByteArray, body);
        QFETCH(int, status);
        QFETCH(QString, field);
        const auto answer = m_api->raw("POST", teamPath(m_event), body, AuthApi::bearer(m_organizer.accessToken));
        QCOMPARE(answer.status, status);
        if (!field.isEmpty()) {
            const QJsonArray fields =
                answer.json().value("error").toObject().value("details").toObject().value("fields").toArray();
            QVERIFY2(!fields.isEmpty() && fields.at(0).toObject().value("field").toString() == field,
                     answer.body.constData());
        }
        QCOMPARE(m_database.query("SELECT count(*) FROM events.team_members"), std::string("0"));
    }

    void theOrganizerAddsListsAndChangesTheTeam()
    {
        const auto organizerSelf = m_api->post(teamPath(m_event), {{"email", m_organizer.email}, {"role", "door"}},
                                               m_organizer.accessToken);
        QCOMPARE(organizerSelf.status, 422); // the organizer has every right already

        // By email in another letter case: the account is found as sign-in finds it.
        const auto added = m_api->post(teamPath(m_event), {{"email", m_helper.email.toUpper()}, {"role", "door"}},
                                       m_organizer.accessToken);
        QCOMPARE(added.status, 201);
        QCOMPARE(added.json().value("user_id").toString(), m_helper.id);
        QCOMPARE(added.json().value("email").toString(), m_helper.email);
        QCOMPARE(added.json().value("role").toString(), QStringLiteral("door"));
        QCOMPARE(added.json().value("added_by").toString(), m_organizer.id);
        // The same again changes nothing; another role changes the seat, not the count.
        QCOMPARE(m_api->post(teamPath(m_event), {{"email", m_helper.email}, {"role", "door"}}, m_organizer.accessToken)
                     .status,
                 200);
        const auto promoted = m_api->post(teamPath(m_event), {{"email", m_helper.email}, {"role", "co_organizer"}},
                                          m_organizer.accessToken);
        QCOMPARE(promoted.status, 200);
        QCOMPARE(promoted.json().value("role").toString(), QStringLiteral("co_organizer"));
        QCOMPARE(m_api->post(teamPath(m_event), {{"email", m_doorman.email}, {"role", "door"}}, m_organizer.accessToken)
                     .status,
                 201);

        const auto team = m_api->get(teamPath(m_event), m_organizer.accessToken);
        QCOMPARE(team.status, 200);
        const QJsonArray items = team.json().value("items").toArray();
        QCOMPARE(items.size(), 2);
        QCOMPARE(items.at(0).toObject().value("user_id").toString(), m_helper.id); // oldest first
        QCOMPARE(items.at(1).toObject().value("role").toString(), QStringLiteral("door"));
        QVERIFY(team.json().value("next_cursor").isNull());
    }

    void aCoOrganizerManagesThatEventOnly()
    {
        // m_helper is a plain account (no organizer role): the seat is what gives the rights.
        QCOMPARE(m_api
                     ->raw("PATCH", "/api/v1/events/" + m_event, R"({"venue":"Hall 2"})",
                           AuthApi::bearer(m_helper.accessToken))
                     .status,
                 200);
        QCOMPARE(m_api
                     ->post("/api/v1/events/" + m_event + "/ticket-types",
                            {{"name", "Late"},
                             {"price", 0},
                             {"currency", "RUB"},
                             {"quota", 3},
                             {"sales_start", inDays(-1)},
                             {"sales_end", inDays(39)}},
                            m_helper.accessToken)
                     .status,
                 201);
        QCOMPARE(m_api->get("/api/v1/events/" + m_event + "/orders", m_helper.accessToken).status, 200);
        QCOMPARE(m_api->get("/api/v1/events/" + m_event + "/stats", m_helper.accessToken).status, 200);
        QCOMPARE(m_api->get(teamPath(m_event), m_helper.accessToken).status, 200);
        // Not the team itself: that stays the organizer's.
        QCOMPARE(
            m_api->post(teamPath(m_event), {{"email", m_buyer.email}, {"role", "door"}}, m_helper.accessToken).status,
            403);
        // And nothing of another event of the same organizer.
        const QString other = m_sales->createEvent("Other night", 45);
        QVERIFY(!other.isEmpty());
        QCOMPARE(
            m_api->raw("PATCH", "/api/v1/events/" + other, R"({"venue":"x"})", AuthApi::bearer(m_helper.accessToken))
                .status,
            404);
        QCOMPARE(m_api->get("/api/v1/events/" + other + "/orders", m_helper.accessToken).status, 404);
        // "My events" lists what one co-organizes.
        const auto mine = m_api->get("/api/v1/events?mine=true", m_helper.accessToken);
        QCOMPARE(mine.status, 200);
        QCOMPARE(mine.json().value("items").toArray().size(), 1);
        QCOMPARE(mine.json().value("items").toArray().at(0).toObject().value("id").toString(), m_event);
    }

    void doorStaffWorkTheDoorAndNothingElse()
    {
        QCOMPARE(m_api->get("/api/v1/events/" + m_event + "/checkin-lists", m_doorman.accessToken).status, 200);
        QCOMPARE(m_api->get("/api/v1/checkin/search?list_id=" + m_list + "&q=guest", m_doorman.accessToken).status,
                 200);
        QCOMPARE(
            m_api->raw("PATCH", "/api/v1/events/" + m_event, R"({"venue":"x"})", AuthApi::bearer(m_doorman.accessToken))
                .status,
            403);
        QCOMPARE(m_api->get("/api/v1/events/" + m_event + "/orders", m_doorman.accessToken).status, 403);
        QCOMPARE(m_api->get("/api/v1/events/" + m_event + "/attendees", m_doorman.accessToken).status, 403);
        QCOMPARE(m_api->get(teamPath(m_event), m_doorman.accessToken).status, 403);
        QCOMPARE(m_api->post("/api/v1/events/" + m_event + "/checkin-lists", {{"name", "Mine"}}, m_doorman.accessToken)
                     .status,
                 403);
    }

    void strangersNeitherSeeNorChangeTheTeam()
    {
        const QString memberPath = teamPath(m_event) + "/" + m_doorman.id;
        for (const auto& [who, token] :
             {std::pair{"rival", m_rival.accessToken}, std::pair{"buyer", m_buyer.accessToken}}) {
            QCOMPARE(m_api->get(teamPath(m_event), token).status,
                     403); // a published event: it exists, it is not theirs
            QCOMPARE(m_api->post(teamPath(m_event), {{"email", m_rival.email}, {"role", "co_organizer"}}, token).status,
                     403);
            QVERIFY2(m_api->remove(memberPath, {}, token).status == 403, who);
        }
        // A kiosk of this event: its token is for the door only.
        QCOMPARE(m_api->get(teamPath(m_event), m_kioskToken).status, 403);
        QCOMPARE(m_api->post(teamPath(m_event), {{"email", m_rival.email}, {"role", "door"}}, m_kioskToken).status,
                 403);
        QCOMPARE(m_api->remove(memberPath, {}, m_kioskToken).status, 403);
        QCOMPARE(m_api->get(teamPath(m_event)).status, 401);
        // A draft's team is nobody else's business at all.
        const QString draft = m_sales->createEvent("Secret", 50);
        QCOMPARE(m_api->get(teamPath(draft), m_rival.accessToken).status, 404);
        QCOMPARE(m_api->post(teamPath(draft), {{"email", m_rival.email}, {"role", "door"}}, m_rival.accessToken).status,
                 404);
        QCOMPARE(m_api->get(teamPath("not-an-id"), m_organizer.accessToken).status, 404);
        QCOMPARE(m_api->remove(teamPath(m_event) + "/not-an-id", {}, m_organizer.accessToken).status, 404);
        QCOMPARE(m_database.query("SELECT count(*) FROM events.team_members WHERE event_id = '" +
                                  m_event.toStdString() + "'"),
                 std::string("2"));
    }

    void theAuditLogAndThePersonHearOfIt()
    {
        // Asynchronous, through the bus: the audit log names who added whom.
        const auto auditOf = [&] {
            return m_api->get("/api/v1/admin/audit-log?target=" + m_doorman.id, m_admin.accessToken)
                .json()
                .value("items")
                .toArray();
        };
        QTRY_VERIFY_WITH_TIMEOUT(!auditOf().isEmpty(), 15000);
        const QJsonObject entry = auditOf().at(0).toObject();
        QCOMPARE(entry.value("action").toString(), QStringLiteral("event.team_member_added"));
        QCOMPARE(entry.value("actor_id").toString(), m_organizer.id);
        QCOMPARE(entry.value("details").toObject().value("event_id").toString(), m_event);
        QCOMPARE(entry.value("details").toObject().value("role").toString(), QStringLiteral("door"));
        // The person finds it in their inbox.
        const auto inbox = [&] {
            return m_api->get("/api/v1/notifications", m_doorman.accessToken).json().value("items").toArray();
        };
        QTRY_VERIFY_WITH_TIMEOUT(!inbox().isEmpty(), 15000);
        const QJsonObject notice = inbox().at(0).toObject();
        QCOMPARE(notice.value("type").toString(), QStringLiteral("event.team_member_added"));
        QVERIFY2(notice.value("title").toString().contains("Team night"), qPrintable(notice.value("title").toString()));
    }

    void removingEndsTheRights()
    {
        QCOMPARE(m_api->remove(teamPath(m_event) + "/" + m_doorman.id, {}, m_organizer.accessToken).status, 200);
        QCOMPARE(m_api->remove(teamPath(m_event) + "/" + m_doorman.id, {}, m_organizer.accessToken).status, 404);
        QTRY_COMPARE_WITH_TIMEOUT(
            m_api->get("/api/v1/events/" + m_event + "/checkin-lists", m_doorman.accessToken).status, 404, 5000);
        // A member may leave by themselves.
        QCOMPARE(m_api->remove(teamPath(m_event) + "/" + m_helper.id, {}, m_helper.accessToken).status, 200);
        QCOMPARE(m_api
                     ->raw("PATCH", "/api/v1/events/" + m_event, R"({"venue":"Hall 3"})",
                           AuthApi::bearer(m_helper.accessToken))
                     .status,
                 403);
        QTRY_VERIFY_WITH_TIMEOUT(m_api->get("/api/v1/admin/audit-log?target=" + m_helper.id, m_admin.accessToken)
                                         .json()
                                         .value("items")
                                         .toArray()
                                         .at(0)
                                         .toObject()
                                         .value("action")
                                         .toString() == "event.team_member_removed",
                                 15000);
    }

    void aCopyIsADraftLikeTheEvent()
    {
        const auto source = m_api->get("/api/v1/events/" + m_event, m_organizer.accessToken).json();
        QCOMPARE(m_api
                     ->put("/api/v1/events/" + m_event + "/schedule",
                           {{"items",
                             QJsonArray{QJsonObject{{"starts_at", source.value("starts_at")},
                                                    {"ends_at", source.value("ends_at")},
                                                    {"title", "Opening"}}}}},
                           m_organizer.accessToken)
                     .status,
                 200);
        QCOMPARE(placeOrders(*m_api, m_event, m_type, m_buyer.accessToken, 2), 2);
        const QString newStart = inDays(47);
        const auto copied = m_api->post("/api/v1/events/" + m_event + "/copy",
                                        {{"title", "Team night II"}, {"starts_at", newStart}}, m_organizer.accessToken);
        QCOMPARE(copied.status, 201);
        const QJsonObject copy = copied.json();
        const QString copyId = copy.value("id").toString();
        QVERIFY(copyId != m_event);
        QCOMPARE(copy.value("status").toString(), QStringLiteral("draft"));
        QCOMPARE(copy.value("title").toString(), QStringLiteral("Team night II"));
        QCOMPARE(copy.value("venue").toString(), source.value("venue").toString());
        QCOMPARE(copy.value("organizer_id").toString(), m_organizer.id);
        const qint64 shift = secondsBetween(source.value("starts_at").toString(), copy.value("starts_at").toString());
        QCOMPARE(secondsBetween(source.value("ends_at").toString(), copy.value("ends_at").toString()), shift);

        // The ticket types, nothing sold, their sales windows moved as far as the event.
        const auto typesOf = [&](const QString& eventId) {
            return m_api->get("/api/v1/events/" + eventId + "/ticket-types", m_organizer.accessToken)
                .json()
                .value("items")
                .toArray();
        };
        const QJsonArray sourceTypes = typesOf(m_event), copyTypes = typesOf(copyId);
        QCOMPARE(copyTypes.size(), sourceTypes.size());
        for (int i = 0; i < copyTypes.size(); ++i) {
            const QJsonObject from = sourceTypes.at(i).toObject(), to = copyTypes.at(i).toObject();
            QCOMPARE(to.value("name").toString(), from.value("name").toString());
            QCOMPARE(to.value("price").toInteger(), from.value("price").toInteger());
            QCOMPARE(to.value("quota").toInt(), from.value("quota").toInt());
            QCOMPARE(to.value("sold").toInt(), 0);
            QCOMPARE(secondsBetween(from.value("sales_end").toString(), to.value("sales_end").toString()), shift);
        }
        // The lists, their allowed types mapped to the copies.
        const QJsonArray lists = m_api->get("/api/v1/events/" + copyId + "/checkin-lists", m_organizer.accessToken)
                                     .json()
                                     .value("items")
                                     .toArray();
        QCOMPARE(lists.size(), 1);
        const QJsonArray allowed = lists.at(0).toObject().value("ticket_type_ids").toArray();
        QCOMPARE(allowed.size(), 1);
        QVERIFY(allowed.at(0).toString() != m_vip);
        QCOMPARE(allowed.at(0).toString(), copyTypes.at(1).toObject().value("id").toString());
        // The schedule, moved.
        const QJsonArray schedule = m_api->get("/api/v1/events/" + copyId + "/schedule", m_organizer.accessToken)
                                        .json()
                                        .value("items")
                                        .toArray();
        QCOMPARE(schedule.size(), 1);
        QCOMPARE(schedule.at(0).toObject().value("starts_at").toString(), copy.value("starts_at").toString());
        QCOMPARE(
            m_database.query("SELECT count(*) FROM tickets.orders WHERE event_id = '" + copyId.toStdString() + "'"),
            std::string("0"));
    }

    void copiesRefuseStrangersAndBadInput()
    {
        const QString path = "/api/v1/events/" + m_event + "/copy";
        const std::string before = m_database.query("SELECT count(*) FROM events.events");
        QCOMPARE(m_api->post(path, {}, m_rival.accessToken).status, 403);
        QCOMPARE(m_api->post(path, {}, m_buyer.accessToken).status, 403);
        QCOMPARE(m_api->post(path, {}, m_kioskToken).status, 403);
        QCOMPARE(m_api->post(path, {}).status, 401);
        const QString draft = m_sales->createEvent("Draft to copy", 50);
        QCOMPARE(m_api->post("/api/v1/events/" + draft + "/copy", {}, m_rival.accessToken).status, 404);
        QCOMPARE(m_api->post("/api/v1/events/nope/copy", {}, m_organizer.accessToken).status, 404);
        QCOMPARE(m_api->post(path, {{"starts_at", "tomorrow"}}, m_organizer.accessToken).status, 422);
        QCOMPARE(m_api->post(path, {{"ends_at", inDays(50)}}, m_organizer.accessToken).status, 422); // without a start
        QCOMPARE(
            m_api->post(path, {{"starts_at", inDays(50)}, {"ends_at", inDays(49)}}, m_organizer.accessToken).status,
            422);
        QCOMPARE(m_api->post(path, {{"title", "   "}}, m_organizer.accessToken).status, 422);
        QCOMPARE(m_api->post(path, {{"title", 5}}, m_organizer.accessToken).status, 422);
        QCOMPARE(m_api->post(path, {{"colour", "red"}}, m_organizer.accessToken).status, 422);
        QCOMPARE(m_api->raw("POST", path, "[", AuthApi::bearer(m_organizer.accessToken)).status, 400);
        // Nothing was created by any of them (the draft made above is the one new event).
        QCOMPARE(std::stoi(m_database.query("SELECT count(*) FROM events.events")), std::stoi(before) + 1);
    }

private:
    SignedInUser m_helper, m_doorman;
    QString m_event, m_type, m_vip, m_list, m_kioskToken;
};

QTEST_GUILESS_MAIN(TestEventTeam)
#include "test_eventteam.moc"
