#pragma once
// Sends webhook deliveries (a background job), Standard Webhooks v1: signed with every current
// secret of the endpoint, only 2xx counts as received, 410 Gone disables the endpoint, 429's
// Retry-After is honoured, anything else is tried again on the schedule (≈5 s, 5 min, 30 min,
// 2 h, 5 h, 10 h, 14 h, 20 h, 24 h, each ±10 %) and then marked failed. Every attempt is logged.

#include <chrono>
#include <memory>
#include <vector>

namespace sbor::db {
class ConnectionPool;
}

namespace sbor::notifications {

struct WebhookDeliverySettings {
    std::vector<long long> retryDelaysSeconds; // the pause after the 1st, 2nd … failed attempt
    bool allowPrivateAddresses = false;
    int timeoutMs = 10000;
};

class WebhookDelivery {
public:
    WebhookDelivery(db::ConnectionPool& database, WebhookDeliverySettings settings);
    // Sends what is due; returns how many attempts were made.
    int sendDue();

private:
    long long withJitter(long long seconds) const;

    db::ConnectionPool& m_database;
    WebhookDeliverySettings m_settings;
};

} // namespace sbor::notifications
