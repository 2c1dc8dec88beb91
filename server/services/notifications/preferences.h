#pragma once
// Who wants to hear what, and how: a matrix of channels (in-app, email) by notification type.
// Stored as only what a person changed; everything else is the default below.

#include "sbor/error.h"

#include <nlohmann/json.hpp>

#include <string>
#include <string_view>
#include <vector>

namespace sbor::notifications {

// The notification types people hear about (architecture.md §4 names).
const std::vector<std::string>& notificationTypes();
const std::vector<std::string>& notificationChannels(); // "in_app", "email"

class Preferences {
public:
    // `stored`: what the person changed, {"email": {"ticket.checkin": true}, …}; bad parts are ignored.
    static Preferences fromStored(const nlohmann::json& stored);
    bool wants(std::string_view channel, std::string_view type) const;
    // Every channel and type, defaults filled in: what GET answers.
    nlohmann::json toJson() const;
    // Applies a PUT body ({"email": {"ticket.checkin": true}}: a partial matrix); a 422 names the
    // first unknown channel or type or a value that is not a boolean. Nothing changes on error.
    Result<bool> apply(const nlohmann::json& changes);
    const nlohmann::json& stored() const { return m_stored; }

private:
    nlohmann::json m_stored = nlohmann::json::object();
};

} // namespace sbor::notifications
