#include "http/requestpipeline.h"

#include "http/requestidentity.h"
#include "log/logger.h"
#include "metrics/metricsregistry.h"
#include "runtime/deadlinetimer.h"
#include "runtime/workerpool.h"
#include "validation/textrules.h"

#include <algorithm>
#include <cmath>

namespace sbor::http {
namespace {

constexpr const char* kAllowedRequestHeaders =
    "Authorization, Content-Type, Idempotency-Key, If-Match, X-Request-Id, traceparent";
constexpr const char* kExposedHeaders = "X-Request-Id, traceparent, ETag, Retry-After";
constexpr const char* kAllowedMethods = "GET, POST, PUT, PATCH, DELETE, OPTIONS";

class CorsPreflight final : public Middleware {
public:
    explicit CorsPreflight(const CorsPolicy& policy) : m_policy(policy) {}
    HttpResponse handle(HttpRequest& request, const Next& next) override
    {
        if (m_policy.isPreflight(request))
            return m_policy.preflightResponse(request);
        return next(request);
    }

private:
    const CorsPolicy& m_policy;
};

// A path or query that does not decode to text — UTF-8 (RFC 3629 strictly) without NUL or control
// characters — is refused before any handler, and so before any SQL: PostgreSQL rejects such bytes
// with an error, and libpq would cut a parameter at its first NUL.
class TextEncodingCheck final : public Middleware {
public:
    HttpResponse handle(HttpRequest& request, const Next& next) override
    {
        bool valid = !validation::textProblem(request.path);
        for (const auto& [name, value] : request.query)
            valid = valid && !validation::textProblem(name) && !validation::textProblem(value);
        if (valid)
            return next(request);
        return errorResponse(Error(ErrorCode::BadRequest,
                                   "the path or query string does not decode to UTF-8 text without control characters"),
                             request.traceId);
    }
};

class BodyLimit final : public Middleware {
public:
    explicit BodyLimit(std::size_t limit) : m_limit(limit) {}
    HttpResponse handle(HttpRequest& request, const Next& next) override
    {
        if (request.bodyUnreadable)
            return errorResponse(Error(ErrorCode::BadRequest, "the request body ended before its declared length"),
                                 request.traceId);
        const std::string declared = request.headers.get("content-length");
        bool tooLarge = request.bodyTooLarge || request.body.size() > m_limit;
        if (!declared.empty()) {
            try {
                tooLarge = tooLarge || std::stoull(declared) > m_limit;
            } catch (const std::exception&) {
                return errorResponse(Error(ErrorCode::BadRequest, "Content-Length is not a number"), request.traceId);
            }
        }
        if (tooLarge)
            return errorResponse(Error(ErrorCode::PayloadTooLarge,
                                       "request body is larger than " + std::to_string(m_limit) + " bytes",
                                       {{"limit_bytes", m_limit}}),
                                 request.traceId);
        return next(request);
    }

private:
    std::size_t m_limit;
};

// Any exception that escapes a handler becomes a JSON error; internals never reach the client.
class ExceptionGuard final : public Middleware {
public:
    HttpResponse handle(HttpRequest& request, const Next& next) override
    {
        try {
            return next(request);
        } catch (const ErrorException& e) {
            log::warn(
                "request failed in infrastructure",
                {{"route", request.route}, {"code", errorCodeName(e.error().code)}, {"error", e.error().message}});
            return errorResponse(e.error(), request.traceId);
        } catch (const std::exception& e) {
            log::error("unhandled exception in handler",
                       {{"route", request.route}, {"method", request.method}, {"error", e.what()}});
        } catch (...) {
            log::error("unhandled non-standard exception in handler",
                       {{"route", request.route}, {"method", request.method}});
        }
        return errorResponse(
            Error(ErrorCode::Internal, "internal error; quote trace id " + request.traceId + " when reporting it"),
            request.traceId);
    }
};

// Methods as metric labels: a client may send any token as a method, and each new label value
// would be a series kept forever.
std::string metricMethod(const std::string& method)
{
    static const char* const kKnown[] = {"GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"};
    for (const char* known : kKnown) {
        if (method == known)
            return method;
    }
    return "other";
}

} // namespace

struct RequestSummary {
    std::string method, metricMethod, path, route, service, requestId, traceId, spanId, origin, remote;
    std::size_t bytesIn = 0;
};

// Ends a request's in-flight accounting however the scope is left.
struct RequestPipeline::InFlightRelease {
    RequestPipeline& pipeline;
    ~InFlightRelease() { pipeline.releaseInFlight(); }
};

bool CorsPolicy::allows(const std::string& origin) const
{
    if (origin.empty())
        return false;
    return std::any_of(m_origins.begin(), m_origins.end(),
                       [&](const std::string& allowed) { return allowed == "*" || allowed == origin; });
}

bool CorsPolicy::isPreflight(const HttpRequest& request) const
{
    return request.method == "OPTIONS" && request.headers.contains("origin") &&
        request.headers.contains("access-control-request-method");
}

HttpResponse CorsPolicy::preflightResponse(const HttpRequest& request) const
{
    const std::string origin = request.headers.get("origin");
    if (!allows(origin))
        return errorResponse(
            Error(ErrorCode::CorsOriginNotAllowed, "origin is not allowed by CORS", {{"origin", origin}}),
            request.traceId);
    HttpResponse response = HttpResponse::noContent();
    response.headers.set("Access-Control-Allow-Methods", kAllowedMethods);
    response.headers.set("Access-Control-Allow-Headers", kAllowedRequestHeaders);
    response.headers.set("Access-Control-Max-Age", "600");
    return response;
}

void CorsPolicy::decorate(const std::string& origin, HttpResponse& response) const
{
    if (!allows(origin))
        return;
    response.headers.set("Access-Control-Allow-Origin", origin);
    response.headers.set("Access-Control-Allow-Credentials", "true");
    response.headers.set("Access-Control-Expose-Headers", kExposedHeaders);
    response.headers.set("Vary", "Origin");
}

// One request's journey. Fields other than `request` and `answered` are written before the
// exchange is shared and only read afterwards, so the timer thread may read them while a worker
// runs the handler.
struct RequestPipeline::Exchange {
    HttpRequest request; // the worker's, while a handler runs
    // What finish() needs, copied before the exchange is shared: the timer thread may finish a
    // request while a middleware or handler still holds `request`.
    RequestSummary summary;
    Respond respond;
    std::chrono::steady_clock::time_point started;
    std::atomic<bool> answered{false};
    DeadlineTimer::TimerId timer = 0;
};

CounterFamily& requestsAnswered(MetricsRegistry& metrics)
{
    return metrics.counter("http_requests_total", "HTTP requests answered.", {"service", "route", "method", "status"});
}

RequestPipeline::RequestPipeline(PipelineOptions options, const Router& router, MetricsRegistry& metrics,
                                 WorkerPool& workers, DeadlineTimer& timer)
    : m_options(std::move(options)),
      m_router(router),
      m_workers(workers),
      m_timer(timer),
      m_cors(m_options.corsOrigins),
      m_requestsTotal(requestsAnswered(metrics)),
      m_requestDuration(metrics.histogram("http_request_duration_seconds",
                                          "Time from receiving a request to answering it.",
                                          {"service", "route", "method"}))
{
    if (m_options.accessLog)
        m_accessLog = std::make_unique<log::AccessLog>(metrics.counter(
            "access_log_lines_dropped_total", "Access log lines dropped because the writer's queue was full.", {}));
    // The guard comes first so that nothing after it — middleware or handler — can escape it.
    m_middlewares.push_back(std::make_shared<ExceptionGuard>());
    m_middlewares.push_back(std::make_shared<CorsPreflight>(m_cors));
    m_middlewares.push_back(std::make_shared<BodyLimit>(m_options.bodyLimitBytes));
    m_middlewares.push_back(std::make_shared<TextEncodingCheck>());
}

RequestPipeline::~RequestPipeline() = default;

void RequestPipeline::addMiddleware(std::shared_ptr<Middleware> middleware)
{
    m_middlewares.push_back(std::move(middleware));
}

void RequestPipeline::resolveRoute(HttpRequest& request) const
{
    if (request.match)
        return;
    auto match = std::make_shared<RouteMatch>(m_router.match(request.method, request.path));
    if (match->kind == RouteMatch::Kind::Found) {
        request.route = match->route->pattern;
        request.service = match->route->service;
        request.pathParameters = match->parameters;
    }
    request.match = std::move(match);
}

namespace {

// The terminal step: the route's handler; unmatched paths answer 404/405 here so that they too
// pass every middleware (CORS preflight, body limit, the guard).
HttpResponse runHandler(HttpRequest& req)
{
    const RouteMatch& match = *req.match;
    if (match.kind == RouteMatch::Kind::NotFound)
        return errorResponse(Error(ErrorCode::NotFound, "no route for " + req.path, {{"path", req.path}}), req.traceId);
    if (match.kind == RouteMatch::Kind::MethodNotAllowed) {
        std::string allow;
        for (const auto& method : match.allowedMethods)
            allow += (allow.empty() ? "" : ", ") + method;
        HttpResponse response = errorResponse(Error(ErrorCode::MethodNotAllowed,
                                                    req.method + " is not allowed on " + req.path,
                                                    {{"allowed", match.allowedMethods}}),
                                              req.traceId);
        response.headers.set("Allow", allow);
        return response;
    }
    Reply reply = match.route->handler(req);
    if (!reply)
        return errorResponse(reply.error(), req.traceId);
    return std::move(reply).value();
}

} // namespace

HttpResponse RequestPipeline::runStep(std::size_t index, HttpRequest& request)
{
    if (index == m_middlewares.size())
        return runHandler(request);
    // [this, index] fits std::function's inline storage: a request's chain allocates nothing.
    return m_middlewares[index]->handle(request,
                                        Next([this, index](HttpRequest& req) { return runStep(index + 1, req); }));
}

HttpResponse RequestPipeline::runChain(HttpRequest& request)
{
    resolveRoute(request);
    return runStep(0, request);
}

namespace {

template <typename Request> // HttpRequest& to copy, HttpRequest&& to take
auto summaryOf(Request&& r)
{
    std::string methodLabel = metricMethod(r.method); // before the method may be moved out
    return RequestSummary{std::forward<Request>(r).method,
                          std::move(methodLabel),
                          std::forward<Request>(r).path,
                          std::forward<Request>(r).route,
                          std::forward<Request>(r).service,
                          std::forward<Request>(r).requestId,
                          std::forward<Request>(r).traceId,
                          std::forward<Request>(r).spanId,
                          r.headers.get("origin"),
                          std::forward<Request>(r).clientAddress,
                          r.body.size()};
}

} // namespace

void RequestPipeline::dispatch(HttpRequest request, Respond respond)
{
    const auto started = std::chrono::steady_clock::now();
    assignRequestIdentity(request);
    request.clientAddress = resolveClientAddress(request.remoteAddress, request.headers.get("x-forwarded-for"),
                                                 m_options.trustedProxies);
    resolveRoute(request);
    request.deadline = started + m_options.requestTimeout;
    ++m_inFlight;

    if (m_draining.load()) {
        InFlightRelease release{*this};
        Exchange exchange;
        exchange.started = started;
        exchange.respond = std::move(respond);
        HttpResponse response = errorResponse(Error(ErrorCode::ShuttingDown, "server is shutting down"),
                                              request.traceId);
        response.headers.set("Connection", "close");
        response.headers.set("Retry-After", "1");
        exchange.summary = summaryOf(std::move(request));
        finish(exchange, std::move(response));
        return;
    }

    // Unmatched paths and never-blocking routes are answered right here, on the calling thread:
    // nothing else sees the request, so its summary is taken from it afterwards, not copied.
    const RouteMatch& match = *request.match;
    if (match.kind != RouteMatch::Kind::Found || match.route->blocking == Blocking::Never) {
        HttpResponse response;
        {
            log::LogContext context(request.service, request.traceId);
            response = runChain(request);
        }
        if (response.deferred) {
            // A never-blocking handler that answers later (the gateway's proxy): the deadline
            // and the in-flight count hold as for a worker's request.
            auto exchange = std::make_shared<Exchange>();
            exchange->started = started;
            const auto deadline = request.deadline;
            exchange->summary = summaryOf(std::move(request));
            exchange->respond = std::move(respond);
            scheduleDeadline(exchange, deadline);
            awaitDeferred(exchange, *response.deferred);
            return;
        }
        InFlightRelease release{*this};
        Exchange exchange;
        exchange.started = started;
        exchange.respond = std::move(respond);
        exchange.summary = summaryOf(std::move(request));
        finish(exchange, std::move(response));
        return;
    }

    auto exchange = std::make_shared<Exchange>();
    exchange->started = started;
    exchange->summary = summaryOf(request); // copied: the timer thread may finish while a worker holds the request
    exchange->request = std::move(request);
    exchange->respond = std::move(respond);
    scheduleDeadline(exchange, exchange->request.deadline);

    const bool queued = m_workers.submit([this, exchange] {
        if (exchange->answered.load())
            return releaseInFlight();
        log::LogContext context(exchange->request.service, exchange->request.traceId);
        HttpResponse response = runChain(exchange->request);
        if (response.deferred)
            return awaitDeferred(exchange, *response.deferred);
        InFlightRelease release{*this};
        m_timer.cancel(exchange->timer);
        if (exchange->answered.load())
            log::warn("handler finished after its request timed out",
                      {{"route", exchange->summary.route}, {"request_id", exchange->summary.requestId}});
        finish(*exchange, std::move(response));
    });
    if (!queued) {
        m_timer.cancel(exchange->timer);
        HttpResponse response = errorResponse(Error(ErrorCode::Overloaded, "server is overloaded; retry later"),
                                              exchange->request.traceId);
        response.headers.set("Retry-After", "1");
        finish(*exchange, std::move(response));
        releaseInFlight();
    }
}

void RequestPipeline::scheduleDeadline(const std::shared_ptr<Exchange>& exchange,
                                       std::chrono::steady_clock::time_point deadline)
{
    exchange->timer = m_timer.schedule(deadline, [this, weak = std::weak_ptr<Exchange>(exchange)] {
        if (auto live = weak.lock()) {
            const auto limit = std::chrono::duration_cast<std::chrono::milliseconds>(m_options.requestTimeout).count();
            finish(*live,
                   errorResponse(Error(ErrorCode::RequestTimeout,
                                       "request took longer than " + std::to_string(limit) + " ms",
                                       {{"timeout_ms", limit}}),
                                 live->summary.traceId));
        }
    });
}

// The answer comes later from another thread; no thread waits for it. The request stays in
// flight (shutdown waits for it) until then, or until its deadline answers.
void RequestPipeline::awaitDeferred(const std::shared_ptr<Exchange>& exchange, DeferredResponse& deferred)
{
    deferred.onComplete([this, exchange](Reply reply) {
        InFlightRelease release{*this};
        m_timer.cancel(exchange->timer);
        finish(*exchange, reply ? std::move(reply).value() : errorResponse(reply.error(), exchange->summary.traceId));
    });
}

void RequestPipeline::finish(Exchange& exchange, HttpResponse response)
{
    if (exchange.answered.exchange(true))
        return;
    const RequestSummary& request = exchange.summary;
    try {
        stampIdentity(request.requestId, request.traceId, request.spanId, response);
        m_cors.decorate(request.origin, response);
        const double seconds =
            std::chrono::duration<double>(std::chrono::steady_clock::now() - exchange.started).count();
        m_requestsTotal.increment(
            {request.service, request.route, request.metricMethod, std::to_string(response.status)});
        m_requestDuration.observe({request.service, request.route, request.metricMethod}, seconds);
        if (m_accessLog && log::enabled(log::Level::Info))
            m_accessLog->record({request.service, request.traceId, request.method, request.path, request.route,
                                 request.requestId, request.remote, response.status, std::round(seconds * 1e6) / 1e3,
                                 request.bytesIn, response.body.size()});
    } catch (const std::exception& e) {
        log::error("recording a response failed", {{"error", e.what()}});
    }
    exchange.respond(std::move(response));
}

void RequestPipeline::releaseInFlight()
{
    if (--m_inFlight == 0) {
        std::lock_guard lock(m_idleMutex);
        m_idle.notify_all();
    }
}

void RequestPipeline::beginDraining() { m_draining.store(true); }

bool RequestPipeline::waitUntilIdle(std::chrono::milliseconds limit)
{
    std::unique_lock lock(m_idleMutex);
    return m_idle.wait_for(lock, limit, [this] { return m_inFlight.load() == 0; });
}

} // namespace sbor::http
