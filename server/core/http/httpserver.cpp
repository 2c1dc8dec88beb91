// The only translation unit that includes cpprestsdk (it is slow to compile and its U() macro
// clashes with other headers; architecture.md §10).
#include "http/httpserver.h"

#include "http/requestpipeline.h"
#include "log/logger.h"

#include <cpprest/http_listener.h>

#include <atomic>
#include <charconv>
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
    request.path = percentDecode(uri.path(), false);
    if (request.path.empty())
        request.path = "/";
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

class CpprestHttpServer final : public HttpServer {
public:
    CpprestHttpServer(const ListenAddress& address, RequestPipeline& pipeline) : m_pipeline(pipeline)
    {
        http_listener_config config;
        config.set_timeout(utility::seconds(60));
        m_listener = std::make_unique<http_listener>(web::uri("http://" + address.text()), config);
        m_listener->support([this](http_request incoming) { accept(std::move(incoming)); });
        // cpprestsdk answers OPTIONS and TRACE itself unless a handler is registered for them by
        // name; ours must see them (CORS preflight; TRACE is refused by the router).
        m_listener->support(web::http::methods::OPTIONS, [this](http_request incoming) { accept(std::move(incoming)); });
        m_listener->support(web::http::methods::TRCE, [this](http_request incoming) { accept(std::move(incoming)); });
        m_address = address.text();
    }

    void start() override
    {
        try {
            m_listener->open().wait();
        } catch (const std::exception& e) {
            throw std::runtime_error("cannot listen on " + m_address + ": " + e.what());
        }
    }

    void stop() override
    {
        // Closing the listener drops its connections, so let replies still being written finish.
        const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(5);
        while (m_pendingReplies.load() > 0 && std::chrono::steady_clock::now() < deadline)
            std::this_thread::sleep_for(std::chrono::milliseconds(5));
        try {
            m_listener->close().wait();
        } catch (const std::exception& e) {
            log::warn("closing the HTTP listener failed", {{"error", e.what()}});
        }
    }

private:
    // Runs on a pplx thread: it must not block. The body is read by a continuation and the
    // request handed to the pipeline, whose workers do the rest.
    void accept(http_request incoming)
    {
        HttpRequest request = convertRequest(incoming);
        const std::size_t limit = m_pipeline.bodyLimitBytes();
        const auto declared = incoming.headers().content_length();
        if (declared > limit) {
            // Too large by its own account: do not read it; the pipeline answers 413 and we close.
            m_pipeline.dispatch(std::move(request), [this, incoming](HttpResponse response) {
                response.headers.set("Connection", "close");
                reply(incoming, std::move(response));
            });
            return;
        }
        if (declared == 0 && !incoming.headers().has("transfer-encoding")) {
            // No body: skip the extraction task (each pplx task costs a scheduler round trip).
            m_pipeline.dispatch(std::move(request), [this, incoming](HttpResponse response) { reply(incoming, std::move(response)); });
            return;
        }
        incoming.extract_vector().then([this, incoming, request = std::move(request)](pplx::task<std::vector<unsigned char>> body) mutable {
            try {
                const auto bytes = body.get(); // ready: this is a continuation
                request.body.assign(bytes.begin(), bytes.end());
            } catch (const std::exception& e) {
                log::debug("reading a request body failed", {{"error", e.what()}});
                return;
            }
            m_pipeline.dispatch(std::move(request), [this, incoming](HttpResponse response) { reply(incoming, std::move(response)); });
        });
    }

    // reply() returns a task we do not wait on (that would block whichever thread we are on);
    // its continuation only notes that the response has been written.
    void reply(const http_request& incoming, HttpResponse response)
    {
        ++m_pendingReplies;
        incoming.reply(convertResponse(std::move(response))).then([this](pplx::task<void> sent) {
            try {
                sent.get();
            } catch (const std::exception& e) {
                log::debug("client went away before the response was sent", {{"error", e.what()}});
            }
            --m_pendingReplies;
        });
    }

    RequestPipeline& m_pipeline;
    std::atomic<int> m_pendingReplies{0};
    std::unique_ptr<http_listener> m_listener;
    std::string m_address;
};

} // namespace

std::unique_ptr<HttpServer> makeHttpServer(const ListenAddress& address, RequestPipeline& pipeline)
{
    return std::make_unique<CpprestHttpServer>(address, pipeline);
}

} // namespace sbor::http
