// The only translation unit that includes cpprestsdk (it is slow to compile and its U() macro
// clashes with other headers; architecture.md §10).
#include "http/httpserver.h"

#include "http/requestpipeline.h"
#include "log/logger.h"

#include <cpprest/http_listener.h>

#include <atomic>
#include <cctype>
#include <charconv>
#include <shared_mutex>
#include <chrono>
#include <thread>

namespace sbor::http {

ParsedListenAddress parseListenAddress(const std::string& text)
{
    ParsedListenAddress parsed;
    std::string host, port;
    if (!text.empty() && text.front() == '[') {
        const size_t close = text.find(']');
        if (close == std::string::npos || close + 1 >= text.size() || text[close + 1] != ':') {
            parsed.problem = "expected [IPv6]:PORT";
            return parsed;
        }
        host = text.substr(0, close + 1);
        port = text.substr(close + 2);
    } else {
        const size_t colon = text.rfind(':');
        if (colon == std::string::npos) {
            parsed.problem = "expected HOST:PORT";
            return parsed;
        }
        host = text.substr(0, colon);
        port = text.substr(colon + 1);
    }
    if (host.empty())
        host = "0.0.0.0";
    for (char c : host) {
        const bool ok = std::isalnum(static_cast<unsigned char>(c)) || c == '.' || c == '-' || c == ':' || c == '[' || c == ']';
        if (!ok) {
            parsed.problem = "host '" + host + "' is not a name or an address";
            return parsed;
        }
    }
    int number = 0;
    const auto [ptr, ec] = std::from_chars(port.data(), port.data() + port.size(), number);
    if (ec != std::errc() || ptr != port.data() + port.size() || number < 1 || number > 65535) {
        parsed.problem = "port must be a number from 1 to 65535";
        return parsed;
    }
    parsed.ok = true;
    parsed.address = ListenAddress{host, number};
    return parsed;
}

namespace {

using web::http::http_request;
using web::http::http_response;
using web::http::experimental::listener::http_listener;
using web::http::experimental::listener::http_listener_config;

HttpRequest convertRequest(const http_request& incoming)
{
    HttpRequest request;
    request.method = incoming.method();
    const auto& uri = incoming.relative_uri();
    request.rawPath = uri.path();
    request.path = percentDecode(request.rawPath, false);
    if (request.path.empty())
        request.path = request.rawPath = "/";
    request.rawQuery = uri.query();
    request.query = parseQuery(request.rawQuery);
    for (const auto& [name, value] : incoming.headers())
        request.headers.add(name, value);
    request.remoteAddress = incoming.remote_address();
    return request;
}

http_response convertResponse(HttpResponse response)
{
    http_response outgoing(static_cast<web::http::status_code>(response.status));
    std::string contentType = response.headers.get("content-type");
    for (const auto& [name, value] : response.headers.all()) {
        if (name != "content-type")
            outgoing.headers().add(canonicalHeaderName(name), value);
    }
    if (!response.body.empty() || !contentType.empty())
        outgoing.set_body(std::move(response.body), contentType.empty() ? "application/octet-stream" : contentType);
    return outgoing;
}

// What cpprestsdk's continuations may touch. They can run after the server object is gone
// (a body still uploading, a reply still being written), so they hold this by shared_ptr, and
// stop() detaches the pipeline before it is destroyed.
struct ListenerState {
    std::shared_mutex mutex;               // shared: a dispatch in progress; unique: detaching
    RequestPipeline* pipeline = nullptr;   // null once stopped
    std::atomic<int> active{0};            // accepted and not yet fully answered
    std::size_t bodyLimit = 0;
};

// Hands a request to the pipeline unless the server has stopped; every response goes out
// through reply(), which ends the request's accounting once the bytes are written.
void reply(const std::shared_ptr<ListenerState>& state, const http_request& incoming, HttpResponse response);

void dispatch(const std::shared_ptr<ListenerState>& state, const http_request& incoming, HttpRequest request, bool closeAfter)
{
    std::shared_lock lock(state->mutex);
    if (!state->pipeline) {
        --state->active;
        return; // stopped: the listener is closing this connection anyway
    }
    state->pipeline->dispatch(std::move(request), [state, incoming, closeAfter](HttpResponse response) {
        if (closeAfter)
            response.headers.set("Connection", "close");
        reply(state, incoming, std::move(response));
    });
}

void reply(const std::shared_ptr<ListenerState>& state, const http_request& incoming, HttpResponse response)
{
    try {
        // The returned task is observed by a continuation, never waited on: waiting would block
        // whichever thread we are on.
        incoming.reply(convertResponse(std::move(response))).then([state](pplx::task<void> sent) {
            try {
                sent.get();
            } catch (const std::exception& e) {
                log::debug("client went away before the response was sent", {{"error", e.what()}});
            }
            --state->active;
        });
    } catch (const std::exception& e) {
        log::warn("could not send a response", {{"error", e.what()}});
        --state->active;
    }
}

// Runs on a pplx thread: it must not block. The body is read by a continuation and the
// request handed to the pipeline, whose workers do the rest.
void accept(const std::shared_ptr<ListenerState>& state, http_request incoming)
{
    ++state->active;
    HttpRequest request = convertRequest(incoming);
    const auto declared = incoming.headers().content_length();
    if (declared > state->bodyLimit) {
        // Too large by its own account: not read; the pipeline answers 413 and we close.
        dispatch(state, incoming, std::move(request), true);
        return;
    }
    if (declared == 0 && !incoming.headers().has("transfer-encoding")) {
        // No body: skip the extraction task (each pplx task costs a scheduler round trip).
        dispatch(state, incoming, std::move(request), false);
        return;
    }
    incoming.extract_vector().then([state, incoming, request = std::move(request)](pplx::task<std::vector<unsigned char>> body) mutable {
        try {
            const auto bytes = body.get(); // ready: this is its continuation
            request.body.assign(bytes.begin(), bytes.end());
        } catch (const std::exception& e) {
            // The client stopped sending mid-body. Still answer, so cpprestsdk releases the
            // connection instead of holding it until shutdown.
            log::debug("reading a request body failed", {{"error", e.what()}});
            request.bodyUnreadable = true;
            dispatch(state, incoming, std::move(request), true);
            return;
        }
        dispatch(state, incoming, std::move(request), false);
    });
}

class CpprestHttpServer final : public HttpServer {
public:
    CpprestHttpServer(const ListenAddress& address, RequestPipeline& pipeline) : m_state(std::make_shared<ListenerState>())
    {
        m_state->pipeline = &pipeline;
        m_state->bodyLimit = pipeline.bodyLimitBytes();
        http_listener_config config;
        config.set_timeout(utility::seconds(60));
        m_listener = std::make_unique<http_listener>(web::uri("http://" + address.text()), config);
        const auto handler = [state = m_state](http_request incoming) { accept(state, std::move(incoming)); };
        m_listener->support(handler);
        // cpprestsdk answers OPTIONS and TRACE itself unless a handler is registered for them by
        // name; ours must see them (CORS preflight; TRACE is refused by the router).
        m_listener->support(web::http::methods::OPTIONS, handler);
        m_listener->support(web::http::methods::TRCE, handler);
        m_address = address.text();
    }

