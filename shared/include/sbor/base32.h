#pragma once
// base32 without padding (RFC 4648 §6, alphabet A–Z 2–7): upper-case letters and digits only, so a
// USB keyboard-wedge scanner types it the same under any keyboard layout and a QR code stores it
// in the compact alphanumeric mode. Decoding also takes lower case (a scanner behind Caps Lock)
// but refuses anything else, including stray trailing bits, so one byte string has one spelling
// per letter case.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace sbor {

std::string base32Encode(const std::uint8_t* data, std::size_t size);
inline std::string base32Encode(std::string_view bytes)
{
    return base32Encode(reinterpret_cast<const std::uint8_t*>(bytes.data()), bytes.size());
}
std::optional<std::string> base32Decode(std::string_view text);

} // namespace sbor
