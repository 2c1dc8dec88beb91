#include "application.h"

#include "builtinservices.h"
#include "commandline.h"
#include "config/config.h"
#include "db/connectionpool.h"
#include "db/embeddedpostgres.h"
#include "db/migrationrunner.h"
#include "http/httpserver.h"
#include "http/requestpipeline.h"
#include "log/logger.h"
#include "metrics/metricsregistry.h"
#include "runtime/deadlinetimer.h"
#include "runtime/jobrunner.h"
#include "runtime/workerpool.h"
#include "service/openapidocument.h"

#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <iostream>
#include <pthread.h>
#include <sys/resource.h>

#ifndef SBOR_VERSION
#define SBOR_VERSION "0.0.0"
#endif

namespace sbor {
namespace {

constexpr int kExitOk = 0;
constexpr int kExitStartFailure = 1;
constexpr int kExitUsage = 2;

// Signals are received by sigwait in the main thread; every other thread inherits this mask.
// SIGCHLD too: the death of the embedded PostgreSQL must end the server, not go unnoticed.
sigset_t blockProcessSignals()
{
    sigset_t signals;
    sigemptyset(&signals);
    sigaddset(&signals, SIGTERM);
    sigaddset(&signals, SIGINT);
    sigaddset(&signals, SIGCHLD);
    pthread_sigmask(SIG_BLOCK, &signals, nullptr);
    std::signal(SIGPIPE, SIG_IGN);
    return signals;
}

// During start-up nobody sits in sigwait: the steps that can take long poll this instead, so a
// SIGTERM or Ctrl-C stops a start that waits for PostgreSQL or the migration lock.
bool stopRequested()
{
    sigset_t stopSignals;
    sigemptyset(&stopSignals);
    sigaddset(&stopSignals, SIGTERM);
    sigaddset(&stopSignals, SIGINT);
    const timespec immediately{0, 0};
    return sigtimedwait(&stopSignals, nullptr, &immediately) > 0;
}

// 500+ concurrent connections need more descriptors than the usual soft limit of 1024.
void raiseDescriptorLimit()
{
    rlimit limit{};
    if (getrlimit(RLIMIT_NOFILE, &limit) == 0 && limit.rlim_cur < limit.rlim_max) {
        limit.rlim_cur = limit.rlim_max;
        setrlimit(RLIMIT_NOFILE, &limit);
    }
}

int failStart(const std::string& message, const nlohmann::json& fields = nlohmann::json::object())
{
    log::error(message, fields);
    return kExitStartFailure;
}

Result<Config> loadConfiguration(const CommandLine& line, char** environment)
{
    Config config(coreConfigSchema());
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
        return Error(ErrorCode::ValidationFailed, "log.level must be debug, info, warn or error, got '" +
                                                      config.getString("log.level") + "' (" + config.originOf("log.level") + ")");
    for (const char* key : {"http.listen", "live.listen"}) {
        const auto parsed = http::parseListenAddress(config.getString(key));
        if (!parsed.ok)
            return Error(ErrorCode::ValidationFailed, std::string(key) + " '" + config.getString(key) + "' (" +
                                                          config.originOf(key) + "): " + parsed.problem);
    }
    for (const char* key : {"http.body_limit_bytes", "http.request_timeout_ms", "http.workers", "http.max_queued_requests",
                            "database.pool_size", "database.acquire_timeout_ms"}) {
        if (config.getInteger(key) <= 0)
            return Error(ErrorCode::ValidationFailed, std::string(key) + " must be positive (" + config.originOf(key) + ")");
    }
    return config;
}

} // namespace

namespace {
int runServerUnguarded(const std::vector<std::string>& arguments, char** environment);
}

int runServer(const std::vector<std::string>& arguments, char** environment)
{
    try {
        return runServerUnguarded(arguments, environment);
    } catch (const std::exception& e) {
        // "Cannot happen" paths end here with a message and exit code 1, not std::terminate.
        log::error("sbor-server stopped on an unexpected error", {{"error", e.what()}});
        return kExitStartFailure;
    }
}

namespace {

int runServerUnguarded(const std::vector<std::string>& arguments, char** environment)
{
    const CommandLine line = parseCommandLine(arguments);
    if (!line.problem.empty()) {
        std::cerr << "sbor-server: " << line.problem << "\n";
        return kExitUsage;
    }
    if (line.help) {
        std::cout << usageText();
        return kExitOk;
    }
    if (line.version) {
        std::cout << "sbor-server " << SBOR_VERSION << "\n";
        return kExitOk;
    }
    const ServiceCatalog catalog = builtinServices();
    if (line.listTargets) {
        std::cout << catalog.describeTargets();
        return kExitOk;
    }

    const sigset_t processSignals = blockProcessSignals();
    raiseDescriptorLimit();

    auto loaded = loadConfiguration(line, environment);
    if (!loaded) {
        log::error(loaded.error().message, {{"details", loaded.error().details}});
        return kExitUsage;
    }
    const Config& config = *loaded;
    log::setMinimumLevel(*log::parseLevel(config.getString("log.level")));
    for (const auto& name : config.unknownEnvironmentNames())
        log::warn("ignoring environment variable that names no configuration key", {{"variable", name}});

    auto targets = catalog.resolveTargets(config.getList("server.target"));
    if (!targets) {
        log::error(targets.error().message, {{"details", targets.error().details}});
        return kExitUsage;
    }
    log::info("starting sbor-server", {{"version", SBOR_VERSION}, {"services", *targets}, {"config", config.redactedValues()}});

    // Database: the configured server, or our own private cluster.
    std::unique_ptr<db::EmbeddedPostgres> embedded;
    std::string databaseUrl = config.getString("database.url");
    if (databaseUrl.empty()) {
        std::string dataDir = config.getString("data_dir");
        if (dataDir.empty())
            dataDir = db::defaultDataDir();
        auto started = db::EmbeddedPostgres::start({dataDir, config.getString("database.embedded_bin_dir"), "sbor",
                                                    config.getBoolean("database.embedded_unsafe_fast"), stopRequested});
        if (!started && started.error().code == ErrorCode::ShuttingDown) {
            log::info("stopped during start-up");
            return kExitOk;
        }
        if (!started)
            return failStart(started.error().message, started.error().details);
        embedded = std::move(started).value();
        databaseUrl = embedded->connectionString();
    }

    db::ConnectionPool pool({databaseUrl, static_cast<std::size_t>(config.getInteger("database.pool_size")),
                             std::chrono::milliseconds(config.getInteger("database.acquire_timeout_ms")),
                             std::chrono::milliseconds(config.getInteger("database.statement_timeout_ms")), "sbor-server"});

    std::vector<std::unique_ptr<Service>> services;
    for (const auto& name : *targets)
        services.push_back(catalog.find(name)->create());

    try {
        db::MigrationRunner migrations(pool);
        for (const auto& service : services) {
            auto report = migrations.apply(service->name(), service->migrations());
            if (!report)
                return failStart(report.error().message, report.error().details);
        }
    } catch (const std::exception& e) {
        return failStart(std::string("cannot prepare the database: ") + e.what(),
                         {{"database", redactSecret("database.url", databaseUrl)}});
    }

    MetricsRegistry metrics;
    ServerState state;
    state.version = SBOR_VERSION;
    state.activeServices = *targets;
    state.openApiDocument = buildOpenApiDocument(services, SBOR_VERSION).dump(2);
    ServiceContext context{config, pool, metrics, state};

    http::Router router;
    for (const auto& service : services)
        service->registerRoutes(router, context);

    WorkerPool workers("http", static_cast<std::size_t>(config.getInteger("http.workers")),
                       static_cast<std::size_t>(config.getInteger("http.max_queued_requests")));
    DeadlineTimer timer;
    http::RequestPipeline pipeline({static_cast<std::size_t>(config.getInteger("http.body_limit_bytes")),
                                    std::chrono::milliseconds(config.getInteger("http.request_timeout_ms")),
                                    config.getList("http.cors_origins"), config.getBoolean("http.access_log")},
                                   router, metrics, workers, timer);

    const http::ListenAddress address = http::parseListenAddress(config.getString("http.listen")).address;
    std::unique_ptr<http::HttpServer> server;
    try {
        server = http::makeHttpServer(address, pipeline);
        server->start();
    } catch (const std::exception& e) {
        return failStart(e.what(), {{"http", address.text()}});
    }
    if (stopRequested()) {
        log::info("stopped during start-up");
        return kExitOk; // destructors stop the listener, the pool and PostgreSQL in order
    }

    JobRunner jobs;
    for (const auto& service : services) {
        for (auto& job : service->backgroundJobs(context))
            jobs.start(std::move(job));
    }

    log::info("listening", {{"http", "http://" + address.text()}, {"live", config.getString("live.listen")},
                            {"services", *targets}, {"database", embedded ? "embedded" : "external"}});
    std::printf("sbor-server %s listening on http://%s (services: %zu, database: %s)\n", SBOR_VERSION, address.text().c_str(),
                services.size(), embedded ? "embedded" : "external");
    std::fflush(stdout);

    int exitCode = kExitOk;
    int signal = 0;
    for (;;) {
        sigwait(&processSignals, &signal);
        if (signal != SIGCHLD)
            break;
        if (embedded && embedded->hasExited()) {
            exitCode = kExitStartFailure; // a supervisor should restart us with a working database
            break;
        }
    }
    // Readiness turns 503 first, then new requests are refused while in-flight ones finish.
    state.draining = true;
    pipeline.beginDraining();
    const auto grace = std::chrono::milliseconds(config.getInteger("http.shutdown_grace_ms"));
    log::info("shutting down", {{"signal", signal == SIGTERM ? "SIGTERM" : signal == SIGINT ? "SIGINT" : "SIGCHLD"},
                                {"in_flight", pipeline.inFlight()}, {"grace_ms", grace.count()}});
    if (!pipeline.waitUntilIdle(grace))
        log::warn("in-flight requests still running after the grace period", {{"in_flight", pipeline.inFlight()}});
    server->stop();
    jobs.stop();
    workers.stop();
    timer.stop();
    pool.close();
    if (embedded)
        embedded->stop();
    log::info("stopped", {{"exit_code", exitCode}});
    return exitCode;
}

} // namespace
} // namespace sbor
