#pragma once
// Access tokens: JWTs signed with Ed25519 ("alg":"EdDSA", libsodium), typed "at+jwt" (RFC 9068)
// so that no other kind of token — refresh, device, ticket — can pass as one. The verifier
// accepts exactly that algorithm and type, a known key id, the configured issuer and audience,
// and a validity window (exp, nbf, iat) with a small clock leeway; everything else is refused
// with the reason in the error's message (never shown to clients in more detail than 401).

#include "sbor/error.h"

#include <array>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace sbor::auth {

struct AccessTokenClaims {
    std::string subject;            // sub: user id
    std::vector<std::string> roles; // roles
    std::string sessionId;          // sid
    std::string tokenId;            // jti
    std::int64_t issuedAt = 0;      // iat
    std::int64_t expiresAt = 0;     // exp
};

struct SigningKey {
    std::string keyId;
    std::array<std::uint8_t, 64> secretKey{}; // libsodium Ed25519 secret key (seed + public key)
    std::array<std::uint8_t, 32> publicKey{};

    static SigningKey generate(std::string keyId);
    // From a 32-byte seed (what configuration or the data dir keeps).
    static SigningKey fromSeed(std::string keyId, const std::array<std::uint8_t, 32>& seed);
};

struct TokenAudience {
    std::string issuer = "sbor";
    std::string audience = "sbor-api";
    std::int64_t leewaySeconds = 30;
};

std::string signAccessToken(const AccessTokenClaims& claims, const SigningKey& key, const TokenAudience& audience);

class AccessTokenVerifier {
public:
    explicit AccessTokenVerifier(TokenAudience audience) : m_audience(std::move(audience)) {}
    // Several keys may be valid at once (rotation): tokens name theirs in "kid".
    void addKey(const std::string& keyId, const std::array<std::uint8_t, 32>& publicKey) { m_keys[keyId] = publicKey; }
    Result<AccessTokenClaims> verify(const std::string& token, std::int64_t nowUnixSeconds) const;
    // For claims verify() accepted earlier: has the token expired since?
    bool expired(const AccessTokenClaims& claims, std::int64_t nowUnixSeconds) const
    {
        return nowUnixSeconds >= claims.expiresAt + m_audience.leewaySeconds;
    }

private:
    TokenAudience m_audience;
    std::map<std::string, std::array<std::uint8_t, 32>> m_keys;
};

} // namespace sbor::auth
