// The only translation unit that includes cpprestsdk's client (architecture.md §10).
#include "http/upstreamclient.h"

#include "log/logger.h"

#include <cpprest/http_client.h>
#include <pplx/threadpool.h>

#include <algorithm>
#include <cerrno>
#include <mutex>
#include <thread>

namespace sbor::http {
namespace {

// cpprestsdk runs its sockets and continuations on one shared pool, 40 threads unless told
// otherwise before its first use. Forty threads taking turns at one io_service spend the
// gateway's CPU on waking each other (a profile: ~70 % of the gateway's samples in those
// threads, most in the scheduler); nothing on the pool blocks, so one per core will do.
void sizeClientThreadPool()
{
    static std::once_flag once;
    std::call_once(once, [] {
        const std::size_t threads = std::max(2u, std::thread::hardware_concurrency());
        try {
            crossplat::threadpool::initialize_with_threads(threads);
        } catch (const std::exception& e) {
            log::warn("cpprestsdk's thread pool was already started; it keeps its size", {{"error", e.what()}});
        }
    });
}

} // namespace

struct UpstreamClient::Engine {
    explicit Engine(const UpstreamSettings& settings)
        : baseUrl(settings.baseUrl), config(configFor(settings)), client(baseUrl, config)
    {}

    static web::http::client::http_client_config configFor(const UpstreamSettings& settings)
    {
        web::http::client::http_client_config config;
        config.set_timeout(settings.timeout);
        // Processes of one deployment talk directly: an http_proxy meant for the outside world
        // must not carry internal calls and their cluster token.
        config.set_proxy(web::web_proxy(web::web_proxy::disabled));
        return config;
    }

    std::string baseUrl;
    web::http::client::http_client_config config;
    web::http::client::http_client client; // its pool of kept-alive connections serves idempotent requests
};

UpstreamClient::UpstreamClient(UpstreamSettings settings)
    : m_settings((sizeClientThreadPool(), std::move(settings))), m_engine(std::make_shared<Engine>(m_settings))
{}

UpstreamClient::~UpstreamClient() = default;

namespace {

web::http::http_request outgoingRequest(const UpstreamRequest& request)
{
    web::http::http_request outgoing(request.method);
    outgoing.set_request_uri(request.pathAndQuery);
    for (const auto& [name, value] : request.headers.all()) {
        if (name != "content-type" && name != "content-length" && !isHopByHopHeader(name))
            outgoing.headers().add(canonicalHeaderName(name), value);
    }
    if (!request.body.empty() || request.headers.contains("content-type")) {
        outgoing.set_body(request.body, request.headers.get("content-type", "application/octet-stream"));
        if (!request.headers.contains("content-type"))
            outgoing.headers().remove(web::http::header_names::content_type); // as the caller sent it: without one
    }
    return outgoing;
}

HttpResponse incomingHead(const web::http::http_response& response)
{
    HttpResponse converted;
    converted.status = response.status_code();
    for (const auto& [name, value] : response.headers()) {
        std::string lower = toLower(name);
        if (lower != "content-length" && !isHopByHopHeader(lower))
            converted.headers.add(std::move(lower), value);
    }
    return converted;
}

HttpResponse incomingResponse(web::http::http_response& response)
{
    HttpResponse converted = incomingHead(response);
    const std::vector<unsigned char> body = response.extract_vector().get();
    converted.body.assign(body.begin(), body.end());
    return converted;
}

Error timeoutOf(const UpstreamSettings& settings)
{
    return Error(ErrorCode::UpstreamTimeout,
                 "the " + settings.service + " service did not answer within " +
                     std::to_string(settings.timeout.count()) + " ms",
                 {{"service", settings.service}});
}

Error unavailable(const UpstreamSettings& settings)
{
    return Error(ErrorCode::UpstreamUnavailable, "the " + settings.service + " service is unavailable",
                 {{"service", settings.service}});
}

// Runs a continuation on the thread that completed what it waited for (cpprestsdk's I/O thread):
// the default scheduler would hand each step to a pool thread, a thread switch per step. Our
// steps only copy the answer and hand it on, never wait.
struct InlineScheduler final : pplx::scheduler_interface {
    void schedule(pplx::TaskProc_t procedure, void* parameter) override { procedure(parameter); }
};

pplx::task_options onCompletingThread()
{
    static const auto scheduler = std::make_shared<InlineScheduler>();
    return pplx::task_options(pplx::scheduler_ptr(scheduler));
}

// One asynchronous exchange with its retries. Every step is a continuation; nothing waits.
struct AsyncExchange : std::enable_shared_from_this<AsyncExchange> {
    std::shared_ptr<UpstreamClient::Engine> engine;
    UpstreamSettings settings;
    UpstreamRequest request;
    std::function<void(Result<HttpResponse>)> done;
    int attempts = 1;
    int attempt = 0;
    std::chrono::steady_clock::time_point started;

