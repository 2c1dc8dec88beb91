#include "personerasure.h"

#include "db/sqlfragments.h"
#include "service/erasurenotice.h"

#include <pqxx/pqxx>

namespace sbor::tickets {
using db::emailDigestSql;

bool PersonErasure::take(const bus::Message& message)
{
    return forgetErasedPerson(m_database, "tickets", message, [](db::Transaction& tx, const ErasureNotice& notice) {
        const std::string& userId = notice.userId;
        const std::string& digest = notice.emailDigest;
        auto& sql = tx.sql();
        sql.exec_params("UPDATE tickets.orders SET buyer_name = '', buyer_email = '' WHERE buyer_id = $1::uuid",
                        userId);
        if (digest.empty())
            return;
        sql.exec_params("UPDATE tickets.order_attendees SET name = '', email = '' WHERE email <> '' AND " +
                            emailDigestSql("email") + " = $1",
                        digest);
        // The tickets' messages kept in the outbox (ticket.purchased, check-in conflicts) carry the
        // holder too.
        sql.exec_params(
            "WITH erased AS (UPDATE tickets.tickets SET holder_name = '', holder_email = '', updated_at = now(), "
            "change_seq = nextval('tickets.change_sequence'), change_xid = pg_current_xact_id() "
            "WHERE holder_email <> '' AND " +
                emailDigestSql("holder_email") +
                " = $1 RETURNING id::text) "
                "UPDATE tickets.outbox SET payload = payload || jsonb_strip_nulls(jsonb_build_object("
                "'holder_name', CASE WHEN payload ? 'holder_name' THEN '' END, "
                "'holder_email', CASE WHEN payload ? 'holder_email' THEN '' END)) "
                "WHERE payload->>'ticket_id' IN (SELECT id FROM erased)",
            digest);
    });
}

} // namespace sbor::tickets
