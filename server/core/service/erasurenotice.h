#pragma once
// user.deleted as the services that keep copies of a person's name and address read it: the
// auth service erased the account (the person's own deletion or an admin's erasure), and each
// service forgets what it copied — by the user id where it kept one, by the SHA-256 of the
// lower-case address (db::emailDigestSql) where it kept only the address.

#include "bus/bus.h"
#include "db/connectionpool.h"

#include <functional>

#include <optional>
#include <string>

namespace sbor {

struct ErasureNotice {
    std::string userId;
    std::string emailDigest; // 64 hex digits, or "" when the account had no address
};

// The notice in `message`; nullopt for any other message (or one that names no user).
std::optional<ErasureNotice> erasureNoticeOf(const bus::Message& message);

// What each service's consumer of user.deleted does around its own SQL: `forget` runs once per
// message (recorded in `<schema>.inbox`), in one transaction; any other message is passed by.
// True: the bus moves on; throws when the message must come again.
bool forgetErasedPerson(db::ConnectionPool& database, const std::string& schema, const bus::Message& message,
                        const std::function<void(db::Transaction&, const ErasureNotice&)>& forget);

} // namespace sbor
