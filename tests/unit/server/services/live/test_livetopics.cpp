// The live feed's rules alone: which topics a bus message feeds, who may watch what, and the
// per-topic numbering with its bounded resume window.

#include "live/livetopics.h"
#include "live/topiclog.h"

#include <QTest>

using namespace sbor;
using namespace sbor::live;

namespace {
constexpr const char* kEvent = "11111111-1111-4111-8111-111111111111";
constexpr const char* kBuyer = "22222222-2222-4222-8222-222222222222";
constexpr const char* kOrganizer = "33333333-3333-4333-8333-333333333333";

bus::Message messageOf(const std::string& type, const nlohmann::json& data)
{
    return {
        "tickets", kEvent, "m1", type,
        nlohmann::json{{"id", "m1"}, {"type", type}, {"occurred_at", "2027-01-01T10:00:00Z"}, {"data", data}}.dump()};
}

// An event as the events service describes it to the hub: its organizer and its team.
std::optional<EventFacts> eventOf(const std::string& organizerId, const std::string& eventId = kEvent,
                                  std::vector<TeamSeat> team = {})
{
    EventFacts facts;
    facts.id = eventId;
    facts.organizerId = organizerId;
    facts.status = EventStatus::Published;
    facts.team = std::move(team);
    return facts;
}

std::vector<std::string> topicsOf(const bus::Message& message)
{
    std::vector<std::string> topics;
    for (const auto& frame : framesOf(message))
        topics.push_back(frame.topic);
    return topics;
}
} // namespace

class TestLiveTopics : public QObject {
    Q_OBJECT
private slots:
    void messagesFeedTheirEventBuyerAndAdmins()
    {
        const auto purchased = messageOf("ticket.purchased", {{"event_id", kEvent}, {"buyer_id", kBuyer}});
        QCOMPARE(topicsOf(purchased),
                 (std::vector<std::string>{std::string("event:") + kEvent, std::string("user:") + kBuyer}));
        QCOMPARE(framesOf(purchased).front().at, std::string("2027-01-01T10:00:00Z"));
        QCOMPARE(topicsOf(messageOf("ticket.checkin", {{"event_id", kEvent}})),
                 (std::vector<std::string>{std::string("event:") + kEvent}));
        QCOMPARE(topicsOf(messageOf("user.registered", {{"user_id", kBuyer}})), (std::vector<std::string>{"system"}));
        QCOMPARE(topicsOf(messageOf("event.cancelled", {{"event_id", kEvent}})).size(), std::size_t(2));
        // A person's in-app notification goes to that person alone, whatever its data mentions.
        const auto bell = messageOf("notification.created",
                                    {{"id", "n1"}, {"user_id", kBuyer}, {"data", {{"event_id", kEvent}}}});
        QCOMPARE(topicsOf(bell), (std::vector<std::string>{std::string("user:") + kBuyer}));
        QVERIFY(framesOf({"tickets", "k", "m", "x", "not json"}).empty());
        QVERIFY(framesOf({"tickets", "k", "m", "x", "{\"data\": 3}"}).empty());
    }

    void topicsAreStrict()
    {
        QVERIFY(parseTopic("system"));
        const auto event = parseTopic(std::string("event:") + "11111111-1111-4111-8111-11111111111A");
        QVERIFY(event && event->kind == TopicName::Kind::Event && event->id == "11111111-1111-4111-8111-11111111111a");
        for (const char* bad :
             {"event:42", "event:", "user:x", "System", "", "event:11111111-1111-4111-8111-111111111111 "})
            QVERIFY2(!parseTopic(bad), bad);
    }

