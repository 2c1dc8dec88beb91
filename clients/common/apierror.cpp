#include "apierror.h"

#include "sbor/jsonvalue.h"

#include <nlohmann/json.hpp>

namespace sbor::client {

std::string ApiError::describe() const
{
    std::string text = code.empty() ? std::string(errorCodeName(error.code)) : code;
    text += ": " + error.message;
    if (!traceId.empty())
        text += " (trace " + traceId + ")";
    return text;
}

ApiError ApiError::transport(Kind kind, std::string message)
{
    ApiError failure;
    failure.kind = kind;
    const ErrorCode code = kind == Kind::TimedOut ? ErrorCode::UpstreamTimeout : ErrorCode::UpstreamUnavailable;
    failure.error = Error(code, std::move(message));
    failure.code = std::string(errorCodeName(code));
    return failure;
}

ApiError ApiError::fromAnswer(int httpStatus, const std::string& body)
{
    ApiError failure;
    failure.httpStatus = httpStatus;
    const auto parsed = nlohmann::json::parse(body, nullptr, false);
    if (parsed.is_object() && parsed.contains("error") && parsed["error"].is_object()) {
        const auto& error = parsed["error"];
        // Read defensively: another program's "error" may hold numbers or nulls.
        failure.code = stringField(error, "code");
        failure.traceId = stringField(error, "trace_id");
        if (auto known = errorFromJson(error)) {
            failure.error = std::move(*known);
            return failure;
        }
        if (!failure.code.empty()) {
            // A code from a newer server: keep its words, and what its status means to us.
            failure.error = Error(httpStatus == 404       ? ErrorCode::NotFound
                                      : httpStatus == 409 ? ErrorCode::Conflict
                                      : httpStatus >= 500 ? ErrorCode::Internal
                                                          : ErrorCode::BadRequest,
                                  stringField(error, "message").empty() ? failure.code : stringField(error, "message"));
            return failure;
        }
    }
    failure.kind = Kind::BadAnswer;
    failure.error = Error(ErrorCode::UpstreamUnavailable,
                          "the server answered " + std::to_string(httpStatus) + " without a Sbor error");
    failure.code = std::string(errorCodeName(failure.error.code));
    return failure;
}

std::vector<std::pair<std::string, std::string>> ApiError::fieldProblems() const
{
    std::vector<std::pair<std::string, std::string>> problems;
    const auto fields = error.details.find("fields");
    if (fields == error.details.end() || !fields->is_array())
        return problems;
    for (const auto& field : *fields)
        if (field.is_object())
            problems.emplace_back(field.value("field", std::string()), field.value("problem", std::string()));
    return problems;
}

} // namespace sbor::client
