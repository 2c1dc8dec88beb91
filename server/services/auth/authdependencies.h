#pragma once
// The auth service's settings and the parts its domain objects share. Built once by AuthService
// (or by the `user create` command) and passed by reference.

#include "accesstoken.h"
#include "loginthrottle.h"
#include "passwordhashingpool.h"
#include "sessionauthenticator.h"

#include "db/connectionpool.h"

#include <cstdint>
#include <memory>

namespace sbor {
class Config;
}

namespace sbor::auth {

struct AuthSettings {
    int bcryptCost = 12;
    std::size_t hashWorkers = 2;
    std::size_t hashMaxQueued = 16;
    std::int64_t accessTokenTtlSeconds = 900;
    std::int64_t sessionIdleTimeoutSeconds = 14 * 86400;
    std::int64_t sessionLifetimeSeconds = 30 * 86400;
    std::int64_t refreshReuseGraceSeconds = 10;
    std::int64_t sessionCacheMilliseconds = 2000;
    int loginFailuresPerAccount = 10;
    int loginFailuresPerClient = 50;
    std::int64_t loginFailureWindowSeconds = 900;

    static Result<AuthSettings> fromConfig(const Config& config);
};

struct AuthDependencies {
    AuthDependencies(db::ConnectionPool& database, AuthSettings settings, SigningKey signingKey);

    db::ConnectionPool& database;
    AuthSettings settings;
    SigningKey signingKey;
    TokenAudience audience;
    PasswordHashingPool hashing;
    LoginThrottle throttle;
    std::shared_ptr<SessionAuthenticator> authenticator;
};

} // namespace sbor::auth
