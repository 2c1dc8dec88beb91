#pragma once
// Tickets forgets an erased person (user.deleted, erasure in the auth service): the orders they
// placed keep their money, seats and tickets but lose the buyer's name and address, and every
// attendee entry and ticket made out to the person's address loses name and address too (found
// by the message's email_sha256). Changed tickets get a new change number, so kiosks replace
// their offline copies at the next sync. Idempotent through tickets' inbox.

#include "bus/bus.h"
#include "db/connectionpool.h"

namespace sbor::tickets {

class PersonErasure {
public:
    explicit PersonErasure(db::ConnectionPool& database) : m_database(database) {}
    // True when done (or not about an erasure); throws when it must come again.
    bool take(const bus::Message& message);

private:
    db::ConnectionPool& m_database;
};

} // namespace sbor::tickets
