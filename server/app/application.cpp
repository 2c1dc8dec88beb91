#include "application.h"

#include "builtinservices.h"
#include "bus/inprocessbus.h"
#include "bus/kafkabus.h"
#include "bus/logshipper.h"
#include "bus/outboxrelay.h"
#include "configuration.h"
#include "usercommand.h"
#include "commandline.h"
#include "config/config.h"
#include "db/connectionpool.h"
#include "db/embeddedpostgres.h"
#include "db/migrationrunner.h"
#include "access/accesscontrol.h"
#include "cluster/clustersettings.h"
#include "cluster/contractendpoints.h"
#include "cluster/remotecontracts.h"
#include "http/clientratelimit.h"
#include "http/httpserver.h"
#include "http/requestpipeline.h"
#include "log/logger.h"
#include "outbox/outbox.h"
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
#include <set>
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

http::EngineLimits engineLimits(const Config& config)
{
    const auto bytes = [&config](const char* key) { return static_cast<std::size_t>(config.getInteger(key)); };
    const auto milliseconds = [&config](const char* key) { return std::chrono::milliseconds(config.getInteger(key)); };
    http::EngineLimits limits;
    limits.ioThreads = static_cast<int>(config.getInteger("http.io_threads"));
    limits.requestLineBytes = bytes("http.request_line_limit_bytes");
    limits.headerBytes = bytes("http.header_limit_bytes");
    limits.headerCount = bytes("http.max_headers");
    limits.chunkedBodyBytes = bytes("http.chunked_body_limit_bytes");
    limits.headerTimeout = milliseconds("http.header_timeout_ms");
    limits.bodyTimeout = milliseconds("http.body_timeout_ms");
    limits.idleTimeout = milliseconds("http.idle_timeout_ms");
    limits.maxConnections = bytes("http.max_connections");
    return limits;
}

