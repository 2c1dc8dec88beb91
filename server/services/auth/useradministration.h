#pragma once
// What admins do to accounts (seed 004): find them, change their roles, block and unblock them,
// and read the audit log that records all of it.

#include "authdependencies.h"
#include "user.h"
#include "userrepository.h"

#include "access/access.h"
#include "service/servicedirectory.h"

#include <memory>
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
    std::string createdFrom; // RFC 3339, inclusive
    std::string createdTo;   // RFC 3339, exclusive
};

struct UserPage {
    std::vector<User> items;
    std::optional<std::string> nextCursor;
};

struct AuditPage {
    std::vector<AuditEntry> items;
    std::optional<std::string> nextCursor;
};

// GET /admin/users/{id}: what an admin or a support agent looks at before acting.
struct UserDossier {
    User user;
    std::vector<Session> sessions;       // live ones, newest first
    std::vector<AuditEntry> recentAudit; // the person as actor or target, newest first
    std::optional<int> ordersCount;      // nullopt: the tickets service did not answer
    std::optional<int> eventsCount;      // nullopt: the events service did not answer
};

class UserAdministration {
public:
    UserAdministration(AuthDependencies& dependencies, std::shared_ptr<ServiceDirectory> directory)
        : m_deps(dependencies), m_directory(std::move(directory))
    {}

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
    // Anyone's account as a tombstone too (a deleted person's page says so).
    Result<UserDossier> dossier(const std::string& userId);
    // Erases the person (erasure.h). `confirmEmail` must be their address (a typed confirmation:
    // the wrong row in a list is not erased by a slip). Admins are not erased: their role goes
    // first, so the platform is never left without one by accident.
    Result<bool> erase(const access::Principal& admin, const std::string& userId, const std::string& confirmEmail,
                       const CallContext& call);
    // `query`'s beforeId is taken from `cursor`.
    Result<AuditPage> auditLog(AuditQuery query, const std::string& cursor);

private:
    AuthDependencies& m_deps;
    std::shared_ptr<ServiceDirectory> m_directory;
};

} // namespace sbor::auth
