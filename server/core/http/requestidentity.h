#pragma once
// Request ids and W3C Trace Context (traceparent). A valid incoming traceparent is continued
// (same trace id, a new span of ours); anything else starts a new trace. A client's X-Request-Id
// is kept when it is a sane token, otherwise we make one.

#include "http/httptypes.h"

#include <optional>
#include <string>

namespace sbor::http {

struct TraceParent {
    std::string traceId;  // 32 lower-case hex digits
    std::string parentId; // 16 lower-case hex digits
    std::string flags;    // 2 hex digits
};

std::optional<TraceParent> parseTraceParent(const std::string& header);
std::string randomHex(std::size_t digits);
std::string newRequestId(); // a UUID v4 in text form
bool isAcceptableRequestId(const std::string& value);

// Sets request.requestId, traceId and spanId from the headers (or new values).
void assignRequestIdentity(HttpRequest& request);
// X-Request-Id and traceparent headers that echo the identity on the response.
void stampIdentity(const HttpRequest& request, HttpResponse& response);
void stampIdentity(const std::string& requestId, const std::string& traceId, const std::string& spanId,
                   HttpResponse& response);

} // namespace sbor::http
