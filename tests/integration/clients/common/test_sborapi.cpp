// libsbor-client against a real sbor-server (all services in one process, PostgreSQL from the
// fixture): every typed call once on its success path and once on an error path, decoded with
// the shared wire codecs, and the item model over a paged list.

#include "apiclient.h"
#include "authapi.h"
#include "clientawait.h"
#include "pagedlistmodel.h"
#include "sborapi.h"
#include "testdatabase.h"
#include "testserver.h"

#include "auth/totp.h"

#include <QAbstractItemModelTester>
#include <QDateTime>
#include <QtTest>

#include <memory>

using namespace sbor::test;
using sbor::ErrorCode;
using sbor::client::ApiClient;
using sbor::client::PagedListModel;
using sbor::client::SborApi;
namespace wire = sbor::wire;

namespace {

QString inDays(double days)
{
    return QDateTime::currentDateTimeUtc().addSecs(qint64(days * 86400)).toString(Qt::ISODate);
}
std::string isoInDays(double days) { return inDays(days).toStdString(); }

// One signed-in person: a client of their own, so tokens never mix.
struct Person {
    std::unique_ptr<ApiClient> client;
    std::unique_ptr<SborApi> api;
    std::string id;
    std::string email;
};

} // namespace

class TestSborApi : public QObject {
    Q_OBJECT

private:
    std::unique_ptr<ApiClient> newClient()
    {
        return std::make_unique<ApiClient>(ApiClient::Settings{m_server->url("/"), 10000, 3, 50});
    }

    Person signUp(const QString& prefix)
    {
        Person person;
        person.client = newClient();
        person.api = std::make_unique<SborApi>(*person.client);
        person.email = uniqueEmail(prefix).toStdString();
        const auto created = await(
            person.api->registerAccount({person.email, kTestPassword, "Person " + prefix.toStdString(), {}, {}, "ru"}));
        if (!created.ok())
            qWarning("register: %s", created.error().describe().c_str());
        person.id = created.ok() ? created->id : "";
        const auto grant = await(person.api->login(QString::fromStdString(person.email), kTestPassword));
        if (!grant.ok())
            qWarning("login: %s", grant.error().describe().c_str());
        return person;
    }

    wire::EventDraft draft(const std::string& title, double startInDays = 30)
    {
        return {title,
                "An evening of tests",
                "Hall 1",
                isoInDays(startInDays),
                isoInDays(startInDays + 0.2),
                "Europe/Moscow",
                1,
                std::nullopt};
    }

    wire::TicketTypeDraft freeType(const std::string& name, int quota = 50)
    {
        return {name, 0, "RUB", quota, isoInDays(-1), isoInDays(0.4), 1, 10, true};
    }

    wire::OrderRequest orderFor(const std::string& eventId, const std::string& typeId,
                                const std::vector<std::string>& names)
    {
        wire::OrderLine line{typeId, static_cast<int>(names.size()), {}};
        for (const auto& name : names)
            line.attendees.push_back({name, uniqueEmail("guest").toStdString()});
        return {eventId, {line}};
    }

private slots:
    void initTestCase()
    {
        QVERIFY2(m_database.valid(), m_database.problem().c_str());
        m_server = TestServer::startOn(m_database.url());
        QVERIFY(m_server);
        m_organizer = signUp("organizer");
        QVERIFY(!m_organizer.id.empty());
        const auto promoted = await(m_organizer.api->becomeOrganizer());
        SBOR_REQUIRE_OK(promoted);
        QVERIFY(std::find(promoted->roles.begin(), promoted->roles.end(), "organizer") != promoted->roles.end());
        m_buyer = signUp("buyer");
        QVERIFY(!m_buyer.id.empty());
        const QString adminEmail = uniqueEmail("admin");
        QVERIFY(!AuthApi::createWithCli(m_database.url(), adminEmail, "admin").isEmpty());
        m_admin = Person{newClient(), nullptr, {}, adminEmail.toStdString()};
        m_admin.api = std::make_unique<SborApi>(*m_admin.client);
        SBOR_REQUIRE_OK(await(m_admin.api->login(adminEmail, kTestPassword)));
    }

    void cleanupTestCase()
    {
        m_organizer = {};
        m_buyer = {};
        m_admin = {};
        if (m_server)
            QCOMPARE(m_server->stop(), 0);
    }

    void accountsAndSessions()
    {
        // register: taken address, bad fields
        const auto taken = await(m_buyer.api->registerAccount({m_buyer.email, kTestPassword, "Again", {}, {}, {}}));
        SBOR_REQUIRE_ERROR(taken, ErrorCode::EmailTaken, 409);
        const auto invalid = await(m_buyer.api->registerAccount({"not-an-address", "x", "", {}, {}, {}}));
        SBOR_REQUIRE_ERROR(invalid, ErrorCode::ValidationFailed, 422);
        QVERIFY(invalid.error().error.details.contains("fields"));

        // login: wrong password leaves the client's tokens as they were
        Person visitor{newClient(), nullptr, {}, {}};
        visitor.api = std::make_unique<SborApi>(*visitor.client);
        const auto refused = await(visitor.api->login(QString::fromStdString(m_buyer.email), "wrong password"));
        SBOR_REQUIRE_ERROR(refused, ErrorCode::InvalidCredentials, 401);
        QVERIFY(!visitor.client->hasCredentials());
        const auto signedIn = await(visitor.api->login(QString::fromStdString(m_buyer.email), kTestPassword));
        SBOR_REQUIRE_OK(signedIn);
        QCOMPARE(signedIn->user.id, m_buyer.id);
        QCOMPARE(visitor.client->accessToken().toStdString(), signedIn->accessToken);

        // sessions: the buyer now has two; end the other one
        const auto sessions = await(m_buyer.api->sessions());
        SBOR_REQUIRE_OK(sessions);
        QCOMPARE(int(sessions->items.size()), 2);
        const auto other = std::find_if(sessions->items.begin(), sessions->items.end(),
                                        [](const wire::Session& s) { return !s.current; });
        QVERIFY(other != sessions->items.end());
        QCOMPARE(other->id, signedIn->sessionId);
        SBOR_REQUIRE_OK(await(m_buyer.api->endSession(QString::fromStdString(other->id))));
        SBOR_REQUIRE_ERROR(await(m_buyer.api->endSession(QString::fromStdString(other->id))), ErrorCode::NotFound, 404);
        // The ended session's access token still verifies until the cache lapses; its refresh is refused.
        visitor.client->setUserTokens("expired." + visitor.client->accessToken(), visitor.client->refreshToken(), 0);
        QSignalSpy signedOut(visitor.client.get(), &ApiClient::signedOut);
        const auto afterEnd = await(visitor.api->me());
        QVERIFY(!afterEnd.ok());
        QCOMPARE(afterEnd.error().kind, sbor::client::ApiError::Kind::SignedOut);
        QCOMPARE(signedOut.count(), 1);
        QVERIFY(!visitor.client->hasCredentials());

        // logout: the session ends, the client forgets its tokens
        Person leaving{newClient(), nullptr, {}, {}};
        leaving.api = std::make_unique<SborApi>(*leaving.client);
        SBOR_REQUIRE_OK(await(leaving.api->login(QString::fromStdString(m_buyer.email), kTestPassword)));
        SBOR_REQUIRE_OK(await(leaving.api->logout()));
        QVERIFY(!leaving.client->hasCredentials());
        SBOR_REQUIRE_ERROR(await(leaving.api->logout()), ErrorCode::Unauthorized, 401);
    }

