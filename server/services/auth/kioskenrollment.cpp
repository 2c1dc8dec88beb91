#include "kioskenrollment.h"

#include "service/eventaccess.h"

#include "opaquetokens.h"

#include "sbor/uuid.h"

namespace sbor::auth {
namespace {} // namespace

std::optional<EventFacts> KioskEnrollment::managedEvent(const access::Principal& caller, const std::string& eventId)
{
    if (!isUuid(eventId))
        return std::nullopt;
    const auto events = m_directory->find<EventDirectory>();
    auto event = events ? events->eventFacts(canonicalUuid(eventId)) : std::nullopt;
    if (!event || !managesEvent(caller, *event))
        return std::nullopt;
    return event;
}

Result<IssuedEnrollment> KioskEnrollment::issueCode(const access::Principal& caller, const std::string& eventId,
                                                    const std::string& listId, const std::string& name)
{
    const auto event = managedEvent(caller, eventId);
    if (!event)
        return noSuchEvent(eventId);
    const auto door = m_directory->find<DoorDirectory>();
    const auto list = door && isUuid(listId) ? door->checkInList(canonicalUuid(listId)) : std::nullopt;
    if (!list || list->eventId != event->id)
        return invalidField("list_id", "names no check-in list of this event",
                            "list_id names no check-in list of this event");
    if (event->status == EventStatus::Cancelled || event->status == EventStatus::Completed)
        return Error(ErrorCode::Conflict, "the event is " + statusText(event->status) + "; its door is closed",
                     {{"status", event->status}});
    const std::string code = newEnrollmentCode();
    const std::string expiresAt = m_deps.database.transact([&](db::Transaction& tx) {
        const auto expires = DeviceRepository(tx).insertEnrollment(
            sha256Hex(code), {event->id, list->id, name, caller.userId}, kEnrollmentCodeSeconds);
        return expires;
    });
    return IssuedEnrollment{code, expiresAt, event->id, list->id};
}

Result<EnrolledDevice> KioskEnrollment::enroll(const std::string& code)
{
    const std::string hash = sha256Hex(normalizeEnrollmentCode(code));
    const std::string token = newDeviceToken();
    // What the kiosk needs besides its token is asked for before the claim commits: when events
    // or tickets cannot answer (another process, down), the code stays unused for another try
    // instead of being spent on a kiosk that never learnt its keys.
    auto enrolled = m_deps.database.transact([&](db::Transaction& tx) -> std::optional<EnrolledDevice> {
        DeviceRepository devices(tx);
        const auto enrollment = devices.claimEnrollment(hash);
        if (!enrollment)
            return std::nullopt;
        EnrolledDevice made{token, devices.insertDevice(*enrollment, sha256Hex(token)), {}, {}, {}};
        const auto events = m_directory->find<EventDirectory>();
        if (const auto event = events ? events->eventFacts(made.device.eventId) : std::nullopt)
            made.eventTitle = event->title;
        if (const auto door = m_directory->find<DoorDirectory>()) {
            if (const auto list = door->checkInList(made.device.listId))
                made.listName = list->name;
            made.publicKeys = door->publicKeys(made.device.eventId);
        }
        return made;
    });
    if (!enrolled)
        return Error(ErrorCode::Unauthorized,
                     "this enrollment code is unknown, expired or used already; ask the organizer for a new one");
    return std::move(*enrolled);
}

Result<std::vector<Device>> KioskEnrollment::devicesOf(const access::Principal& caller, const std::string& eventId)
{
    const auto event = managedEvent(caller, eventId);
    if (!event)
        return noSuchEvent(eventId);
    return m_deps.database.read([&](db::Transaction& tx) { return DeviceRepository(tx).ofEvent(event->id); });
}

Result<Device> KioskEnrollment::revoke(const access::Principal& caller, const std::string& deviceId)
{
    const auto noSuchDevice = Error(ErrorCode::NotFound, "no such device", {{"id", deviceId}});
    if (!isUuid(deviceId))
        return noSuchDevice;
    const auto device = m_deps.database.read(
        [&](db::Transaction& tx) { return DeviceRepository(tx).find(canonicalUuid(deviceId)); });
    if (!device || !managedEvent(caller, device->eventId))
        return noSuchDevice;
    auto revoked = m_deps.database.transact([&](db::Transaction& tx) {
        DeviceRepository devices(tx);
        devices.revoke(device->id);
        auto after = *devices.find(device->id);
        return after;
    });
    m_deps.authenticator->forgetDevices(); // its next request is refused here at once
    return revoked;
}

} // namespace sbor::auth
