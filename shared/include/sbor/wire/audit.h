#pragma once
// An entry of the audit log (GET /api/v1/admin/audit-log, and the audit.recorded message the live
// tail shows) and its one JSON codec, shared by the auth service and the console.

#include "sbor/wire/decoding.h"

#include <cstdint>
#include <string>

namespace sbor::wire {

struct AuditEntry {
    std::int64_t id = 0;
    std::string at;
    std::string actorId;  // "" (null on the wire): the system
    std::string action;   // user.blocked, platform.settings_changed …
    std::string targetId; // "" (null): none
    nlohmann::json details = nlohmann::json::object();
    std::string traceId;
};

nlohmann::json toJson(const AuditEntry& entry);
void fromJson(const FieldReader& reader, AuditEntry& entry);

} // namespace sbor::wire
