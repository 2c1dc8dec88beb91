#pragma once
// Routes "METHOD /path/{param}" to handlers. A path that matches no pattern is 404; a path that
// matches with another method is 405 with an Allow header. Literal segments win over parameters,
// so /events/mine is not captured by /events/{id}.

#include "http/httptypes.h"

#include <functional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace sbor::http {

using Handler = std::function<Reply(HttpRequest&)>;

// How a route's handler behaves. A handler that never blocks (no database, no network, no lock
// held for long) may run on the HTTP engine's I/O thread: it skips the hop to a worker, and it
// keeps answering when every worker is busy — what a liveness probe needs.
enum class Blocking { May, Never };

struct Route {
    std::string method;
    std::string pattern;
    std::string service;
    access::Access access; // who may call it; enforced by AccessControl before the handler
    Handler handler;
    Blocking blocking = Blocking::May;
    std::vector<std::string> segments; // the pattern split at '/'
};

struct RouteMatch {
    enum class Kind { Found, NotFound, MethodNotAllowed } kind = Kind::NotFound;
    const Route* route = nullptr;
    std::map<std::string, std::string> parameters;
    std::vector<std::string> allowedMethods; // for MethodNotAllowed
};

class Router {
public:
    // Throws std::logic_error for a malformed pattern or a duplicate (method, pattern).
    // Every route states who may call it: there is no default, so none is public by accident.
    void add(std::string method, std::string pattern, std::string service, access::Access access, Handler handler,
             Blocking blocking = Blocking::May);
    RouteMatch match(const std::string& method, const std::string& path) const;
    const std::vector<Route>& routes() const { return m_routes; }

private:
    // Indexes into m_routes (ascending) of the patterns a path of these segments could match:
    // those ending in its last segment, and those ending in a parameter.
    struct Candidates {
        const std::vector<std::size_t>& literal;
        const std::vector<std::size_t>& parameter;
    };
    Candidates candidates(const std::vector<std::string_view>& segments) const;

    std::vector<Route> m_routes;
    std::unordered_map<std::string, std::vector<std::size_t>> m_buckets; // see bucketKey()
};

std::vector<std::string> splitPath(const std::string& path);

} // namespace sbor::http
