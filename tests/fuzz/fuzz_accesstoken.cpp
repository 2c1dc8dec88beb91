// Access tokens (JWT, EdDSA): every request's Authorization header reaches the verifier before
// anything else checks the caller. Two halves, picked by the first byte:
//  - arbitrary text is verified against a known key: it must be refused or accepted, never crash
//    or throw (an exception here would turn any bearer header into a 500);
//  - fuzzed claims are signed and verified again: a token we signed must pass while it is valid,
//    with the same claims back, and be refused once expired.

#include "corpuskeys.h"
#include "fuzzchecks.h"

#include "auth/accesstoken.h"

#include <fuzzer/FuzzedDataProvider.h>

#include <algorithm>
#include <array>
#include <cstdint>
#include <string>
#include <vector>

namespace {

using namespace sbor::auth;

using sbor::fuzz::kCorpusNow;

const SigningKey& corpusKey()
{
    static const SigningKey key = SigningKey::fromSeed(sbor::fuzz::kAccessTokenKeyId, sbor::fuzz::kAccessTokenSeed);
    return key;
}

void verifyArbitraryText(std::string_view token)
{
    AccessTokenVerifier verifier{TokenAudience{}};
    verifier.addKey(corpusKey().keyId, corpusKey().publicKey);
    const auto verified = verifier.verify(std::string(token), kCorpusNow);
    if (verified)
        sbor::fuzz::require(!verifier.expired(*verified, kCorpusNow));
}

// Claims are text the server itself wrote (ids, role names): valid UTF-8, which JSON requires.
bool allValidUtf8(const std::vector<std::string>& texts)
{
    for (const auto& text : texts)
        if (!sbor::fuzz::strictUtf8Length(text))
            return false;
    return true;
}

void signAndVerify(FuzzedDataProvider& input)
{
    AccessTokenClaims claims;
    claims.subject = input.ConsumeRandomLengthString(64);
    claims.sessionId = input.ConsumeRandomLengthString(64);
    claims.tokenId = input.ConsumeRandomLengthString(64);
    for (int roles = input.ConsumeIntegralInRange(0, 5); roles > 0; --roles)
        claims.roles.push_back(input.ConsumeRandomLengthString(16));
    TokenAudience audience;
    audience.issuer = input.ConsumeRandomLengthString(32);
    audience.audience = input.ConsumeRandomLengthString(32);
    audience.leewaySeconds = input.ConsumeIntegralInRange<std::int64_t>(0, 3600);
    const std::string keyId = input.ConsumeRandomLengthString(16);
    // Times as the server issues them: seconds since 1970, lifetimes of up to years. (A signed token
    // with exp near INT64_MAX would overflow exp + leeway, but only our own signer can make one.)
    claims.issuedAt = input.ConsumeIntegralInRange<std::int64_t>(0, std::int64_t(1) << 40);
    claims.expiresAt = claims.issuedAt + input.ConsumeIntegralInRange<std::int64_t>(-100000, std::int64_t(1) << 32);
    const std::int64_t now = claims.issuedAt +
        input.ConsumeIntegralInRange<std::int64_t>(-audience.leewaySeconds, std::int64_t(1) << 33);
    std::vector<std::string> texts = claims.roles;
    texts.insert(texts.end(),
                 {claims.subject, claims.sessionId, claims.tokenId, audience.issuer, audience.audience, keyId});
    if (!allValidUtf8(texts))
        return;

    std::array<std::uint8_t, 32> seed{};
    const auto seedBytes = input.ConsumeBytes<std::uint8_t>(seed.size());
    std::copy(seedBytes.begin(), seedBytes.end(), seed.begin());
    const SigningKey key = SigningKey::fromSeed(keyId, seed);

    const std::string token = signAccessToken(claims, key, audience);
    AccessTokenVerifier verifier(audience);
    verifier.addKey(keyId, key.publicKey);
    const auto verified = verifier.verify(token, now);
    const bool shouldPass = token.size() <= 4096 && now < claims.expiresAt + audience.leewaySeconds;
    sbor::fuzz::require(verified.ok() == shouldPass);
    if (verified) {
        sbor::fuzz::require(verified->subject == claims.subject && verified->roles == claims.roles &&
                            verified->sessionId == claims.sessionId && verified->tokenId == claims.tokenId &&
                            verified->issuedAt == claims.issuedAt && verified->expiresAt == claims.expiresAt);
    }

    // The same token under another key, issuer or audience is refused.
    AccessTokenVerifier stranger(audience);
    stranger.addKey(keyId, corpusKey().publicKey);
    sbor::fuzz::require(key.publicKey == corpusKey().publicKey || !stranger.verify(token, now));
    TokenAudience otherAudience = audience;
    otherAudience.audience += "-other";
    AccessTokenVerifier elsewhere(otherAudience);
    elsewhere.addKey(keyId, key.publicKey);
    sbor::fuzz::require(!elsewhere.verify(token, now));
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    if (size == 0)
        return 0;
    if (data[0] % 4 != 0) {
        verifyArbitraryText(sbor::fuzz::textOf(data + 1, size - 1));
        return 0;
    }
    FuzzedDataProvider input(data + 1, size - 1);
    signAndVerify(input);
    return 0;
}
