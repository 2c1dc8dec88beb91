#pragma once
// Signing in and staying signed in (seed 002's session management): login with password and,
// when enabled, a second factor; refresh-token rotation with theft detection; sign-out; the
// list of one's sessions and ending any of them.
//
// Rotation: each refresh supersedes the presented token and returns a new one. A superseded
// token presented again within auth.refresh_reuse_grace_seconds (two tabs refreshing at once)
// still gets a new token; presented later it means someone else holds a copy, so the whole
// session — every token of the family — is revoked.

#include "authdependencies.h"
#include "user.h"

#include "access/access.h"

#include <optional>
#include <string>
#include <vector>

namespace sbor::auth {

struct TokenGrant {
    std::string accessToken;
    std::string refreshToken;
    std::int64_t expiresIn = 0;
    std::string sessionId;
    User user;
};

struct LoginAttempt {
    std::string email;
    std::string password;
    std::optional<std::string> otp;
};

// A password proof given again within a session (step-up): its password and, when the account has
// two-factor authentication, a code.
struct Reauthentication {
    std::string password;
    std::optional<std::string> otp;
};

struct SessionListing {
    std::vector<Session> sessions;
    std::string currentSessionId;
};

class SignIn {
public:
    explicit SignIn(AuthDependencies& dependencies) : m_deps(dependencies) {}

    Result<TokenGrant> login(const LoginAttempt& attempt, const CallContext& call);
    Result<TokenGrant> refresh(const std::string& refreshToken, const CallContext& call);
    // Step-up (access::stepUpProblem): the caller's session proves its password again and may do
    // what needs a recent sign-in for access::kStepUpSeconds. Wrong passwords count against the
    // account like failed sign-ins. Returns the new sign-in time (unix seconds).
    Result<std::int64_t> reauthenticate(const access::Principal& caller, const Reauthentication& proof,
                                        const CallContext& call);
    void logout(const access::Principal& caller);
    SessionListing sessions(const access::Principal& caller);
    Result<bool> endSession(const access::Principal& caller, const std::string& sessionId);

private:
    // A new refresh token for the session and a new access token, inside `tx`.
    TokenGrant grant(db::Transaction& tx, const User& user, const std::string& sessionId);

    AuthDependencies& m_deps;
};

} // namespace sbor::auth
