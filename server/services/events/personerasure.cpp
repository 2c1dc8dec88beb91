#include "personerasure.h"

#include "service/erasurenotice.h"

#include <pqxx/pqxx>

namespace sbor::events {

bool PersonErasure::take(const bus::Message& message)
{
    return forgetErasedPerson(m_database, "events", message, [](db::Transaction& tx, const ErasureNotice& notice) {
        tx.sql().exec_params("DELETE FROM events.team_members WHERE user_id = $1::uuid", notice.userId);
        // The team messages kept in the outbox named the person too.
        tx.sql().exec_params("UPDATE events.outbox SET payload = payload || '{\"email\": \"\", \"name\": \"\"}'::jsonb "
                             "WHERE type IN ('event.team_member_added', 'event.team_member_removed') "
                             "AND payload->>'user_id' = $1",
                             notice.userId);
    });
}

} // namespace sbor::events
