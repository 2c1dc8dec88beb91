#pragma once
// What the admin service's health report (GET /api/v1/admin/health) asks: each process about
// itself, and the notifications service about its webhook deliveries. Apart from contracts.h so
// that only the services involved recompile when it changes.

#include "sbor/wire/health.h"

namespace sbor {

// Provided by every process for itself (server/app): readiness, outbox backlogs, consumer lag and
// request rates. Over HTTP each process serves it; no one process provides it for another.
class ProcessHealthSource {
public:
    virtual ~ProcessHealthSource() = default;
    virtual wire::ProcessHealth report() = 0;
};

// Provided by the notifications service.
class WebhookHealthFacts {
public:
    virtual ~WebhookHealthFacts() = default;
    virtual wire::WebhookHealth webhookHealth() = 0;
};

} // namespace sbor
