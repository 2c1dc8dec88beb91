#include "gatewayservice.h"

#include "gatewayproxy.h"

#include "cluster/clustersettings.h"
#include "log/logger.h"

#include <nlohmann/json.hpp>

namespace sbor::gateway {
namespace {

std::string mergedDescription(const std::vector<UpstreamApi>& upstreams)
{
    nlohmann::json paths = nlohmann::json::object();
    for (const auto& upstream : upstreams) {
        const auto fragment = nlohmann::json::parse(upstream.apiDescription);
        for (auto path = fragment.begin(); path != fragment.end(); ++path)
            for (auto operation = path.value().begin(); operation != path.value().end(); ++operation)
                paths[path.key()][operation.key()] = operation.value();
    }
    return paths.dump();
}

std::string upperCase(std::string text)
{
    for (char& c : text)
        c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    return text;
}

} // namespace

GatewayService::GatewayService(std::vector<UpstreamApi> upstreams)
    : m_upstreams(std::move(upstreams)), m_apiDescription(mergedDescription(m_upstreams))
{}

GatewayService::~GatewayService() = default;

void GatewayService::init(ServiceContext& context)
{
    const auto settings = cluster::ClusterSettings::fromConfig(context.config);
    for (const auto& upstream : m_upstreams) {
        const std::string url = settings.urlOf(upstream.service);
        GatewayProxy* proxy = nullptr;
        if (url.empty()) {
            log::warn("the gateway has no address for a service; its operations answer 502",
                      {{"service", upstream.service}, {"key", cluster::serviceUrlKey(upstream.service)}});
        } else {
            m_proxies.push_back(
                std::make_unique<GatewayProxy>(http::UpstreamSettings{upstream.service, url, settings.timeout}));
            proxy = m_proxies.back().get();
        }
        m_proxyOfUpstream.push_back(proxy);
    }
}

void GatewayService::registerRoutes(http::Router& router)
{
    for (std::size_t index = 0; index < m_upstreams.size(); ++index) {
        const UpstreamApi& upstream = m_upstreams[index];
        GatewayProxy* proxy = m_proxyOfUpstream[index];
        const auto fragment = nlohmann::json::parse(upstream.apiDescription);
        for (auto path = fragment.begin(); path != fragment.end(); ++path) {
            for (auto operation = path.value().begin(); operation != path.value().end(); ++operation) {
                // Labelled "gateway": its access lines and metrics are the gateway's own, whichever service answers.
                // Never blocking: forward() only hands the request to the client, whose answer
                // completes it later, and the gateway's middleware (rate limit; every operation
                // is Access::anyone here, the service checks tokens) does no I/O, so the I/O
                // thread starts it without a hop to a worker.
                router.add(
                    upperCase(operation.key()), path.key(), name(), access::Access::anyone(),
                    [proxy, service = upstream.service](http::HttpRequest& request) -> http::Reply {
                        return proxy ? proxy->forward(request) : unconfiguredUpstream(service);
                    },
                    http::Blocking::Never);
            }
        }
    }
}

} // namespace sbor::gateway