    void start()
    {
        started = std::chrono::steady_clock::now();
        std::shared_ptr<web::http::client::http_client> fresh;
        pplx::task<web::http::http_response> sent;
        try {
            if (request.idempotent) {
                sent = engine->client.request(outgoingRequest(request));
            } else {
                // As in send(): a request that must not go twice gets a connection of its own.
                fresh = std::make_shared<web::http::client::http_client>(engine->baseUrl, engine->config);
                sent = fresh->request(outgoingRequest(request));
            }
        } catch (const std::exception& e) {
            return failed(e.what(), false);
        }
        sent.then(
                [self = shared_from_this(), fresh](web::http::http_response response) {
                    auto head = std::make_shared<HttpResponse>(incomingHead(response));
                    return response.extract_vector().then(
                        [head](std::vector<unsigned char> body) {
                            head->body.assign(body.begin(), body.end());
                            return std::move(*head);
                        },
                        onCompletingThread());
                },
                onCompletingThread())
            .then(
                [self = shared_from_this(), fresh](pplx::task<HttpResponse> answered) {
                    try {
                        self->done(answered.get());
                    } catch (const web::http::http_exception& e) {
                        self->failed(e.what(),
                                     e.error_code().value() == ETIMEDOUT ||
                                         std::chrono::steady_clock::now() - self->started >= self->settings.timeout);
                    } catch (const std::exception& e) {
                        self->failed(e.what(), false);
                    }
                },
                onCompletingThread());
    }

    void failed(const std::string& problem, bool timedOut)
    {
        if (timedOut)
            return done(timeoutOf(settings));
        log::warn("upstream exchange failed",
                  {{"service", settings.service},
                   {"url", settings.baseUrl},
                   {"method", request.method},
                   {"attempt", attempt + 1},
                   {"of", attempts},
                   {"error", problem}});
        if (++attempt >= attempts)
            return done(unavailable(settings));
        // The pause before another try (100 ms, 400 ms) is the rare path: a thread may sleep
        // through it, no request's worker does.
        std::thread([self = shared_from_this()] {
            std::this_thread::sleep_for(std::chrono::milliseconds(100 * self->attempt * self->attempt));
            self->start();
        }).detach();
    }
};

} // namespace

Result<HttpResponse> UpstreamClient::send(const UpstreamRequest& request) const
{
    const int attempts = 1 + (request.idempotent ? std::max(0, m_settings.retries) : 0);
    std::string lastProblem;
    for (int attempt = 0; attempt < attempts; ++attempt) {
        if (attempt > 0)
            std::this_thread::sleep_for(std::chrono::milliseconds(100 * attempt * attempt)); // 100 ms, 400 ms
        const auto started = std::chrono::steady_clock::now();
        try {
            if (!request.idempotent) {
                // A kept-alive connection may have been closed by the other side since its last
                // use (a restarted service); a request on it fails although nothing reached the
                // service, and one that must not be sent twice could not be retried. So it gets a
                // connection of its own: on loopback or a LAN that costs a handshake, not a failure.
                web::http::client::http_client fresh(m_engine->baseUrl, m_engine->config);
                web::http::http_response response = fresh.request(outgoingRequest(request)).get();
                return incomingResponse(response);
            }
            web::http::http_response response = m_engine->client.request(outgoingRequest(request)).get();
            return incomingResponse(response);
        } catch (const web::http::http_exception& e) {
            const bool timedOut = e.error_code().value() == ETIMEDOUT ||
                std::chrono::steady_clock::now() - started >= m_settings.timeout;
            if (timedOut)
                return timeoutOf(m_settings);
            lastProblem = e.what();
        } catch (const std::exception& e) {
            lastProblem = e.what();
        }
        log::warn("upstream exchange failed",
                  {{"service", m_settings.service},
                   {"url", m_settings.baseUrl},
                   {"method", request.method},
                   {"attempt", attempt + 1},
                   {"of", attempts},
                   {"error", lastProblem}});
    }
    return unavailable(m_settings);
}

void UpstreamClient::sendAsync(UpstreamRequest request, std::function<void(Result<HttpResponse>)> done) const
{
    auto exchange = std::make_shared<AsyncExchange>();
    exchange->engine = m_engine;
    exchange->settings = m_settings;
    exchange->attempts = 1 + (request.idempotent ? std::max(0, m_settings.retries) : 0);
    exchange->request = std::move(request);
    exchange->done = std::move(done);
    exchange->start();
}

bool isIdempotentMethod(std::string_view method)
{
    return method == "GET" || method == "HEAD" || method == "OPTIONS" || method == "PUT" || method == "DELETE";
}

bool isHopByHopHeader(std::string_view name)
{
    return name == "connection" || name == "keep-alive" || name == "proxy-connection" || name == "proxy-authenticate" ||
        name == "proxy-authorization" || name == "te" || name == "trailer" || name == "transfer-encoding" ||
        name == "upgrade";
}

} // namespace sbor::http
