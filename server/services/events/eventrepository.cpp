#include "eventrepository.h"
#include "db/sqlvalues.h"

#include "db/sqlfragments.h"

namespace sbor::events {
namespace {

using db::rfc3339Sql;

std::string eventColumns()
{
    return "e.id::text, e.organizer_id::text, e.title, e.description, e.venue, " + rfc3339Sql("e.starts_at") + ", " +
        rfc3339Sql("e.ends_at") + ", e.timezone, e.category_id, e.cover_url, e.status, e.cancel_reason, e.version, " +
        rfc3339Sql("e.created_at") + ", " + rfc3339Sql("e.updated_at") + ", " + rfc3339Sql("e.published_at");
}

Event eventFrom(const pqxx::row& row)
{
    Event event;
    event.id = row[0].as<std::string>();
    event.organizerId = row[1].as<std::string>();
    event.title = row[2].as<std::string>();
    event.description = row[3].as<std::string>();
    event.venue = row[4].as<std::string>();
    event.startsAt = row[5].as<std::string>();
    event.endsAt = row[6].as<std::string>();
    event.timezone = row[7].as<std::string>();
    event.categoryId = row[8].as<std::int64_t>();
    event.coverUrl = db::optionalText(row[9]);
    event.status = db::statusValue<EventStatus>(row[10]);
    event.cancelReason = db::optionalText(row[11]);
    event.version = row[12].as<int>();
    event.createdAt = row[13].as<std::string>();
    event.updatedAt = row[14].as<std::string>();
    event.publishedAt = db::optionalText(row[15]);
    return event;
}

std::vector<Event> eventsFrom(const pqxx::result& rows)
{
    std::vector<Event> events;
    for (const auto& row : rows)
        events.push_back(eventFrom(row));
    return events;
}

const char* orderBy(EventSort sort)
{
    switch (sort) {
    case EventSort::StartsAscending:
        return "e.starts_at ASC, e.id ASC";
    case EventSort::StartsDescending:
        return "e.starts_at DESC, e.id DESC";
    case EventSort::CreatedAscending:
        return "e.created_at ASC, e.id ASC";
    case EventSort::CreatedDescending:
        return "e.created_at DESC, e.id DESC";
    }
    return "e.starts_at ASC, e.id ASC";
}

const char* keyset(EventSort sort)
{
    switch (sort) {
    case EventSort::StartsAscending:
        return "(e.starts_at, e.id) > ($9::timestamptz, $10::uuid)";
    case EventSort::StartsDescending:
        return "(e.starts_at, e.id) < ($9::timestamptz, $10::uuid)";
    case EventSort::CreatedAscending:
        return "(e.created_at, e.id) > ($9::timestamptz, $10::uuid)";
    case EventSort::CreatedDescending:
        return "(e.created_at, e.id) < ($9::timestamptz, $10::uuid)";
    }
    return "true";
}

} // namespace

Event EventRepository::insert(const std::string& organizerId, const EventDraft& draft)
{
    return eventFrom(m_tx.sql().exec_params1(
        "INSERT INTO events.events AS e (organizer_id, title, description, venue, starts_at, ends_at, timezone, category_id, cover_url) "
        "VALUES ($1::uuid, $2, $3, $4, $5::timestamptz, $6::timestamptz, $7, $8, NULLIF($9, '')) RETURNING " +
            eventColumns(),
        organizerId, draft.title, draft.description, draft.venue, draft.startsAt, draft.endsAt, draft.timezone,
        draft.categoryId, draft.coverUrl.value_or("")));
}

void EventRepository::removeDraft(const std::string& id)
{
    m_tx.sql().exec_params("DELETE FROM events.events WHERE id = $1::uuid AND status = 'draft'", id);
}

std::optional<Event> EventRepository::find(const std::string& id, bool lock)
{
    const pqxx::result rows = m_tx.sql().exec_params(
        "SELECT " + eventColumns() + " FROM events.events e WHERE e.id = $1::uuid" + (lock ? " FOR UPDATE" : ""), id);
    if (rows.empty())
        return std::nullopt;
    return eventFrom(rows[0]);
}

Event EventRepository::update(const std::string& id, const EventChanges& changes)
{
    const auto text = [](const std::optional<std::string>& value) { return value ? value->c_str() : nullptr; };
    const std::string category = changes.categoryId ? std::to_string(*changes.categoryId) : std::string();
    return eventFrom(m_tx.sql().exec_params1(
        "UPDATE events.events AS e SET title = coalesce($2, title), description = coalesce($3, description), "
        "venue = coalesce($4, venue), starts_at = coalesce($5::timestamptz, starts_at), ends_at = coalesce($6::timestamptz, ends_at), "
        "timezone = coalesce($7, timezone), category_id = coalesce(NULLIF($8, '')::bigint, category_id), "
        "cover_url = CASE WHEN $9::text IS NULL THEN cover_url ELSE NULLIF($9, '') END, "
        "reminder_sent_at = CASE WHEN $5::timestamptz IS NULL OR $5::timestamptz = starts_at THEN reminder_sent_at ELSE NULL END, "
        "version = version + 1, updated_at = now() WHERE e.id = $1::uuid RETURNING " +
            eventColumns(),
        id, text(changes.title), text(changes.description), text(changes.venue), text(changes.startsAt),
        text(changes.endsAt), text(changes.timezone), category, text(changes.coverUrl)));
}

Event EventRepository::setStatus(const std::string& id, EventStatus status,
                                 const std::optional<std::string>& cancelReason)
{
    return eventFrom(m_tx.sql().exec_params1(
        "UPDATE events.events AS e SET status = $2, cancel_reason = coalesce($3, cancel_reason), version = version + 1, updated_at = now(), "
        "published_at = CASE WHEN $2 = 'published' THEN now() ELSE published_at END, "
        "cancelled_at = CASE WHEN $2 = 'cancelled' THEN now() ELSE cancelled_at END "
        "WHERE e.id = $1::uuid RETURNING " +
            eventColumns(),
        id, statusText(status), cancelReason ? cancelReason->c_str() : nullptr));
}

std::vector<Event> EventRepository::list(const EventQuery& query)
{
    const std::string sql = "SELECT " + eventColumns() +
        " FROM events.events e WHERE "
        "(($1 = '' AND e.status = 'published') OR ($1 <> '' AND (e.organizer_id = NULLIF($1, '')::uuid OR EXISTS ("
        "SELECT 1 FROM events.team_members t WHERE t.event_id = e.id AND t.user_id = NULLIF($1, '')::uuid)) "
        "AND ($2 = '' OR e.status = $2))) "
        "AND ($3::bigint = 0 OR e.category_id = $3::bigint) "
        "AND ($4 = '' OR e.starts_at >= NULLIF($4, '')::timestamptz) AND ($5 = '' OR e.starts_at < NULLIF($5, '')::timestamptz) "
        "AND ($6 = '' OR e.title ILIKE $6 OR e.venue ILIKE $6) "
        "AND ($7 = '' OR e.organizer_id = NULLIF($7, '')::uuid) "
        "AND ($8 = '' OR " +
        std::string(keyset(query.sort)) +
        ") "
        "ORDER BY " +
        orderBy(query.sort) + " LIMIT $11";
    const bool paged = query.after.has_value();
    return eventsFrom(m_tx.sql().exec_params(
        sql, query.ownedBy.value_or(""), query.status.value_or(""), query.categoryId.value_or(0),
        query.from.value_or(""), query.to.value_or(""),
        query.text.empty() ? std::string() : db::containsPattern(query.text), query.organizerId.value_or(""),
        paged ? "yes" : "", paged ? query.after->first : std::string("1970-01-01T00:00:00Z"),
        paged ? query.after->second : std::string("00000000-0000-0000-0000-000000000000"), query.limit + 1));
}

std::string EventRepository::sortValue(const Event& event, EventSort sort)
{
    return sort == EventSort::CreatedAscending || sort == EventSort::CreatedDescending ? event.createdAt
                                                                                       : event.startsAt;
}

std::vector<ScheduleItem> EventRepository::schedule(const std::string& eventId)
{
    std::vector<ScheduleItem> items;
    for (const auto& row :
         m_tx.sql().exec_params("SELECT " + rfc3339Sql("starts_at") + ", " + rfc3339Sql("ends_at") +
                                    ", title, speaker, room FROM events.schedule_items WHERE event_id = $1::uuid "
                                    "ORDER BY starts_at, position",
                                eventId))
        items.push_back({row[0].as<std::string>(), row[1].as<std::string>(), row[2].as<std::string>(),
                         db::optionalText(row[3]), db::optionalText(row[4])});
    return items;
}

void EventRepository::replaceSchedule(const std::string& eventId, const std::vector<ScheduleItem>& items)
{
    m_tx.sql().exec_params("DELETE FROM events.schedule_items WHERE event_id = $1::uuid", eventId);
    int position = 0;
    for (const auto& item : items) {
        m_tx.sql().exec_params(
            "INSERT INTO events.schedule_items (event_id, position, starts_at, ends_at, title, speaker, room) "
            "VALUES ($1::uuid, $2, $3::timestamptz, $4::timestamptz, $5, NULLIF($6, ''), NULLIF($7, ''))",
            eventId, position++, item.startsAt, item.endsAt, item.title, item.speaker.value_or(""),
            item.room.value_or(""));
    }
}

bool EventRepository::timezoneExists(const std::string& name)
{
    return !m_tx.sql().exec_params("SELECT 1 FROM pg_timezone_names WHERE name = $1", name).empty();
}

std::vector<Category> EventRepository::categories()
{
    std::vector<Category> categories;
    for (const auto& row : m_tx.sql().exec("SELECT id, slug, name FROM events.categories ORDER BY name, id"))
        categories.push_back({row[0].as<std::int64_t>(), row[1].as<std::string>(), row[2].as<std::string>()});
    return categories;
}

std::optional<Category> EventRepository::category(std::int64_t id)
{
    const pqxx::result rows = m_tx.sql().exec_params("SELECT id, slug, name FROM events.categories WHERE id = $1", id);
    if (rows.empty())
        return std::nullopt;
    return Category{rows[0][0].as<std::int64_t>(), rows[0][1].as<std::string>(), rows[0][2].as<std::string>()};
}

std::optional<Category> EventRepository::insertCategory(const std::string& slug, const std::string& name)
{
    const pqxx::result rows = m_tx.sql().exec_params(
        "INSERT INTO events.categories (slug, name) VALUES ($1, $2) ON CONFLICT (slug) DO NOTHING RETURNING id, slug, name",
        slug, name);
    if (rows.empty())
        return std::nullopt;
    return Category{rows[0][0].as<std::int64_t>(), rows[0][1].as<std::string>(), rows[0][2].as<std::string>()};
}

std::optional<Category> EventRepository::renameCategory(std::int64_t id, const std::string& name)
{
    const pqxx::result rows = m_tx.sql().exec_params(
        "UPDATE events.categories SET name = $2 WHERE id = $1 RETURNING id, slug, name", id, name);
    if (rows.empty())
        return std::nullopt;
    return Category{rows[0][0].as<std::int64_t>(), rows[0][1].as<std::string>(), rows[0][2].as<std::string>()};
}

bool EventRepository::deleteCategory(std::int64_t id)
{
    if (!m_tx.sql().exec_params("SELECT 1 FROM events.events WHERE category_id = $1 LIMIT 1", id).empty())
        return false;
    m_tx.sql().exec_params("DELETE FROM events.categories WHERE id = $1", id);
    return true;
}

std::vector<Event> EventRepository::claimDueReminders(std::int64_t leadSeconds, int limit)
{
    return eventsFrom(m_tx.sql().exec_params(
        "UPDATE events.events AS e SET reminder_sent_at = now() WHERE e.id IN ("
        "SELECT id FROM events.events WHERE status = 'published' AND reminder_sent_at IS NULL "
        "AND starts_at > now() AND starts_at <= now() + make_interval(secs => $1) ORDER BY starts_at LIMIT $2 FOR UPDATE SKIP LOCKED) "
        "RETURNING " +
            eventColumns(),
        leadSeconds, limit));
}

std::vector<std::string> EventRepository::awaitingWindUp(int limit)
{
    std::vector<std::string> ids;
    for (const auto& row : m_tx.sql().exec_params(
             "SELECT id::text FROM events.events WHERE status = 'cancelled' AND sales_wound_up_at IS NULL "
             "ORDER BY updated_at LIMIT $1",
             limit))
        ids.push_back(row[0].as<std::string>());
    return ids;
}

void EventRepository::markWoundUp(const std::string& id)
{
    m_tx.sql().exec_params(
        "UPDATE events.events SET sales_wound_up_at = now() WHERE id = $1::uuid AND sales_wound_up_at IS NULL", id);
}

std::vector<Event> EventRepository::completeEnded(int limit)
{
    return eventsFrom(m_tx.sql().exec_params(
        "UPDATE events.events AS e SET status = 'completed', version = version + 1, updated_at = now() WHERE e.id IN ("
        "SELECT id FROM events.events WHERE status = 'published' AND ends_at < now() ORDER BY ends_at LIMIT $1 FOR UPDATE SKIP LOCKED) "
        "RETURNING " +
            eventColumns(),
        limit));
}

std::vector<TeamSeat> EventRepository::teamSeats(const std::string& eventId)
{
    std::vector<TeamSeat> seats;
    for (const auto& row : m_tx.sql().exec_params(
             "SELECT user_id::text, role FROM events.team_members WHERE event_id = $1::uuid ORDER BY added_at, user_id",
             eventId))
        seats.push_back({row[0].as<std::string>(), db::statusValue<TeamRole>(row[1])});
    return seats;
}

std::vector<TeamMember> EventRepository::team(const std::string& eventId)
{
    std::vector<TeamMember> members;
    for (const auto& row :
         m_tx.sql().exec_params("SELECT user_id::text, email, name, role, added_by::text, " + rfc3339Sql("added_at") +
                                    " FROM events.team_members WHERE event_id = $1::uuid ORDER BY added_at, user_id",
                                eventId))
        members.push_back({row[0].as<std::string>(), row[1].as<std::string>(), row[2].as<std::string>(),
                           db::statusValue<TeamRole>(row[3]), row[4].as<std::string>(), row[5].as<std::string>()});
    return members;
}

std::optional<TeamMember> EventRepository::putTeamMember(const std::string& eventId, const TeamMember& member)
{
    const pqxx::result rows = m_tx.sql().exec_params(
        "INSERT INTO events.team_members AS t (event_id, user_id, role, email, name, added_by) "
        "VALUES ($1::uuid, $2::uuid, $3, $4, $5, $6::uuid) "
        "ON CONFLICT (event_id, user_id) DO UPDATE SET role = EXCLUDED.role, email = EXCLUDED.email, "
        "name = EXCLUDED.name WHERE t.role <> EXCLUDED.role "
        "RETURNING user_id::text, email, name, role, added_by::text, " +
            rfc3339Sql("added_at"),
        eventId, member.userId, statusText(member.role), member.email, member.name, member.addedBy);
    if (rows.empty())
        return std::nullopt;
    const auto& row = rows[0];
    return TeamMember{row[0].as<std::string>(),          row[1].as<std::string>(), row[2].as<std::string>(),
                      db::statusValue<TeamRole>(row[3]), row[4].as<std::string>(), row[5].as<std::string>()};
}

std::optional<TeamMember> EventRepository::removeTeamMember(const std::string& eventId, const std::string& userId)
{
    const pqxx::result rows = m_tx.sql().exec_params(
        "DELETE FROM events.team_members WHERE event_id = $1::uuid AND user_id = $2::uuid "
        "RETURNING user_id::text, email, name, role, added_by::text, " +
            rfc3339Sql("added_at"),
        eventId, userId);
    if (rows.empty())
        return std::nullopt;
    const auto& row = rows[0];
    return TeamMember{row[0].as<std::string>(),          row[1].as<std::string>(), row[2].as<std::string>(),
                      db::statusValue<TeamRole>(row[3]), row[4].as<std::string>(), row[5].as<std::string>()};
}

int EventRepository::countOrganizedBy(const std::string& organizerId)
{
    return m_tx.sql()
        .exec_params1("SELECT count(*) FROM events.events WHERE organizer_id = $1::uuid", organizerId)[0]
        .as<int>();
}

} // namespace sbor::events
