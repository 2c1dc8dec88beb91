#pragma once
// The HTTP engine behind our own types. Only httpserver.cpp knows it is Boost.Beast (on Asio):
// a few I/O threads accept, read and write asynchronously; handlers run where the pipeline puts
// them (its worker pool, or the I/O thread for routes that never block). Input is bounded while it
// is read — request line, headers, body, and the time each may take — so no client can make the
// server hold more than the limits, and a connection that breaks HTTP/1.1 is answered 400 and
// closed.

#include <chrono>
#include <cstddef>
#include <memory>
#include <string>

namespace sbor::http {

class RequestPipeline;

struct ListenAddress {
    std::string host;
    int port = 0;
    std::string text() const { return host + ":" + std::to_string(port); }
};

// "127.0.0.1:8080", "[::1]:8080", ":8080" (all interfaces); nullopt-like failure via ok=false.
struct ParsedListenAddress {
    bool ok = false;
    ListenAddress address;
    std::string problem;
};
ParsedListenAddress parseListenAddress(const std::string& text);

// What one connection may send and how long it may take (each an `http.*` configuration key).
// The body's limit is the pipeline's (`http.body_limit_bytes`).
struct EngineLimits {
    int ioThreads = 2;                       // http.io_threads
    std::size_t requestLineBytes = 8 * 1024; // http.request_line_limit_bytes: longer is 414
    std::size_t headerBytes = 32 * 1024;     // http.header_limit_bytes: all header lines; more is 431
    std::size_t headerCount = 100;           // http.max_headers: more fields is 431
    // A body of unknown length is buffered until it ends or passes its limit, so its limit is
    // what a stranger can make the server hold per connection; a declared one is refused unread.
    std::size_t chunkedBodyBytes = 128 * 1024; // http.chunked_body_limit_bytes: a larger chunked body is 413
    std::chrono::milliseconds headerTimeout{
        10000}; // http.header_timeout_ms: from a request's first byte to its last header line
    std::chrono::milliseconds bodyTimeout{
        15000}; // http.body_timeout_ms: longest wait for more of a body (or for a reader of the answer)
    std::chrono::milliseconds idleTimeout{
        60000};                         // http.idle_timeout_ms: a kept-alive connection with no request is closed
    std::size_t maxConnections = 20000; // http.max_connections: beyond it, new ones get 503 and are closed
};

class HttpServer {
public:
    virtual ~HttpServer() = default;
    // Starts listening; throws std::runtime_error naming the address when it cannot bind.
    virtual void start() = 0;
    // Stops listening and closes connections. Drain the pipeline first.
    virtual void stop() = 0;
};

std::unique_ptr<HttpServer> makeHttpServer(const ListenAddress& address, RequestPipeline& pipeline,
                                           const EngineLimits& limits = {});

} // namespace sbor::http
