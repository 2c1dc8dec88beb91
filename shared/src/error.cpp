#include "sbor/error.h"

#include <array>

namespace sbor {
namespace {

struct ErrorCodeInfo {
    std::string_view name;
    int status;
};

constexpr std::array kErrorCodes = {
#define SBOR_ERROR(name, wire, status) ErrorCodeInfo{wire, status},
#include "sbor/errorcodes.def"
#undef SBOR_ERROR
};

} // namespace

std::string_view errorCodeName(ErrorCode code) { return kErrorCodes.at(static_cast<size_t>(code)).name; }

std::optional<ErrorCode> errorCodeFromName(std::string_view name)
{
    for (size_t i = 0; i < kErrorCodes.size(); ++i) {
        if (kErrorCodes[i].name == name)
            return static_cast<ErrorCode>(i);
    }
    return std::nullopt;
}

int httpStatusFor(ErrorCode code) { return kErrorCodes.at(static_cast<size_t>(code)).status; }

nlohmann::json Error::toJson() const
{
    nlohmann::json body{{"code", errorCodeName(code)}, {"message", message}};
    if (!details.is_null() && !details.empty())
        body["details"] = details;
    return body;
}

std::optional<Error> errorFromJson(const nlohmann::json& object)
{
    if (!object.is_object() || !object.contains("code") || !object["code"].is_string())
        return std::nullopt;
    const auto code = errorCodeFromName(object["code"].get<std::string>());
    if (!code)
        return std::nullopt;
    const auto message = object.find("message");
    const auto details = object.find("details");
    return Error(*code,
                 message != object.end() && message->is_string() ? message->get<std::string>()
                                                                 : std::string(errorCodeName(*code)),
                 details != object.end() && details->is_object() ? *details : nlohmann::json::object());
}

Error invalidField(const std::string& field, const std::string& problem, std::string message)
{
    if (message.empty())
        message = "field '" + field + "' " + problem;
    return Error(ErrorCode::ValidationFailed, std::move(message),
                 {{"fields", nlohmann::json::array({{{"field", field}, {"problem", problem}}})}});
}

Error invalidQueryParameter(const std::string& name, const std::string& problem)
{
    return invalidField(name, problem, "query parameter '" + name + "' " + problem);
}

Error noSuch(const std::string& thing, const std::string& id)
{
    return Error(ErrorCode::NotFound, "no such " + thing, {{"id", id}});
}

} // namespace sbor
