#pragma once
// The HTTP engine behind our own types. Only httpserver.cpp knows it is cpprestsdk.

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

class HttpServer {
public:
    virtual ~HttpServer() = default;
    // Starts listening; throws std::runtime_error naming the address when it cannot bind.
    virtual void start() = 0;
    // Stops listening and closes connections. Drain the pipeline first.
    virtual void stop() = 0;
};

std::unique_ptr<HttpServer> makeHttpServer(const ListenAddress& address, RequestPipeline& pipeline);

} // namespace sbor::http
