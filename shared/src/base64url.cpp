#include "sbor/base64url.h"

namespace sbor {
namespace {

constexpr char kAlphabet[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

// Plain base64 is base64url with two letters swapped and padding: translate and reuse.
std::string swapped(std::string_view text, char from62, char from63, char to62, char to63)
{
    std::string out(text);
    for (char& c : out) {
        if (c == from62)
            c = to62;
        else if (c == from63)
            c = to63;
        else if (c == to62 || c == to63)
            c = '!'; // the other alphabet's letter: invalid in this one
    }
    return out;
}

int sextetOf(char c)
{
    if (c >= 'A' && c <= 'Z')
        return c - 'A';
    if (c >= 'a' && c <= 'z')
        return c - 'a' + 26;
    if (c >= '0' && c <= '9')
        return c - '0' + 52;
    if (c == '-')
        return 62;
    if (c == '_')
        return 63;
    return -1;
}

} // namespace

std::string base64UrlEncode(const std::uint8_t* data, std::size_t size)
{
    std::string out;
    out.reserve((size * 4 + 2) / 3);
    std::uint32_t buffer = 0;
    int bits = 0;
    for (std::size_t i = 0; i < size; ++i) {
        buffer = (buffer << 8) | data[i];
        bits += 8;
        while (bits >= 6) {
            bits -= 6;
            out.push_back(kAlphabet[(buffer >> bits) & 0x3f]);
        }
    }
    if (bits > 0)
        out.push_back(kAlphabet[(buffer << (6 - bits)) & 0x3f]);
    return out;
}

std::optional<std::string> base64UrlDecode(std::string_view text)
{
    if (text.size() % 4 == 1)
        return std::nullopt; // no byte count encodes to this length
    std::string out;
    out.reserve(text.size() * 3 / 4);
    std::uint32_t buffer = 0;
    int bits = 0;
    for (char c : text) {
        const int value = sextetOf(c);
        if (value < 0)
            return std::nullopt;
        buffer = ((buffer << 6) | static_cast<std::uint32_t>(value)) & 0xffffff;
        bits += 6;
        if (bits >= 8) {
            bits -= 8;
            out.push_back(static_cast<char>((buffer >> bits) & 0xff));
        }
    }
    if (bits > 0 && (buffer & ((1u << bits) - 1)) != 0)
        return std::nullopt; // leftover bits must be zero in the canonical spelling
    return out;
}

std::string base64Encode(std::string_view bytes)
{
    std::string out = swapped(base64UrlEncode(bytes), '-', '_', '+', '/');
    out.append((4 - out.size() % 4) % 4, '=');
    return out;
}

std::optional<std::string> base64Decode(std::string_view text)
{
    if (text.size() % 4 != 0)
        return std::nullopt;
    std::size_t padding = 0;
    while (padding < 2 && padding < text.size() && text[text.size() - 1 - padding] == '=')
        ++padding;
    return base64UrlDecode(swapped(text.substr(0, text.size() - padding), '+', '/', '-', '_'));
}

} // namespace sbor
