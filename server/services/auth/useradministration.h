#pragma once
// What admins do to accounts (seed 004): find them, change their roles, block and unblock them,
// and read the audit log that records all of it.

#include "authdependencies.h"
#include "user.h"
#include "userrepository.h"

#include "access/access.h"

#include <optional>
#include <string>
#include <vector>

namespace sbor::auth {

struct UserSearch {
    std::string text;
    std::optional<access::Role> role;
    std::optional<std::string> status;
    int limit = 50;
    std::string cursor;
};

struct UserPage {
    std::vector<User> items;
    std::optional<std::string> nextCursor;
};

struct AuditPage {
    std::vector<AuditEntry> items;
    std::optional<std::string> nextCursor;
};

class UserAdministration {
public:
    explicit UserAdministration(AuthDependencies& dependencies) : m_deps(dependencies) {}

    Result<UserPage> search(const UserSearch& search);
    Result<User> setRoles(const access::Principal& admin, const std::string& userId,
                          const std::vector<access::Role>& roles, const CallContext& call);
    Result<User> block(const access::Principal& admin, const std::string& userId, const std::string& reason,
                       const CallContext& call);
    Result<User> unblock(const access::Principal& admin, const std::string& userId, const CallContext& call);
    // Ends every session of the account (a stolen laptop, a shared password); how many ended.
    Result<int> endAllSessions(const access::Principal& admin, const std::string& userId, const CallContext& call);
    // Turns the account's two-factor authentication off (the phone was lost): its secret and
    // recovery codes are gone; the person signs in with the password and may enable it again.
    Result<User> resetTwoFactor(const access::Principal& admin, const std::string& userId, const CallContext& call);
    Result<AuditPage> auditLog(const std::optional<std::string>& targetId, const std::string& cursor, int limit);

private:
    AuthDependencies& m_deps;
};

} // namespace sbor::auth
