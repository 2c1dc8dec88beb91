#pragma once
// TOTP (RFC 6238 over RFC 4226 HOTP): HMAC-SHA-1, 30-second steps, 6 digits, accepted one step
// either side of now. verify() returns which step matched so the caller can store it and refuse
// the same code again within its window (replay).

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace sbor::auth {

std::string base32Encode(const std::vector<std::uint8_t>& bytes); // RFC 4648, no padding
std::optional<std::vector<std::uint8_t>> base32Decode(
    std::string_view text); // case-insensitive, spaces and '=' ignored

// RFC 4226 HOTP value with `digits` digits, zero-padded.
std::string hotp(const std::vector<std::uint8_t>& secret, std::uint64_t counter, int digits = 6);

struct TotpSettings {
    int stepSeconds = 30;
    int digits = 6;
    int allowedDrift = 1; // steps before and after now
};

std::string totpAt(const std::vector<std::uint8_t>& secret, std::int64_t unixSeconds,
                   const TotpSettings& settings = {});

// The matched step number (unix time / step), or nullopt. A step not greater than
// `lastUsedStep` is refused: each code works once.
std::optional<std::int64_t> verifyTotp(const std::vector<std::uint8_t>& secret, std::string_view code,
                                       std::int64_t unixSeconds,
                                       std::optional<std::int64_t> lastUsedStep = std::nullopt,
                                       const TotpSettings& settings = {});

// A new 160-bit secret (the size RFC 4226 recommends) from the CSPRNG.
std::vector<std::uint8_t> newTotpSecret();
// otpauth://totp/Sbor:alice@example.org?secret=…&issuer=Sbor&algorithm=SHA1&digits=6&period=30
std::string otpauthUri(const std::string& issuer, const std::string& account, const std::vector<std::uint8_t>& secret,
                       const TotpSettings& settings = {});

} // namespace sbor::auth
