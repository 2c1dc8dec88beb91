#pragma once
// What a client call can end in besides its value: the server's own error (its code, message,
// details and trace id), or a failure of the exchange itself — no answer, no answer in time, an
// answer that is not the API's. The kiosk goes offline on the second kind, never on the first.

#include "sbor/error.h"

#include <string>
#include <utility>
#include <vector>

namespace sbor::client {

struct ApiError {
    enum class Kind {
        Answered,    // the server answered with an error: `error` is what it said
        Unreachable, // no answer: refused, reset, DNS, TLS
        TimedOut,    // no answer within the request's timeout
        BadAnswer,   // an answer that is not the API's (another program, another version)
        SignedOut,   // the session ended and could not be refreshed; sign in again
    };

    Kind kind = Kind::Answered;
    Error error;         // for the transport kinds: upstream_unavailable / upstream_timeout
    std::string code;    // the wire code as sent, kept even when this build does not know it
    int httpStatus = 0;  // 0 when nothing answered
    std::string traceId; // the server's trace id, to quote to support

    // The server could not be reached: the caller may decide without it (offline).
    bool isTransport() const { return kind == Kind::Unreachable || kind == Kind::TimedOut; }
    bool is(ErrorCode wanted) const { return error.code == wanted; }
    // A refusal's details.fields as (field, problem) pairs, in the server's order; empty otherwise.
    std::vector<std::pair<std::string, std::string>> fieldProblems() const;
    // One line for a log or a status bar: "not_found: no such event (trace 4bf9…)".
    std::string describe() const;

    static ApiError transport(Kind kind, std::string message);
    // The error an HTTP answer carries; BadAnswer when the body is not a Sbor error.
    static ApiError fromAnswer(int httpStatus, const std::string& body);
};

template <typename T> using ApiResult = Result<T, ApiError>;

// The value of calls that answer nothing worth keeping (204, or an acknowledgement).
struct Done {};

} // namespace sbor::client
