#include "configuration.h"

#include "builtinservices.h"

#include "db/migrationrunner.h"
#include "http/clientaddress.h"
#include "http/httpserver.h"
#include "log/logger.h"

#include <cstdlib>

namespace sbor {

Result<Config> loadConfiguration(const CommandLine& line, char** environment)
{
    Config config(builtinConfigSchema());
    std::string file = line.configFile;
    if (file.empty()) {
        if (const char* fromEnvironment = std::getenv("SBOR_CONFIG"); fromEnvironment && *fromEnvironment)
            file = fromEnvironment;
    }
    if (!file.empty()) {
        if (auto loaded = config.loadYamlFile(file); !loaded)
            return loaded.error();
    }
    if (auto loaded = config.loadEnvironment(environment); !loaded)
        return loaded.error();
    for (const auto& [key, value] : line.settings) {
        if (auto applied = config.set(key, value, line.origins.at(key)); !applied)
            return applied.error();
    }
    if (!log::parseLevel(config.getString("log.level")))
        return Error(ErrorCode::ValidationFailed,
                     "log.level must be debug, info, warn or error, got '" + config.getString("log.level") + "' (" +
                         config.originOf("log.level") + ")");
    for (const char* key : {"http.listen", "live.listen"}) {
        const auto parsed = http::parseListenAddress(config.getString(key));
        if (!parsed.ok)
            return Error(ErrorCode::ValidationFailed,
                         std::string(key) + " '" + config.getString(key) + "' (" + config.originOf(key) +
                             "): " + parsed.problem);
    }
    std::string problem;
    if (!http::TrustedProxies::parse(config.getList("http.trusted_proxies"), &problem))
        return Error(ErrorCode::ValidationFailed,
                     "http.trusted_proxies (" + config.originOf("http.trusted_proxies") + "): " + problem);
    for (const char* key : {"http.rate_limit_per_second", "http.rate_limit_burst"}) {
        if (config.getInteger(key) < 0)
            return Error(ErrorCode::ValidationFailed,
                         std::string(key) + " must not be negative (" + config.originOf(key) + ")");
    }
    for (const char* key :
         {"http.body_limit_bytes", "http.request_timeout_ms", "http.workers", "http.max_queued_requests",
          "http.io_threads", "http.request_line_limit_bytes", "http.header_limit_bytes", "http.max_headers",
          "http.header_timeout_ms", "http.body_timeout_ms", "http.idle_timeout_ms", "http.max_connections",
          "http.chunked_body_limit_bytes", "database.pool_size", "database.acquire_timeout_ms"}) {
        if (config.getInteger(key) <= 0)
            return Error(ErrorCode::ValidationFailed,
                         std::string(key) + " must be positive (" + config.originOf(key) + ")");
    }
    return config;
}

Result<DatabaseConnection> connectDatabase(const Config& config, std::function<bool()> stopRequested,
                                           bool attachToRunning)
{
    DatabaseConnection connection;
    connection.dataDir = config.getString("data_dir");
    if (connection.dataDir.empty())
        connection.dataDir = db::defaultDataDir();
    connection.url = config.getString("database.url");
    if (!connection.url.empty())
        return connection;
    db::EmbeddedPostgresOptions options{connection.dataDir, config.getString("database.embedded_bin_dir"), "sbor",
                                        config.getBoolean("database.embedded_unsafe_fast"), std::move(stopRequested)};
    options.attachToRunning = attachToRunning;
    auto started = db::EmbeddedPostgres::start(options);
    if (!started)
        return started.error();
    connection.embedded = std::move(started).value();
    connection.url = connection.embedded->connectionString();
    return connection;
}

Result<bool> applyMigrations(db::ConnectionPool& pool, const std::vector<std::unique_ptr<Service>>& services,
                             const std::string& databaseUrl)
{
    try {
        db::MigrationRunner migrations(pool);
        for (const auto& service : services) {
            auto report = migrations.apply(service->name(), service->migrations());
            if (!report)
                return report.error();
        }
    } catch (const std::exception& e) {
        return Error(ErrorCode::DatabaseUnavailable, std::string("cannot prepare the database: ") + e.what(),
                     {{"database", redactSecret("database.url", databaseUrl)}});
    }
    return true;
}

} // namespace sbor
