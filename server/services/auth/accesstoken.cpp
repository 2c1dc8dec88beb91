#include "accesstoken.h"

#include "sbor/jsonvalue.h"
#include "sbor/strictjson.h"

#include "sbor/base64url.h"

#include <nlohmann/json.hpp>
#include <sodium.h>

#include <stdexcept>

namespace sbor::auth {
namespace {

Error refused(const std::string& reason) { return Error(ErrorCode::Unauthorized, "access token refused: " + reason); }

bool isStringArray(const nlohmann::json& value)
{
    if (!value.is_array())
        return false;
    for (const auto& item : value) {
        if (!item.is_string())
            return false;
    }
    return true;
}

} // namespace

SigningKey SigningKey::generate(std::string keyId)
{
    if (sodium_init() < 0)
        throw std::runtime_error("libsodium failed to initialise");
    std::array<std::uint8_t, 32> seed{};
    randombytes_buf(seed.data(), seed.size());
    SigningKey key = fromSeed(std::move(keyId), seed);
    sodium_memzero(seed.data(), seed.size());
    return key;
}

SigningKey SigningKey::fromSeed(std::string keyId, const std::array<std::uint8_t, 32>& seed)
{
    if (sodium_init() < 0)
        throw std::runtime_error("libsodium failed to initialise");
    SigningKey key;
    key.keyId = std::move(keyId);
    crypto_sign_seed_keypair(key.publicKey.data(), key.secretKey.data(), seed.data());
    return key;
}

std::string signAccessToken(const AccessTokenClaims& claims, const SigningKey& key, const TokenAudience& audience)
{
    const nlohmann::json header{{"alg", "EdDSA"}, {"typ", "at+jwt"}, {"kid", key.keyId}};
    const nlohmann::json payload{{"iss", audience.issuer}, {"aud", audience.audience}, {"sub", claims.subject},
                                 {"roles", claims.roles},  {"sid", claims.sessionId},  {"jti", claims.tokenId},
                                 {"iat", claims.issuedAt}, {"nbf", claims.issuedAt},   {"exp", claims.expiresAt}};
    const std::string headerText = header.dump(), payloadText = payload.dump();
    const std::string signingInput = base64UrlEncode(reinterpret_cast<const std::uint8_t*>(headerText.data()),
                                                     headerText.size()) +
        "." + base64UrlEncode(reinterpret_cast<const std::uint8_t*>(payloadText.data()), payloadText.size());
    std::array<std::uint8_t, crypto_sign_BYTES> signature{};
    crypto_sign_detached(signature.data(), nullptr, reinterpret_cast<const unsigned char*>(signingInput.data()),
                         signingInput.size(), key.secretKey.data());
    return signingInput + "." + base64UrlEncode(signature.data(), signature.size());
}

Result<AccessTokenClaims> AccessTokenVerifier::verify(const std::string& token, std::int64_t now) const
{
    if (token.size() > 4096)
        return refused("too long");
    const std::size_t firstDot = token.find('.');
    const std::size_t secondDot = firstDot == std::string::npos ? std::string::npos : token.find('.', firstDot + 1);
    if (secondDot == std::string::npos || token.find('.', secondDot + 1) != std::string::npos)
        return refused("not a signed JWT (three parts expected)");
    const auto headerText = base64UrlDecode(token.substr(0, firstDot));
    const auto payloadText = base64UrlDecode(token.substr(firstDot + 1, secondDot - firstDot - 1));
    const auto signature = base64UrlDecode(token.substr(secondDot + 1));
    if (!headerText || !payloadText || !signature)
        return refused("not base64url");

    // Strictly: a header naming "alg" twice could mean one thing here and another to a proxy.
    const auto parsedHeader = parseStrictJson(*headerText);
    const auto parsedPayload = parseStrictJson(*payloadText);
    if (!parsedHeader || !parsedPayload)
        return refused("header or payload is not JSON");
    const nlohmann::json& header = *parsedHeader;
    const nlohmann::json& payload = *parsedPayload;
    if (!header.is_object() || !payload.is_object())
        return refused("header or payload is not an object");
    // Exactly one algorithm: "none", HS256 with the public key as secret, and the like never pass.
    // (stringField: a header value of another type is refused, not thrown about.)
    if (stringField(header, "alg") != "EdDSA")
        return refused("algorithm must be EdDSA");
    if (stringField(header, "typ") != "at+jwt")
        return refused("not an access token (typ must be at+jwt)");
    if (header.contains("crit"))
        return refused("critical header extensions are not supported");
    const auto keyIt = m_keys.find(stringField(header, "kid"));
    if (keyIt == m_keys.end())
        return refused("unknown key id");
    if (signature->size() != crypto_sign_BYTES ||
        crypto_sign_verify_detached(reinterpret_cast<const unsigned char*>(signature->data()),
                                    reinterpret_cast<const unsigned char*>(token.data()), secondDot,
                                    keyIt->second.data()) != 0)
        return refused("bad signature");

    for (const char* field : {"exp", "iat", "nbf"}) {
        if (!payload.contains(field) || !payload[field].is_number_integer())
            return refused(std::string(field) + " missing or not an integer");
    }
    for (const char* field : {"iss", "aud", "sub", "sid", "jti"}) {
        if (!payload.contains(field) || !payload[field].is_string())
            return refused(std::string(field) + " missing or not a string");
    }
    if (!payload.contains("roles") || !isStringArray(payload["roles"]))
        return refused("roles missing or not a list of strings");
    if (payload["iss"] != m_audience.issuer)
        return refused("wrong issuer");
    if (payload["aud"] != m_audience.audience)
        return refused("wrong audience");
    const std::int64_t expiresAt = payload["exp"].get<std::int64_t>();
    if (now >= expiresAt + m_audience.leewaySeconds)
        return refused("expired");
    if (payload["nbf"].get<std::int64_t>() > now + m_audience.leewaySeconds ||
        payload["iat"].get<std::int64_t>() > now + m_audience.leewaySeconds)
        return refused("not valid yet");

    AccessTokenClaims claims;
    claims.subject = payload["sub"].get<std::string>();
    claims.roles = payload["roles"].get<std::vector<std::string>>();
    claims.sessionId = payload["sid"].get<std::string>();
    claims.tokenId = payload["jti"].get<std::string>();
    claims.issuedAt = payload["iat"].get<std::int64_t>();
    claims.expiresAt = expiresAt;
    return claims;
}

} // namespace sbor::auth
