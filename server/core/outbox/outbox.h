#pragma once
// The transactional outbox (architecture.md §4): a service records what others must hear about in
// its own `<schema>.outbox` table, inside the transaction that makes the change, so the change
// and its event commit or vanish together. The row has Debezium's outbox shape (id,
// aggregatetype, aggregateid = message key, type, payload) so change-data capture could replace
// our relay later. Each service's first migration creates its `<schema>.outbox` table with
// that shape (see tickets/migrations/0001_ticket_types.sql).

#include <nlohmann/json.hpp>
#include "db/transaction.h"

#include <string>
#include <vector>

namespace sbor::outbox {

struct OutboxMessage {
    std::string aggregateType; // "user"
    std::string aggregateId;   // partition key
    std::string type;          // "user.registered" (architecture.md §4 names)
    nlohmann::json data = nlohmann::json::object();
    std::string traceId; // carried into the envelope, so consumers log the same trace
};

// The DDL of `<schema>.outbox` and its index of unsent rows, for a new service's migration (the
// first five services wrote the same DDL out in their .sql; test_migrations keeps them equal).
std::string createOutboxSql(const std::string& schema);

// Inserts the message into `<schema>.outbox`; returns its id.
std::string append(db::Transaction& tx, const std::string& schema, const OutboxMessage& message);

// The schemas this thread appended to since the last call (and forgets them): after a
// transaction ends, its relay is woken instead of waiting for its next poll.
std::vector<std::string> takeWrittenSchemas();

// The bus envelope of a stored row: {"id","type","occurred_at","producer","trace_id","data"}.
nlohmann::json envelope(const std::string& id, const std::string& type, const std::string& occurredAt,
                        const std::string& producer, const std::string& traceId, const nlohmann::json& data);

} // namespace sbor::outbox
