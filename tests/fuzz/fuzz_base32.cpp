// base32 (sbor/base32.h): the ticket codes' alphabet, read from whatever a scanner types. Decoding
// arbitrary text must not crash; what decodes has one spelling per letter case (re-encoding gives
// the text back in upper case); and encoding any bytes decodes back to exactly those bytes.

#include "fuzzchecks.h"

#include "sbor/base32.h"

#include <cstdint>
#include <string>

namespace {

std::string upperCase(std::string_view text)
{
    std::string out(text);
    for (char& c : out)
        if (c >= 'a' && c <= 'z')
            c = static_cast<char>(c - 'a' + 'A');
    return out;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    const std::string_view text = sbor::fuzz::textOf(data, size);
    if (const auto decoded = sbor::base32Decode(text))
        sbor::fuzz::require(sbor::base32Encode(*decoded) == upperCase(text));

    const std::string encoded = sbor::base32Encode(data, size);
    sbor::fuzz::require(encoded.size() == (size * 8 + 4) / 5);
    const auto back = sbor::base32Decode(encoded);
    sbor::fuzz::require(back && *back == text);
    return 0;
}
