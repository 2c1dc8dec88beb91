#pragma once
// The `system` service: liveness (/livez, /healthz), readiness (/readyz: database reachable and
// not shutting down), Prometheus /metrics and GET /api/v1/version. With server.debug_routes it
// also mounts /api/v1/debug/* used by the test suite to exercise the HTTP core.

#include "service/service.h"

namespace sbor {

class SystemService final : public Service {
public:
    std::string name() const override { return "system"; }
    std::vector<db::Migration> migrations() const override;
    void init(ServiceContext& context) override;
    void registerRoutes(http::Router& router) override;
    std::string_view apiDescription() const override;

private:
    // The process-wide parts its routes report on (database, metrics, state): they outlive it.
    ServiceContext* m_context = nullptr;
    bool m_debugRoutes = false;
};

// Part of the test-only debug routes: a JSON body read strictly (name, count, tags).
http::Reply echoStrictJson(const http::HttpRequest& request);

} // namespace sbor
