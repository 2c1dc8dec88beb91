#include "http/router.h"

#include <algorithm>
#include <iterator>
#include <string_view>
#include <stdexcept>

namespace sbor::http {
namespace {

bool isParameter(const std::string& segment)
{
    return segment.size() > 2 && segment.front() == '{' && segment.back() == '}';
}

// How well a pattern matches: a count of literal segments, so the most specific route wins.
int matchPattern(const Route& route, const std::vector<std::string_view>& segments,
                 std::map<std::string, std::string>* parameters)
{
    if (route.segments.size() != segments.size())
        return -1;
    int literals = 0;
    for (size_t i = 0; i < segments.size(); ++i) {
        const std::string& expected = route.segments[i];
        if (isParameter(expected)) {
            if (segments[i].empty())
                return -1;
            if (parameters)
                (*parameters)[expected.substr(1, expected.size() - 2)] = std::string(segments[i]);
        } else if (expected == segments[i]) {
            ++literals;
        } else {
            return -1;
        }
    }
    return literals;
}

std::vector<std::string_view> splitPathViews(std::string_view path)
{
    std::vector<std::string_view> segments;
    segments.reserve(8);
    size_t start = path.empty() || path[0] != '/' ? 0 : 1;
    while (start <= path.size()) {
        const size_t slash = path.find('/', start);
        const size_t end = slash == std::string_view::npos ? path.size() : slash;
        segments.push_back(path.substr(start, end - start));
        if (slash == std::string_view::npos)
            break;
        start = slash + 1;
    }
    // "/a/b/" and "/a/b" are the same resource.
    if (segments.size() > 1 && segments.back().empty())
        segments.pop_back();
    return segments;
}

// Routes are looked up by segment count and last segment: a literal last segment ("orders")
// narrows the search to its few patterns, and patterns ending in a parameter sit under "".
std::string bucketKey(std::size_t segmentCount, std::string_view lastSegment)
{
    std::string key = std::to_string(segmentCount);
    key += '|';
    key += lastSegment;
    return key;
}

} // namespace

std::vector<std::string> splitPath(const std::string& path)
{
    std::vector<std::string> segments;
    for (const std::string_view segment : splitPathViews(path))
        segments.emplace_back(segment);
    return segments;
}

void Router::add(std::string method, std::string pattern, std::string service, access::Access access, Handler handler,
                 Blocking blocking)
{
    if (pattern.empty() || pattern[0] != '/')
        throw std::logic_error("route pattern must start with '/': " + pattern);
    for (const auto& existing : m_routes) {
        if (existing.method == method && existing.pattern == pattern)
            throw std::logic_error("route registered twice: " + method + " " + pattern);
    }
    Route route{std::move(method), std::move(pattern), std::move(service), access, std::move(handler), blocking, {}};
    route.segments = splitPath(route.pattern);
    for (const auto& segment : route.segments) {
        if (segment.find_first_of("{}") != std::string::npos && !isParameter(segment))
            throw std::logic_error("malformed route segment '" + segment + "' in " + route.pattern);
    }
    const std::string& last = route.segments.back();
    m_buckets[bucketKey(route.segments.size(), isParameter(last) ? std::string_view() : std::string_view(last))]
        .push_back(m_routes.size());
    m_routes.push_back(std::move(route));
}

Router::Candidates Router::candidates(const std::vector<std::string_view>& segments) const
{
    static const std::vector<std::size_t> kNone;
    const auto literal = m_buckets.find(bucketKey(segments.size(), segments.back()));
    const auto parameter = segments.back().empty() ? m_buckets.end() : m_buckets.find(bucketKey(segments.size(), {}));
    return {literal == m_buckets.end() ? kNone : literal->second,
            parameter == m_buckets.end() ? kNone : parameter->second};
}

namespace {

// Both lists merged, in registration order: among equally specific patterns the first
// registered wins.
template <typename Visit>
void forEachCandidate(const std::vector<Route>& routes, const std::vector<std::size_t>& a,
                      const std::vector<std::size_t>& b, Visit visit)
{
    std::size_t i = 0, j = 0;
    while (i < a.size() || j < b.size()) {
        const bool takeA = j == b.size() || (i < a.size() && a[i] < b[j]);
        visit(routes[takeA ? a[i++] : b[j++]]);
    }
}

} // namespace

RouteMatch Router::match(const std::string& method, const std::string& path) const
{
    // HEAD is GET without the body (RFC 9110 §9.3.2): every GET route answers it; the engine
    // leaves the body out.
    static const std::string kGet = "GET";
    const std::string& wanted = method == "HEAD" ? kGet : method;
    const std::vector<std::string_view> segments = splitPathViews(path);
    const Candidates lists = candidates(segments);
    RouteMatch result;
    int bestScore = -1;
    int bestAnyMethod = -1;
    forEachCandidate(m_routes, lists.literal, lists.parameter, [&](const Route& route) {
        const int score = matchPattern(route, segments, nullptr);
        if (score < 0)
            return;
        bestAnyMethod = std::max(bestAnyMethod, score);
        if (route.method == wanted && score > bestScore) {
            bestScore = score;
            result.route = &route;
        }
    });
    if (result.route && bestScore == bestAnyMethod) {
        result.kind = RouteMatch::Kind::Found;
        matchPattern(*result.route, segments, &result.parameters);
        return result;
    }
    if (bestAnyMethod < 0)
        return result; // NotFound
    // The most specific pattern exists but not for this method: list what it does allow.
    result.route = nullptr;
    result.kind = RouteMatch::Kind::MethodNotAllowed;
    forEachCandidate(m_routes, lists.literal, lists.parameter, [&](const Route& route) {
        if (matchPattern(route, segments, nullptr) == bestAnyMethod &&
            std::find(result.allowedMethods.begin(), result.allowedMethods.end(), route.method) ==
                result.allowedMethods.end())
            result.allowedMethods.push_back(route.method);
    });
    if (std::find(result.allowedMethods.begin(), result.allowedMethods.end(), "GET") != result.allowedMethods.end())
        result.allowedMethods.push_back("HEAD");
    std::sort(result.allowedMethods.begin(), result.allowedMethods.end());
    return result;
}

} // namespace sbor::http
