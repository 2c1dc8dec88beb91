// RFC 3339 times (sbor/rfc3339.h): every time field of the API and of its query strings. Parsing
// arbitrary text must not crash; a time that parses lies in the documented range (1970–9000 UTC)
// and survives formatting and parsing again unchanged; and every instant of that range formats
// to text that parses back to it.
//
// Input: the text to parse; its first 8 bytes also make an instant for the formatting half.

#include "fuzzchecks.h"

#include "sbor/rfc3339.h"

#include <cstdint>
#include <cstring>
#include <string>

namespace {

constexpr std::int64_t kYear9000Micros = 221845392000LL * 1000000; // 9000-01-01T00:00:00Z

void checkRoundTrip(std::int64_t micros)
{
    const std::string text = sbor::formatRfc3339(micros);
    const auto back = sbor::parseRfc3339(text);
    sbor::fuzz::require(back && *back == micros);
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    if (const auto parsed = sbor::parseRfc3339(sbor::fuzz::textOf(data, size))) {
        sbor::fuzz::require(*parsed >= 0 && *parsed < kYear9000Micros);
        checkRoundTrip(*parsed);
    }
    if (size >= 8) {
        std::uint64_t bits = 0;
        std::memcpy(&bits, data, sizeof bits);
        checkRoundTrip(static_cast<std::int64_t>(bits % static_cast<std::uint64_t>(kYear9000Micros)));
    }
    return 0;
}
