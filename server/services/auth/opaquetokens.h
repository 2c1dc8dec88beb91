#pragma once
// Random secrets handed to clients that the server keeps only as SHA-256 hashes: refresh tokens
// and 2FA recovery codes. Both carry enough entropy (256 and 60 bits) that a fast hash suffices;
// bcrypt is for what people choose.

#include <string>
#include <string_view>
#include <vector>

namespace sbor::auth {

// "rt_" + 43 base64url characters (256 bits from the CSPRNG). The prefix tells it apart from
// an access token at a glance and lets scanners find leaked ones.
std::string newRefreshToken();
bool looksLikeRefreshToken(std::string_view token);

// "dt_" + 43 base64url characters: a kiosk's device token (256 bits).
std::string newDeviceToken();
bool looksLikeDeviceToken(std::string_view token);

// A one-time kiosk enrollment code: 10 upper-case base32 characters (50 bits), short enough to
// type, shown as a QR; it lives 15 minutes and works once.
std::string newEnrollmentCode();
// Upper case, without spaces and dashes.
std::string normalizeEnrollmentCode(std::string_view code);

// Ten codes like "k7dp-3xq2-m9ta" (base32, 60 bits each).
std::vector<std::string> newRecoveryCodes();
// Lower case, without spaces and dashes, so a code typed by hand matches.
std::string normalizeRecoveryCode(std::string_view code);

// Lower-case hex SHA-256.
std::string sha256Hex(std::string_view text);

} // namespace sbor::auth
