#pragma once
// Where the access-token signing key comes from: auth.signing_key in the configuration (a
// base64url Ed25519 seed — what a multi-process deployment shares), or else a key generated on
// first start and kept in <data_dir>/auth-signing-key (mode 0600), so tokens survive restarts.

#include "accesstoken.h"

#include "sbor/error.h"

#include <string>

namespace sbor::auth {

Result<SigningKey> loadSigningKey(const std::string& configuredSeed, const std::string& dataDir);
// A short, stable key id derived from the public key.
std::string keyIdFor(const std::array<std::uint8_t, 32>& publicKey);

} // namespace sbor::auth
