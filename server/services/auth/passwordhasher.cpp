#include "passwordhasher.h"

#include "validation/textrules.h"

#include <crypt.h>
#include <sodium.h>

#include <algorithm>
#include <unordered_set>
#include <array>
#include <cctype>
#include <stdexcept>

std::string_view sbor_common_passwords(); // generated from resources/common-passwords.txt

namespace sbor::auth {

using validation::utf8Length;

namespace {

// bcrypt reads a C string and only its first 72 bytes. So that no byte is ever ignored, longer
// passwords (allowed up to 128 characters, which may be up to 512 bytes) and any password holding
// a NUL (the request reader refuses them; this is the second line) are pre-hashed. The pre-hash is
// encoded so it has no NUL bytes and is shorter than 72.
std::string bcryptInput(std::string_view password)
{
    if (password.size() <= 72 && password.find('\0') == std::string_view::npos)
        return std::string(password);
    unsigned char digest[crypto_generichash_BYTES];
    crypto_generichash(digest, sizeof digest, reinterpret_cast<const unsigned char*>(password.data()), password.size(),
                       nullptr, 0);
    char encoded[sodium_base64_ENCODED_LEN(sizeof digest, sodium_base64_VARIANT_ORIGINAL)];
    sodium_bin2base64(encoded, sizeof encoded, digest, sizeof digest, sodium_base64_VARIANT_ORIGINAL);
    return std::string("sbor-prehash:") + encoded;
}

std::string bcrypt(std::string_view password, const std::string& setting)
{
    crypt_data data{};
    const std::string input = bcryptInput(password);
    const char* result = crypt_rn(input.c_str(), setting.c_str(), &data, sizeof data);
    if (!result || result[0] == '*')
        return {};
    return result;
}

// resources/common-passwords.txt, embedded at build time; one password per line, '#' comments.
const std::unordered_set<std::string>& commonPasswords()
{
    static const std::unordered_set<std::string> passwords = [] {
        std::unordered_set<std::string> set;
        const std::string_view text = sbor_common_passwords();
        std::size_t start = 0;
        while (start < text.size()) {
            std::size_t end = text.find('\n', start);
            if (end == std::string_view::npos)
                end = text.size();
            std::string_view line = text.substr(start, end - start);
            if (!line.empty() && line.back() == '\r')
                line.remove_suffix(1);
            if (!line.empty() && line.front() != '#')
                set.emplace(line);
            start = end + 1;
        }
        return set;
    }();
    return passwords;
}

} // namespace

std::optional<std::string> passwordProblem(std::string_view password)
{
    if (auto problem = validation::textProblem(password))
        return problem;
    const auto length = utf8Length(password);
    if (*length < 10)
        return "must be at least 10 characters long";
    if (*length > 128)
        return "must be at most 128 characters long";
    std::string lower;
    for (char c : password)
        lower.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(c))));
    if (commonPasswords().count(lower) != 0)
        return "is one of the most common passwords; choose another";
    return std::nullopt;
}

PasswordHasher::PasswordHasher(int cost) : m_cost(std::clamp(cost, 4, 31))
{
    if (sodium_init() < 0)
        throw std::runtime_error("libsodium failed to initialise");
    unsigned char random[18];
    randombytes_buf(random, sizeof random);
    char decoy[64];
    sodium_bin2hex(decoy, sizeof decoy, random, sizeof random);
    m_decoyHash = hash(decoy);
}

std::string PasswordHasher::hash(std::string_view password) const
{
    char setting[CRYPT_GENSALT_OUTPUT_SIZE];
    if (!crypt_gensalt_rn("$2b$", static_cast<unsigned long>(m_cost), nullptr, 0, setting, sizeof setting))
        throw std::runtime_error("this system's libcrypt cannot make bcrypt salts");
    std::string result = bcrypt(password, setting);
    if (result.empty())
        throw std::runtime_error("this system's libcrypt cannot compute bcrypt");
    return result;
}

bool PasswordHasher::verify(std::string_view password, const std::string& storedHash) const
{
    if (storedHash.rfind("$2", 0) != 0)
        return false;
    const std::string computed = bcrypt(password, storedHash);
    if (computed.empty() || computed.size() != storedHash.size())
        return false;
    return sodium_memcmp(computed.data(), storedHash.data(), computed.size()) == 0;
}

} // namespace sbor::auth
