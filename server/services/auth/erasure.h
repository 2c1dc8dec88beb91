#pragma once
// Erasing a person (GDPR, seed 004): the account keeps only a tombstone (id, status, dates), its
// sessions go, audit entries about it lose the personal data they copied (the entries stay), and
// user.deleted tells the other services to forget the person as well — tickets keeps the orders
// and money, notifications the deliveries, each without the name and address (user.deleted
// carries the SHA-256 of the lower-case address, email_sha256, to find them by). Shared by a
// person's own deletion (DELETE /users/me) and an admin's erasure.

#include "db/transaction.h"

#include <cstdint>
#include <string>
#include <vector>

namespace sbor::auth {

struct Erasure {
    std::string userId;
    std::string actorId; // the person themself, or the admin
    std::string action;  // the audit entry's: user.deleted | user.erased
    std::string traceId;
};

// In the caller's transaction; returns the ended sessions, for the caller to evict from the
// session cache once the transaction committed.
std::vector<std::string> erasePerson(db::Transaction& tx, std::int64_t sessionIdleTimeoutSeconds,
                                     const Erasure& erasure);

} // namespace sbor::auth