    void usersAndProfile()
    {
        const auto me = await(m_buyer.api->me());
        SBOR_REQUIRE_OK(me);
        QCOMPARE(me->email, m_buyer.email);
        QCOMPARE(me->locale.value_or(""), std::string("ru"));

        wire::ProfileChanges changes;
        changes.name = "Анна Каренина";
        changes.phone = "+79991234567";
        const auto updated = await(m_buyer.api->updateMe(changes));
        SBOR_REQUIRE_OK(updated);
        QCOMPARE(updated->name, std::string("Анна Каренина"));
        wire::ProfileChanges badEmail;
        badEmail.email = "nobody";
        SBOR_REQUIRE_ERROR(await(m_buyer.api->updateMe(badEmail)), ErrorCode::ValidationFailed, 422);

        // An organizer is a public figure: others see the name, not the address. An attendee is not.
        const auto seen = await(m_buyer.api->user(QString::fromStdString(m_organizer.id)));
        SBOR_REQUIRE_OK(seen);
        QCOMPARE(seen->name, std::string("Person organizer"));
        QVERIFY(seen->email.empty());
        SBOR_REQUIRE_ERROR(await(m_organizer.api->user(QString::fromStdString(m_buyer.id))), ErrorCode::NotFound, 404);
        const auto asAdmin = await(m_admin.api->user(QString::fromStdString(m_buyer.id)));
        SBOR_REQUIRE_OK(asAdmin);
        QCOMPARE(asAdmin->email, m_buyer.email);

        const auto wrongCurrent = await(m_buyer.api->changePassword("not it", "another long passphrase"));
        QVERIFY(!wrongCurrent.ok());
        QCOMPARE(wrongCurrent.error().kind, sbor::client::ApiError::Kind::Answered);
        const auto changed = await(m_buyer.api->changePassword(kTestPassword, "another long passphrase", false));
        SBOR_REQUIRE_OK(changed);
        SBOR_REQUIRE_OK(await(m_buyer.api->changePassword("another long passphrase", kTestPassword, false)));
    }

    void twoFactor()
    {
        Person person = signUp("twofactor");
        SBOR_REQUIRE_ERROR(await(person.api->setupTwoFactor("wrong password")), ErrorCode::ValidationFailed, 422);
        const auto setup = await(person.api->setupTwoFactor(kTestPassword));
        SBOR_REQUIRE_OK(setup);
        QVERIFY(setup->otpauthUri.rfind("otpauth://totp/", 0) == 0);
        SBOR_REQUIRE_ERROR(await(person.api->enableTwoFactor("000000")), ErrorCode::InvalidOtp, 401);
        const auto secret = sbor::auth::base32Decode(setup->secret);
        QVERIFY(secret);
        const auto code = [&secret](qint64 offset) {
            return QString::fromStdString(sbor::auth::totpAt(*secret, QDateTime::currentSecsSinceEpoch() + offset));
        };
        const auto enabled = await(person.api->enableTwoFactor(code(0)));
        SBOR_REQUIRE_OK(enabled);
        QVERIFY(enabled->enabled);
        QVERIFY(enabled->recoveryCodes.size() >= 8);
        SBOR_REQUIRE_ERROR(await(person.api->disableTwoFactor(kTestPassword, "000000")), ErrorCode::InvalidOtp, 401);
        // The code just used may not be used again: take the next step's.
        const auto disabled = await(person.api->disableTwoFactor(kTestPassword, code(30)));
        SBOR_REQUIRE_OK(disabled);
        QVERIFY(!disabled->enabled);
    }

    void eventsScheduleAndCategories()
    {
        const auto refused = await(m_buyer.api->createEvent(draft("Not mine to make")));
        SBOR_REQUIRE_ERROR(refused, ErrorCode::Forbidden, 403);
        auto broken = draft("");
        broken.endsAt = broken.startsAt;
        SBOR_REQUIRE_ERROR(await(m_organizer.api->createEvent(broken)), ErrorCode::ValidationFailed, 422);

        const auto created = await(m_organizer.api->createEvent(draft("Client library evening")));
        SBOR_REQUIRE_OK(created);
        QCOMPARE(created->status, sbor::EventStatus::Draft);
        QCOMPARE(created->organizerId, m_organizer.id);
        const QString id = QString::fromStdString(created->id);

        const auto read = await(m_organizer.api->event(id));
        SBOR_REQUIRE_OK(read);
        QCOMPARE(read->title, created->title);
        SBOR_REQUIRE_ERROR(await(m_buyer.api->event(id)), ErrorCode::NotFound, 404); // a draft is not public
        SBOR_REQUIRE_ERROR(await(m_buyer.api->event("no-such-event")), ErrorCode::NotFound, 404);

        wire::EventChanges changes;
        changes.venue = "Hall 2";
        changes.expectedVersion = created->version;
        const auto updated = await(m_organizer.api->updateEvent(id, changes));
        SBOR_REQUIRE_OK(updated);
        QCOMPARE(updated->venue, std::string("Hall 2"));
        QCOMPARE(updated->version, created->version + 1);
        changes.venue = "Hall 3"; // still the old version: someone else changed it meanwhile
        SBOR_REQUIRE_ERROR(await(m_organizer.api->updateEvent(id, changes)), ErrorCode::Conflict, 409);

        const std::vector<wire::ScheduleItem> items = {
            {isoInDays(30), isoInDays(30.05), "Doors", std::nullopt, std::nullopt},
            {isoInDays(30.05), isoInDays(30.1), "Talk", std::string("Ivan"), std::string("A")}};
        const auto replaced = await(m_organizer.api->replaceSchedule(id, items));
        SBOR_REQUIRE_OK(replaced);
        QCOMPARE(int(replaced->size()), 2);
        const auto schedule = await(m_organizer.api->schedule(id));
        SBOR_REQUIRE_OK(schedule);
        QCOMPARE(schedule->at(1).speaker.value_or(""), std::string("Ivan"));
        // A draft is nobody else's business: a buyer learns as little as a rival organizer.
        SBOR_REQUIRE_ERROR(await(m_buyer.api->replaceSchedule(id, items)), ErrorCode::NotFound, 404);

        SBOR_REQUIRE_ERROR(await(m_organizer.api->publishEvent(id)), ErrorCode::Conflict, 409); // nothing on sale yet
        SBOR_REQUIRE_OK(await(m_organizer.api->createTicketType(
            id, {"Standard", 150000, "RUB", 10, isoInDays(-1), isoInDays(29), 1, 10, true})));
        const auto published = await(m_organizer.api->publishEvent(id));
        SBOR_REQUIRE_OK(published);
        QCOMPARE(published->status, sbor::EventStatus::Published);
        SBOR_REQUIRE_OK(await(m_buyer.api->event(id)));

        sbor::client::EventQuery mine;
        mine.mine = true;
        const auto list = await(m_organizer.api->events(mine));
        SBOR_REQUIRE_OK(list);
        QVERIFY(std::any_of(list->items.begin(), list->items.end(),
                            [&](const wire::Event& e) { return e.id == created->id; }));
        sbor::client::EventQuery badSort;
        badSort.sort = "by_mood";
        SBOR_REQUIRE_ERROR(await(m_organizer.api->events(badSort)), ErrorCode::ValidationFailed, 422);

        const auto cancelled = await(m_organizer.api->cancelEvent(id, "The hall flooded"));
        SBOR_REQUIRE_OK(cancelled);
        QCOMPARE(cancelled->cancelReason.value_or(""), std::string("The hall flooded"));
        SBOR_REQUIRE_ERROR(await(m_organizer.api->cancelEvent(id, "Again")), ErrorCode::Conflict, 409);

        // categories: everyone reads, only admins write
        const auto categories = await(m_buyer.api->categories());
        SBOR_REQUIRE_OK(categories);
        QVERIFY(!categories->empty());
        SBOR_REQUIRE_ERROR(await(m_organizer.api->createCategory("poetry", "Poetry")), ErrorCode::Forbidden, 403);
        Person& admin = m_admin;
        const QString slug = "poetry-" + QString::number(QDateTime::currentMSecsSinceEpoch());
        const auto category = await(admin.api->createCategory(slug, "Poetry"));
        SBOR_REQUIRE_OK(category);
        SBOR_REQUIRE_ERROR(await(admin.api->createCategory(slug, "Poetry")), ErrorCode::Conflict, 409);
        const auto renamed = await(admin.api->renameCategory(category->id, "Poetry readings"));
        SBOR_REQUIRE_OK(renamed);
        QCOMPARE(renamed->name, std::string("Poetry readings"));
        SBOR_REQUIRE_ERROR(await(admin.api->renameCategory(999999, "Nothing")), ErrorCode::NotFound, 404);
        SBOR_REQUIRE_OK(await(admin.api->deleteCategory(category->id)));
        SBOR_REQUIRE_ERROR(await(admin.api->deleteCategory(category->id)), ErrorCode::NotFound, 404);
    }

