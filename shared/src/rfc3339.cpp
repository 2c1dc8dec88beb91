#include "sbor/rfc3339.h"

#include <chrono>
#include <cstdio>

namespace sbor {
namespace {

bool digits(std::string_view text, std::size_t at, std::size_t count, int& value)
{
    if (at + count > text.size())
        return false;
    value = 0;
    for (std::size_t i = at; i < at + count; ++i) {
        if (text[i] < '0' || text[i] > '9')
            return false;
        value = value * 10 + (text[i] - '0');
    }
    return true;
}

} // namespace

std::optional<std::int64_t> parseRfc3339(std::string_view text)
{
    int year = 0, month = 0, day = 0, hour = 0, minute = 0, second = 0;
    if (text.size() < 20 || !digits(text, 0, 4, year) || text[4] != '-' || !digits(text, 5, 2, month) ||
        text[7] != '-' || !digits(text, 8, 2, day) || (text[10] != 'T' && text[10] != 't') ||
        !digits(text, 11, 2, hour) || text[13] != ':' || !digits(text, 14, 2, minute) || text[16] != ':' ||
        !digits(text, 17, 2, second))
        return std::nullopt;
    using namespace std::chrono;
    const year_month_day date{std::chrono::year(year), std::chrono::month(static_cast<unsigned>(month)),
                              std::chrono::day(static_cast<unsigned>(day))};
    if (year < 1 || !date.ok() || hour > 23 || minute > 59 ||
        second > 59) // no leap seconds: PostgreSQL has none either
        return std::nullopt;
    std::size_t at = 19;
    std::int64_t micros = 0;
    if (at < text.size() && text[at] == '.') {
        ++at;
        int count = 0;
        while (at < text.size() && text[at] >= '0' && text[at] <= '9') {
            if (count < 6)
                micros = micros * 10 + (text[at] - '0');
            ++count;
            ++at;
        }
        if (count == 0 || count > 6) // PostgreSQL keeps microseconds and would round the rest
            return std::nullopt;
        for (int i = count; i < 6; ++i)
            micros *= 10;
    }
    std::int64_t offsetSeconds = 0;
    if (at < text.size() && (text[at] == 'Z' || text[at] == 'z')) {
        ++at;
    } else if (at < text.size() && (text[at] == '+' || text[at] == '-')) {
        int offsetHour = 0, offsetMinute = 0;
        if (!digits(text, at + 1, 2, offsetHour) || at + 3 >= text.size() || text[at + 3] != ':' ||
            !digits(text, at + 4, 2, offsetMinute) || offsetHour > 15 || offsetMinute > 59) // PostgreSQL's limit
            return std::nullopt;
        offsetSeconds = (offsetHour * 3600 + offsetMinute * 60) * (text[at] == '+' ? 1 : -1);
        at += 6;
    } else {
        return std::nullopt;
    }
    if (at != text.size())
        return std::nullopt;
    const std::int64_t days = sys_days(date).time_since_epoch().count();
    const std::int64_t seconds = days * 86400 + hour * 3600 + minute * 60 + second - offsetSeconds;
    // 1970 to 9000 in UTC: every instant the platform deals in, and nothing that PostgreSQL would
    // print in a form this parser refuses (year 10000, BC dates).
    constexpr std::int64_t kYear9000 = 221845392000; // 9000-01-01T00:00:00Z
    if (seconds < 0 || seconds >= kYear9000)
        return std::nullopt;
    return seconds * 1000000 + micros;
}

std::int64_t unixNowSeconds()
{
    return std::chrono::duration_cast<std::chrono::seconds>(std::chrono::system_clock::now().time_since_epoch())
        .count();
}

std::int64_t unixNowMicroseconds()
{
    return std::chrono::duration_cast<std::chrono::microseconds>(std::chrono::system_clock::now().time_since_epoch())
        .count();
}

std::string formatRfc3339(std::int64_t unixMicroseconds)
{
    using namespace std::chrono;
    std::int64_t seconds = unixMicroseconds / 1000000;
    std::int64_t micros = unixMicroseconds % 1000000;
    if (micros < 0) {
        micros += 1000000;
        --seconds;
    }
    std::int64_t days = seconds / 86400;
    std::int64_t rest = seconds % 86400;
    if (rest < 0) {
        rest += 86400;
        --days;
    }
    const year_month_day date{sys_days{std::chrono::days{days}}};
    char buffer[40];
    std::snprintf(buffer, sizeof buffer, "%04d-%02u-%02uT%02d:%02d:%02d.%06dZ", static_cast<int>(date.year()),
                  static_cast<unsigned>(date.month()), static_cast<unsigned>(date.day()), static_cast<int>(rest / 3600),
                  static_cast<int>(rest / 60 % 60), static_cast<int>(rest % 60), static_cast<int>(micros));
    return buffer;
}

} // namespace sbor
