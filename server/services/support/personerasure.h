#pragma once
// Support forgets what an erased person wrote (user.deleted, erasure in the auth service): the
// subjects of their requests, the bodies of their messages and the details of their disputes are
// blanked (with the outbox copies of the subjects); the requests, threads, disputes and their
// money stay, so staff still see that something was asked and decided. Idempotent through
// support's inbox.

#include "bus/bus.h"
#include "db/connectionpool.h"

namespace sbor::support {

class PersonErasure {
public:
    explicit PersonErasure(db::ConnectionPool& database) : m_database(database) {}
    // True when done (or not about an erasure); throws when it must come again.
    bool take(const bus::Message& message);

private:
    db::ConnectionPool& m_database;
};

} // namespace sbor::support