    void whoMayWatchWhat()
    {
        access::Principal organizer{kOrganizer, {access::Role::Organizer}, "s", std::nullopt};
        access::Principal buyer{kBuyer, {access::Role::Attendee}, "s", std::nullopt};
        access::Principal admin{"44444444-4444-4444-8444-444444444444", {access::Role::Admin}, "s", std::nullopt};
        access::Principal kiosk{"", {}, "", access::DeviceScope{"d1", kEvent, "l1"}};
        const TopicName event{TopicName::Kind::Event, kEvent};
        const TopicName otherEvent{TopicName::Kind::Event, "55555555-5555-4555-8555-555555555555"};
        const TopicName buyerTopic{TopicName::Kind::User, kBuyer};
        const TopicName system{TopicName::Kind::System, ""};
        QVERIFY(mayWatch(organizer, event, eventOf(kOrganizer)));
        QVERIFY(!mayWatch(organizer, otherEvent, eventOf(kBuyer, otherEvent.id)));
        QVERIFY(!mayWatch(organizer, event, std::nullopt)); // no such event
        QVERIFY(!mayWatch(buyer, event, eventOf(kOrganizer)));
        QVERIFY(mayWatch(buyer, buyerTopic, std::nullopt));
        QVERIFY(!mayWatch(organizer, buyerTopic, std::nullopt));
        QVERIFY(mayWatch(admin, buyerTopic, std::nullopt));
        QVERIFY(mayWatch(admin, system, std::nullopt));
        QVERIFY(!mayWatch(organizer, system, std::nullopt));
        QVERIFY(mayWatch(kiosk, event, eventOf(kOrganizer)));
        QVERIFY(!mayWatch(kiosk, otherEvent, eventOf(kOrganizer, otherEvent.id)));
        QVERIFY(!mayWatch(kiosk, system, std::nullopt));
    }

    // Issue 16: the staff role alone works no door; a seat on the event's team does.
    void theTeamDecidesWhoWatchesAnEvent()
    {
        const std::string doorId = "66666666-6666-4666-8666-666666666666";
        const std::string coId = "77777777-7777-4777-8777-777777777777";
        access::Principal door{doorId, {access::Role::Staff}, "s", std::nullopt};
        access::Principal coOrganizer{coId, {access::Role::Attendee}, "s", std::nullopt};
        const TopicName event{TopicName::Kind::Event, kEvent};
        const auto staffed = eventOf(kOrganizer, kEvent, {{doorId, TeamRole::Door}, {coId, TeamRole::CoOrganizer}});
        QVERIFY(!mayWatch(door, event, eventOf(kOrganizer)));
        QVERIFY(!mayWatch(coOrganizer, event, eventOf(kOrganizer)));
        QVERIFY(mayWatch(door, event, staffed));
        QVERIFY(mayWatch(coOrganizer, event, staffed));
        QCOMPARE(audienceOf(door, event, staffed), Audience::DoorStaff);
        QCOMPARE(audienceOf(coOrganizer, event, staffed), Audience::Everything);
    }

