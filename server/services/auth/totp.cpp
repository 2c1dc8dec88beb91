#include "totp.h"

#include <openssl/evp.h>
#include <openssl/hmac.h>
#include <sodium.h>

#include <cctype>
#include <cstdio>

namespace sbor::auth {
namespace {

constexpr char kBase32Alphabet[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

std::string percentEncode(const std::string& text)
{
    std::string out;
    for (unsigned char c : text) {
        if (std::isalnum(c) || c == '-' || c == '.' || c == '_' || c == '~' || c == '@') {
            out.push_back(static_cast<char>(c));
        } else {
            char buffer[4];
            std::snprintf(buffer, sizeof buffer, "%%%02X", c);
            out += buffer;
        }
    }
    return out;
}

} // namespace

std::string base32Encode(const std::vector<std::uint8_t>& bytes)
{
    std::string out;
    std::uint32_t buffer = 0;
    int bits = 0;
    for (std::uint8_t byte : bytes) {
        buffer = (buffer << 8) | byte;
        bits += 8;
        while (bits >= 5) {
            out.push_back(kBase32Alphabet[(buffer >> (bits - 5)) & 0x1F]);
            bits -= 5;
        }
    }
    if (bits > 0)
        out.push_back(kBase32Alphabet[(buffer << (5 - bits)) & 0x1F]);
    return out;
}

std::optional<std::vector<std::uint8_t>> base32Decode(std::string_view text)
{
    std::vector<std::uint8_t> out;
    std::uint32_t buffer = 0;
    int bits = 0;
    for (char raw : text) {
        if (raw == ' ' || raw == '=' || raw == '-')
            continue;
        const char c = static_cast<char>(std::toupper(static_cast<unsigned char>(raw)));
        int value;
        if (c >= 'A' && c <= 'Z')
            value = c - 'A';
        else if (c >= '2' && c <= '7')
            value = c - '2' + 26;
        else
            return std::nullopt;
        buffer = (buffer << 5) | static_cast<std::uint32_t>(value);
        bits += 5;
        if (bits >= 8) {
            out.push_back(static_cast<std::uint8_t>((buffer >> (bits - 8)) & 0xFF));
            bits -= 8;
        }
    }
    return out;
}

std::string hotp(const std::vector<std::uint8_t>& secret, std::uint64_t counter, int digits)
{
    unsigned char message[8];
    for (int i = 7; i >= 0; --i) {
        message[i] = static_cast<unsigned char>(counter & 0xFF);
        counter >>= 8;
    }
    unsigned char digest[EVP_MAX_MD_SIZE];
    unsigned int length = 0;
    HMAC(EVP_sha1(), secret.data(), static_cast<int>(secret.size()), message, sizeof message, digest, &length);
    const int offset = digest[length - 1] & 0x0F;
    const std::uint32_t binary = (static_cast<std::uint32_t>(digest[offset] & 0x7F) << 24) |
        (static_cast<std::uint32_t>(digest[offset + 1]) << 16) | (static_cast<std::uint32_t>(digest[offset + 2]) << 8) |
        digest[offset + 3];
    std::uint32_t modulus = 1;
    for (int i = 0; i < digits; ++i)
        modulus *= 10;
    std::string code = std::to_string(binary % modulus);
    return std::string(static_cast<std::size_t>(digits) - code.size(), '0') + code;
}

std::string totpAt(const std::vector<std::uint8_t>& secret, std::int64_t unixSeconds, const TotpSettings& settings)
{
    return hotp(secret, static_cast<std::uint64_t>(unixSeconds / settings.stepSeconds), settings.digits);
}

std::optional<std::int64_t> verifyTotp(const std::vector<std::uint8_t>& secret, std::string_view code,
                                       std::int64_t unixSeconds, std::optional<std::int64_t> lastUsedStep,
                                       const TotpSettings& settings)
{
    if (code.size() != static_cast<std::size_t>(settings.digits))
        return std::nullopt;
    const std::int64_t now = unixSeconds / settings.stepSeconds;
    std::optional<std::int64_t> matched;
    // Every candidate is computed and compared in constant time, so timing says nothing about
    // which step (if any) matched.
    for (std::int64_t step = now - settings.allowedDrift; step <= now + settings.allowedDrift; ++step) {
        const std::string expected = hotp(secret, static_cast<std::uint64_t>(step), settings.digits);
        if (sodium_memcmp(expected.data(), code.data(), expected.size()) == 0 && !matched)
            matched = step;
    }
    if (matched && lastUsedStep && *matched <= *lastUsedStep)
        return std::nullopt;
    return matched;
}

std::vector<std::uint8_t> newTotpSecret()
{
    std::vector<std::uint8_t> secret(20);
    randombytes_buf(secret.data(), secret.size());
    return secret;
}

std::string otpauthUri(const std::string& issuer, const std::string& account, const std::vector<std::uint8_t>& secret,
                       const TotpSettings& settings)
{
    return "otpauth://totp/" + percentEncode(issuer) + ":" + percentEncode(account) +
        "?secret=" + base32Encode(secret) + "&issuer=" + percentEncode(issuer) +
        "&algorithm=SHA1&digits=" + std::to_string(settings.digits) + "&period=" + std::to_string(settings.stepSeconds);
}

} // namespace sbor::auth
