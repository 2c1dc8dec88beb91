#include "teamaudit.h"

#include "userrepository.h"

#include "bus/inbox.h"
#include "log/logger.h"

#include <nlohmann/json.hpp>

namespace sbor::auth {

bool TeamAudit::take(const bus::Message& message)
{
    const auto envelope = nlohmann::json::parse(message.payload, nullptr, false);
    if (!envelope.is_object() || !envelope.contains("data") || !envelope["data"].is_object())
        return true;
    const std::string type = envelope.value("type", message.type);
    if (type != "event.team_member_added" && type != "event.team_member_removed")
        return true;
    const nlohmann::json& data = envelope["data"];
    const auto text = [&](const char* key) {
        return data.contains(key) && data[key].is_string() ? data[key].get<std::string>() : std::string();
    };
    m_database.transact([&](db::Transaction& tx) {
        if (!bus::firstDelivery(tx, "auth", message.id))
            return;
        UserRepository(tx).audit(text("changed_by"), type, text("user_id"),
                                 {{"event_id", text("event_id")}, {"role", text("role")}, {"email", text("email")}},
                                 envelope.value("trace_id", std::string()));
    });
    return true;
}

} // namespace sbor::auth