    // Issue 13, defect 5: kiosks watching event:{id} received buyers' ids and holders' emails.
    void eachAudienceGetsWhatItsRoleSeesOverRest()
    {
        access::Principal organizer{kOrganizer, {access::Role::Organizer}, "s", std::nullopt};
        access::Principal admin{"44444444-4444-4444-8444-444444444444", {access::Role::Admin}, "s", std::nullopt};
        access::Principal staff{"66666666-6666-4666-8666-666666666666", {access::Role::Staff}, "s", std::nullopt};
        access::Principal kiosk{"", {}, "", access::DeviceScope{"d1", kEvent, "l1"}};
        const TopicName event{TopicName::Kind::Event, kEvent};
        const auto staffed = eventOf(kOrganizer, kEvent, {{staff.userId, TeamRole::Door}});
        QCOMPARE(audienceOf(organizer, event, staffed), Audience::Everything);
        QCOMPARE(audienceOf(admin, event, staffed), Audience::Everything);
        QCOMPARE(audienceOf(staff, event, staffed), Audience::DoorStaff);
        QCOMPARE(audienceOf(kiosk, event, staffed), Audience::Kiosk);
        QCOMPARE(audienceOf(staff, TopicName{TopicName::Kind::User, staff.userId}, std::nullopt), Audience::Everything);

        const nlohmann::json purchased = {{"ticket_id", "t1"},
                                          {"order_id", "o1"},
                                          {"event_id", kEvent},
                                          {"ticket_type_id", "y1"},
                                          {"buyer_id", kBuyer},
                                          {"holder_name", "Анна"},
                                          {"holder_email", "anna@example.org"},
                                          {"order_total", 1500},
                                          {"currency", "RUB"},
                                          {"order_ticket_count", 1}};
        QVERIFY(dataFor(Audience::Everything, "ticket.purchased", purchased).value() == purchased);
        const auto forStaff = dataFor(Audience::DoorStaff, "ticket.purchased", purchased).value();
        QCOMPARE(forStaff["holder_email"].get<std::string>(),
                 std::string("anna@example.org")); // door search shows staff the email
        QVERIFY(!forStaff.contains("buyer_id"));
        QVERIFY(!forStaff.contains("order_total"));
        const auto forKiosk = dataFor(Audience::Kiosk, "ticket.purchased", purchased).value();
        QCOMPARE(forKiosk["holder_name"].get<std::string>(), std::string("Анна"));
        QCOMPARE(forKiosk["ticket_id"].get<std::string>(), std::string("t1"));
        QVERIFY(!forKiosk.contains("holder_email"));
        QVERIFY(!forKiosk.contains("buyer_id"));
        QVERIFY(forKiosk.dump().find("example.org") == std::string::npos);
        // Orders and money are not the door's business at all.
        for (const char* type :
             {"order.created", "order.updated", "payment.succeeded", "refund.issued", "something.new"}) {
            QVERIFY2(!dataFor(Audience::Kiosk, type, {{"buyer_id", kBuyer}}), type);
            QVERIFY2(!dataFor(Audience::DoorStaff, type, {{"buyer_id", kBuyer}}), type);
        }
        const nlohmann::json checkin = {
            {"ticket_id", "t1"}, {"event_id", kEvent}, {"list_id", "l1"}, {"kind", "entry"}, {"device_id", "d1"}};
        QVERIFY(dataFor(Audience::Kiosk, "ticket.checkin", checkin).value() == checkin);
        const nlohmann::json cancelled = {{"ticket_id", "t1"}, {"buyer_id", kBuyer}, {"reason", "event_cancelled"}};
        QVERIFY(!dataFor(Audience::Kiosk, "ticket.cancelled", cancelled)->contains("buyer_id"));
    }

    void theLogResumesWithinItsWindowAndSaysResyncBeyond()
    {
        TopicLog log(3, 2, "run1");
        auto add = [&](const std::string& topic) {
            return log.append(topic, [](std::uint64_t seq, const std::string&) { return std::to_string(seq); });
        };
        QCOMPARE(add("a"), std::uint64_t(1));
        QCOMPARE(add("a"), std::uint64_t(2));
        QCOMPARE(log.since("a", 0).value(), (std::vector<std::string>{"1", "2"}));
        QCOMPARE(log.since("a", 2).value(), std::vector<std::string>{});
        add("a");
        add("a"); // 1 falls out of the window of 3
        QCOMPARE(log.since("a", 1).value(), (std::vector<std::string>{"2", "3", "4"}));
        QVERIFY(!log.since("a", 0)); // 1 is gone
        QVERIFY(!log.since("a", 9)); // from another life of the server
        QCOMPARE(log.lastSeq("a"), std::uint64_t(4));
        const std::string epochA = log.epoch("a");
        QCOMPARE(log.since("a", 2, epochA).value().size(), std::size_t(2));
        QVERIFY(!log.since("a", 2, "run0.1")); // numbers from before a restart
        add("b");
        add("c"); // two topics kept: "a", quiet longest, goes
        QCOMPARE(log.lastSeq("a"), std::uint64_t(0));
        add("a");
        add("a");
        add("a"); // begun again: seq 3 again, but another epoch
        QVERIFY(log.epoch("a") != epochA);
        QVERIFY(!log.since("a", 2, epochA));
        QCOMPARE(log.since("a", 2, log.epoch("a")).value(), std::vector<std::string>{"3"});
        QCOMPARE(log.lastSeq("c"), std::uint64_t(1));
        QCOMPARE(log.lastSeq("b"), std::uint64_t(0)); // quiet longest when "a" began again
        QCOMPARE(log.since("nothing", 0).value(), std::vector<std::string>{});
    }
};

QTEST_APPLESS_MAIN(TestLiveTopics)
#include "test_livetopics.moc"
