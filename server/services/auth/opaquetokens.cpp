#include "opaquetokens.h"

#include "sbor/base64url.h"

#include <sodium.h>

#include <array>
#include <cctype>

namespace sbor::auth {

std::string newRefreshToken()
{
    std::array<std::uint8_t, 32> bytes{};
    randombytes_buf(bytes.data(), bytes.size());
    return "rt_" + base64UrlEncode(bytes.data(), bytes.size());
}

bool looksLikeRefreshToken(std::string_view token)
{
    return token.size() == 46 && token.substr(0, 3) == "rt_" && base64UrlDecode(token.substr(3)).has_value();
}

std::string newDeviceToken()
{
    std::array<std::uint8_t, 32> bytes{};
    randombytes_buf(bytes.data(), bytes.size());
    return "dt_" + base64UrlEncode(bytes.data(), bytes.size());
}

bool looksLikeDeviceToken(std::string_view token)
{
    return token.size() == 46 && token.substr(0, 3) == "dt_" && base64UrlDecode(token.substr(3)).has_value();
}

std::string newEnrollmentCode()
{
    constexpr char kAlphabet[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
    std::string code;
    for (int k = 0; k < 10; ++k)
        code.push_back(kAlphabet[randombytes_uniform(32)]);
    return code;
}

std::string normalizeEnrollmentCode(std::string_view code)
{
    std::string out;
    for (char c : code) {
        if (c == '-' || c == ' ')
            continue;
        out.push_back(static_cast<char>(std::toupper(static_cast<unsigned char>(c))));
    }
    return out;
}

std::vector<std::string> newRecoveryCodes()
{
    constexpr char kAlphabet[] = "abcdefghijklmnopqrstuvwxyz234567";
    std::vector<std::string> codes;
    for (int i = 0; i < 10; ++i) {
        std::string code;
        for (int k = 0; k < 12; ++k) {
            if (k == 4 || k == 8)
                code.push_back('-');
            code.push_back(kAlphabet[randombytes_uniform(32)]);
        }
        codes.push_back(code);
    }
    return codes;
}

std::string normalizeRecoveryCode(std::string_view code)
{
    std::string out;
    for (char c : code) {
        if (c == '-' || c == ' ')
            continue;
        out.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(c))));
    }
    return out;
}

std::string sha256Hex(std::string_view text)
{
    std::array<unsigned char, crypto_hash_sha256_BYTES> digest{};
    crypto_hash_sha256(digest.data(), reinterpret_cast<const unsigned char*>(text.data()), text.size());
    std::array<char, crypto_hash_sha256_BYTES * 2 + 1> hex{};
    sodium_bin2hex(hex.data(), hex.size(), digest.data(), digest.size());
    return std::string(hex.data(), crypto_hash_sha256_BYTES * 2);
}

} // namespace sbor::auth
