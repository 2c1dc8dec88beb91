#pragma once
// Our own HTTP request/response types. Handlers and middleware see only these; the engine
// (Boost.Beast) is confined to httpserver.cpp.

#include "access/access.h"
#include "service/callcontext.h"
#include "sbor/error.h"

#include <nlohmann/json.hpp>

#include <chrono>
#include <functional>
#include <map>
#include <mutex>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace sbor::http {

struct RouteMatch;

// Header names are stored lower-case; lookups are case-insensitive by construction. A message
// has a handful of headers (the engine refuses more than http.max_headers): a vector sorted by
// name, searched from the front, costs less per request than a map's nodes.
class Headers {
public:
    using Entries = std::vector<std::pair<std::string, std::string>>;

    void set(std::string name, std::string value);
    void add(std::string name, std::string value); // joins repeated headers with ", "
    const std::string* find(std::string_view name) const;
    std::string get(std::string_view name, std::string fallback = {}) const;
    bool contains(std::string_view name) const { return find(name) != nullptr; }
    void remove(std::string_view name);
    const Entries& all() const { return m_values; } // by name

private:
    std::string* findStored(std::string_view name);
    void insertSorted(std::string lowerCaseName, std::string value);

    Entries m_values;
};

std::string toLower(std::string_view text);
// "x-request-id" → "X-Request-Id" for the wire (names are case-insensitive, but people read them);
// W3C trace headers keep their lower-case spelling.
std::string canonicalHeaderName(std::string_view lowerCaseName);

struct HttpRequest {
    std::string method;                       // "GET", upper case
    std::string path;                         // decoded path, without the query
    std::string rawPath;                      // the path as received (still percent-encoded), for forwarding
    std::string rawQuery;                     // as received, without '?'
    std::map<std::string, std::string> query; // decoded; a repeated name keeps the last value
    Headers headers;
    std::string body;
    bool bodyUnreadable = false; // the client stopped sending mid-body
    bool bodyTooLarge = false;   // the engine stopped reading at the body limit (the body is not here)
    std::string remoteAddress;   // the socket's peer
    std::string clientAddress;   // the client: the peer, or what trusted proxies say it is

    // Filled by the pipeline before the handler runs.
    std::map<std::string, std::string> pathParameters;
    std::string requestId;
    std::string traceId;
    std::string spanId;
    std::string route = "unmatched"; // the route pattern, for metrics and logs
    std::string service = "gateway";
    std::chrono::steady_clock::time_point deadline{};
    std::shared_ptr<const RouteMatch> match;    // set once by the pipeline, before any middleware
    std::optional<access::Principal> principal; // set by AccessControl for a valid bearer token

    std::string pathParameter(const std::string& name) const;
    std::string queryValue(const std::string& name, std::string fallback = {}) const;
};

class DeferredResponse;

struct HttpResponse {
    int status = 200;
    Headers headers;
    std::string body;
    // Set by later(): the answer is still to come (see DeferredResponse); status and body unused.
    std::shared_ptr<DeferredResponse> deferred;

    static HttpResponse json(int status, const nlohmann::json& body);
    static HttpResponse text(int status, std::string body, std::string contentType = "text/plain; charset=utf-8");
    static HttpResponse noContent();
    static HttpResponse later(std::shared_ptr<DeferredResponse> deferred);
};

// What domain logic may know of the call: trace id, client address, user agent.
CallContext callContextOf(const HttpRequest& request);

// A handler's outcome: a response, or an Error that the pipeline maps to its JSON error body.
using Reply = Result<HttpResponse>;

// An answer that comes later, from another thread: a handler that waits on something
// asynchronous (the gateway on its upstream) returns HttpResponse::later(deferred) at once and
// completes `deferred` when the answer is there; the pipeline holds no worker meanwhile, and its
// deadline still applies. complete() and onComplete() may come in either order, each once.
class DeferredResponse {
public:
    void complete(Reply reply);
    // The pipeline's: runs `then` at once if the answer is already here, else on complete().
    void onComplete(std::function<void(Reply)> then);

private:
    std::mutex m_mutex;
    std::optional<Reply> m_reply;
    std::function<void(Reply)> m_then;
};

// The one place an Error becomes an HTTP response: {"error":{code,message,details,trace_id}}.
// details.retry_after_seconds also becomes a Retry-After header.
HttpResponse errorResponse(const Error& error, const std::string& traceId);

std::string percentDecode(std::string_view text, bool plusIsSpace);
std::map<std::string, std::string> parseQuery(std::string_view rawQuery);

} // namespace sbor::http
