#include "paging/cursor.h"

#include "sbor/base64url.h"
#include "sbor/rfc3339.h"
#include "sbor/uuid.h"

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

std::string encodeTimeAndIdCursor(const std::string& time, const std::string& id)
{
    return encodeCursor({{"c", time}, {"i", id}});
}

std::optional<TimeAndId> decodeTimeAndIdCursor(const std::string& cursor)
{
    const auto position = decodeCursor(cursor);
    if (!position || !position->is_object() || !position->contains("c") || !position->contains("i") ||
        !(*position)["c"].is_string() || !(*position)["i"].is_string())
        return std::nullopt;
    TimeAndId decoded{(*position)["c"].get<std::string>(), (*position)["i"].get<std::string>()};
    if (!parseRfc3339(decoded.time) || !isUuid(decoded.id))
        return std::nullopt;
    return decoded;
}

} // namespace sbor::paging
