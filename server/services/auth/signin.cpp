#include "signin.h"

#include "sbor/rfc3339.h"

#include "accounts.h"
#include "opaquetokens.h"
#include "sessionrepository.h"
#include "twofactor.h"
#include "userrepository.h"

#include "sbor/base64url.h"
#include "sbor/uuid.h"

#include <sodium.h>

namespace sbor::auth {
namespace {

std::string newTokenId()
{
    std::array<std::uint8_t, 16> bytes{};
    randombytes_buf(bytes.data(), bytes.size());
    return base64UrlEncode(bytes.data(), bytes.size());
}

// Sign-in and reauthentication share the lockout, and so its answer.
Error tooManyFailures(std::int64_t waitSeconds)
{
    return Error(ErrorCode::RateLimited, "too many failed sign-ins; try again later",
                 {{"retry_after_seconds", waitSeconds}});
}

Error invalidRefreshToken() { return Error(ErrorCode::Unauthorized, "the refresh token is not valid; sign in again"); }

} // namespace

TokenGrant SignIn::grant(db::Transaction& tx, const User& user, const std::string& sessionId)
{
    TokenGrant result;
    result.refreshToken = newRefreshToken();
    SessionRepository(tx, m_deps.settings.sessionIdleTimeoutSeconds)
        .addRefreshToken(sessionId, sha256Hex(result.refreshToken));
    AccessTokenClaims claims;
    claims.subject = user.id;
    claims.roles = access::roleNames(user.roles);
    claims.sessionId = sessionId;
    claims.tokenId = newTokenId();
    claims.issuedAt = unixNowSeconds();
    claims.expiresAt = claims.issuedAt + m_deps.settings.accessTokenTtlSeconds;
    result.accessToken = signAccessToken(claims, m_deps.signingKey, m_deps.audience);
    result.expiresIn = m_deps.settings.accessTokenTtlSeconds;
    result.sessionId = sessionId;
    result.user = user;
    return result;
}

Result<TokenGrant> SignIn::login(const LoginAttempt& attempt, const CallContext& call)
{
    const std::string account = lowerCaseAscii(attempt.email);
    if (const auto wait = m_deps.throttle.blockedFor(account, call.clientAddress)) {
        return tooManyFailures(*wait);
    }
    auto stored = m_deps.database.read([&](db::Transaction& tx) {
        // one statement: one round trip
        return UserRepository(tx).findByEmail(attempt.email);
    });
    // Failures are counted against the account the look-up found, not the text that was sent: any
    // spelling that reaches an account (another case, say) meets the same counter.
    const std::string counted = stored ? lowerCaseAscii(stored->user.email) : account;
    if (counted != account) {
        if (const auto wait = m_deps.throttle.blockedFor(counted, call.clientAddress))
            return tooManyFailures(*wait);
    }
    // Unknown email and wrong password take the same path and the same time (one bcrypt check)
    // and give the same answer.
    auto matches = m_deps.hashing.verifyOrDecoy(attempt.password, stored ? &stored->passwordHash : nullptr);
    if (!matches)
        return matches.error();
    if (!stored || !*matches) {
        m_deps.throttle.recordFailure(counted, call.clientAddress);
        return Error(ErrorCode::InvalidCredentials, "the email or the password is wrong");
    }
    // Only someone who knows the password learns that the account is blocked.
    if (stored->user.status == "blocked")
        return Error(ErrorCode::AccountBlocked, "this account is blocked; contact support");
    if (stored->totpSecret && (!attempt.otp || attempt.otp->empty()))
        return Error(ErrorCode::OtpRequired,
                     "enter the code from your authenticator app, or a recovery code, as \"otp\"");

    auto granted = m_deps.database.transact([&](db::Transaction& tx) -> Result<TokenGrant> {
        if (stored->totpSecret) {
            UserRepository users(tx);
            if (!acceptSecondFactor(users, *stored, *attempt.otp))
                return Error(ErrorCode::InvalidOtp, "the code is not valid (or was used already)");
        }
        const std::string sessionId = SessionRepository(tx, m_deps.settings.sessionIdleTimeoutSeconds)
                                          .create(stored->user.id, call, m_deps.settings.sessionLifetimeSeconds);
        TokenGrant result = grant(tx, stored->user, sessionId);
        return result;
    });
    if (!granted) {
        m_deps.throttle.recordFailure(counted, call.clientAddress);
        return granted.error();
    }
    m_deps.throttle.recordSuccess(counted);
    return granted;
}

Result<TokenGrant> SignIn::refresh(const std::string& refreshToken, const CallContext& call)
{
    if (!looksLikeRefreshToken(refreshToken))
        return invalidRefreshToken();
    const std::string hash = sha256Hex(refreshToken);
    std::vector<std::string> revoked;
    auto result = m_deps.database.transact([&](db::Transaction& tx) -> Result<TokenGrant> {
        SessionRepository sessions(tx, m_deps.settings.sessionIdleTimeoutSeconds);
        const auto record = sessions.findRefreshTokenForRotation(hash);
        if (!record || !record->sessionLive)
            return invalidRefreshToken();
        UserRepository users(tx);
        const auto stored = users.findById(record->userId);
        if (!stored || stored->user.status == "deleted")
            return invalidRefreshToken();
        if (stored->user.status == "blocked")
            return Error(ErrorCode::AccountBlocked, "this account is blocked; contact support");
        if (record->secondsSinceSuperseded) {
            if (*record->secondsSinceSuperseded > static_cast<double>(m_deps.settings.refreshReuseGraceSeconds)) {
                sessions.revoke(record->sessionId, record->userId, "refresh_token_reused");
                users.audit("", "session.refresh_token_reused", record->userId,
                            {{"session_id", record->sessionId}, {"client", call.clientAddress}}, call.traceId);
                tx.commit();
                revoked.push_back(record->sessionId);
                return Error(
                    ErrorCode::RefreshTokenReused,
                    "this refresh token was used before; the session has been ended to protect the account. Sign in again.");
            }
        } else {
            sessions.supersede(hash);
        }
        sessions.touch(record->sessionId, call);
        TokenGrant granted = grant(tx, stored->user, record->sessionId);
        return granted;
    });
    m_deps.authenticator->forget(revoked);
    return result;
}

Result<std::int64_t> SignIn::reauthenticate(const access::Principal& caller, const Reauthentication& proof,
                                            const CallContext& call)
{
    if (caller.device)
        return Error(ErrorCode::Forbidden, "a device has no password to prove");
    auto stored = m_deps.database.read([&](db::Transaction& tx) {
        // one statement: one round trip
        return UserRepository(tx).findById(caller.userId, false);
    });
    if (!stored)
        return Error(ErrorCode::Unauthorized, "the session of this token no longer exists");
    const std::string counted = lowerCaseAscii(stored->user.email);
    if (const auto wait = m_deps.throttle.blockedFor(counted, call.clientAddress))
        return tooManyFailures(*wait);
    auto matches = m_deps.hashing.verifyOrDecoy(proof.password, &stored->passwordHash);
    if (!matches)
        return matches.error();
    if (!*matches) {
        m_deps.throttle.recordFailure(counted, call.clientAddress);
        return Error(ErrorCode::InvalidCredentials, "the password is wrong");
    }
    if (stored->totpSecret && (!proof.otp || proof.otp->empty()))
        return Error(ErrorCode::OtpRequired,
                     "enter the code from your authenticator app, or a recovery code, as \"otp\"");
    auto signedInAt = m_deps.database.transact([&](db::Transaction& tx) -> Result<std::int64_t> {
        if (stored->totpSecret) {
            UserRepository users(tx);
            if (!acceptSecondFactor(users, *stored, *proof.otp))
                return Error(ErrorCode::InvalidOtp, "the code is not valid (or was used already)");
        }
        const auto renewed = SessionRepository(tx, m_deps.settings.sessionIdleTimeoutSeconds)
                                 .markSignedIn(caller.sessionId, caller.userId);
        if (!renewed)
            return Error(ErrorCode::Unauthorized, "the session of this token has ended; sign in again");
        return *renewed;
    });
    if (!signedInAt) {
        if (signedInAt.error().code == ErrorCode::InvalidOtp)
            m_deps.throttle.recordFailure(counted, call.clientAddress);
        return signedInAt.error();
    }
    m_deps.throttle.recordSuccess(counted);
    // The cached standing still has the old time: the next request must see the new one.
    m_deps.authenticator->forget({caller.sessionId});
    return signedInAt;
}

void SignIn::logout(const access::Principal& caller)
{
    m_deps.database.transact([&](db::Transaction& tx) {
        SessionRepository(tx, m_deps.settings.sessionIdleTimeoutSeconds)
            .revoke(caller.sessionId, caller.userId, "logout");
    });
    m_deps.authenticator->forget({caller.sessionId});
}

SessionListing SignIn::sessions(const access::Principal& caller)
{
    return m_deps.database.read([&](db::Transaction& tx) {
        // one statement: one round trip
        return SessionListing{
            SessionRepository(tx, m_deps.settings.sessionIdleTimeoutSeconds).liveSessionsOf(caller.userId),
            caller.sessionId};
    });
}

Result<bool> SignIn::endSession(const access::Principal& caller, const std::string& sessionId)
{
    const Error notFound(ErrorCode::NotFound, "no such session", {{"id", sessionId}});
    if (!isUuid(sessionId))
        return notFound;
    const bool ended = m_deps.database.transact([&](db::Transaction& tx) {
        const bool done = SessionRepository(tx, m_deps.settings.sessionIdleTimeoutSeconds)
                              .revoke(sessionId, caller.userId, "ended_by_user");
        return done;
    });
    if (!ended)
        return notFound;
    m_deps.authenticator->forget({sessionId});
    return true;
}

} // namespace sbor::auth
