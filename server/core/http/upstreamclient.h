#pragma once
// Requests from one Sbor process to another: the gateway's proxy and contracts served over HTTP
// (architecture.md §3, distributed mode). cpprestsdk's client stays inside upstreamclient.cpp,
// as its listener stays inside httpserver.cpp.

#include "http/httptypes.h"

#include <chrono>
#include <functional>
#include <memory>
#include <string>
#include <string_view>

namespace sbor::http {

struct UpstreamSettings {
    std::string service;                      // who answers, for messages and logs
    std::string baseUrl;                      // http://host:port
    std::chrono::milliseconds timeout{10000}; // for the whole exchange
    // Extra attempts for an idempotent request whose exchange failed without an answer
    // (refused, reset); a timeout is never retried, the time is spent.
    int retries = 2;
};

struct UpstreamRequest {
    std::string method;
    std::string pathAndQuery; // as it goes on the wire: percent-encoded, starting with '/'
    Headers headers;
    std::string body;
    bool idempotent = false; // may be sent again after a failed exchange
};

class UpstreamClient {
public:
    explicit UpstreamClient(UpstreamSettings settings);
    ~UpstreamClient();
    UpstreamClient(const UpstreamClient&) = delete;
    UpstreamClient& operator=(const UpstreamClient&) = delete;

    // The upstream's response, whatever its status. Errors: UpstreamUnavailable (502) when no
    // answer came (refused, reset, not resolvable), UpstreamTimeout (504) when none came in time.
    Result<HttpResponse> send(const UpstreamRequest& request) const;
    // The same without waiting: `done` is called once, on one of cpprestsdk's threads, with what
    // send() would return. No thread is held while the upstream works (the gateway's proxy).
    void sendAsync(UpstreamRequest request, std::function<void(Result<HttpResponse>)> done) const;
    const UpstreamSettings& settings() const { return m_settings; }

    struct Engine; // cpprestsdk's client, opaque outside upstreamclient.cpp

private:
    UpstreamSettings m_settings;
    std::shared_ptr<Engine> m_engine; // shared with exchanges still under way
};

// GET, HEAD, OPTIONS, PUT and DELETE (RFC 9110 §9.2.2): sending them twice does no more harm
// than once.
bool isIdempotentMethod(std::string_view method);

// Headers that describe one connection, not the message (RFC 9110 §7.6.1): never forwarded.
bool isHopByHopHeader(std::string_view lowerCaseName);

} // namespace sbor::http
