// The URL decoder: every path and query string a stranger sends is percent-decoded and split here,
// and what comes out is judged by utf8Length before it may reach a handler (and PostgreSQL, which
// answers invalid UTF-8 with an error). Properties: no crash or exception; a decoded text is never
// longer than its encoding; percent-encoding any valid UTF-8 text and decoding it gives it back;
// and utf8Length agrees with RFC 3629 (fuzzchecks.h) on every decoded name and value.
//
// Input: the first byte's low bit says whether '+' means a space; the rest is the raw text.

#include "fuzzchecks.h"

#include "http/httptypes.h"
#include "validation/textrules.h"

#include <cstdint>
#include <string>

namespace {

void checkUtf8Rule(std::string_view text)
{
    sbor::fuzz::require(sbor::validation::utf8Length(text) == sbor::fuzz::strictUtf8Length(text));
}

std::string percentEncodeAll(std::string_view text)
{
    static const char hex[] = "0123456789ABCDEF";
    std::string out;
    for (const char c : text) {
        const auto byte = static_cast<unsigned char>(c);
        out += '%';
        out += hex[byte >> 4];
        out += hex[byte & 15];
    }
    return out;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    if (size == 0)
        return 0;
    const bool plusIsSpace = (data[0] & 1) != 0;
    const std::string_view raw = sbor::fuzz::textOf(data + 1, size - 1);

    const std::string decoded = sbor::http::percentDecode(raw, plusIsSpace);
    sbor::fuzz::require(decoded.size() <= raw.size());
    checkUtf8Rule(decoded);

    for (const auto& [name, value] : sbor::http::parseQuery(raw)) {
        sbor::fuzz::require(name.size() <= raw.size() && value.size() <= raw.size());
        checkUtf8Rule(name);
        checkUtf8Rule(value);
    }

    // Valid text survives a trip through its most verbose encoding (a browser may encode every byte).
    if (sbor::fuzz::strictUtf8Length(raw))
        sbor::fuzz::require(sbor::http::percentDecode(percentEncodeAll(raw), plusIsSpace) == raw);
    return 0;
}
