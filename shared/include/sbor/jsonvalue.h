#pragma once
// Small JSON output helpers every codec needs the same way.

#include <nlohmann/json.hpp>

#include <optional>

namespace sbor {

// The value, or JSON null when it is absent (a field that is always present, sometimes null).
template <typename T>
nlohmann::json jsonOrNull(const std::optional<T>& value)
{
    return value ? nlohmann::json(*value) : nlohmann::json(nullptr);
}

} // namespace sbor
