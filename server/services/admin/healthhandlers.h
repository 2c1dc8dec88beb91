#pragma once
// GET /api/v1/admin/health: the platform's health report (PlatformHealthCheck) for admins.

#include "platformhealth.h"

#include "http/router.h"

namespace sbor::admin {

class HealthHandlers {
public:
    explicit HealthHandlers(PlatformHealthCheck& health) : m_health(health) {}
    void registerRoutes(http::Router& router, const std::string& service);

private:
    PlatformHealthCheck& m_health;
};

} // namespace sbor::admin
