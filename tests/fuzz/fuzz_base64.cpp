// base64url and base64 (sbor/base64url.h): JWT parts, refresh and device tokens, list cursors,
// webhook secrets — all arrive from strangers. Decoding arbitrary text must not crash; decoding is
// strict, so what decodes re-encodes to the very same text (one spelling per value); and encoding
// any bytes decodes back to exactly those bytes, in both alphabets.

#include "fuzzchecks.h"

#include "sbor/base64url.h"

#include <cstdint>
#include <string>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    const std::string_view text = sbor::fuzz::textOf(data, size);
    if (const auto decoded = sbor::base64UrlDecode(text))
        sbor::fuzz::require(sbor::base64UrlEncode(*decoded) == text);
    if (const auto decoded = sbor::base64Decode(text))
        sbor::fuzz::require(sbor::base64Encode(*decoded) == text);

    const std::string urlSafe = sbor::base64UrlEncode(data, size);
    sbor::fuzz::require(urlSafe.size() == (size * 4 + 2) / 3);
    const auto urlSafeBack = sbor::base64UrlDecode(urlSafe);
    sbor::fuzz::require(urlSafeBack && *urlSafeBack == text);

    const std::string padded = sbor::base64Encode(text);
    sbor::fuzz::require(padded.size() == (size + 2) / 3 * 4);
    const auto paddedBack = sbor::base64Decode(padded);
    sbor::fuzz::require(paddedBack && *paddedBack == text);
    return 0;
}
