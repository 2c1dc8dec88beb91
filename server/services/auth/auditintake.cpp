#include "auditintake.h"

#include "userrepository.h"

#include "bus/inbox.h"
#include "sbor/uuid.h"

#include "sbor/jsonvalue.h"

#include <nlohmann/json.hpp>

namespace sbor::auth {
namespace {

struct AuditFacts {
    std::string actorId;
    std::string targetId;
    nlohmann::json details;
};

// What an entry of `type` records; nullopt for messages the audit log does not keep.
std::optional<AuditFacts> auditFactsOf(const std::string& type, const nlohmann::json& data)
{
    if (type == "event.team_member_added" || type == "event.team_member_removed")
        return AuditFacts{stringField(data, "changed_by"),
                          stringField(data, "user_id"),
                          {{"event_id", stringField(data, "event_id")},
                           {"role", stringField(data, "role")},
                           {"email", stringField(data, "email")}}};
    if (type == "platform.settings_changed") {
        const auto changes = data.find("changes");
        const auto settings = data.find("settings");
        return AuditFacts{
            stringField(data, "changed_by"),
            {},
            {{"changes", changes != data.end() && changes->is_object() ? *changes : nlohmann::json::object()},
             {"version",
              settings != data.end() && settings->is_object() ? settings->value("version", nlohmann::json())
                                                              : nlohmann::json()}}};
    }
    if (type == "platform.template_changed")
        return AuditFacts{stringField(data, "changed_by"),
                          {},
                          {{"name", stringField(data, "name")},
                           {"language", stringField(data, "language")},
                           {"version", data.value("version", nlohmann::json())},
                           {"replaced", data.value("replaced", nlohmann::json())},
                           {"old", data.value("old", nlohmann::json())},
                           {"new", data.value("new", nlohmann::json())}}};
    return std::nullopt;
}

} // namespace

const std::vector<std::string>& auditIntakeTopics()
{
    static const std::vector<std::string> topics = {"events", "platform"};
    return topics;
}

bool AuditIntake::take(const bus::Message& message)
{
    const auto envelope = nlohmann::json::parse(message.payload, nullptr, false);
    if (!envelope.is_object() || !envelope.contains("data") || !envelope["data"].is_object())
        return true;
    const std::string type = envelope.value("type", message.type);
    const auto facts = auditFactsOf(type, envelope["data"]);
    if (!facts)
        return true;
    m_database.transact([&](db::Transaction& tx) {
        if (!bus::firstDelivery(tx, "auth", message.id))
            return;
        UserRepository users(tx);
        // A change heard after its person was erased keeps no copy of their address or name.
        nlohmann::json details = facts->details;
        if (isUuid(facts->targetId)) {
            const auto target = users.findById(facts->targetId);
            if (target && target->user.status == "deleted") {
                details.erase("email");
                details.erase("name");
            }
        }
        users.audit(facts->actorId, type, facts->targetId, details, envelope.value("trace_id", std::string()));
    });
    return true;
}

} // namespace sbor::auth