int failStart(const std::string& message, const nlohmann::json& fields = nlohmann::json::object())
{
    log::error(message, fields);
    return kExitStartFailure;
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
    if (!arguments.empty() && arguments.front() == "user")
        return runUserCommand({arguments.begin() + 1, arguments.end()}, environment);
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
    const std::set<std::string> localServices(targets->begin(), targets->end());
    const auto cluster = cluster::ClusterSettings::fromConfig(config);
    // Distributed mode: some service runs in another process. Its contracts are then reached over
    // HTTP, and this process's own are served to the others — behind the shared token.
    bool distributed = false;
    for (const auto& entry : catalog.entries())
        distributed = distributed || (entry.partOfAll && !localServices.count(entry.name));
    if (localServices.count("gateway") && localServices.size() > 2) {
        log::error("the gateway runs in a process of its own: it routes to the services' processes (run --target=gateway)",
                   {{"services", *targets}});
        return kExitUsage;
    }
    if (distributed && cluster.token.empty()) {
        log::error("a process that runs only some services needs cluster.token (SBOR_CLUSTER_TOKEN), the secret every process of "
                   "the deployment shares for internal calls", {{"services", *targets}});
        return kExitUsage;
    }
    log::info("starting sbor-server", {{"version", SBOR_VERSION}, {"services", *targets}, {"config", config.redactedValues()}});

    // Database: the configured server, or our own private cluster.
    auto database = connectDatabase(config, stopRequested, false);
    if (!database && database.error().code == ErrorCode::ShuttingDown) {
        log::info("stopped during start-up");
        return kExitOk;
    }
    if (!database)
        return failStart(database.error().message, database.error().details);
    std::unique_ptr<db::EmbeddedPostgres> embedded = std::move(database->embedded);
    const std::string databaseUrl = database->url;

    db::ConnectionPool pool({databaseUrl, static_cast<std::size_t>(config.getInteger("database.pool_size")),
                             std::chrono::milliseconds(config.getInteger("database.acquire_timeout_ms")),
                             std::chrono::milliseconds(config.getInteger("database.statement_timeout_ms")), "sbor-server"});

    std::vector<std::unique_ptr<Service>> services;
    for (const auto& name : *targets)
        services.push_back(catalog.find(name)->create());

    if (auto migrated = applyMigrations(pool, services, databaseUrl); !migrated)
        return failStart(migrated.error().message, migrated.error().details);

    MetricsRegistry metrics;
    ServerState state;
    state.version = SBOR_VERSION;
    state.activeServices = *targets;
    state.openApiDocument = buildOpenApiDocument(services, SBOR_VERSION).dump(2);
    ServiceContext context{config, pool, metrics, state, database->dataDir, nullptr};

    if (distributed) {
        const auto wiring = cluster::provideRemoteContracts(*context.directory, cluster, localServices, catalog.dependenciesOutside(*targets));
        if (!wiring.missingAddresses.empty()) {
            std::string keys;
            for (const auto& service : wiring.missingAddresses)
                keys += (keys.empty() ? "" : ", ") + cluster::serviceUrlKey(service);
            log::error("the services of this process call services that run elsewhere, but their addresses are not configured: set " + keys,
                       {{"missing", wiring.missingAddresses}});
            return kExitUsage;
        }
        context.authenticator = wiring.authenticator; // replaced by the auth service itself when it runs here
    }

    http::Router router;
    try {
        for (const auto& service : services)
            service->registerRoutes(router, context);
        if (distributed)
            cluster::registerContractEndpoints(router, *context.directory, context.authenticator, localServices, cluster.token);
    } catch (const ErrorException& e) {
        return failStart(e.error().message, e.error().details);
    }

    WorkerPool workers("http", static_cast<std::size_t>(config.getInteger("http.workers")),
                       static_cast<std::size_t>(config.getInteger("http.max_queued_requests")));
    DeadlineTimer timer;
    http::RequestPipeline pipeline({static_cast<std::size_t>(config.getInteger("http.body_limit_bytes")),
                                    std::chrono::milliseconds(config.getInteger("http.request_timeout_ms")),
                                    config.getList("http.cors_origins"), config.getBoolean("http.access_log"),
                                    *http::TrustedProxies::parse(config.getList("http.trusted_proxies"))},
                                   router, metrics, workers, timer);
    // The gateway's checks, in order: the per-client limit (cheapest refusal first), then access.
    if (const auto perSecond = config.getInteger("http.rate_limit_per_second"); perSecond > 0) {
        pipeline.addMiddleware(std::make_shared<http::ClientRateLimit>(static_cast<double>(perSecond),
                                                                       static_cast<double>(config.getInteger("http.rate_limit_burst"))));
    }
    pipeline.addMiddleware(std::make_shared<access::AccessControl>(context.authenticator));

    // The bus, fed only from the outboxes: Kafka when `kafka.brokers` names a cluster, else the
    // in-process bus. Made before the REST API opens, so the first commit already has a relay to wake.
    std::unique_ptr<bus::Bus> ownedBus;
    try {
        if (const std::string brokers = config.getString("kafka.brokers"); !brokers.empty())
            ownedBus = std::make_unique<bus::KafkaBus>(bus::KafkaSettings{brokers});
        else
            ownedBus = std::make_unique<bus::InProcessBus>();
    } catch (const std::exception& e) {
        return failStart(e.what(), {{"kafka.brokers", config.getString("kafka.brokers")}});
    }
    bus::Bus& eventBus = *ownedBus;
    std::unique_ptr<bus::LogShipper> logShipper;
    // Relays are declared before the jobs that run them, so they outlive them.
    std::vector<std::unique_ptr<bus::OutboxRelay>> relays;
    auto jobs = std::make_shared<JobRunner>();
    // A commit that wrote an outbox row wakes its relay at once: messages leave within
    // milliseconds, not at the next poll (the poll stays, for rows written by other processes).
    // Set before any request can run; it never outlives the job runner it wakes.
    pool.setWorkFinishedHook([weakJobs = std::weak_ptr<JobRunner>(jobs)] {
        const auto schemas = outbox::takeWrittenSchemas();
        if (schemas.empty())
            return;
        if (const auto runner = weakJobs.lock())
            for (const auto& schema : schemas)
                runner->wake("outbox-relay-" + schema);
    });

    const http::ListenAddress address = http::parseListenAddress(config.getString("http.listen")).address;
    std::unique_ptr<http::HttpServer> server;
    try {
        server = http::makeHttpServer(address, pipeline, engineLimits(config));
        server->start();
    } catch (const std::exception& e) {
        return failStart(e.what(), {{"http", address.text()}});
    }
    if (stopRequested()) {
        log::info("stopped during start-up");
        return kExitOk; // destructors stop the listener, the pool and PostgreSQL in order
    }

    for (const auto& service : services)
        for (auto& consumer : service->busConsumers(context))
            eventBus.subscribe(consumer.group, consumer.topics, std::move(consumer.handler), consumer.delivery);
    // Consumer groups join in parallel; until they have partitions, a group that starts at the
    // newest offset (the live feed) would miss what is published meanwhile.
    eventBus.awaitConsumers(std::chrono::seconds(30));
    for (const auto& service : services) {
        for (auto& job : service->backgroundJobs(context))
            jobs->start(std::move(job));
        if (service->hasOutbox()) {
            relays.push_back(std::make_unique<bus::OutboxRelay>(pool, service->name(), eventBus));
            bus::OutboxRelay* relay = relays.back().get();
            jobs->start({"outbox-relay-" + service->name(), std::chrono::milliseconds(config.getInteger("bus.relay_interval_ms")),
                        [relay] { relay->relayOnce(); }});
        }
    }

    if (config.getBoolean("logs.ship")) {
        logShipper = std::make_unique<bus::LogShipper>(eventBus);
        logShipper->start();
    }
    try {
        for (const auto& service : services)
            service->start(context);
    } catch (const ErrorException& e) {
        return failStart(e.error().message, e.error().details);
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
    for (auto service = services.rbegin(); service != services.rend(); ++service)
        (*service)->stop(); // the live hub closes its clients while everything behind it still runs
    jobs->stop();
    if (logShipper)
        logShipper->stop(); // what is queued goes out while the bus still runs
    eventBus.stop(); // consumers finish their message while the database is still there
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