    void ticketTypesOrdersAndTickets()
    {
        const auto event = await(m_organizer.api->createEvent(draft("Sales through the client", 0.5)));
        SBOR_REQUIRE_OK(event);
        const QString eventId = QString::fromStdString(event->id);
        auto badType = freeType("Nothing");
        badType.currency = "XXX";
        SBOR_REQUIRE_ERROR(await(m_organizer.api->createTicketType(eventId, badType)), ErrorCode::ValidationFailed,
                           422);
        const auto type = await(m_organizer.api->createTicketType(eventId, freeType("Free entry", 3)));
        SBOR_REQUIRE_OK(type);
        QCOMPARE(type->available(), 3);
        SBOR_REQUIRE_OK(await(m_organizer.api->publishEvent(eventId)));

        wire::TicketTypeChanges changes;
        changes.quota = 4;
        const auto raised = await(m_organizer.api->updateTicketType(QString::fromStdString(type->id), changes));
        SBOR_REQUIRE_OK(raised);
        QCOMPARE(raised->quota, 4);
        changes.quota = -1;
        SBOR_REQUIRE_ERROR(await(m_organizer.api->updateTicketType(QString::fromStdString(type->id), changes)),
                           ErrorCode::ValidationFailed, 422);
        const auto types = await(m_buyer.api->ticketTypes(eventId));
        SBOR_REQUIRE_OK(types);
        QCOMPARE(int(types->size()), 1);

        // Orders: the key makes a retried order the same order.
        const QByteArray key = sbor::client::newRequestKey();
        const auto request = orderFor(event->id, type->id, {"Ольга", "Пётр"});
        const auto placed = await(m_buyer.api->placeOrder(request, key));
        SBOR_REQUIRE_OK(placed);
        QCOMPARE(placed->order.status, sbor::OrderStatus::Paid);
        QCOMPARE(int(placed->tickets.size()), 2);
        const auto replayed = await(m_buyer.api->placeOrder(request, key));
        SBOR_REQUIRE_OK(replayed);
        QCOMPARE(replayed->order.id, placed->order.id);
        SBOR_REQUIRE_ERROR(await(m_buyer.api->placeOrder(orderFor(event->id, type->id, {"A", "B", "C"}))),
                           ErrorCode::SoldOut, 409);
        m_eventId = eventId;
        m_typeId = QString::fromStdString(type->id);
        m_tickets = placed->tickets;

        const auto order = await(m_buyer.api->order(QString::fromStdString(placed->order.id)));
        SBOR_REQUIRE_OK(order);
        QCOMPARE(order->items.at(0).quantity, 2);
        Person stranger = signUp("stranger");
        SBOR_REQUIRE_ERROR(await(stranger.api->order(QString::fromStdString(placed->order.id))), ErrorCode::NotFound,
                           404);
        const auto orders = await(m_buyer.api->orders());
        SBOR_REQUIRE_OK(orders);
        QVERIFY(std::any_of(orders->items.begin(), orders->items.end(),
                            [&](const wire::Order& o) { return o.id == placed->order.id; }));
        SBOR_REQUIRE_ERROR(await(m_buyer.api->orders("not-a-cursor")), ErrorCode::ValidationFailed, 422);

        // Tickets
        const QString ticketId = QString::fromStdString(placed->tickets.at(0).id);
        const auto ticket = await(m_buyer.api->ticket(ticketId));
        SBOR_REQUIRE_OK(ticket);
        QCOMPARE(ticket->code, placed->tickets.at(0).code);
        SBOR_REQUIRE_ERROR(await(m_organizer.api->ticket("00000000-0000-4000-8000-000000000000")), ErrorCode::NotFound,
                           404);
        const auto mine = await(m_buyer.api->tickets({}, 1));
        SBOR_REQUIRE_OK(mine);
        QCOMPARE(int(mine->items.size()), 1);
        QVERIFY(mine->nextCursor);
        const auto next = await(m_buyer.api->tickets(QString::fromStdString(*mine->nextCursor), 1));
        SBOR_REQUIRE_OK(next);
        QVERIFY(next->items.at(0).id != mine->items.at(0).id);

        const auto png = await(m_buyer.api->ticketQrPng(ticketId, 4));
        SBOR_REQUIRE_OK(png);
        QVERIFY(png->startsWith("\x89PNG"));
        const auto svg = await(m_buyer.api->ticketQrSvg(ticketId));
        SBOR_REQUIRE_OK(svg);
        QVERIFY(svg->contains("<svg"));
        SBOR_REQUIRE_ERROR(await(m_organizer.api->ticketQrPng("00000000-0000-4000-8000-000000000000")),
                           ErrorCode::NotFound, 404);

        wire::TicketChanges rename;
        rename.holderName = "Ольга Петрова";
        const auto renamed = await(m_buyer.api->changeTicket(ticketId, rename));
        SBOR_REQUIRE_OK(renamed);
        QCOMPARE(renamed->holderName, std::string("Ольга Петрова"));
        rename.holderEmail = "not an address";
        SBOR_REQUIRE_ERROR(await(m_buyer.api->changeTicket(ticketId, rename)), ErrorCode::ValidationFailed, 422);

        const auto blocked = await(m_organizer.api->blockTicket(ticketId));
        SBOR_REQUIRE_OK(blocked);
        QVERIFY(blocked->blocked);
        const auto unblocked = await(m_organizer.api->unblockTicket(ticketId));
        SBOR_REQUIRE_OK(unblocked);
        QVERIFY(!unblocked->blocked);
        SBOR_REQUIRE_ERROR(await(m_buyer.api->blockTicket(ticketId)), ErrorCode::Forbidden, 403);
        SBOR_REQUIRE_ERROR(await(m_buyer.api->unblockTicket(ticketId)), ErrorCode::Forbidden, 403);
        const auto reissued = await(m_organizer.api->reissueTicket(ticketId));
        SBOR_REQUIRE_OK(reissued);
        QVERIFY(reissued->code != renamed->code);
        SBOR_REQUIRE_ERROR(await(m_organizer.api->reissueTicket("00000000-0000-4000-8000-000000000000")),
                           ErrorCode::NotFound, 404);
        m_tickets[0] = *reissued;

        // A paid order is not cancelled here (refunds come with payments); an unpaid one is.
        SBOR_REQUIRE_ERROR(await(m_buyer.api->cancelOrder(QString::fromStdString(placed->order.id))),
                           ErrorCode::Conflict, 409);
        const auto paidType = await(m_organizer.api->createTicketType(
            eventId, {"Paid", 90000, "RUB", 5, isoInDays(-1), isoInDays(0.4), 1, 10, true}));
        SBOR_REQUIRE_OK(paidType);
        const auto pending = await(m_buyer.api->placeOrder(orderFor(event->id, paidType->id, {"Unpaid"})));
        SBOR_REQUIRE_OK(pending);
        QCOMPARE(pending->order.status, sbor::OrderStatus::Pending);
        QVERIFY(pending->order.holdExpiresAt);
        QCOMPARE(pending->order.total, qint64(90000));
        const auto cancelled = await(m_buyer.api->cancelOrder(QString::fromStdString(pending->order.id)));
        SBOR_REQUIRE_OK(cancelled);
        QCOMPARE(cancelled->status, sbor::OrderStatus::Cancelled);
    }

