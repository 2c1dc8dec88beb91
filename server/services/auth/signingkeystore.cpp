#include "signingkeystore.h"

#include "sbor/base64url.h"

#include <sodium.h>

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <unistd.h>

namespace sbor::auth {
namespace {

namespace fs = std::filesystem;

Result<SigningKey> keyFromSeedText(const std::string& text, const std::string& origin)
{
    std::string trimmed = text;
    while (!trimmed.empty() && (trimmed.back() == '\n' || trimmed.back() == '\r' || trimmed.back() == ' '))
        trimmed.pop_back();
    const auto seed = base64UrlDecode(trimmed);
    if (!seed || seed->size() != 32)
        return Error(ErrorCode::ValidationFailed, origin + " must be 32 bytes in base64url (43 characters)");
    std::array<std::uint8_t, 32> bytes{};
    std::memcpy(bytes.data(), seed->data(), 32);
    SigningKey key = SigningKey::fromSeed("", bytes);
    key.keyId = keyIdFor(key.publicKey);
    sodium_memzero(bytes.data(), bytes.size());
    return key;
}

} // namespace

std::string keyIdFor(const std::array<std::uint8_t, 32>& publicKey)
{
    std::array<std::uint8_t, crypto_hash_sha256_BYTES> digest{};
    crypto_hash_sha256(digest.data(), publicKey.data(), publicKey.size());
    return base64UrlEncode(digest.data(), 9);
}

Result<SigningKey> loadSigningKey(const std::string& configuredSeed, const std::string& dataDir)
{
    if (!configuredSeed.empty())
        return keyFromSeedText(configuredSeed, "auth.signing_key");

    const fs::path path = fs::path(dataDir) / "auth-signing-key";
    std::error_code ec;
    fs::create_directories(dataDir, ec);
    if (!fs::exists(path, ec)) {
        std::array<std::uint8_t, 32> seed{};
        randombytes_buf(seed.data(), seed.size());
        const std::string text = base64UrlEncode(seed.data(), seed.size()) + "\n";
        sodium_memzero(seed.data(), seed.size());
        // Written aside and linked into place: two processes starting at once keep one key.
        const std::string staging = path.string() + ".new." + std::to_string(getpid());
        const int fd = ::open(staging.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
        if (fd < 0)
            return Error(ErrorCode::Internal, "cannot write " + staging + ": " + std::strerror(errno));
        const bool written = ::write(fd, text.data(), text.size()) == static_cast<ssize_t>(text.size()) &&
            ::fsync(fd) == 0;
        ::close(fd);
        if (!written || (::link(staging.c_str(), path.c_str()) != 0 && errno != EEXIST)) {
            const std::string problem = std::strerror(errno);
            ::unlink(staging.c_str());
            return Error(ErrorCode::Internal, "cannot store the signing key in " + path.string() + ": " + problem);
        }
        ::unlink(staging.c_str());
    }
    std::ifstream file(path);
    if (!file)
        return Error(ErrorCode::Internal, "cannot read the signing key " + path.string());
    std::stringstream content;
    content << file.rdbuf();
    return keyFromSeedText(content.str(), path.string());
}

} // namespace sbor::auth
