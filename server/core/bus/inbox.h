#pragma once
// The consumer side of "at least once" (architecture.md §4): a consumer handles a message in a
// transaction that also records the message id in its service's `<schema>.inbox`; a message seen
// before is skipped, so every consumer is idempotent. Each consuming service's migrations create
// the table (createInboxSql).

#include "db/transaction.h"

#include <string>

namespace sbor::bus {

// The DDL of `<schema>.inbox`, for a service's migration.
std::string createInboxSql(const std::string& schema);

// Records `messageId` as processed in the caller's transaction; false when it was processed
// before (then the caller does nothing and commits, so the bus moves on).
bool firstDelivery(db::Transaction& tx, const std::string& schema, const std::string& messageId);

} // namespace sbor::bus