    void checkInListsDevicesAndTheDoor()
    {
        QVERIFY(!m_eventId.isEmpty());
        wire::CheckInListDraft badList{"Main gate", {"not-a-type"}, false, false, std::nullopt, std::nullopt};
        SBOR_REQUIRE_ERROR(await(m_organizer.api->createCheckInList(m_eventId, badList)), ErrorCode::ValidationFailed,
                           422);
        const auto list = await(
            m_organizer.api->createCheckInList(m_eventId, {"Main gate", {}, false, true, std::nullopt, std::nullopt}));
        SBOR_REQUIRE_OK(list);
        QVERIFY(list->exitsAllowed);
        const auto lists = await(m_organizer.api->checkInLists(m_eventId));
        SBOR_REQUIRE_OK(lists);
        QCOMPARE(int(lists->size()), 1);
        SBOR_REQUIRE_ERROR(await(m_buyer.api->checkInLists(m_eventId)), ErrorCode::NotFound, 404); // not their door
        const QString listId = QString::fromStdString(list->id);

        // Enrollment: the organizer issues a code, a kiosk exchanges it for its token.
        SBOR_REQUIRE_ERROR(
            await(m_organizer.api->createEnrollment(m_eventId, "00000000-0000-4000-8000-000000000000", "Gate A")),
            ErrorCode::ValidationFailed, 422);
        const auto issued = await(m_organizer.api->createEnrollment(m_eventId, listId, "Gate A"));
        SBOR_REQUIRE_OK(issued);
        QCOMPARE(QUrl(QString::fromStdString(issued->server)).port(), int(m_server->port()));
        const auto handshake = wire::parseEnrollmentHandshake(issued->handshakeText);
        QVERIFY(handshake);
        QCOMPARE(handshake->code, issued->code);

        auto kioskClient = newClient();
        SborApi kiosk(*kioskClient);
        SBOR_REQUIRE_ERROR(await(kiosk.enrollDevice("WRONG-CODE")), ErrorCode::Unauthorized, 401);
        QVERIFY(!kioskClient->hasCredentials());
        const auto enrolled = await(kiosk.enrollDevice(QString::fromStdString(issued->code)));
        SBOR_REQUIRE_OK(enrolled);
        QCOMPARE(enrolled->listId, list->id);
        QVERIFY(!enrolled->publicKeys.empty());
        QVERIFY(kioskClient->hasCredentials());
        SBOR_REQUIRE_ERROR(await(kiosk.enrollDevice(QString::fromStdString(issued->code))), ErrorCode::Unauthorized,
                           401); // used once

        // The door
        const auto& first = m_tickets.at(0);
        const std::string scanId = "scan-" + sbor::client::newRequestKey().toStdString();
        const auto admitted = await(
            kiosk.redeem({first.code, list->id, scanId, std::nullopt, wire::ScanKind::Entry, std::nullopt}));
        SBOR_REQUIRE_OK(admitted);
        QCOMPARE(admitted->result, std::string("ok"));
        QCOMPARE(admitted->ticket->holderName, first.holderName);
        const auto again = await(kiosk.redeem(
            {first.code, list->id, "scan-again-" + scanId, std::nullopt, wire::ScanKind::Entry, std::nullopt}));
        SBOR_REQUIRE_OK(again);
        QCOMPARE(again->result, std::string("already_redeemed"));
        QVERIFY(again->previous);
        QCOMPARE(again->previous->deviceId.value_or(""), enrolled->deviceId);
        std::string forged = first.code;
        forged[forged.size() - 5] = forged[forged.size() - 5] == 'A' ? 'B' : 'A';
        const auto refused = await(
            kiosk.redeem({forged, list->id, "scan-forged", std::nullopt, wire::ScanKind::Entry, std::nullopt}));
        SBOR_REQUIRE_OK(refused);
        QCOMPARE(refused->result, std::string("invalid_signature"));
        SBOR_REQUIRE_ERROR(await(kiosk.redeem({first.code, "not-a-list", "scan-x", std::nullopt, wire::ScanKind::Entry,
                                               std::nullopt})),
                           ErrorCode::ValidationFailed, 422);

        const auto annulled = await(kiosk.annul(QString::fromStdString(scanId)));
        SBOR_REQUIRE_OK(annulled);
        QVERIFY(annulled->annulledAt);
        SBOR_REQUIRE_ERROR(await(kiosk.annul("no-such-scan")), ErrorCode::NotFound, 404);

        const auto found = await(kiosk.searchDoor(listId, QString::fromStdString(m_tickets.at(1).holderName)));
        SBOR_REQUIRE_OK(found);
        QCOMPARE(int(found->size()), 1);
        QVERIFY(!found->at(0).holderEmail); // a kiosk sees names, not addresses
        const auto foundByOrganizer = await(
            m_organizer.api->searchDoor(listId, QString::fromStdString(m_tickets.at(1).holderName)));
        SBOR_REQUIRE_OK(foundByOrganizer);
        QVERIFY(foundByOrganizer->at(0).holderEmail);
        SBOR_REQUIRE_ERROR(await(kiosk.searchDoor(listId, "x")), ErrorCode::ValidationFailed, 422);

        const auto dryRun = await(kiosk.validateCode(QString::fromStdString(m_tickets.at(1).code)));
        SBOR_REQUIRE_OK(dryRun);
        QCOMPARE(dryRun->result, std::string("ok"));
        const auto byCode = await(kiosk.checkInCode(QString::fromStdString(m_tickets.at(1).code), listId));
        SBOR_REQUIRE_OK(byCode);
        QCOMPARE(byCode->result, std::string("ok"));
        SBOR_REQUIRE_ERROR(await(kiosk.checkInCode(QString::fromStdString(m_tickets.at(1).code), "nope")),
                           ErrorCode::ValidationFailed, 422);

        // Found by name, checked in by ticket id; a malformed id is refused, another event's is unknown.
        wire::ScanSubmission picked{
            {}, list->id, "scan-picked", std::nullopt, wire::ScanKind::Exit, m_tickets.at(1).id};
        const auto pickedOut = await(kiosk.redeem(picked));
        SBOR_REQUIRE_OK(pickedOut);
        QCOMPARE(pickedOut->result, std::string("ok"));
        QCOMPARE(pickedOut->ticket->holderName, m_tickets.at(1).holderName);
        picked.ticketId = "not-a-ticket";
        picked.scanId = "scan-picked-2";
        SBOR_REQUIRE_ERROR(await(kiosk.redeem(picked)), ErrorCode::ValidationFailed, 422);
        picked.ticketId = "00000000-0000-4000-8000-000000000000";
        const auto unknownPick = await(kiosk.redeem(picked));
        SBOR_REQUIRE_OK(unknownPick);
        QCOMPARE(unknownPick->result, std::string("unknown_ticket"));
        picked.ticketId = m_tickets.at(1).id;
        picked.kind = wire::ScanKind::Entry;
        picked.scanId = "scan-picked-3";
        const auto pickedIn = await(kiosk.redeem(picked));
        SBOR_REQUIRE_OK(pickedIn);
        QCOMPARE(pickedIn->result, std::string("ok"));

        const std::string now = QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs).toStdString();
        const auto batch = await(
            kiosk.redeemBatch({{first.code, {}, "batch-1", now, wire::ScanKind::Entry, std::nullopt},
                               {m_tickets.at(1).code, {}, "batch-2", now, wire::ScanKind::Exit, std::nullopt}}));
        SBOR_REQUIRE_OK(batch);
        QCOMPARE(int(batch->size()), 2);
        QCOMPARE(batch->at(0).result, std::string("ok"));
        QCOMPARE(batch->at(1).result, std::string("ok")); // the exit after the picked entry
        SBOR_REQUIRE_ERROR(
            await(kiosk.redeemBatch({{first.code, {}, "batch-3", std::nullopt, wire::ScanKind::Entry, std::nullopt}})),
            ErrorCode::ValidationFailed, 422);

