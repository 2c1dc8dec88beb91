#pragma once
// Checks the text form of a UUID before it reaches SQL, so a malformed id in a path is a 404 or
// 422 of ours instead of a database error.

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace sbor {

// 8-4-4-4-12 hex digits, either case.
inline bool isUuid(std::string_view text)
{
    if (text.size() != 36)
        return false;
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (i == 8 || i == 13 || i == 18 || i == 23) {
            if (c != '-')
                return false;
        } else if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F'))) {
            return false;
        }
    }
    return true;
}

// The canonical (lower-case) spelling, so that ids compare equal however a client wrote them.
inline std::string canonicalUuid(std::string text)
{
    for (char& c : text) {
        if (c >= 'A' && c <= 'F')
            c = static_cast<char>(c - 'A' + 'a');
    }
    return text;
}

using UuidBytes = std::array<std::uint8_t, 16>;

// The 16 bytes of a UUID in its text form (either case); nullopt if it is not one.
inline std::optional<UuidBytes> uuidBytes(std::string_view text)
{
    if (!isUuid(text))
        return std::nullopt;
    auto nibble = [](char c) { return c <= '9' ? c - '0' : (c | 0x20) - 'a' + 10; };
    UuidBytes bytes{};
    std::size_t out = 0;
    for (std::size_t i = 0; i < text.size(); i += (text[i] == '-') ? 1 : 2) {
        if (text[i] == '-')
            continue;
        bytes[out++] = static_cast<std::uint8_t>(nibble(text[i]) << 4 | nibble(text[i + 1]));
    }
    return bytes;
}

// The canonical text form of 16 bytes.
inline std::string uuidText(const std::uint8_t* bytes)
{
    static constexpr char hex[] = "0123456789abcdef";
    std::string text;
    text.reserve(36);
    for (int i = 0; i < 16; ++i) {
        if (i == 4 || i == 6 || i == 8 || i == 10)
            text.push_back('-');
        text.push_back(hex[bytes[i] >> 4]);
        text.push_back(hex[bytes[i] & 15]);
    }
    return text;
}

} // namespace sbor
