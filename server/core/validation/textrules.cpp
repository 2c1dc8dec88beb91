#include "validation/textrules.h"

#include <cctype>

namespace sbor::validation {
namespace {

bool hasControlCharacter(const std::string& text)
{
    for (unsigned char c : text) {
        if (c < 0x20 || c == 0x7f)
            return true;
    }
    return false;
}

bool isAsciiAlnum(char c)
{
    return std::isalnum(static_cast<unsigned char>(c)) != 0 && static_cast<unsigned char>(c) < 0x80;
}

} // namespace

std::optional<std::size_t> utf8Length(std::string_view text)
{
    // RFC 3629 strictly: overlong forms, surrogates (U+D800–U+DFFF) and code points above U+10FFFF
    // are not UTF-8. PostgreSQL refuses each of them, so letting one through turns a client's
    // mistake into a server error.
    std::size_t count = 0;
    for (std::size_t i = 0; i < text.size();) {
        const auto byte = static_cast<unsigned char>(text[i]);
        std::size_t length = 0;
        char32_t codePoint = 0;
        char32_t smallest = 0;
        if (byte < 0x80) {
            length = 1;
            codePoint = byte;
        } else if ((byte >> 5) == 0x6) {
            length = 2;
            codePoint = byte & 0x1F;
            smallest = 0x80;
        } else if ((byte >> 4) == 0xE) {
            length = 3;
            codePoint = byte & 0x0F;
            smallest = 0x800;
        } else if ((byte >> 3) == 0x1E) {
            length = 4;
            codePoint = byte & 0x07;
            smallest = 0x10000;
        }
        if (length == 0 || i + length > text.size())
            return std::nullopt;
        for (std::size_t k = 1; k < length; ++k) {
            const auto continuation = static_cast<unsigned char>(text[i + k]);
            if ((continuation & 0xC0) != 0x80)
                return std::nullopt;
            codePoint = (codePoint << 6) | (continuation & 0x3F);
        }
        if (codePoint < smallest || codePoint > 0x10FFFF || (codePoint >= 0xD800 && codePoint <= 0xDFFF))
            return std::nullopt;
        i += length;
        ++count;
    }
    return count;
}

std::optional<std::string> textProblem(std::string_view text)
{
    if (!utf8Length(text))
        return "must be valid UTF-8 text";
    for (unsigned char c : text) {
        if (c == 0)
            return "must not contain NUL characters";
        if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0x7f)
            return "must not contain control characters";
    }
    return std::nullopt;
}

std::optional<std::string> emailProblem(const std::string& email)
{
    if (email.empty())
        return "must not be empty";
    if (email.size() > kMaxEmailLength)
        return "must be at most 254 characters long";
    if (!utf8Length(email))
        return "must be valid UTF-8 text";
    if (hasControlCharacter(email) || email.find(' ') != std::string::npos)
        return "must not contain spaces or control characters";
    const auto at = email.rfind('@');
    if (at == std::string::npos || at == 0 || email.find('@') != at)
        return "must look like name@example.org";
    const std::string local = email.substr(0, at);
    const std::string domain = email.substr(at + 1);
    if (local.size() > 64)
        return "must have at most 64 characters before the @";
    if (domain.empty() || domain.find('.') == std::string::npos || domain.front() == '.' || domain.back() == '.' ||
        domain.find("..") != std::string::npos || domain.front() == '-')
        return "must have a domain like example.org after the @";
    for (char c : domain) {
        if (!(isAsciiAlnum(c) || c == '.' || c == '-' || static_cast<unsigned char>(c) >= 0x80))
            return "must have a domain of letters, digits, dots and dashes";
    }
    for (char c : local) {
        if (c == '"' || c == '(' || c == ')' || c == ',' || c == ':' || c == ';' || c == '<' || c == '>' || c == '[' ||
            c == ']' || c == '\\')
            return "must not contain quotes, brackets, commas or backslashes before the @";
    }
    return std::nullopt;
}

std::optional<std::string> nameProblem(const std::string& name)
{
    const auto length = utf8Length(name);
    if (!length)
        return "must be valid UTF-8 text";
    if (name.find_first_not_of(" \t") == std::string::npos)
        return "must not be empty";
    if (*length > kMaxNameLength)
        return "must be at most 200 characters long";
    if (hasControlCharacter(name))
        return "must not contain control characters";
    return std::nullopt;
}

} // namespace sbor::validation
