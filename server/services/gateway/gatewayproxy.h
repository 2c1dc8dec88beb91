#pragma once
// Forwards one request to one upstream service and hands back its answer: the caller's headers
// and body go through unchanged but for hop-by-hop headers, X-Forwarded-For and the trace
// context; idempotent requests are retried when the exchange failed; no answer is a 502 or 504
// JSON error.

#include "http/httptypes.h"
#include "http/upstreamclient.h"

namespace sbor::gateway {

class GatewayProxy {
public:
    explicit GatewayProxy(http::UpstreamSettings settings) : m_upstream(std::move(settings)) {}
    http::Reply forward(const http::HttpRequest& request) const;
    const std::string& service() const { return m_upstream.settings().service; }

private:
    http::UpstreamClient m_upstream;
};

// A service with no address configured: every operation answers 502 saying which key is missing.
http::Reply unconfiguredUpstream(const std::string& service);

} // namespace sbor::gateway
