#pragma once
// The auth service's answer to "who is calling?": a valid access token (signature, type,
// issuer, audience, time) whose session is still live and whose account is active.
//
// Revocation: the session's standing is read from the database and trusted for a short time
// (auth.session_cache_ms, 2 s by default). Within this process a revocation, block or role
// change evicts the entry at once, so the very next request sees it; another process sees it
// within the cache time — far inside the 15-minute token lifetime the issue allows. Device
// tokens (kiosks) are checked the same way.

#include "accesstoken.h"
#include "sessionrepository.h"

#include "access/access.h"
#include "cache/expiringcache.h"
#include "db/connectionpool.h"

#include <chrono>
#include <mutex>
#include <string>
#include <unordered_map>
#include <vector>

namespace sbor::auth {

class SessionAuthenticator : public access::Authenticator {
public:
    SessionAuthenticator(db::ConnectionPool& database, AccessTokenVerifier verifier, std::int64_t idleTimeoutSeconds,
                         std::chrono::milliseconds cacheFor);

    Result<access::Principal> authenticate(const std::string& bearerToken) override;
    // Drops what is cached about these sessions, so their next request is checked afresh.
    void forget(const std::vector<std::string>& sessionIds);
    // Drops everything (after a change that affects an unknown set of sessions, e.g. roles).
    void forgetAll();
    // Drops what is cached about device tokens (a device was revoked).
    void forgetDevices() { m_devices.clear(); }

private:
    struct Cached {
        std::optional<SessionStanding> standing;
        std::chrono::steady_clock::time_point checkedAt;
    };
    std::optional<SessionStanding> standingOf(const std::string& sessionId);
    // A kiosk's "dt_" token: its scope while the device is not revoked.
    Result<access::Principal> authenticateDevice(const std::string& token);
    Result<AccessTokenClaims> verifiedClaims(const std::string& token, std::int64_t now);

    db::ConnectionPool& m_database;
    AccessTokenVerifier m_verifier;
    std::int64_t m_idleTimeoutSeconds;
    std::chrono::milliseconds m_cacheFor;
    std::mutex m_mutex;
    std::unordered_map<std::string, Cached> m_cache;
    // Tokens whose signature and claims were checked already: the same bytes verify the same
    // way, so a client's repeated token costs one Ed25519 verification, not one per request.
    std::mutex m_verifiedMutex;
    std::unordered_map<std::string, AccessTokenClaims> m_verified;
    // Device token hash -> scope (nullopt: no live device), trusted like session standings.
    ExpiringCache<std::string, std::optional<access::DeviceScope>> m_devices;
};

} // namespace sbor::auth
