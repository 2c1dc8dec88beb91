#include "paging/cursor.h"

#include "sbor/base64url.h"

namespace sbor::paging {

std::string encodeCursor(const nlohmann::json& position) { return base64UrlEncode(position.dump()); }

std::optional<int> parsePageLimit(const std::string& text, int fallback, int maximum)
{
    if (text.empty())
        return fallback;
    if (text.size() > 6 || text.find_first_not_of("0123456789") != std::string::npos)
        return std::nullopt;
    const int value = std::stoi(text);
    if (value < 1 || value > maximum)
        return std::nullopt;
    return value;
}

std::optional<nlohmann::json> decodeCursor(const std::string& cursor)
{
    if (cursor.empty() || cursor.size() > 2048)
        return std::nullopt;
    const auto text = base64UrlDecode(cursor);
    if (!text)
        return std::nullopt;
    auto parsed = nlohmann::json::parse(*text, nullptr, false);
    if (parsed.is_discarded() || !parsed.is_object())
        return std::nullopt;
    return parsed;
}

} // namespace sbor::paging