        const auto page = await(kiosk.syncDoor({}, 1));
        SBOR_REQUIRE_OK(page);
        QCOMPARE(page->eventId, m_eventId.toStdString());
        QVERIFY(page->list);
        QVERIFY(page->hasMore);
        QVERIFY(!page->publicKeys.empty());
        QCOMPARE(int(page->ticketTypes.size()), 2);
        int tickets = int(page->tickets.size()), scans = int(page->scans.size()),
            revocations = int(page->revocations.size());
        std::string cursor = page->nextCursor;
        for (bool more = page->hasMore; more;) {
            const auto next = await(kiosk.syncDoor(QString::fromStdString(cursor), 100));
            SBOR_REQUIRE_OK(next);
            tickets += int(next->tickets.size());
            scans += int(next->scans.size());
            revocations += int(next->revocations.size());
            cursor = next->nextCursor;
            more = next->hasMore;
        }
        QVERIFY(tickets >= 2);
        QVERIFY(scans >= 4);
        QVERIFY(revocations >= 1); // the reissued ticket's old code
        SBOR_REQUIRE_ERROR(await(kiosk.syncDoor("garbage")), ErrorCode::ValidationFailed, 422);
        SBOR_REQUIRE_ERROR(await(m_organizer.api->syncDoor()), ErrorCode::Forbidden, 403);

        const auto stats = await(m_organizer.api->eventStatistics(m_eventId));
        SBOR_REQUIRE_OK(stats);
        QCOMPARE(stats->eventId, m_eventId.toStdString());
        QCOMPARE(int(stats->lists.size()), 1);
        QCOMPARE(stats->lists.at(0).exits, 2);
        QVERIFY(std::any_of(stats->scanners.begin(), stats->scanners.end(),
                            [&](const wire::ScannerCheckIns& s) { return s.device; }));
        SBOR_REQUIRE_ERROR(await(kiosk.eventStatistics(m_eventId)), ErrorCode::Forbidden, 403);

