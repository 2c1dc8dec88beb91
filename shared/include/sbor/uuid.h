#pragma once
// Checks the text form of a UUID before it reaches SQL, so a malformed id in a path is a 404 or
// 422 of ours instead of a database error.

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

} // namespace sbor
