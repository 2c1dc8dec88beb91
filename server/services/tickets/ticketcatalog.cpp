#include "ticketcatalog.h"

#include "tickettyperepository.h"

#include "sbor/rfc3339.h"
#include "sbor/uuid.h"
#include "service/contracts.h"
#include "service/eventaccess.h"

namespace sbor::tickets {
namespace {

Error noSuchType(const std::string& id) { return noSuch("ticket type", id); }

bool isOrganizerOf(const access::Principal& caller, const EventFacts& event) { return managesEvent(caller, event); }

bool mayManage(const std::optional<access::Principal>& caller, const EventFacts& event)
{
    return caller && isOrganizerOf(*caller, event);
}

} // namespace

namespace {
// The event behind a ticket-type change, and whether `caller` may make it.
Result<EventFacts> eventForChange(ServiceDirectory& directory, const access::Principal& caller,
                                  const std::string& eventId)
{
    const auto events = directory.find<EventDirectory>();
    if (!events)
        return Error(ErrorCode::Overloaded, "events are not reachable from this process; try again later");
    auto event = isUuid(eventId) ? events->eventFacts(eventId) : std::nullopt;
    if (!event || (event->status == EventStatus::Draft && !isOrganizerOf(caller, *event)))
        return noSuchEvent(eventId);
    if (!isOrganizerOf(caller, *event))
        return Error(ErrorCode::Forbidden,
                     "only the event's organizer, a co-organizer or an admin may change what it sells");
    if (event->status == EventStatus::Cancelled || event->status == EventStatus::Completed)
        return Error(ErrorCode::Conflict, "a " + statusText(event->status) + " event sells nothing more",
                     {{"status", event->status}});
    return *event;
}
} // namespace

Result<TicketType> TicketCatalog::create(const access::Principal& caller, const std::string& eventId,
                                         const TicketTypeDraft& draft)
{
    auto event = eventForChange(*m_directory, caller, eventId);
    if (!event)
        return event.error();
    if (*parseRfc3339(draft.salesEnd) > event->endsAt)
        return invalidField("sales_end", "must not be after the event ends");
    return m_database.transact([&](db::Transaction& tx) {
        TicketType created = TicketTypeRepository(tx).insert(eventId, draft);
        return created;
    });
}

Result<std::vector<TicketType>> TicketCatalog::list(const std::optional<access::Principal>& caller,
                                                    const std::string& eventId)
{
    const auto events = m_directory->find<EventDirectory>();
    if (!events)
        return Error(ErrorCode::Overloaded, "events are not reachable from this process; try again later");
    auto event = isUuid(eventId) ? events->eventFacts(eventId) : std::nullopt;
    if (!event || (event->status == EventStatus::Draft && !mayManage(caller, *event)))
        return noSuchEvent(eventId);
    const bool everything = mayManage(caller, *event); // buyers see what is on sale
    return m_database.read(
        [&](db::Transaction& tx) { return TicketTypeRepository(tx).listForEvent(eventId, !everything); });
}

Result<TicketType> TicketCatalog::update(const access::Principal& caller, const std::string& typeId,
                                         const TicketTypeChanges& changes)
{
    if (!isUuid(typeId))
        return noSuchType(typeId);
    const auto current = m_database.read([&](db::Transaction& tx) { return TicketTypeRepository(tx).find(typeId); });
    if (!current)
        return noSuchType(typeId);
    auto event = eventForChange(*m_directory, caller, current->eventId);
    if (!event)
        return event.error().code == ErrorCode::NotFound ? Result<TicketType>(noSuchType(typeId))
                                                         : Result<TicketType>(event.error());
    return m_database.transact([&](db::Transaction& tx) -> Result<TicketType> {
        TicketTypeRepository types(tx);
        // The shards first, in shard order as buyers take them: the sold count read here cannot
        // change before this transaction ends, so a purchase cannot slip between check and change.
        const int sold = types.lockShardsAndCountSold(typeId);
        const auto locked = types.find(typeId, true);
        if (changes.quota && *changes.quota < sold)
            return Error(ErrorCode::Conflict, "the quota cannot go below what is sold",
                         {{"sold", sold}, {"quota", *changes.quota}});
        if (changes.currency && *changes.currency != locked->currency && sold > 0)
            return Error(ErrorCode::Conflict, "the currency cannot change after a sale", {{"sold", sold}});
        const int minimum = changes.minPerOrder.value_or(locked->minPerOrder);
        const int maximum = changes.maxPerOrder.value_or(locked->maxPerOrder);
        if (maximum < minimum)
            return invalidField(changes.maxPerOrder ? "max_per_order" : "min_per_order",
                                "must leave max_per_order at least min_per_order");
        const auto start = *parseRfc3339(changes.salesStart.value_or(locked->salesStart));
        const auto end = *parseRfc3339(changes.salesEnd.value_or(locked->salesEnd));
        if (end <= start)
            return invalidField(changes.salesEnd ? "sales_end" : "sales_start",
                                "must leave sales_end after sales_start");
        if (end > event->endsAt)
            return invalidField("sales_end", "must not be after the event ends");
        TicketType updated = types.update(typeId, changes);
        return updated;
    });
}

std::optional<Error> TicketCatalog::refusalForEvent(const access::Principal& caller, const std::string& eventId)
{
    auto event = eventForChange(*m_directory, caller, eventId);
    return event ? std::nullopt : std::optional(event.error());
}

std::optional<Error> TicketCatalog::refusalForType(const access::Principal& caller, const std::string& typeId)
{
    if (!isUuid(typeId))
        return noSuchType(typeId);
    const auto current = m_database.read([&](db::Transaction& tx) { return TicketTypeRepository(tx).find(typeId); });
    if (!current)
        return noSuchType(typeId);
    auto event = eventForChange(*m_directory, caller, current->eventId);
    if (event)
        return std::nullopt;
    return event.error().code == ErrorCode::NotFound ? noSuchType(typeId) : event.error();
}

int TicketCatalog::activeTypeCount(const std::string& eventId)
{
    return m_database.read([&](db::Transaction& tx) { return TicketTypeRepository(tx).activeCount(eventId); });
}

} // namespace sbor::tickets