        const auto devices = await(m_organizer.api->devices(m_eventId));
        SBOR_REQUIRE_OK(devices);
        QCOMPARE(int(devices->size()), 1);
        QVERIFY(devices->at(0).lastSeenAt);
        SBOR_REQUIRE_ERROR(await(m_buyer.api->devices(m_eventId)), ErrorCode::NotFound, 404);
        const auto revoked = await(m_organizer.api->revokeDevice(QString::fromStdString(enrolled->deviceId)));
        SBOR_REQUIRE_OK(revoked);
        QVERIFY(revoked->revokedAt);
        SBOR_REQUIRE_ERROR(await(m_organizer.api->revokeDevice("00000000-0000-4000-8000-000000000000")),
                           ErrorCode::NotFound, 404);
        // A revoked device is refused, and its token is not something to refresh.
        QTRY_VERIFY_WITH_TIMEOUT(!await(kiosk.syncDoor()).ok(), 5000);
        const auto afterRevoke = await(kiosk.syncDoor());
        SBOR_REQUIRE_ERROR(afterRevoke, ErrorCode::Unauthorized, 401);
        QCOMPARE(kioskClient->refreshCount(), 0);
    }

    void notifications()
    {
        // The buyer's purchases became in-app notifications (asynchronously, through the bus).
        std::optional<sbor::client::ApiResult<wire::Page<wire::Notification>>> page;
        QTRY_VERIFY_WITH_TIMEOUT(
            (page.emplace(await(m_buyer.api->notifications({}, 50))), page->ok() && !(*page)->items.empty()), 15000);
        const auto first = (*page)->items.front();
        const auto read = await(m_buyer.api->notification(QString::fromStdString(first.id)));
        SBOR_REQUIRE_OK(read);
        QCOMPARE(read->title, first.title);
        SBOR_REQUIRE_ERROR(await(m_organizer.api->notification(QString::fromStdString(first.id))), ErrorCode::NotFound,
                           404);
        const auto marked = await(m_buyer.api->markNotificationRead(QString::fromStdString(first.id)));
        SBOR_REQUIRE_OK(marked);
        QVERIFY(marked->readAt);
        SBOR_REQUIRE_ERROR(await(m_buyer.api->markNotificationRead("00000000-0000-4000-8000-000000000000")),
                           ErrorCode::NotFound, 404);
        // The purchase's other notifications may still be arriving: marking all read leaves none
        // unread once they have (each round marks what has come so far). The flag latches because
        // QTRY_VERIFY evaluates its expression once more after the loop, and a notification landing
        // between that last mark and list would fail a test whose point was already proven.
        const auto markAllThenNoneUnread = [&] {
            if (!await(m_buyer.api->markAllNotificationsRead()).ok())
                return false;
            const auto unread = await(m_buyer.api->notifications({}, 50, true));
            return unread.ok() && unread->items.empty();
        };
        bool allRead = false;
        QTRY_VERIFY_WITH_TIMEOUT(allRead || (allRead = markAllThenNoneUnread()), 10000);
        SBOR_REQUIRE_ERROR(await(m_buyer.api->notifications({}, 5000)), ErrorCode::ValidationFailed, 422);

        const auto preferences = await(m_buyer.api->notificationPreferences());
        SBOR_REQUIRE_OK(preferences);
        QVERIFY(preferences->wants.count("email"));
        wire::NotificationPreferences quieter;
        quieter.wants["email"]["ticket.checkin"] = true;
        const auto changed = await(m_buyer.api->changeNotificationPreferences(quieter));
        SBOR_REQUIRE_OK(changed);
        QVERIFY(changed->wants.at("email").at("ticket.checkin"));
        wire::NotificationPreferences unknown;
        unknown.wants["pigeon"]["ticket.checkin"] = true;
        SBOR_REQUIRE_ERROR(await(m_buyer.api->changeNotificationPreferences(unknown)), ErrorCode::ValidationFailed,
                           422);
    }

    void runningThePlatform()
    {
        // Step-up: a wrong password is refused, the right one renews the proof.
        SBOR_REQUIRE_ERROR(await(m_admin.api->reauthenticate("not the password")), ErrorCode::InvalidCredentials, 401);
        SBOR_REQUIRE_OK(await(m_admin.api->reauthenticate(kTestPassword)));

        // Users: found by admins, refused to buyers; blocked and unblocked.
        Person blockee = signUp("blockee");
        sbor::client::UserSearch search;
        search.text = QString::fromStdString(blockee.email);
        const auto found = await(m_admin.api->searchUsers(search));
        SBOR_REQUIRE_OK(found);
        QCOMPARE(found->items.size(), std::size_t(1));
        QCOMPARE(found->items.front().id, blockee.id);
        SBOR_REQUIRE_ERROR(await(m_buyer.api->searchUsers(search)), ErrorCode::Forbidden, 403);
        SBOR_REQUIRE_OK(await(m_admin.api->blockUser(QString::fromStdString(blockee.id), "tests")));
        QCOMPARE(await(m_admin.api->searchUsers(search))->items.front().status, std::string("blocked"));
        SBOR_REQUIRE_ERROR(await(m_buyer.api->unblockUser(QString::fromStdString(blockee.id))), ErrorCode::Forbidden,
                           403);
        SBOR_REQUIRE_OK(await(m_admin.api->unblockUser(QString::fromStdString(blockee.id))));
        QCOMPARE(await(m_admin.api->searchUsers(search))->items.front().status, std::string("active"));

        // The person's page: profile, live sessions, counts; a support agent's has no audit entries.
        const QString blockeeId = QString::fromStdString(blockee.id);
        SBOR_REQUIRE_OK(await(blockee.api->login(QString::fromStdString(blockee.email), kTestPassword)));
        const auto dossier = await(m_admin.api->userDossier(blockeeId));
        SBOR_REQUIRE_OK(dossier);
        QCOMPARE(dossier->user.email, blockee.email);
        QVERIFY(!dossier->sessions.empty());
        QVERIFY(dossier->ordersCount && *dossier->ordersCount == 0);
        QVERIFY(std::any_of(dossier->recentAudit.begin(), dossier->recentAudit.end(),
                            [](const wire::AuditEntry& entry) { return entry.action == "user.blocked"; }));
        SBOR_REQUIRE_ERROR(await(m_buyer.api->userDossier(blockeeId)), ErrorCode::Forbidden, 403);
        SBOR_REQUIRE_ERROR(await(m_admin.api->userDossier("00000000-0000-4000-8000-000000000000")), ErrorCode::NotFound,
                           404);

        // Roles replaced; none at all and unknown ones refused with the field named.
        const auto promoted = await(m_admin.api->setUserRoles(blockeeId, {"attendee", "staff"}));
        SBOR_REQUIRE_OK(promoted);
        QCOMPARE(promoted->roles, (std::vector<std::string>{"attendee", "staff"}));
        const auto none = await(m_admin.api->setUserRoles(blockeeId, {}));
        SBOR_REQUIRE_ERROR(none, ErrorCode::ValidationFailed, 422);
        QCOMPARE(none.error().fieldProblems().front().first, std::string("roles"));
        SBOR_REQUIRE_ERROR(await(m_admin.api->setUserRoles(blockeeId, {"emperor"})), ErrorCode::ValidationFailed, 422);
        SBOR_REQUIRE_ERROR(await(m_buyer.api->setUserRoles(blockeeId, {"admin"})), ErrorCode::Forbidden, 403);

        // Sessions ended: the person's token stops working.
        SBOR_REQUIRE_ERROR(await(m_buyer.api->endUserSessions(blockeeId)), ErrorCode::Forbidden, 403);
        const auto ended = await(m_admin.api->endUserSessions(blockeeId));
        SBOR_REQUIRE_OK(ended);
        QCOMPARE(*ended, static_cast<qint64>(dossier->sessions.size()));
        QVERIFY(await(m_admin.api->userDossier(blockeeId))->sessions.empty());
        QVERIFY(!await(blockee.api->me()).ok());

        // Two-factor reset: refused while it is off, turns it off once on.
        Person lostPhone = signUp("lostphone");
        const QString lostPhoneId = QString::fromStdString(lostPhone.id);
        SBOR_REQUIRE_ERROR(await(m_admin.api->resetUserTwoFactor(lostPhoneId)), ErrorCode::Conflict, 409);
        const auto setup = await(lostPhone.api->setupTwoFactor(kTestPassword));
        SBOR_REQUIRE_OK(setup);
        const auto secret = sbor::auth::base32Decode(setup->secret);
        QVERIFY(secret);
        SBOR_REQUIRE_OK(await(lostPhone.api->enableTwoFactor(
            QString::fromStdString(sbor::auth::totpAt(*secret, QDateTime::currentSecsSinceEpoch())))));
        SBOR_REQUIRE_ERROR(await(m_buyer.api->resetUserTwoFactor(lostPhoneId)), ErrorCode::Forbidden, 403);
        const auto withoutTwoFactor = await(m_admin.api->resetUserTwoFactor(lostPhoneId));
        SBOR_REQUIRE_OK(withoutTwoFactor);
        QVERIFY(!withoutTwoFactor->twoFactorEnabled);

        // Erasure: the typed address must be the person's; then the page shows the tombstone.
        const auto mistyped = await(m_admin.api->eraseUser(lostPhoneId, "someone@else.example"));
        SBOR_REQUIRE_ERROR(mistyped, ErrorCode::ValidationFailed, 422);
        QCOMPARE(mistyped.error().fieldProblems().front().first, std::string("confirm_email"));
        SBOR_REQUIRE_ERROR(await(m_buyer.api->eraseUser(lostPhoneId, QString::fromStdString(lostPhone.email))),
                           ErrorCode::Forbidden, 403);
        SBOR_REQUIRE_OK(await(m_admin.api->eraseUser(lostPhoneId, QString::fromStdString(lostPhone.email).toUpper())));
        const auto tombstone = await(m_admin.api->userDossier(lostPhoneId));
        SBOR_REQUIRE_OK(tombstone);
        QCOMPARE(tombstone->user.status, std::string("deleted"));
        QVERIFY(tombstone->user.email != lostPhone.email);
        QVERIFY(tombstone->sessions.empty());

        // Settings: read, changed with the version read, a stale version refused.
        const auto settings = await(m_admin.api->platformSettings());
        SBOR_REQUIRE_OK(settings);
        SBOR_REQUIRE_ERROR(await(m_buyer.api->platformSettings()), ErrorCode::Forbidden, 403);
        wire::PlatformSettingsChanges changes;
        changes.version = settings->version;
        changes.supportFirstResponseMinutes = settings->supportFirstResponseMinutes + 1;
        const auto changed = await(m_admin.api->changePlatformSettings(changes));
        SBOR_REQUIRE_OK(changed);
        QCOMPARE(changed->version, settings->version + 1);
        SBOR_REQUIRE_ERROR(await(m_admin.api->changePlatformSettings(changes)), ErrorCode::Conflict, 409);

        // Templates: listed, previewed, changed, test-sent, reset; bad texts named.
        const auto templates = await(m_admin.api->notificationTemplates());
        SBOR_REQUIRE_OK(templates);
        QVERIFY(templates->size() >= 16);
        SBOR_REQUIRE_ERROR(await(m_buyer.api->notificationTemplates()), ErrorCode::Forbidden, 403);
        const wire::TemplateText text{"Refund: {{amount}}", "Back to you: {{amount}}", "{{amount}} is on its way"};
        const auto preview = await(m_admin.api->previewNotificationTemplate("refund.issued", "en", text));
        SBOR_REQUIRE_OK(preview);
        QVERIFY(preview->rendered.subject.rfind("Refund: ", 0) == 0);
        QVERIFY(preview->rendered.subject.find("{{") == std::string::npos);
        const wire::TemplateText broken{"Refund {{iban}}", "x", "y"};
        const auto refused = await(m_admin.api->previewNotificationTemplate("refund.issued", "en", broken));
        SBOR_REQUIRE_ERROR(refused, ErrorCode::ValidationFailed, 422);
        QCOMPARE(refused.error().fieldProblems().front().first, std::string("subject"));
        const auto saved = await(m_admin.api->changeNotificationTemplate("refund.issued", "en", text, 0));
        SBOR_REQUIRE_OK(saved);
        QVERIFY(saved->language("en")->replaced);
        QCOMPARE(saved->language("en")->version, 1);
        SBOR_REQUIRE_ERROR(await(m_admin.api->changeNotificationTemplate("refund.issued", "en", broken, 1)),
                           ErrorCode::ValidationFailed, 422);
        const auto sent = await(m_admin.api->sendTestNotificationTemplate("refund.issued", "ru", text));
        SBOR_REQUIRE_OK(sent);
        QCOMPARE(*sent->sentTo, m_admin.email);
        SBOR_REQUIRE_ERROR(await(m_admin.api->sendTestNotificationTemplate("refund.lost", "ru", text)),
                           ErrorCode::NotFound, 404);
        SBOR_REQUIRE_ERROR(await(m_admin.api->resetNotificationTemplate("refund.issued", "en", 0)), ErrorCode::Conflict,
                           409);
        const auto reset = await(m_admin.api->resetNotificationTemplate("refund.issued", "en", 1));
        SBOR_REQUIRE_OK(reset);
        QVERIFY(!reset->language("en")->replaced);

        // Reports: the sales of a range, per period and in total.
        const auto report = await(m_admin.api->salesReport("day", inDays(-2), inDays(1)));
        SBOR_REQUIRE_OK(report);
        QVERIFY(report->items.size() >= 3); // the days the range touches
        std::int64_t orders = 0;
        for (const auto& day : report->items)
            orders += day.orders;
        QCOMPARE(report->orders, orders);
        SBOR_REQUIRE_ERROR(await(m_admin.api->salesReport("hour", {}, {})), ErrorCode::ValidationFailed, 422);
        SBOR_REQUIRE_ERROR(await(m_buyer.api->salesReport("day", {}, {})), ErrorCode::Forbidden, 403);

        // The audit log and the logs of one trace: admins only; a trace id is checked.
        sbor::client::AuditQuery blockings;
        blockings.action = "user.blocked";
        const auto audit = await(m_admin.api->auditLog(blockings));
        SBOR_REQUIRE_OK(audit);
        QVERIFY(!audit->items.empty());
        QCOMPARE(audit->items.front().action, std::string("user.blocked"));
        QCOMPARE(audit->items.front().targetId, blockee.id);
        SBOR_REQUIRE_ERROR(await(m_buyer.api->auditLog()), ErrorCode::Forbidden, 403);
        const auto lines = await(m_admin.api->logsOfTrace(QString(32, 'a')));
        SBOR_REQUIRE_OK(lines);
        QVERIFY(lines->empty()); // no request had that trace
        SBOR_REQUIRE_ERROR(await(m_admin.api->logsOfTrace("not-a-trace")), ErrorCode::ValidationFailed, 422);

        // Disputes: none yet; an unknown one is 404, a decision without its outcome 422.
        const auto disputes = await(m_admin.api->disputes("needs_response,under_review"));
        SBOR_REQUIRE_OK(disputes);
        SBOR_REQUIRE_ERROR(await(m_admin.api->dispute("00000000-0000-4000-8000-000000000000")), ErrorCode::NotFound,
                           404);
        SBOR_REQUIRE_ERROR(
            await(m_admin.api->decideDispute("00000000-0000-4000-8000-000000000000", "maybe", std::nullopt, "x")),
            ErrorCode::ValidationFailed, 422);
        SBOR_REQUIRE_ERROR(await(m_admin.api->disputes("pending")), ErrorCode::ValidationFailed, 422);

        // Health: admins only.
        const auto health = await(m_admin.api->platformHealth());
        SBOR_REQUIRE_OK(health);
        QCOMPARE(health->processes.size(), std::size_t(1));
        QVERIFY(health->processes.front().ready);
        SBOR_REQUIRE_ERROR(await(m_buyer.api->platformHealth()), ErrorCode::Forbidden, 403);

        // Support: the buyer opens a request; staff answer, note, set its status and escalate it.
        const auto opened = await(
            m_buyer.api->openSupportRequest("Where is my ticket?", "Paid, nothing came", "order"));
        SBOR_REQUIRE_OK(opened);
        SBOR_REQUIRE_ERROR(await(m_buyer.api->openSupportRequest("", "x", "order")), ErrorCode::ValidationFailed, 422);
        const QString request = QString::fromStdString(opened->id);
        const auto mine = await(m_buyer.api->supportRequests());
        SBOR_REQUIRE_OK(mine);
        QCOMPARE(mine->items.size(), std::size_t(1));
        sbor::client::SupportQuery open;
        open.status = "open";
        const auto queue = await(m_admin.api->supportRequests(open));
        SBOR_REQUIRE_OK(queue);
        QVERIFY(!queue->items.empty());
        SBOR_REQUIRE_ERROR(await(m_organizer.api->supportRequest(request)), ErrorCode::NotFound, 404);
        const auto answer = await(m_admin.api->writeSupportMessage(request, "Sent again", false));
        SBOR_REQUIRE_OK(answer);
        QVERIFY(answer->fromStaff && !answer->internal);
        SBOR_REQUIRE_OK(await(m_admin.api->writeSupportMessage(request, "Card shows it twice", true)));
        SBOR_REQUIRE_ERROR(await(m_admin.api->writeSupportMessage(request, "", false)), ErrorCode::ValidationFailed,
                           422);
        const auto seen = await(m_buyer.api->supportRequest(request));
        SBOR_REQUIRE_OK(seen);
        QCOMPARE(seen->messages.size(), std::size_t(2)); // the question and the answer, not the note
        const auto waiting = await(m_admin.api->changeSupportStatus(request, "pending_customer"));
        SBOR_REQUIRE_OK(waiting);
        QCOMPARE(waiting->status, std::string("pending_customer"));
        SBOR_REQUIRE_ERROR(await(m_admin.api->changeSupportStatus(request, "lost")), ErrorCode::ValidationFailed, 422);
        SBOR_REQUIRE_ERROR(await(m_admin.api->escalateSupportRequest(request, "")), ErrorCode::ValidationFailed, 422);
        const auto escalated = await(m_admin.api->escalateSupportRequest(request, "needs a refund decision"));
        SBOR_REQUIRE_OK(escalated);
        QVERIFY(escalated->escalatedAt);
    }

    void pagedListModelWalksTheCursor()
    {
        // Three published events of one organizer, one per page.
        for (int i = 0; i < 3; ++i) {
            const auto event = await(m_organizer.api->createEvent(draft("Paged evening " + std::to_string(i), 40 + i)));
            SBOR_REQUIRE_OK(event);
        }
        PagedListModel model({"id", "title", "status", "starts_at"}, "title");
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        SborApi* organizer = m_organizer.api.get();
        model.setSource(PagedListModel::sourceOf<wire::Event>([organizer](const QString& cursor) {
            sbor::client::EventQuery query;
            query.mine = true;
            query.status = "draft";
            query.text = "Paged evening";
            query.limit = 1;
            query.cursor = cursor;
            return organizer->events(query);
        }));
        QTRY_COMPARE(model.count(), 1);
        QVERIFY(model.canFetchMore({}));
        while (model.canFetchMore({}) || model.isLoading()) {
            model.fetchMore();
            QTest::qWait(5);
        }
        QVERIFY(model.count() >= 3);
        QVERIFY2(model.data(model.index(0), Qt::DisplayRole).toString().startsWith("Paged evening"),
                 qPrintable(model.data(model.index(0), Qt::DisplayRole).toString()));
        QCOMPARE(model.roleNames().value(Qt::UserRole + 2), QByteArray("status"));
        QCOMPARE(model.get(0).value("status").toString(), QStringLiteral("draft"));
        QVERIFY(model.errorText().isEmpty());

        // An error is shown, not thrown; reload starts over.
        PagedListModel failing({"id"}, "id");
        SborApi* buyer = m_buyer.api.get();
        failing.setSource(
            PagedListModel::sourceOf<wire::Order>([buyer](const QString&) { return buyer->orders("bad-cursor"); }));
        QTRY_VERIFY(!failing.errorText().isEmpty());
        QCOMPARE(failing.lastError()->error.code, ErrorCode::ValidationFailed);
        QCOMPARE(failing.count(), 0);
    }

    void callsWithoutTheRightToken()
    {
        // The error path of the calls whose other failures need no set-up: nobody signed in.
        Person anonymous{newClient(), nullptr, {}, {}};
        anonymous.api = std::make_unique<SborApi>(*anonymous.client);
        SborApi& api = *anonymous.api;
        SBOR_REQUIRE_ERROR(await(api.me()), ErrorCode::Unauthorized, 401);
        SBOR_REQUIRE_ERROR(await(api.sessions()), ErrorCode::Unauthorized, 401);
        SBOR_REQUIRE_ERROR(await(api.endSession("00000000-0000-4000-8000-000000000000")), ErrorCode::Unauthorized, 401);
        SBOR_REQUIRE_ERROR(await(api.becomeOrganizer()), ErrorCode::Unauthorized, 401);
        SBOR_REQUIRE_ERROR(await(api.orders()), ErrorCode::Unauthorized, 401);
        SBOR_REQUIRE_ERROR(await(api.tickets()), ErrorCode::Unauthorized, 401);
        SBOR_REQUIRE_ERROR(await(api.notifications()), ErrorCode::Unauthorized, 401);
        SBOR_REQUIRE_ERROR(await(api.notificationPreferences()), ErrorCode::Unauthorized, 401);
        SBOR_REQUIRE_ERROR(await(api.markAllNotificationsRead()), ErrorCode::Unauthorized, 401);
        SBOR_REQUIRE_ERROR(await(api.placeOrder({"00000000-0000-4000-8000-000000000000", {}})), ErrorCode::Unauthorized,
                           401);
        SBOR_REQUIRE_ERROR(await(api.createEvent(draft("Nobody's"))), ErrorCode::Unauthorized, 401);
        SBOR_REQUIRE_ERROR(await(api.validateCode("ABC")), ErrorCode::Unauthorized, 401);
        // Public reads work without a token; unknown ids are 404, not 500.
        SBOR_REQUIRE_OK(await(api.categories()));
        SBOR_REQUIRE_ERROR(await(api.ticketTypes("00000000-0000-4000-8000-000000000000")), ErrorCode::NotFound, 404);
        SBOR_REQUIRE_ERROR(await(api.schedule("00000000-0000-4000-8000-000000000000")), ErrorCode::NotFound, 404);
        SBOR_REQUIRE_ERROR(await(m_buyer.api->ticketQrSvg("00000000-0000-4000-8000-000000000000")), ErrorCode::NotFound,
                           404);
        SBOR_REQUIRE_ERROR(await(m_organizer.api->validateCode("ABC", "not-a-list")), ErrorCode::ValidationFailed, 422);
        SBOR_REQUIRE_ERROR(await(m_buyer.api->tickets("not-a-cursor")), ErrorCode::ValidationFailed, 422);
        // Who before what: no such type for this caller, whatever the (empty) body says.
        SBOR_REQUIRE_ERROR(await(m_buyer.api->updateTicketType("00000000-0000-4000-8000-000000000000", {})),
                           ErrorCode::NotFound, 404);
    }

    void deletingTheAccount()
    {
        Person person = signUp("leaving");
        SBOR_REQUIRE_ERROR(await(person.api->deleteMe("wrong password")), ErrorCode::ValidationFailed, 422);
        SBOR_REQUIRE_OK(await(person.api->deleteMe(kTestPassword)));
        const auto gone = await(m_admin.api->user(QString::fromStdString(person.id)));
        SBOR_REQUIRE_OK(gone);
        QCOMPARE(gone->status, std::string("deleted"));
    }

private:
    TestDatabase m_database;
    std::unique_ptr<TestServer> m_server;
    Person m_organizer;
    Person m_buyer;
    Person m_admin;
    QString m_eventId;
    QString m_typeId;
    std::vector<wire::Ticket> m_tickets;
};

QTEST_GUILESS_MAIN(TestSborApi)
#include "test_sborapi.moc"
