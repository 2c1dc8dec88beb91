#pragma once
// SQL for auth.users, auth.recovery_codes and auth.audit_log, on a transaction the caller owns
// (so a change, its audit entry and its outbox row commit together).

#include "user.h"

#include "sbor/error.h"
#include "sbor/wire/audit.h"

#include <nlohmann/json.hpp>
#include "db/transaction.h"

#include <optional>
#include <string>
#include <vector>

namespace sbor::auth {

struct ProfileChanges {
    std::optional<std::string> name;
    std::optional<std::string> phone;   // "" clears
    std::optional<std::string> country; // "" clears
    std::optional<std::string> locale;  // "" clears
    std::optional<std::string> email;
};

struct UserQuery {
    std::string text; // substring of email or name, case-insensitive
    std::optional<access::Role> role;
    std::optional<std::string> status;
    int limit = 50;
    std::optional<std::pair<std::string, std::string>> after; // (created_at, id) of the last item seen
    std::string createdFrom;                                  // RFC 3339, inclusive; "" for no bound
    std::string createdTo;                                    // RFC 3339, exclusive
};

// GET /admin/audit-log's filters; each empty one is no filter.
struct AuditQuery {
    std::string actorId;
    std::string action;
    std::string targetId;
    // Entries about the person either way (actor or target): the user page's recent history.
    std::string involvingId;
    std::string from; // RFC 3339, inclusive
    std::string to;   // RFC 3339, exclusive
    std::optional<std::int64_t> beforeId;
    int limit = 50;
};

using wire::AuditEntry;

class UserRepository {
public:
    explicit UserRepository(db::Transaction& tx) : m_tx(tx) {}

    // EmailTaken when another account has this email in any letter case.
    Result<User> insert(const NewUser& user);
    // Accounts that are not deleted.
    std::optional<StoredUser> findByEmail(const std::string& email);
    // Any account, tombstones included; `lock` takes a row lock for the rest of the transaction.
    std::optional<StoredUser> findById(const std::string& id, bool lock = false);
    Result<User> updateProfile(const std::string& id, const ProfileChanges& changes);
    void setPasswordHash(const std::string& id, const std::string& hash);
    User setRoles(const std::string& id, const std::vector<access::Role>& roles);
    void setStatus(const std::string& id, const std::string& status);
    // Deletion: every personal column emptied, the row kept as a tombstone.
    void erasePersonalData(const std::string& id);
    // SHA-256 (hex) of the account's email in lower case; "" when it has none.
    std::string emailDigest(const std::string& id);

    void setPendingTotpSecret(const std::string& id, const std::string& secret);
    void enableTotp(const std::string& id, std::int64_t acceptedStep);
    void disableTotp(const std::string& id);
    // Records `step` as used; false when it (or a later one) was used already — a replay.
    bool claimTotpStep(const std::string& id, std::int64_t step);
    void replaceRecoveryCodes(const std::string& id, const std::vector<std::string>& codeHashes);
    // Marks an unused code used; false when there is no such unused code.
    bool useRecoveryCode(const std::string& id, const std::string& codeHash);
    int unusedRecoveryCodes(const std::string& id);
    int activeAdminCount();

    std::vector<User> list(const UserQuery& query);

    void audit(const std::string& actorId, const std::string& action, const std::string& targetId,
               const nlohmann::json& details, const std::string& traceId);
    std::vector<AuditEntry> auditEntries(const AuditQuery& query);
    // Personal data the audit log copied into an entry about the person (an email a team change
    // named) goes with the person; the entries stay.
    void eraseAuditDetailsOf(const std::string& id);

private:
    db::Transaction& m_tx;
};

// Role names as stored; unknown ones are dropped.
std::vector<access::Role> rolesFromArray(const std::vector<std::string>& names);
Error emailTaken();
std::string rolesToArrayLiteral(const std::vector<access::Role>& roles);

} // namespace sbor::auth
