#include "service/openapidocument.h"

#include "service/service.h"

#include <stdexcept>

namespace sbor {
namespace {

nlohmann::json sharedComponents()
{
    nlohmann::json codes = nlohmann::json::array();
    for (int i = 0; i < kErrorCodeCount; ++i)
        codes.push_back(errorCodeName(static_cast<ErrorCode>(i)));
    return {
        {"schemas",
         {{"Error",
           {{"type", "object"},
            {"required", {"error"}},
            {"properties",
             {{"error",
               {{"type", "object"},
                {"required", {"code", "message"}},
                {"properties",
                 {{"code", {{"type", "string"}, {"enum", codes}}},
                  {"message", {{"type", "string"}}},
                  {"details", {{"type", "object"}}},
                  {"trace_id",
                   {{"type", "string"}, {"description", "W3C trace id; quote it when reporting a problem"}}}}}}}}}}},
          {"Status", {{"type", "object"}, {"properties", {{"status", {{"type", "string"}}}}}}},
          {"Readiness",
           {{"type", "object"},
            {"properties",
             {{"status", {{"type", "string"}, {"enum", {"ready", "not_ready"}}}},
              {"checks", {{"type", "object"}}}}}}}}},
        {"securitySchemes",
         {{"bearerAuth",
           {{"type", "http"},
            {"scheme", "bearer"},
            {"bearerFormat", "JWT"},
            {"description", "An access token from POST /api/v1/auth/login or /refresh"}}}}},
        {"headers",
         {{"X-Request-Id",
           {{"description", "The request's id: yours if you sent a sane one"}, {"schema", {{"type", "string"}}}}}}}};
}

} // namespace

nlohmann::json buildOpenApiDocument(const std::vector<std::unique_ptr<Service>>& services, const std::string& version)
{
    nlohmann::json paths = nlohmann::json::object();
    for (const auto& service : services) {
        const std::string_view text = service->apiDescription();
        if (text.empty())
            continue;
        nlohmann::json fragment;
        try {
            fragment = nlohmann::json::parse(text);
        } catch (const nlohmann::json::exception& e) {
            throw std::runtime_error("API description of service " + service->name() + " is not JSON: " + e.what());
        }
        for (auto path = fragment.begin(); path != fragment.end(); ++path) {
            for (auto operation = path.value().begin(); operation != path.value().end(); ++operation) {
                if (paths.contains(path.key()) && paths[path.key()].contains(operation.key()))
                    throw std::runtime_error("two services describe " + operation.key() + " " + path.key());
                paths[path.key()][operation.key()] = operation.value();
            }
        }
    }
    return {{"openapi", "3.0.3"},
            {"info",
             {{"title", "Sbor API"},
              {"version", version},
              {"description",
               "Errors are JSON bodies {\"error\":{\"code\",\"message\",\"details\",\"trace_id\"}} "
               "(components/schemas/Error); every response carries X-Request-Id and traceparent."}}},
            {"servers", {{{"url", "/"}}}},
            {"paths", paths},
            {"components", sharedComponents()}};
}

} // namespace sbor
