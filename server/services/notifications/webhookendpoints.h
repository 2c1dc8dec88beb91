#pragma once
// Organizers' webhook endpoints (the HTTP-free half of /webhooks): creating, changing, rotating
// the secret, and the delivery log with manual redelivery. An endpoint belongs to the organizer
// who made it and hears about that organizer's events; admins may manage anyone's.

#include "notification.h"

#include "access/access.h"
#include "paging/cursor.h"
#include "db/transaction.h"
#include "sbor/error.h"

#include <optional>
#include <string>
#include <vector>

namespace sbor::db {
class ConnectionPool;
}

namespace sbor::notifications {

// What a request may set; absent fields keep their value (create needs url and event_types).
struct EndpointDraft {
    std::optional<std::string> url;
    std::optional<std::string> description;
    std::optional<std::vector<std::string>> eventTypes;
    std::optional<bool> active;
};

// The event types an endpoint may ask for: the §4 names, or "*" for all.
const std::vector<std::string>& webhookEventTypes();

class WebhookEndpoints {
public:
    WebhookEndpoints(db::ConnectionPool& database, bool allowPrivateAddresses)
        : m_database(database), m_allowPrivateAddresses(allowPrivateAddresses)
    {}

    Result<WebhookEndpoint> create(const access::Principal& caller, const EndpointDraft& draft);
    Result<paging::Page<WebhookEndpoint>> list(const access::Principal& caller, int limit, const std::string& cursor);
    Result<WebhookEndpoint> read(const access::Principal& caller, const std::string& id);
    Result<WebhookEndpoint> update(const access::Principal& caller, const std::string& id, const EndpointDraft& draft);
    Result<bool> remove(const access::Principal& caller, const std::string& id);
    // A new secret signs from now on; the old one keeps signing too for 24 hours.
    Result<WebhookEndpoint> rotateSecret(const access::Principal& caller, const std::string& id);

    Result<paging::Page<WebhookDeliveryRecord>> deliveries(const access::Principal& caller,
                                                           const std::string& endpointId, int limit,
                                                           const std::string& cursor);
    Result<WebhookDeliveryRecord> delivery(const access::Principal& caller, const std::string& endpointId,
                                           const std::string& deliveryId);
    Result<WebhookDeliveryRecord> redeliver(const access::Principal& caller, const std::string& endpointId,
                                            const std::string& deliveryId);

private:
    std::optional<Error> draftProblem(const EndpointDraft& draft) const;
    // `forChange`: locked until the transaction ends, so a rotation and a PATCH never undo each other.
    Result<WebhookEndpoint> ownedEndpoint(db::Transaction& tx, const access::Principal& caller, const std::string& id,
                                          bool forChange = false);

    db::ConnectionPool& m_database;
    bool m_allowPrivateAddresses;
};

} // namespace sbor::notifications
