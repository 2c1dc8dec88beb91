#pragma once
// The events' Ed25519 signing keys (SQL only). A key is made the first time an event's ticket is
// signed; concurrent first signers agree on one key.

#include "sbor/ticketcode.h"

#include "db/transaction.h"

#include <string>
#include <vector>

namespace sbor::tickets {

struct EventSigningKey {
    int keyId = 0;
    SigningSecretKey secretKey{};
};

struct EventPublicKey {
    int keyId = 0;
    SigningPublicKey publicKey{};
    bool retired = false;
};

class EventKeyRepository {
public:
    explicit EventKeyRepository(db::Transaction& tx) : m_tx(tx) {}

    // The newest unretired key of the event, created if it has none.
    EventSigningKey signingKey(const std::string& eventId);
    // Every key of the event, newest first: devices accept codes signed by any unretired one.
    std::vector<EventPublicKey> publicKeys(const std::string& eventId);

private:
    db::Transaction& m_tx;
};

} // namespace sbor::tickets
