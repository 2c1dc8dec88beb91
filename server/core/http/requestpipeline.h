#pragma once
// The one path every request takes:
//   entry:  request id + traceparent (assignRequestIdentity)
//   worker: the middleware chain — CORS preflight, body limit, exception guard, … — ending in
//           the router; it runs on our WorkerPool, never on the HTTP engine's I/O threads
//   exit:   X-Request-Id/traceparent/CORS headers, metrics, access log (finish), exactly once;
//           the access log line is written by its own thread (log/accesslog.h)
// A request that waits or runs past its deadline is answered 504 by the DeadlineTimer; a full
// worker queue answers 503 overloaded at once; while draining for shutdown new requests get 503.

#include "http/clientaddress.h"
#include "http/router.h"
#include "log/accesslog.h"

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

namespace sbor {
class MetricsRegistry;
class CounterFamily;
class HistogramFamily;
class WorkerPool;
class DeadlineTimer;
} // namespace sbor

namespace sbor::http {

using Next = std::function<HttpResponse(HttpRequest&)>;

class Middleware {
public:
    virtual ~Middleware() = default;
    virtual HttpResponse handle(HttpRequest& request, const Next& next) = 0;
};

// The counter of answered requests, one series per service, route, method and status: the
// pipeline counts into it, the health report reads it.
CounterFamily& requestsAnswered(MetricsRegistry& metrics);

struct PipelineOptions {
    std::size_t bodyLimitBytes = 1024 * 1024;
    std::chrono::milliseconds requestTimeout{30000};
    std::vector<std::string> corsOrigins;
    bool accessLog = true;
    TrustedProxies trustedProxies;
};

// Which origins may call the API from a browser, and the headers that say so.
class CorsPolicy {
public:
    explicit CorsPolicy(std::vector<std::string> origins) : m_origins(std::move(origins)) {}
    bool allows(const std::string& origin) const;
    bool isPreflight(const HttpRequest& request) const;
    HttpResponse preflightResponse(const HttpRequest& request) const;
    void decorate(const std::string& origin, HttpResponse& response) const;

private:
    std::vector<std::string> m_origins;
};

class RequestPipeline {
public:
    using Respond = std::function<void(HttpResponse)>;

    RequestPipeline(PipelineOptions options, const Router& router, MetricsRegistry& metrics, WorkerPool& workers,
                    DeadlineTimer& timer);
    ~RequestPipeline();

    // Entry point for the HTTP engine. `respond` is called exactly once, from any thread.
    void dispatch(HttpRequest request, Respond respond);

    // Matches the route (once) and fills request.route, service and pathParameters.
    void resolveRoute(HttpRequest& request) const;
    // Runs the middleware chain and the router on the calling thread (identity must be assigned).
    HttpResponse runChain(HttpRequest& request);

    // Adds a middleware after the built-in ones, before the router (e.g. auth, rate limits).
    void addMiddleware(std::shared_ptr<Middleware> middleware);

    // Shutdown: new requests get 503; then wait (bounded) for the in-flight ones to finish.
    void beginDraining();
    bool waitUntilIdle(std::chrono::milliseconds limit);
    std::size_t inFlight() const { return m_inFlight.load(); }

    std::size_t bodyLimitBytes() const { return m_options.bodyLimitBytes; }

private:
    struct Exchange;
    struct InFlightRelease;
    HttpResponse runStep(std::size_t index, HttpRequest& request); // middleware `index`, or the handler
    void scheduleDeadline(const std::shared_ptr<Exchange>& exchange, std::chrono::steady_clock::time_point deadline);
    void awaitDeferred(const std::shared_ptr<Exchange>& exchange, DeferredResponse& deferred);
    void finish(Exchange& exchange, HttpResponse response);
    void releaseInFlight();

    PipelineOptions m_options;
    const Router& m_router;
    WorkerPool& m_workers;
    DeadlineTimer& m_timer;
    CorsPolicy m_cors;
    CounterFamily& m_requestsTotal;
    HistogramFamily& m_requestDuration;
    std::vector<std::shared_ptr<Middleware>> m_middlewares;
    std::unique_ptr<log::AccessLog> m_accessLog; // null when access logs are off

    std::atomic<bool> m_draining{false};
    std::atomic<std::size_t> m_inFlight{0};
    std::mutex m_idleMutex;
    std::condition_variable m_idle;
};

} // namespace sbor::http
