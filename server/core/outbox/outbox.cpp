#include "outbox/outbox.h"

#include <algorithm>
#include <pqxx/pqxx>

namespace sbor::outbox {
namespace {
thread_local std::vector<std::string> writtenSchemas;
}

std::string createOutboxSql(const std::string& schema)
{
    return "CREATE TABLE " + schema +
        ".outbox ("
        "id uuid PRIMARY KEY DEFAULT gen_random_uuid(), "
        "sequence bigserial NOT NULL UNIQUE, "
        "aggregatetype text NOT NULL, "
        "aggregateid text NOT NULL, "
        "type text NOT NULL, "
        "payload jsonb NOT NULL, "
        "trace_id text, "
        "occurred_at timestamptz NOT NULL DEFAULT now(), "
        "published_at timestamptz); "
        "CREATE INDEX outbox_unpublished ON " +
        schema + ".outbox (sequence) WHERE published_at IS NULL";
}

std::vector<std::string> takeWrittenSchemas()
{
    std::vector<std::string> taken;
    taken.swap(writtenSchemas);
    return taken;
}

std::string append(db::Transaction& tx, const std::string& schema, const OutboxMessage& message)
{
    const pqxx::row row = tx.sql().exec_params1(
        "INSERT INTO " + tx.sql().quote_name(schema) +
            ".outbox (aggregatetype, aggregateid, type, payload, trace_id) VALUES ($1, $2, $3, $4::jsonb, $5) RETURNING id::text",
        message.aggregateType, message.aggregateId, message.type, message.data.dump(), message.traceId);
    if (std::find(writtenSchemas.begin(), writtenSchemas.end(), schema) == writtenSchemas.end())
        writtenSchemas.push_back(schema);
    return row[0].as<std::string>();
}

nlohmann::json envelope(const std::string& id, const std::string& type, const std::string& occurredAt,
                        const std::string& producer, const std::string& traceId, const nlohmann::json& data)
{
    return {{"id", id},    {"type", type}, {"occurred_at", occurredAt}, {"producer", producer}, {"trace_id", traceId},
            {"data", data}};
}

} // namespace sbor::outbox
