#pragma once
// SQL for auth.sessions and auth.refresh_tokens, on a transaction the caller owns.

#include "user.h"

#include "db/transaction.h"

#include <optional>
#include <string>
#include <vector>

namespace sbor::auth {

// A refresh token looked up for rotation, with its session locked.
struct RefreshTokenRecord {
    std::string sessionId;
    std::string userId;
    bool sessionLive = false;                     // not revoked, not expired, not idle too long
    std::optional<double> secondsSinceSuperseded; // set when the token was rotated already
};

// What the gateway needs to trust an access token's session.
struct SessionStanding {
    std::string userId;
    std::vector<access::Role> roles;
    std::string userStatus;
    bool sessionLive = false;
    std::int64_t signedInAt = 0; // unix seconds
};

class SessionRepository {
public:
    SessionRepository(db::Transaction& tx, std::int64_t idleTimeoutSeconds)
        : m_tx(tx), m_idleTimeoutSeconds(idleTimeoutSeconds)
    {}

    std::string create(const std::string& userId, const CallContext& call, std::int64_t lifetimeSeconds);
    // The session proved its password again now; its new sign-in time (unix seconds), or nullopt
    // when it is not the user's live session.
    std::optional<std::int64_t> markSignedIn(const std::string& sessionId, const std::string& userId);
    void addRefreshToken(const std::string& sessionId, const std::string& tokenHashHex);
    std::optional<RefreshTokenRecord> findRefreshTokenForRotation(const std::string& tokenHashHex);
    void supersede(const std::string& tokenHashHex);
    void touch(const std::string& sessionId, const CallContext& call);

    // Revocations return the ids of the sessions they ended (the caller evicts them from caches).
    bool revoke(const std::string& sessionId, const std::string& userId, const std::string& reason);
    std::vector<std::string> revokeAllOf(const std::string& userId, const std::string& exceptSessionId,
                                         const std::string& reason);
    // Account deletion: sessions hold addresses and devices, which are personal data.
    std::vector<std::string> deleteAllOf(const std::string& userId);

    std::vector<Session> liveSessionsOf(const std::string& userId);
    std::optional<SessionStanding> standing(const std::string& sessionId);

private:
    std::string liveCondition(const std::string& alias) const;

    db::Transaction& m_tx;
    std::int64_t m_idleTimeoutSeconds;
};

} // namespace sbor::auth
