#include "sbor/wire/audit.h"

namespace sbor::wire {
namespace {

nlohmann::json idOrNull(const std::string& id) { return id.empty() ? nlohmann::json(nullptr) : nlohmann::json(id); }

} // namespace

nlohmann::json toJson(const AuditEntry& entry)
{
    return {{"id", entry.id},
            {"at", entry.at},
            {"actor_id", idOrNull(entry.actorId)},
            {"action", entry.action},
            {"target_id", idOrNull(entry.targetId)},
            {"details", entry.details},
            {"trace_id", entry.traceId}};
}

void fromJson(const FieldReader& reader, AuditEntry& entry)
{
    entry.id = reader.integer("id");
    entry.at = reader.string("at");
    entry.actorId = reader.optionalString("actor_id").value_or("");
    entry.action = reader.string("action");
    entry.targetId = reader.optionalString("target_id").value_or("");
    entry.details = reader.any("details");
    entry.traceId = reader.optionalString("trace_id").value_or("");
}

} // namespace sbor::wire
