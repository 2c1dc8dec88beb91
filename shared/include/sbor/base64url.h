#pragma once
// base64url without padding (RFC 4648 §5): JWTs, refresh tokens, list cursors, ticket codes.
// Also plain base64 with padding (RFC 4648 §4), which email (MIME) and Standard Webhooks use.
// Decoding is strict — only the URL-safe alphabet, no padding, no stray trailing bits — so one
// value has exactly one spelling (a token cannot be altered without changing its text).

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace sbor {

std::string base64UrlEncode(const std::uint8_t* data, std::size_t size);
inline std::string base64UrlEncode(std::string_view bytes)
{
    return base64UrlEncode(reinterpret_cast<const std::uint8_t*>(bytes.data()), bytes.size());
}
std::optional<std::string> base64UrlDecode(std::string_view text);

// RFC 4648 §4: "+/" and "=" padding.
std::string base64Encode(std::string_view bytes);
// Strict like base64UrlDecode, and the padding must be there.
std::optional<std::string> base64Decode(std::string_view text);

} // namespace sbor
