#include "http/requestidentity.h"

#include <random>

namespace sbor::http {
namespace {

bool isLowerHex(const std::string& text)
{
    for (char c : text) {
        if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f')))
            return false;
    }
    return true;
}

bool isAllZero(const std::string& text) { return text.find_first_not_of('0') == std::string::npos; }

std::mt19937_64& generator()
{
    thread_local std::mt19937_64 engine{std::random_device{}()};
    return engine;
}

} // namespace

std::optional<TraceParent> parseTraceParent(const std::string& header)
{
    // version "-" trace-id "-" parent-id "-" trace-flags; version ff is invalid.
    if (header.size() < 55 || header[2] != '-' || header[35] != '-' || header[52] != '-')
        return std::nullopt;
    TraceParent parsed{header.substr(3, 32), header.substr(36, 16), header.substr(53, 2)};
    const std::string version = header.substr(0, 2);
    if (!isLowerHex(version) || version == "ff" || !isLowerHex(parsed.traceId) || !isLowerHex(parsed.parentId) ||
        !isLowerHex(parsed.flags) || isAllZero(parsed.traceId) || isAllZero(parsed.parentId))
        return std::nullopt;
    // Version 00 has exactly these fields; later versions may append "-…", which we ignore.
    if (version == "00" && header.size() != 55)
        return std::nullopt;
    if (header.size() > 55 && header[55] != '-')
        return std::nullopt;
    return parsed;
}

std::string randomHex(std::size_t digits)
{
    static constexpr char kHex[] = "0123456789abcdef";
    std::string out;
    out.reserve(digits);
    auto& engine = generator();
    while (out.size() < digits) {
        std::uint64_t bits = engine();
        for (int i = 0; i < 16 && out.size() < digits; ++i, bits >>= 4)
            out.push_back(kHex[bits & 0xF]);
    }
    if (isAllZero(out))
        out.back() = '1';
    return out;
}

std::string newRequestId()
{
    std::string hex = randomHex(32);
    hex[12] = '4';                                   // version 4
    hex[16] = "89ab"[generator()() & 0x3];           // RFC 4122 variant
    return hex.substr(0, 8) + "-" + hex.substr(8, 4) + "-" + hex.substr(12, 4) + "-" + hex.substr(16, 4) + "-" +
           hex.substr(20, 12);
}

bool isAcceptableRequestId(const std::string& value)
{
    if (value.empty() || value.size() > 128)
        return false;
    for (char c : value) {
        const bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' ||
                        c == '_' || c == '.' || c == ':';
        if (!ok)
            return false;
    }
    return true;
}

void assignRequestIdentity(HttpRequest& request)
{
    const std::string incomingId = request.headers.get("x-request-id");
    request.requestId = isAcceptableRequestId(incomingId) ? incomingId : newRequestId();
    if (const auto parent = parseTraceParent(request.headers.get("traceparent")))
        request.traceId = parent->traceId;
    else
        request.traceId = randomHex(32);
    request.spanId = randomHex(16);
}

void stampIdentity(const HttpRequest& request, HttpResponse& response)
{
    stampIdentity(request.requestId, request.traceId, request.spanId, response);
}

void stampIdentity(const std::string& requestId, const std::string& traceId, const std::string& spanId, HttpResponse& response)
{
    response.headers.set("X-Request-Id", requestId);
    response.headers.set("traceparent", "00-" + traceId + "-" + spanId + "-01");
}

} // namespace sbor::http
