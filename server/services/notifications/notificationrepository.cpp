#include "notificationrepository.h"
#include "db/sqlvalues.h"

#include "db/sqlfragments.h"

#include <mutex>
#include <optional>
#include <unordered_map>

namespace sbor::notifications {
namespace {

// pg_timezone_names reads the whole zone database from disk at every use (10–40 ms a call), which
// made every ticket's email cost that much: each zone name is looked up once per process. Names
// come from events, whose zones were checked when they were saved, so there are few.
class KnownZones {
public:
    std::optional<bool> find(const std::string& zone)
    {
        std::lock_guard lock(m_mutex);
        const auto found = m_zones.find(zone);
        return found == m_zones.end() ? std::nullopt : std::optional(found->second);
    }
    void remember(const std::string& zone, bool known)
    {
        std::lock_guard lock(m_mutex);
        if (m_zones.size() >= 4096)
            m_zones.clear();
        m_zones[zone] = known;
    }

private:
    std::mutex m_mutex;
    std::unordered_map<std::string, bool> m_zones;
};

KnownZones& knownZones()
{
    static KnownZones zones;
    return zones;
}

std::string notificationColumns()
{
    return "id::text, user_id::text, type, title, body, data::text, " + db::rfc3339Sql("created_at") + ", " +
        db::rfc3339Sql("read_at");
}

Notification notificationFrom(const pqxx::row& row)
{
    Notification notification;
    notification.id = row[0].as<std::string>();
    notification.userId = row[1].as<std::string>();
    notification.type = row[2].as<std::string>();
    notification.title = row[3].as<std::string>();
    notification.body = row[4].as<std::string>();
    notification.data = nlohmann::json::parse(row[5].as<std::string>());
    notification.createdAt = row[6].as<std::string>();
    if (!row[7].is_null())
        notification.readAt = row[7].as<std::string>();
    return notification;
}

TicketHolderRecord holderFrom(const pqxx::row& row)
{
    return {row[0].as<std::string>(), row[1].as<std::string>(), row[2].as<std::string>(), row[3].as<std::string>(),
            row[4].as<std::string>(), row[5].as<std::string>(), row[6].as<bool>()};
}

constexpr const char* kHolderColumns =
    "ticket_id::text, event_id::text, order_id::text, buyer_id::text, holder_name, holder_email, cancelled";

} // namespace

Notification NotificationRepository::insertNotification(const std::string& userId, const std::string& type,
                                                        const std::string& title, const std::string& body,
                                                        const nlohmann::json& data, const std::string& sourceMessageId)
{
    return notificationFrom(m_tx.sql().exec_params1(
        "INSERT INTO notifications.notifications (id, user_id, type, title, body, data, source_message_id) "
        "VALUES (gen_random_uuid(), $1::uuid, $2, $3, $4, $5::jsonb, NULLIF($6, '')::uuid) RETURNING " +
            notificationColumns(),
        userId, type, title, body, data.dump(), sourceMessageId));
}

std::vector<Notification> NotificationRepository::listForUser(
    const std::string& userId, bool unreadOnly, int limit,
    const std::optional<std::pair<std::string, std::string>>& after)
{
    std::vector<Notification> notifications;
    for (const auto& row : m_tx.sql().exec_params(
             "SELECT " + notificationColumns() +
                 " FROM notifications.notifications WHERE user_id = $1::uuid "
                 "AND (NOT $2 OR read_at IS NULL) "
                 "AND ($3 = '' OR (created_at, id) < (NULLIF($3, '')::timestamptz, NULLIF($4, '')::uuid)) "
                 "ORDER BY created_at DESC, id DESC LIMIT $5",
             userId, unreadOnly, after ? after->first : std::string(), after ? after->second : std::string(), limit))
        notifications.push_back(notificationFrom(row));
    return notifications;
}

std::optional<Notification> NotificationRepository::find(const std::string& userId, const std::string& id)
{
    const auto rows = m_tx.sql().exec_params(
        "SELECT " + notificationColumns() +
            " FROM notifications.notifications WHERE id = $1::uuid AND user_id = $2::uuid",
        id, userId);
    return rows.empty() ? std::nullopt : std::optional(notificationFrom(rows[0]));
}

std::optional<Notification> NotificationRepository::markRead(const std::string& userId, const std::string& id)
{
    const auto rows = m_tx.sql().exec_params(
        "UPDATE notifications.notifications SET read_at = COALESCE(read_at, now()) "
        "WHERE id = $1::uuid AND user_id = $2::uuid RETURNING " +
            notificationColumns(),
        id, userId);
    return rows.empty() ? std::nullopt : std::optional(notificationFrom(rows[0]));
}

int NotificationRepository::markAllRead(const std::string& userId)
{
    return static_cast<int>(
        m_tx.sql()
            .exec_params(
                "UPDATE notifications.notifications SET read_at = now() WHERE user_id = $1::uuid AND read_at IS NULL",
                userId)
            .affected_rows());
}

int NotificationRepository::unreadCount(const std::string& userId)
{
    return m_tx.sql()
        .exec_params1("SELECT count(*) FROM notifications.notifications WHERE user_id = $1::uuid AND read_at IS NULL",
                      userId)[0]
        .as<int>();
}

nlohmann::json NotificationRepository::storedPreferences(const std::string& userId)
{
    const auto rows = m_tx.sql().exec_params(
        "SELECT settings::text FROM notifications.preferences WHERE user_id = $1::uuid", userId);
    return rows.empty() ? nlohmann::json::object() : nlohmann::json::parse(rows[0][0].as<std::string>());
}

void NotificationRepository::savePreferences(const std::string& userId, const nlohmann::json& stored)
{
    m_tx.sql().exec_params("INSERT INTO notifications.preferences (user_id, settings) VALUES ($1::uuid, $2::jsonb) "
                           "ON CONFLICT (user_id) DO UPDATE SET settings = EXCLUDED.settings, updated_at = now()",
                           userId, stored.dump());
}

void NotificationRepository::recordHolder(const TicketHolderRecord& holder)
{
    m_tx.sql().exec_params(
        "INSERT INTO notifications.ticket_holders (ticket_id, event_id, order_id, buyer_id, holder_name, holder_email) "
        "VALUES ($1::uuid, $2::uuid, $3::uuid, $4::uuid, $5, $6) ON CONFLICT (ticket_id) DO NOTHING",
        holder.ticketId, holder.eventId, holder.orderId, holder.buyerId, holder.holderName, holder.holderEmail);
}

int NotificationRepository::holderCountOfOrder(const std::string& orderId)
{
    return m_tx.sql()
        .exec_params1("SELECT count(*) FROM notifications.ticket_holders WHERE order_id = $1::uuid", orderId)[0]
        .as<int>();
}

std::optional<TicketHolderRecord> NotificationRepository::holder(const std::string& ticketId)
{
    const auto rows = m_tx.sql().exec_params(std::string("SELECT ") + kHolderColumns +
                                                 " FROM notifications.ticket_holders WHERE ticket_id = $1::uuid",
                                             ticketId);
    return rows.empty() ? std::nullopt : std::optional(holderFrom(rows[0]));
}

std::vector<TicketHolderRecord> NotificationRepository::holdersOfEvent(const std::string& eventId,
                                                                       bool includeCancelled)
{
    std::vector<TicketHolderRecord> holders;
    for (
        const auto& row : m_tx.sql().exec_params(
            std::string("SELECT ") + kHolderColumns +
                " FROM notifications.ticket_holders WHERE event_id = $1::uuid AND ($2 OR NOT cancelled) ORDER BY ticket_id",
            eventId, includeCancelled))
        holders.push_back(holderFrom(row));
    return holders;
}

void NotificationRepository::markHolderCancelled(const std::string& ticketId)
{
    m_tx.sql().exec_params("UPDATE notifications.ticket_holders SET cancelled = true WHERE ticket_id = $1::uuid",
                           ticketId);
}

std::string NotificationRepository::localTime(const std::string& instant, const std::string& timezone,
                                              const std::string& language)
{
    const char* format = language == "ru" ? "DD.MM.YYYY HH24:MI" : "YYYY-MM-DD HH24:MI";
    std::optional<bool> known = knownZones().find(timezone);
    if (!known) {
        known = !m_tx.sql().exec_params("SELECT 1 FROM pg_timezone_names WHERE name = $1", timezone).empty();
        knownZones().remember(timezone, *known);
    }
    if (!*known) // no such zone: UTC says it truthfully
        return m_tx.sql()
                   .exec_params1("SELECT to_char($1::timestamptz AT TIME ZONE 'UTC', $2)", instant, format)[0]
                   .as<std::string>() +
            " UTC";
    return m_tx.sql()
               .exec_params1("SELECT to_char($1::timestamptz AT TIME ZONE $2, $3)", instant, timezone, format)[0]
               .as<std::string>() +
        " (" + timezone + ")";
}

void NotificationRepository::queueEmail(const OutgoingEmail& email, const std::string& sourceMessageId)
{
    m_tx.sql().exec_params(
        "INSERT INTO notifications.emails (id, to_address, type, locale, subject, body, ticket_id, source_message_id) "
        "VALUES (gen_random_uuid(), $1, $2, $3, $4, $5, NULLIF($6, '')::uuid, NULLIF($7, '')::uuid)",
        email.to, email.type, email.locale, email.subject, email.body, email.ticketId.value_or(""), sourceMessageId);
}

std::vector<StoredEmail> NotificationRepository::claimDueEmails(int limit, int leaseSeconds)
{
    std::vector<StoredEmail> emails;
    for (
        const auto& row : m_tx.sql().exec_params(
            "UPDATE notifications.emails SET next_attempt_at = now() + make_interval(secs => $2), attempts = attempts + 1 "
            "WHERE id IN (SELECT id FROM notifications.emails WHERE status = 'pending' AND next_attempt_at <= now() "
            "ORDER BY next_attempt_at LIMIT $1 FOR UPDATE SKIP LOCKED) "
            "RETURNING id::text, to_address, type, locale, subject, body, ticket_id::text, attempts",
            limit, leaseSeconds)) {
        StoredEmail stored;
        stored.id = row[0].as<std::string>();
        stored.email = {row[1].as<std::string>(), row[2].as<std::string>(), row[3].as<std::string>(),
                        row[4].as<std::string>(), row[5].as<std::string>(), db::optionalText(row[6])};
        stored.attempts = row[7].as<int>();
        emails.push_back(std::move(stored));
    }
    return emails;
}

void NotificationRepository::markEmailSent(const std::string& id)
{
    m_tx.sql().exec_params(
        "UPDATE notifications.emails SET status = 'sent', sent_at = now(), last_error = NULL WHERE id = $1::uuid", id);
}

void NotificationRepository::markEmailRetry(const std::string& id, const std::string& error, int delaySeconds)
{
    m_tx.sql().exec_params(
        "UPDATE notifications.emails SET last_error = $2, next_attempt_at = now() + make_interval(secs => $3) WHERE id = $1::uuid",
        id, error, delaySeconds);
}

void NotificationRepository::markEmailFailed(const std::string& id, const std::string& error)
{
    m_tx.sql().exec_params("UPDATE notifications.emails SET status = 'failed', last_error = $2 WHERE id = $1::uuid", id,
                           error);
}

} // namespace sbor::notifications
