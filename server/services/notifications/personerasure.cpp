#include "personerasure.h"

#include "db/sqlfragments.h"
#include "service/erasurenotice.h"

#include <pqxx/pqxx>

namespace sbor::notifications {
using db::emailDigestSql;

bool PersonErasure::take(const bus::Message& message)
{
    return forgetErasedPerson(
        m_database, "notifications", message, [](db::Transaction& tx, const ErasureNotice& notice) {
            const std::string& userId = notice.userId;
            const std::string& digest = notice.emailDigest;
            auto& sql = tx.sql();
            // Alone against every intake transaction (forgetErasedIn takes the lock shared): an intake
            // that wrote before this one committed is blanked below, one after it sees the erasure.
            sql.exec("SELECT pg_advisory_xact_lock(hashtext('notifications.erasure'))");
            sql.exec_params("INSERT INTO notifications.erasures (user_id, email_digest) VALUES ($1::uuid, $2) "
                            "ON CONFLICT (user_id) DO NOTHING",
                            userId, digest);
            sql.exec_params("DELETE FROM notifications.notifications WHERE user_id = $1::uuid", userId);
            sql.exec_params("DELETE FROM notifications.preferences WHERE user_id = $1::uuid", userId);
            sql.exec_params(
                "DELETE FROM notifications.outbox WHERE aggregatetype = 'notification' AND aggregateid = $1", userId);
            // Team messages name the person they are about.
            sql.exec_params("UPDATE notifications.webhook_deliveries SET payload = jsonb_set(jsonb_set(payload::jsonb, "
                            "'{data,email}', '\"\"'), '{data,name}', '\"\"')::text "
                            "WHERE event_type LIKE 'event.team_member_%' AND (payload::jsonb)->'data'->>'user_id' = $1",
                            userId);
            if (digest.empty())
                return;
            sql.exec_params("UPDATE notifications.ticket_holders SET holder_name = '', holder_email = '' "
                            "WHERE holder_email <> '' AND " +
                                emailDigestSql("holder_email") + " = $1",
                            digest);
            // What the organizer's webhooks carry (sent or waiting): the holder's name and address of
            // a ticket made out to the person. The event_type filter reads only ticket messages.
            sql.exec_params("UPDATE notifications.webhook_deliveries SET payload = jsonb_set(jsonb_set(payload::jsonb, "
                            "'{data,holder_email}', '\"\"'), '{data,holder_name}', '\"\"')::text "
                            "WHERE event_type LIKE 'ticket.%' AND (payload::jsonb)->'data' ? 'holder_email' AND " +
                                emailDigestSql("(payload::jsonb)->'data'->>'holder_email'") + " = $1",
                            digest);
            sql.exec_params("UPDATE notifications.emails SET to_address = '', subject = '', body = '', "
                            "status = CASE WHEN status = 'pending' THEN 'failed' ELSE status END, "
                            "last_error = CASE WHEN status = 'pending' THEN 'recipient erased' ELSE last_error END "
                            "WHERE to_address <> '' AND " +
                                emailDigestSql("to_address") + " = $1",
                            digest);
        });
}

void PersonErasure::forgetErasedIn(db::Transaction& tx, const std::string& messageId, const std::string& ticketId,
                                   const std::string& occurredAt)
{
    auto& sql = tx.sql();
    sql.exec("SELECT pg_advisory_xact_lock_shared(hashtext('notifications.erasure'))");
    // Nobody erased since the message happened: the usual case costs one indexed look.
    if (sql.exec_params1("SELECT EXISTS (SELECT 1 FROM notifications.erasures WHERE erased_at >= $1::timestamptz)",
                         occurredAt)[0]
            .as<bool>() == false)
        return;
    const std::string erasedSince = "SELECT email_digest FROM notifications.erasures WHERE email_digest <> '' AND "
                                    "erased_at >= $2::timestamptz";
    sql.exec_params("UPDATE notifications.ticket_holders SET holder_name = '', holder_email = '' "
                    "WHERE ticket_id = NULLIF($1, '')::uuid AND " +
                        emailDigestSql("holder_email") + " IN (" + erasedSince + ")",
                    ticketId, occurredAt);
    sql.exec_params("UPDATE notifications.emails SET to_address = '', subject = '', body = '', "
                    "status = CASE WHEN status = 'pending' THEN 'failed' ELSE status END, "
                    "last_error = CASE WHEN status = 'pending' THEN 'recipient erased' ELSE last_error END "
                    "WHERE source_message_id = $1::uuid AND " +
                        emailDigestSql("to_address") + " IN (" + erasedSince + ")",
                    messageId, occurredAt);
    sql.exec_params("UPDATE notifications.webhook_deliveries SET payload = jsonb_set(jsonb_set(payload::jsonb, "
                    "'{data,holder_email}', '\"\"'), '{data,holder_name}', '\"\"')::text "
                    "WHERE message_id = $1::uuid AND (payload::jsonb)->'data' ? 'holder_email' AND " +
                        emailDigestSql("(payload::jsonb)->'data'->>'holder_email'") + " IN (" + erasedSince + ")",
                    messageId, occurredAt);
    sql.exec_params("WITH gone AS (DELETE FROM notifications.notifications WHERE source_message_id = $1::uuid AND "
                    "user_id IN (SELECT user_id FROM notifications.erasures WHERE erased_at >= $2::timestamptz) "
                    "RETURNING id::text) "
                    "DELETE FROM notifications.outbox WHERE aggregatetype = 'notification' AND payload->>'id' IN "
                    "(SELECT id FROM gone)",
                    messageId, occurredAt);
}

} // namespace sbor::notifications
