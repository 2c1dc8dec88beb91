#include "personerasure.h"

#include "service/erasurenotice.h"

#include <pqxx/pqxx>

namespace sbor::support {

bool PersonErasure::take(const bus::Message& message)
{
    return forgetErasedPerson(m_database, "support", message, [](db::Transaction& tx, const ErasureNotice& notice) {
        auto& sql = tx.sql();
        const std::string& userId = notice.userId;
        sql.exec_params("UPDATE support.messages SET body = '' WHERE author_id = $1::uuid", userId);
        sql.exec_params("UPDATE support.requests SET subject = '', updated_at = now() WHERE requester_id = $1::uuid",
                        userId);
        sql.exec_params("UPDATE support.disputes SET details = '', updated_at = now() WHERE buyer_id = $1::uuid",
                        userId);
        sql.exec_params("UPDATE support.outbox SET payload = jsonb_set(payload, '{subject}', '\"\"'::jsonb) "
                        "WHERE payload->>'requester_id' = $1 AND payload ? 'subject'",
                        userId);
    });
}

} // namespace sbor::support
