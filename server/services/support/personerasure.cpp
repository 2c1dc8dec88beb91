#include "personerasure.h"

#include "bus/inbox.h"
#include "service/erasurenotice.h"

#include <pqxx/pqxx>

namespace sbor::support {

bool PersonErasure::take(const bus::Message& message)
{
    const auto notice = erasureNoticeOf(message);
    if (!notice)
        return true;
    m_database.transact([&](db::Transaction& tx) {
        if (!bus::firstDelivery(tx, "support", message.id))
            return;
        auto& sql = tx.sql();
        const std::string& userId = notice->userId;
        sql.exec_params("UPDATE support.messages SET body = '' WHERE author_id = $1::uuid", userId);
        sql.exec_params("UPDATE support.requests SET subject = '', updated_at = now() WHERE requester_id = $1::uuid",
                        userId);
        sql.exec_params("UPDATE support.disputes SET details = '', updated_at = now() WHERE buyer_id = $1::uuid",
                        userId);
        sql.exec_params("UPDATE support.outbox SET payload = jsonb_set(payload, '{subject}', '\"\"'::jsonb) "
                        "WHERE payload->>'requester_id' = $1 AND payload ? 'subject'",
                        userId);
    });
    return true;
}

} // namespace sbor::support
