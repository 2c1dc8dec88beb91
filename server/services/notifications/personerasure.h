#pragma once
// Notifications forgets an erased person (user.deleted, erasure in the auth service): their in-app
// notifications and preferences go; the ticket holders it keeps for event-wide notices and the
// emails it keeps as a delivery record lose name, address and text where they were the person's
// (found by the message's email_sha256); an email still waiting is not sent. Idempotent through
// notifications' inbox. Webhook deliveries (sent or waiting) lose the person's name and address
// the same way. A message from before an erasure that the intake handles later (another
// consumer, so no order between them) is blanked the same way (forgetErasedIn).

#include "bus/bus.h"
#include "db/connectionpool.h"

namespace sbor::notifications {

class PersonErasure {
public:
    explicit PersonErasure(db::ConnectionPool& database) : m_database(database) {}
    // True when done (or not about an erasure); throws when it must come again.
    bool take(const bus::Message& message);

    // After the intake wrote what message `messageId` (which happened at `occurredAt`, RFC 3339)
    // made: what it wrote about a person erased since is blanked again, in the same transaction.
    static void forgetErasedIn(db::Transaction& tx, const std::string& messageId, const std::string& ticketId,
                               const std::string& occurredAt);

private:
    db::ConnectionPool& m_database;
};

} // namespace sbor::notifications
