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

namespace {

constexpr char kHex[] = "0123456789abcdef";

void fillRandomHex(char* out, std::size_t digits)
{
    auto& engine = generator();
    for (std::size_t filled = 0; filled < digits;) {
        std::uint64_t bits = engine();
        for (int i = 0; i < 16 && filled < digits; ++i, bits >>= 4)
            out[filled++] = kHex[bits & 0xF];
    }
}

} // namespace

std::string randomHex(std::size_t digits)
{
    std::string out(digits, '0');
    fillRandomHex(out.data(), digits);
    if (isAllZero(out))
        out.back() = '1';
    return out;
}

std::string newRequestId()
{
    // 8-4-4-4-12 hex digits, written in place: this runs for every request.
    std::string id(36, '-');
    char* at = id.data();
    for (const std::size_t group : {8, 4, 4, 4, 12}) {
        fillRandomHex(at, group);
        at += group + 1;
    }
    id[14] = '4';                         // version 4
    id[19] = "89ab"[generator()() & 0x3]; // RFC 4122 variant
    return id;
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
    const std::string* incomingId = request.headers.find("x-request-id");
    request.requestId = incomingId && isAcceptableRequestId(*incomingId) ? *incomingId : newRequestId();
    const std::string* traceParent = request.headers.find("traceparent");
    if (const auto parent = traceParent ? parseTraceParent(*traceParent) : std::nullopt)
        request.traceId = parent->traceId;
    else
        request.traceId = randomHex(32);
    request.spanId = randomHex(16);
}

void stampIdentity(const HttpRequest& request, HttpResponse& response)
{
    stampIdentity(request.requestId, request.traceId, request.spanId, response);
}

void stampIdentity(const std::string& requestId, const std::string& traceId, const std::string& spanId,
                   HttpResponse& response)
{
    response.headers.set("X-Request-Id", requestId);
    std::string traceParent;
    traceParent.reserve(3 + traceId.size() + 1 + spanId.size() + 3);
    traceParent.append("00-").append(traceId).append("-").append(spanId).append("-01");
    response.headers.set("traceparent", std::move(traceParent));
}

} // namespace sbor::http
