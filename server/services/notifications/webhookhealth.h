#pragma once
// The webhook side of the platform's health report (WebhookHealthFacts): endpoints switched off
// after failing, deliveries retrying, and those given up on in the last hour.

#include "service/healthcontracts.h"

#include "db/connectionpool.h"

namespace sbor::notifications {

class WebhookHealthReport final : public WebhookHealthFacts {
public:
    explicit WebhookHealthReport(db::ConnectionPool& database) : m_database(database) {}
    wire::WebhookHealth webhookHealth() override;

private:
    db::ConnectionPool& m_database;
};

} // namespace sbor::notifications
