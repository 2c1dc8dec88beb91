#pragma once
// The gateway (architecture.md §3, distributed mode): the one public address in front of the
// service processes. It routes each documented /api/v1 operation to the process of the service
// that owns it (cluster.services.<name>) and adds what a front door does — request ids and trace
// context, per-client rate limits, CORS, body limits, timeouts, the access log — through the same
// request pipeline every process has. The services check access themselves.

#include "service/service.h"

#include <memory>
#include <string>
#include <vector>

namespace sbor::gateway {

// A service behind the gateway and the operations it documents (its apiDescription()).
struct UpstreamApi {
    std::string service;
    std::string apiDescription;
};

class GatewayProxy;

class GatewayService : public Service {
public:
    explicit GatewayService(std::vector<UpstreamApi> upstreams);
    ~GatewayService() override;
    std::string name() const override { return "gateway"; }
    void init(ServiceContext& context) override;
    void registerRoutes(http::Router& router) override;
    // Every upstream's operations: the gateway serves them all.
    std::string_view apiDescription() const override { return m_apiDescription; }

private:
    std::vector<UpstreamApi> m_upstreams;
    std::string m_apiDescription;
    std::vector<std::unique_ptr<GatewayProxy>> m_proxies;
    std::vector<GatewayProxy*> m_proxyOfUpstream; // as m_upstreams; null: no address configured (502)
};

} // namespace sbor::gateway
