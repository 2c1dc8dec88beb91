#include "gatewayproxy.h"

#include "cluster/clustersettings.h"

namespace sbor::gateway {

http::Reply GatewayProxy::forward(const http::HttpRequest& request) const
{
    http::UpstreamRequest outgoing;
    outgoing.method = request.method;
    outgoing.pathAndQuery = request.rawPath + (request.rawQuery.empty() ? "" : "?" + request.rawQuery);
    outgoing.headers = request.headers; // Host too: the service answers for the address the caller used
    // The service sees the caller as the gateway saw it (it trusts the gateway's address via
    // http.trusted_proxies), and continues the gateway's trace under the gateway's span.
    outgoing.headers.set("x-forwarded-for", request.clientAddress);
    outgoing.headers.set("x-request-id", request.requestId);
    outgoing.headers.set("traceparent", "00-" + request.traceId + "-" + request.spanId + "-01");
    outgoing.headers.remove(cluster::kTokenHeader); // internal calls never come from outside
    outgoing.body = request.body;
    // Only what HTTP calls idempotent. An Idempotency-Key would make a POST safe to repeat only on
    // the routes that honour it (orders, payments), and a client may send one anywhere.
    outgoing.idempotent = http::isIdempotentMethod(request.method);
    // Headers the caller's Connection header names are about that connection only (RFC 9110 §7.6.1).
    if (const std::string* connection = request.headers.find("connection")) {
        std::size_t start = 0;
        while (start <= connection->size()) {
            const std::size_t comma = std::min(connection->find(',', start), connection->size());
            std::string name = http::toLower(connection->substr(start, comma - start));
            name.erase(0, name.find_first_not_of(" \t"));
            name.erase(name.find_last_not_of(" \t") + 1);
            if (!name.empty())
                outgoing.headers.remove(name);
            start = comma + 1;
        }
    }
    outgoing.headers.remove("expect"); // the gateway already has the whole body

    // Answered when the service answers: no worker waits for it (the pipeline's deadline still holds).
    auto deferred = std::make_shared<http::DeferredResponse>();
    m_upstream.sendAsync(std::move(outgoing), [deferred](Result<http::HttpResponse> response) {
        if (!response)
            return deferred->complete(response.error());
        // The gateway's pipeline stamps its own identity and CORS headers on the way out.
        for (const char* name : {"x-request-id", "traceparent", "access-control-allow-origin",
                                 "access-control-allow-credentials", "access-control-expose-headers", "vary"})
            response->headers.remove(name);
        deferred->complete(std::move(response).value());
    });
    return http::HttpResponse::later(deferred);
}

http::Reply unconfiguredUpstream(const std::string& service)
{
    return Error(ErrorCode::UpstreamUnavailable,
                 "the gateway has no address for the " + service + " service (set " + cluster::serviceUrlKey(service) +
                     ")",
                 {{"service", service}});
}

} // namespace sbor::gateway