    ~CpprestHttpServer() override { stop(); }

    void start() override
    {
        try {
            m_listener->open().wait();
            m_open = true;
        } catch (const std::exception& e) {
            throw std::runtime_error("cannot listen on " + m_address + ": " + e.what());
        }
    }

    void stop() override
    {
        // Closing the listener drops its connections, so first let accepted requests — still
        // uploading, being handled, or being written — finish (bounded).
        const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(5);
        while (m_state->active.load() > 0 && std::chrono::steady_clock::now() < deadline)
            std::this_thread::sleep_for(std::chrono::milliseconds(5));
        {
            std::unique_lock lock(m_state->mutex);
            m_state->pipeline = nullptr; // late continuations must not reach a destroyed pipeline
        }
        if (!m_open)
            return;
        m_open = false;
        try {
            m_listener->close().wait();
        } catch (const std::exception& e) {
            log::warn("closing the HTTP listener failed", {{"error", e.what()}});
        }
    }

private:
    std::shared_ptr<ListenerState> m_state;
    std::unique_ptr<http_listener> m_listener;
    std::string m_address;
    bool m_open = false;
};

} // namespace

std::unique_ptr<HttpServer> makeHttpServer(const ListenAddress& address, RequestPipeline& pipeline)
{
    return std::make_unique<CpprestHttpServer>(address, pipeline);
}

} // namespace sbor::http
