#include "profilerules.h"

#include "passwordhasher.h"

#include <cctype>

namespace sbor::auth {
namespace {

bool hasControlCharacter(const std::string& text)
{
    for (unsigned char c : text) {
        if (c < 0x20 || c == 0x7f)
            return true;
    }
    return false;
}

bool isAsciiAlnum(char c) { return std::isalnum(static_cast<unsigned char>(c)) != 0 && static_cast<unsigned char>(c) < 0x80; }

} // namespace

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
        if (c == '"' || c == '(' || c == ')' || c == ',' || c == ':' || c == ';' || c == '<' || c == '>' || c == '[' || c == ']' ||
            c == '\\')
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

std::optional<std::string> phoneProblem(const std::string& phone)
{
    if (phone.empty())
        return std::nullopt;
    int digits = 0;
    for (std::size_t i = 0; i < phone.size(); ++i) {
        const char c = phone[i];
        if (std::isdigit(static_cast<unsigned char>(c)))
            ++digits;
        else if (!(c == ' ' || c == '-' || c == '(' || c == ')' || (c == '+' && i == 0)))
            return "must contain only digits, spaces, dashes, brackets and a leading +";
    }
    if (digits < 5 || digits > 15)
        return "must have 5 to 15 digits (E.164)";
    return std::nullopt;
}

std::optional<std::string> countryProblem(const std::string& country)
{
    if (country.empty())
        return std::nullopt;
    if (country.size() != 2 || !std::isupper(static_cast<unsigned char>(country[0])) || !std::isupper(static_cast<unsigned char>(country[1])))
        return "must be an ISO 3166-1 alpha-2 code such as RU or DE";
    return std::nullopt;
}

std::optional<std::string> localeProblem(const std::string& locale)
{
    if (locale.empty())
        return std::nullopt;
    // language (2-3 lower-case letters), then subtags of 2-8 letters or digits.
    std::size_t start = 0;
    bool first = true;
    while (start <= locale.size()) {
        const std::size_t end = std::min(locale.find('-', start), locale.size());
        const std::string part = locale.substr(start, end - start);
        if (first) {
            if (part.size() < 2 || part.size() > 3)
                return "must be a language tag such as ru, en or en-GB";
            for (char c : part) {
                if (!std::islower(static_cast<unsigned char>(c)))
                    return "must be a language tag such as ru, en or en-GB";
            }
        } else if (part.size() < 2 || part.size() > 8) {
            return "must be a language tag such as ru, en or en-GB";
        } else {
            for (char c : part) {
                if (!isAsciiAlnum(c))
                    return "must be a language tag such as ru, en or en-GB";
            }
        }
        first = false;
        if (end == locale.size())
            break;
        start = end + 1;
    }
    if (locale.size() > 35)
        return "must be at most 35 characters long";
    return std::nullopt;
}

} // namespace sbor::auth
