#include "profilerules.h"

#include <cctype>

namespace sbor::auth {
namespace {

bool isAsciiAlnum(char c)
{
    return std::isalnum(static_cast<unsigned char>(c)) != 0 && static_cast<unsigned char>(c) < 0x80;
}

} // namespace

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
    if (country.size() != 2 || !std::isupper(static_cast<unsigned char>(country[0])) ||
        !std::isupper(static_cast<unsigned char>(country[1])))
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
