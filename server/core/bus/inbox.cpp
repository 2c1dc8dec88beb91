#include "bus/inbox.h"

#include <pqxx/pqxx>

namespace sbor::bus {

std::string createInboxSql(const std::string& schema)
{
    return "CREATE TABLE " + schema +
        ".inbox (message_id uuid PRIMARY KEY, processed_at timestamptz NOT NULL DEFAULT now())";
}

bool firstDelivery(db::Transaction& tx, const std::string& schema, const std::string& messageId)
{
    // A concurrent second delivery waits on the key until the first commits, then finds it.
    return !tx.sql()
                .exec_params(
                    "INSERT INTO " + schema +
                        ".inbox (message_id) VALUES ($1::uuid) ON CONFLICT (message_id) DO NOTHING RETURNING 1",
                    messageId)
                .empty();
}

} // namespace sbor::bus
