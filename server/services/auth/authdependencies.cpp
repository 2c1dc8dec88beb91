#include "authdependencies.h"

#include "config/config.h"

#include <thread>

namespace sbor::auth {

Result<AuthSettings> AuthSettings::fromConfig(const Config& config)
{
    AuthSettings settings;
    const auto positive = [&](const char* key, std::int64_t& target, std::int64_t minimum = 1) -> std::optional<Error> {
        const std::int64_t value = config.getInteger(key);
        if (value < minimum)
            return Error(ErrorCode::ValidationFailed,
                         std::string(key) + " must be at least " + std::to_string(minimum) + " (" +
                             config.originOf(key) + ")");
        target = value;
        return std::nullopt;
    };
    std::int64_t cost = 0, workers = 0, queued = 0, perAccount = 0, perClient = 0;
    for (auto problem : {positive("auth.bcrypt_cost", cost, 4), positive("auth.hash_workers", workers, 0),
                         positive("auth.hash_max_queued", queued, 1),
                         positive("auth.access_token_ttl_seconds", settings.accessTokenTtlSeconds, 10),
                         positive("auth.session_idle_timeout_seconds", settings.sessionIdleTimeoutSeconds, 60),
                         positive("auth.session_lifetime_seconds", settings.sessionLifetimeSeconds, 60),
                         positive("auth.refresh_reuse_grace_seconds", settings.refreshReuseGraceSeconds, 0),
                         positive("auth.session_cache_ms", settings.sessionCacheMilliseconds, 0),
                         positive("auth.login_failures_per_account", perAccount, 1),
                         positive("auth.login_failures_per_client", perClient, 1),
                         positive("auth.login_failure_window_seconds", settings.loginFailureWindowSeconds, 1)}) {
        if (problem)
            return *problem;
    }
    if (cost > 31)
        return Error(ErrorCode::ValidationFailed,
                     "auth.bcrypt_cost must be at most 31 (" + config.originOf("auth.bcrypt_cost") + ")");
    settings.bcryptCost = static_cast<int>(cost);
    // Default: half the cores. Priorities cannot keep bcrypt from slowing requests (the CPUs'
    // shared resources do not know about nice values); measured on 2 cores at cost 12, one
    // hashing thread kept the p99 of other requests within 1.7x during a login storm, two
    // made it 2.9x.
    settings.hashWorkers = workers > 0 ? static_cast<std::size_t>(workers)
                                       : std::max(1u, std::thread::hardware_concurrency() / 2);
    settings.hashMaxQueued = static_cast<std::size_t>(queued);
    settings.loginFailuresPerAccount = static_cast<int>(perAccount);
    settings.loginFailuresPerClient = static_cast<int>(perClient);
    return settings;
}

namespace {
AccessTokenVerifier verifierFor(const SigningKey& key, const TokenAudience& audience)
{
    AccessTokenVerifier verifier(audience);
    verifier.addKey(key.keyId, key.publicKey);
    return verifier;
}
} // namespace

AuthDependencies::AuthDependencies(db::ConnectionPool& database_, AuthSettings settings_, SigningKey signingKey_)
    : database(database_),
      settings(std::move(settings_)),
      signingKey(std::move(signingKey_)),
      hashing(settings.bcryptCost, settings.hashWorkers, settings.hashMaxQueued),
      throttle(settings.loginFailuresPerAccount, settings.loginFailuresPerClient,
               std::chrono::seconds(settings.loginFailureWindowSeconds)),
      authenticator(std::make_shared<SessionAuthenticator>(
          database, verifierFor(signingKey, audience), settings.sessionIdleTimeoutSeconds,
          std::chrono::milliseconds(settings.sessionCacheMilliseconds)))
{}

} // namespace sbor::auth
