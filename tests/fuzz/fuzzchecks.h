#pragma once
// What the fuzz targets share: a way to fail that libFuzzer always reports (a trap, not assert(),
// which the RelWithDebInfo build of the fuzz preset compiles out), and an independent UTF-8
// decoder to hold our own rules against.

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace sbor::fuzz {

// A broken property: libFuzzer saves the input as a crash artifact.
inline void require(bool property)
{
    if (!property)
        __builtin_trap();
}

inline std::string_view textOf(const std::uint8_t* data, std::size_t size)
{
    return {reinterpret_cast<const char*>(data), size};
}

// Code points of `text` when it is well-formed UTF-8 as RFC 3629 §4 defines it (no overlong
// forms, no surrogates, nothing above U+10FFFF), else nullopt. Written from the RFC's table of
// byte ranges rather than from bit patterns, so it does not share a mistake with the code it checks.
inline std::optional<std::size_t> strictUtf8Length(std::string_view text)
{
    std::size_t count = 0;
    std::size_t i = 0;
    auto byteAt = [&](std::size_t at) { return static_cast<unsigned char>(text[at]); };
    auto within = [&](std::size_t at, unsigned char low, unsigned char high) {
        return at < text.size() && byteAt(at) >= low && byteAt(at) <= high;
    };
    while (i < text.size()) {
        const unsigned char lead = byteAt(i);
        std::size_t length = 0;
        if (lead <= 0x7F)
            length = 1;
        else if (lead >= 0xC2 && lead <= 0xDF)
            length = within(i + 1, 0x80, 0xBF) ? 2 : 0;
        else if (lead == 0xE0)
            length = within(i + 1, 0xA0, 0xBF) && within(i + 2, 0x80, 0xBF) ? 3 : 0;
        else if ((lead >= 0xE1 && lead <= 0xEC) || lead == 0xEE || lead == 0xEF)
            length = within(i + 1, 0x80, 0xBF) && within(i + 2, 0x80, 0xBF) ? 3 : 0;
        else if (lead == 0xED)
            length = within(i + 1, 0x80, 0x9F) && within(i + 2, 0x80, 0xBF) ? 3 : 0;
        else if (lead == 0xF0)
            length = within(i + 1, 0x90, 0xBF) && within(i + 2, 0x80, 0xBF) && within(i + 3, 0x80, 0xBF) ? 4 : 0;
        else if (lead >= 0xF1 && lead <= 0xF3)
            length = within(i + 1, 0x80, 0xBF) && within(i + 2, 0x80, 0xBF) && within(i + 3, 0x80, 0xBF) ? 4 : 0;
        else if (lead == 0xF4)
            length = within(i + 1, 0x80, 0x8F) && within(i + 2, 0x80, 0xBF) && within(i + 3, 0x80, 0xBF) ? 4 : 0;
        if (length == 0)
            return std::nullopt;
        i += length;
        ++count;
    }
    return count;
}

} // namespace sbor::fuzz
