#include "systemservice.h"

#include "config/config.h"
#include "db/connectionpool.h"
#include "http/jsonbody.h"
#include "metrics/metricsregistry.h"
#include "runtime/clock.h"
#include "sbor/rfc3339.h"

#include <thread>
#include <pqxx/pqxx>

// Generated from migrations/*.sql by cmake/SborEmbed.cmake.
std::vector<sbor::db::Migration> sbor_migrations_system();
std::string_view sbor_openapi_system();

namespace sbor {

using http::HttpRequest;
using http::HttpResponse;
using http::Reply;

std::vector<db::Migration> SystemService::migrations() const { return sbor_migrations_system(); }
std::string_view SystemService::apiDescription() const { return sbor_openapi_system(); }

namespace {

Reply readiness(ServiceContext& context)
{
    const bool draining = context.state.draining.load();
    const bool database = !draining && context.database.ping();
    nlohmann::json checks{{"database", database ? "ok" : "unreachable"}, {"shutdown", draining ? "draining" : "no"}};
    const bool ready = database && !draining;
    return HttpResponse::json(ready ? 200 : 503, {{"status", ready ? "ready" : "not_ready"}, {"checks", checks}});
}

Reply version(ServiceContext& context)
{
    return HttpResponse::json(200,
                              {{"name", "sbor"},
                               {"version", context.state.version},
                               {"api_version", "v1"},
                               {"services", context.state.activeServices}});
}

// Test-only: holds a database connection for `ms` milliseconds (pg_sleep), so tests can make a
// request that is slow, touches the database and is still running during a shutdown.
Reply debugSleep(ServiceContext& context, const HttpRequest& request)
{
    const std::string text = request.queryValue("ms", "100");
    long milliseconds = 0;
    try {
        milliseconds = std::stol(text);
    } catch (const std::exception&) {
        milliseconds = -1;
    }
    if (milliseconds < 0 || milliseconds > 600000)
        return Error(ErrorCode::ValidationFailed, "ms must be an integer from 0 to 600000", {{"field", "ms"}});
    const double slept = context.database.read([&](db::Transaction& tx) {
        tx.sql().exec_params("SELECT pg_sleep($1::double precision / 1000)", milliseconds);
        return milliseconds / 1000.0;
    });
    return HttpResponse::json(200, {{"slept_seconds", slept}});
}

} // namespace

Reply echoStrictJson(const HttpRequest& request)
{
    auto body = http::parseJsonBody(request);
    if (!body)
        return body.error();
    http::JsonFieldReader reader(*body);
    const std::string name = reader.requiredString("name", 1, 200);
    const std::int64_t count = reader.requiredInteger("count", 0, 1000000);
    const std::vector<std::string> tags = reader.optionalStringArray("tags", 50);
    if (auto problem = reader.finish())
        return *problem;
    return HttpResponse::json(200, {{"name", name}, {"count", count}, {"tags", tags}});
}

void SystemService::init(ServiceContext& context)
{
    m_context = &context;
    m_debugRoutes = context.config.getBoolean("server.debug_routes");
}

void SystemService::registerRoutes(http::Router& router)
{
    ServiceContext& context = *m_context;
    // Probes ask many times a second and the answer never changes: its bytes are made once.
    const auto alive = [body = nlohmann::json{{"status", "ok"}}.dump()](HttpRequest&) -> Reply {
        return HttpResponse::text(200, body, "application/json; charset=utf-8");
    };
    router.add("GET", "/livez", name(), access::Access::anyone(), alive, http::Blocking::Never);
    router.add("GET", "/healthz", name(), access::Access::anyone(), alive, http::Blocking::Never);
    router.add("GET", "/readyz", name(), access::Access::anyone(),
               [&context](HttpRequest&) { return readiness(context); });
    router.add(
        "GET", "/metrics", name(), access::Access::anyone(),
        [&context](HttpRequest&) -> Reply {
            return HttpResponse::text(200, context.metrics.render(), "text/plain; version=0.0.4; charset=utf-8");
        },
        http::Blocking::Never);
    router.add(
        "GET", "/api/v1/version", name(), access::Access::anyone(),
        [&context](HttpRequest&) { return version(context); }, http::Blocking::Never);
    router.add(
        "GET", "/api/v1/openapi.json", name(), access::Access::anyone(),
        [&context](HttpRequest&) -> Reply {
            return HttpResponse::text(200, context.state.openApiDocument, "application/json; charset=utf-8");
        },
        http::Blocking::Never);

    if (!m_debugRoutes)
        return;
    router.add("GET", "/api/v1/debug/sleep", name(), access::Access::anyone(),
               [&context](HttpRequest& request) { return debugSleep(context, request); });
    router.add("GET", "/api/v1/debug/throw", name(), access::Access::anyone(), [](HttpRequest&) -> Reply {
        throw std::runtime_error("secret internal detail: connection string host=/var/run/x password=hunter2");
    });
    router.add("POST", "/api/v1/debug/echo", name(), access::Access::anyone(),
               [](HttpRequest& request) { return echoStrictJson(request); });
    // Moves the deadline clock (runtime/clock.h) forward: {"advance_seconds": 604800}.
    router.add("POST", "/api/v1/debug/clock", name(), access::Access::anyone(), [](HttpRequest& request) -> Reply {
        auto body = http::parseJsonBody(request);
        if (!body)
            return body.error();
        http::JsonFieldReader reader(*body);
        const std::int64_t seconds = reader.requiredInteger("advance_seconds", 0, 10LL * 365 * 86400);
        if (auto problem = reader.finish())
            return *problem;
        clock::advance(seconds * 1000000);
        return HttpResponse::json(200, {{"now", formatRfc3339(clock::nowMicros())}});
    });
    router.add("GET", "/api/v1/debug/items/{id}", name(), access::Access::anyone(), [](HttpRequest& request) -> Reply {
        return HttpResponse::json(200, {{"id", request.pathParameter("id")}});
    });
    router.add("DELETE", "/api/v1/debug/items/{id}", name(), access::Access::anyone(),
               [](HttpRequest& request) -> Reply { return HttpResponse::noContent(); });
}

} // namespace sbor
