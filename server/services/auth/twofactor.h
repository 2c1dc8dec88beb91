#pragma once
// Two-factor authentication with TOTP (RFC 6238: SHA-1, 30 s, 6 digits, ±1 step) and one-time
// recovery codes. Setup needs the password and stores a pending secret; enable proves the app
// has it (one valid code) and returns ten recovery codes, shown once and stored hashed;
// disable needs the password and a code. A code is accepted once: its step is recorded.

#include "authdependencies.h"
#include "user.h"
#include "userrepository.h"

#include "access/access.h"

#include <string>
#include <vector>

namespace sbor::auth {

struct TotpSetup {
    std::string secret; // base32
    std::string otpauthUri;
};

struct TotpEnabled {
    std::vector<std::string> recoveryCodes;
    int endedSessions = 0;
};

class TwoFactor {
public:
    explicit TwoFactor(AuthDependencies& dependencies) : m_deps(dependencies) {}

    Result<TotpSetup> setup(const access::Principal& caller, const std::string& password, const CallContext& call);
    Result<TotpEnabled> enable(const access::Principal& caller, const std::string& code, bool endOtherSessions,
                               const CallContext& call);
    Result<int> disable(const access::Principal& caller, const std::string& password, const std::string& code,
                        bool endOtherSessions, const CallContext& call);

private:
    AuthDependencies& m_deps;
};

// A second factor for `user` — a current TOTP code or an unused recovery code — checked and
// consumed inside the caller's transaction.
bool acceptSecondFactor(UserRepository& users, const StoredUser& user, const std::string& code);

} // namespace sbor::auth
