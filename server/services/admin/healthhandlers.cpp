#include "healthhandlers.h"

namespace sbor::admin {

void HealthHandlers::registerRoutes(http::Router& router, const std::string& service)
{
    using access::Access;
    // Always 200: a red report is an answer, not a failure of the route.
    router.add("GET", "/api/v1/admin/health", service, Access::require(access::Permission::PlatformConfigure),
               [this](http::HttpRequest&) -> http::Reply {
                   return http::HttpResponse::json(200, wire::toJson(m_health.check()));
               });
}

} // namespace sbor::admin
