#pragma once
// Small JSON output helpers every codec needs the same way.

#include <nlohmann/json.hpp>

#include <optional>
#include <string>

namespace sbor {

// The value, or JSON null when it is absent (a field that is always present, sometimes null).
template <typename T> nlohmann::json jsonOrNull(const std::optional<T>& value)
{
    return value ? nlohmann::json(*value) : nlohmann::json(nullptr);
}

// The string at `key`, or "" when it is absent or not a string (reading what another service sent).
inline std::string stringField(const nlohmann::json& object, const char* key)
{
    const auto found = object.find(key);
    return found != object.end() && found->is_string() ? found->get<std::string>() : std::string();
}

} // namespace sbor
