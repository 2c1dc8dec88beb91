#pragma once
// Events forgets an erased person (user.deleted, erasure in the auth service): the seats they held
// on event teams go with the copy of their name and address; the events they organized stay (their
// sales and money stay too). Idempotent through events' inbox.

#include "bus/bus.h"
#include "db/connectionpool.h"

namespace sbor::events {

class PersonErasure {
public:
    explicit PersonErasure(db::ConnectionPool& database) : m_database(database) {}
    // True when done (or not about an erasure); throws when it must come again.
    bool take(const bus::Message& message);

private:
    db::ConnectionPool& m_database;
};

} // namespace sbor::events
