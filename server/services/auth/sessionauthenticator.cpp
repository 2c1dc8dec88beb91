#include "sessionauthenticator.h"

#include "devicerepository.h"
#include "opaquetokens.h"

#include "sbor/rfc3339.h"

#include "sbor/uuid.h"

namespace sbor::auth {
namespace {
constexpr std::size_t kMaxCachedSessions = 100000;
constexpr std::size_t kMaxVerifiedTokens = 10000;

} // namespace

SessionAuthenticator::SessionAuthenticator(db::ConnectionPool& database, AccessTokenVerifier verifier,
                                           std::int64_t idleTimeoutSeconds, std::chrono::milliseconds cacheFor)
    : m_database(database),
      m_verifier(std::move(verifier)),
      m_idleTimeoutSeconds(idleTimeoutSeconds),
      m_cacheFor(cacheFor),
      m_devices(cacheFor)
{}

Result<access::Principal> SessionAuthenticator::authenticate(const std::string& bearerToken)
{
    if (bearerToken.rfind("dt_", 0) == 0)
        return authenticateDevice(bearerToken);
    auto claims = verifiedClaims(bearerToken, unixNowSeconds());
    if (!claims)
        return claims.error();
    if (!isUuid(claims->sessionId) || !isUuid(claims->subject))
        return Error(ErrorCode::Unauthorized, "invalid access token: malformed sid or sub");
    const auto standing = standingOf(claims->sessionId);
    if (!standing || standing->userId != claims->subject || standing->userStatus == "deleted")
        return Error(ErrorCode::Unauthorized, "the session of this token no longer exists");
    if (standing->userStatus == "blocked")
        return Error(ErrorCode::AccountBlocked, "this account is blocked");
    if (!standing->sessionLive)
        return Error(ErrorCode::Unauthorized, "the session of this token has ended; sign in again");
    // Roles come from the account as it is now, not as it was when the token was issued.
    return access::Principal{standing->userId, standing->roles, claims->sessionId, std::nullopt, standing->signedInAt};
}

Result<access::Principal> SessionAuthenticator::authenticateDevice(const std::string& token)
{
    if (!looksLikeDeviceToken(token))
        return Error(ErrorCode::Unauthorized, "invalid device token");
    const std::string hash = sha256Hex(token);
    auto scope = m_devices.get(hash);
    if (!scope) {
        scope = m_database.transact([&](db::Transaction& tx) {
            auto live = DeviceRepository(tx).liveDevice(hash);
            return live;
        });
        m_devices.put(hash, *scope);
    }
    if (!*scope)
        return Error(ErrorCode::Unauthorized, "this device token is unknown or was revoked; enroll the device again");
    access::Principal principal;
    principal.device = **scope;
    return principal;
}

Result<AccessTokenClaims> SessionAuthenticator::verifiedClaims(const std::string& token, std::int64_t now)
{
    {
        std::lock_guard lock(m_verifiedMutex);
        const auto it = m_verified.find(token);
        if (it != m_verified.end()) {
            if (!m_verifier.expired(it->second, now))
                return it->second;
            m_verified.erase(it);
        }
    }
    auto claims = m_verifier.verify(token, now);
    if (claims) {
        std::lock_guard lock(m_verifiedMutex);
        if (m_verified.size() >= kMaxVerifiedTokens)
            m_verified.clear(); // crude but bounded: the next requests verify again
        m_verified.emplace(token, *claims);
    }
    return claims;
}

std::optional<SessionStanding> SessionAuthenticator::standingOf(const std::string& sessionId)
{
    const auto now = std::chrono::steady_clock::now();
    {
        std::lock_guard lock(m_mutex);
        const auto it = m_cache.find(sessionId);
        if (it != m_cache.end() && now - it->second.checkedAt < m_cacheFor)
            return it->second.standing;
    }
    auto standing = m_database.read([&](db::Transaction& tx) {
        // one statement: one round trip
        return SessionRepository(tx, m_idleTimeoutSeconds).standing(sessionId);
    });
    if (m_cacheFor.count() > 0) {
        std::lock_guard lock(m_mutex);
        if (m_cache.size() >= kMaxCachedSessions)
            m_cache.clear();
        m_cache[sessionId] = Cached{standing, now};
    }
    return standing;
}

void SessionAuthenticator::forget(const std::vector<std::string>& sessionIds)
{
    std::lock_guard lock(m_mutex);
    for (const auto& id : sessionIds)
        m_cache.erase(id);
}

void SessionAuthenticator::forgetAll()
{
    std::lock_guard lock(m_mutex);
    m_cache.clear();
}

} // namespace sbor::auth
