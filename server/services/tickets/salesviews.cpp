#include "salesviews.h"

#include "salesviewrepository.h"

#include "paging/cursor.h"
#include "sbor/uuid.h"
#include "service/contracts.h"
#include "service/eventaccess.h"

namespace sbor::tickets {
namespace {

struct SortName {
    const char* name;
    int sort;
};

constexpr SortName kOrderSorts[] = {{"-created_at", static_cast<int>(OrderSort::NewestFirst)},
                                    {"created_at", static_cast<int>(OrderSort::OldestFirst)},
                                    {"-total", static_cast<int>(OrderSort::LargestFirst)},
                                    {"total", static_cast<int>(OrderSort::SmallestFirst)}};
constexpr SortName kAttendeeSorts[] = {{"holder_name", static_cast<int>(AttendeeSort::NameAscending)},
                                       {"-holder_name", static_cast<int>(AttendeeSort::NameDescending)},
                                       {"created_at", static_cast<int>(AttendeeSort::OldestFirst)},
                                       {"-created_at", static_cast<int>(AttendeeSort::NewestFirst)}};

template <typename Sort, std::size_t N>
std::optional<Sort> sortFrom(const SortName (&names)[N], const std::string& name)
{
    for (const auto& entry : names) {
        if (name == entry.name)
            return static_cast<Sort>(entry.sort);
    }
    return std::nullopt;
}

template <typename Sort, std::size_t N> const char* nameOf(const SortName (&names)[N], Sort sort)
{
    for (const auto& entry : names) {
        if (entry.sort == static_cast<int>(sort))
            return entry.name;
    }
    return names[0].name;
}

// A cursor names the sort it was made under: one from another sort would skip or repeat rows.
Result<std::optional<SortPosition>> positionOf(const std::string& cursor, const std::string& sortName)
{
    if (cursor.empty())
        return std::optional<SortPosition>();
    const auto decoded = paging::decodeCursor(cursor);
    if (!decoded || !decoded->is_object() || decoded->value("s", "") != sortName || !decoded->contains("v") ||
        !(*decoded)["v"].is_string() || !isUuid(decoded->value("i", "")))
        return invalidField("cursor", "is not valid", "cursor is not one this list returned for this sort");
    return std::optional<SortPosition>(SortPosition{(*decoded)["v"].get<std::string>(), decoded->value("i", "")});
}

template <typename Item>
SalesPage<Item> pageOf(std::vector<PositionedRow<Item>> rows, int limit, const std::string& sortName)
{
    SalesPage<Item> page;
    if (static_cast<int>(rows.size()) > limit) {
        rows.resize(limit);
        const SortPosition& last = rows.back().position;
        page.nextCursor = paging::encodeCursor({{"s", sortName}, {"v", last.value}, {"i", last.id}});
    }
    for (auto& row : rows)
        page.items.push_back(std::move(row.item));
    return page;
}

} // namespace

std::optional<OrderSort> orderSortFromName(const std::string& name) { return sortFrom<OrderSort>(kOrderSorts, name); }
std::optional<AttendeeSort> attendeeSortFromName(const std::string& name)
{
    return sortFrom<AttendeeSort>(kAttendeeSorts, name);
}
const char* orderSortName(OrderSort sort) { return nameOf(kOrderSorts, sort); }
const char* attendeeSortName(AttendeeSort sort) { return nameOf(kAttendeeSorts, sort); }

std::optional<Error> SalesViews::refusal(const access::Principal& caller, const std::string& eventId)
{
    const auto events = m_directory->find<EventDirectory>();
    if (!events)
        return Error(ErrorCode::Overloaded, "events are not reachable from this process; try again later");
    const auto event = isUuid(eventId) ? events->eventFacts(canonicalUuid(eventId)) : std::nullopt;
    if (!event)
        return noSuchEvent(eventId);
    if (managesEvent(caller, *event))
        return std::nullopt;
    // A draft is nobody else's business; a public event's sales are, at least, not theirs.
    if (event->status == EventStatus::Draft && !teamRoleOf(*event, caller.userId))
        return noSuchEvent(eventId);
    return Error(ErrorCode::Forbidden, "only the event's organizer, a co-organizer or an admin sees its sales");
}

Result<SalesPage<EventOrder>> SalesViews::orders(const access::Principal& caller, const std::string& eventId,
                                                 const EventOrderQuery& query)
{
    if (auto refused = refusal(caller, eventId))
        return *refused;
    const std::string sortName = orderSortName(query.sort);
    auto after = positionOf(query.cursor, sortName);
    if (!after)
        return after.error();
    auto rows = m_database.readSnapshot([&](db::Transaction& tx) {
        return SalesViewRepository(tx).orders(canonicalUuid(eventId), query, *after, query.limit + 1);
    });
    return pageOf(std::move(rows), query.limit, sortName);
}

Result<SalesPage<EventAttendee>> SalesViews::attendees(const access::Principal& caller, const std::string& eventId,
                                                       const EventAttendeeQuery& query)
{
    if (auto refused = refusal(caller, eventId))
        return *refused;
    const std::string sortName = attendeeSortName(query.sort);
    auto after = positionOf(query.cursor, sortName);
    if (!after)
        return after.error();
    auto rows = m_database.read([&](db::Transaction& tx) {
        return SalesViewRepository(tx).attendees(canonicalUuid(eventId), query, *after, query.limit + 1);
    });
    return pageOf(std::move(rows), query.limit, sortName);
}

} // namespace sbor::tickets
