#include "servermodules.h"

#include "configuration.h"
#include "processhealthreport.h"

#include "access/accesscontrol.h"
#include "bus/inprocessbus.h"
#include "bus/kafkabus.h"
#include "bus/logshipper.h"
#include "bus/outboxrelay.h"
#include "cluster/clustersettings.h"
#include "cluster/contractendpoints.h"
#include "cluster/remotecontracts.h"
#include "db/connectionpool.h"
#include "db/embeddedpostgres.h"
#include "http/clientratelimit.h"
#include "http/httpserver.h"
#include "http/requestpipeline.h"
#include "log/logger.h"
#include "metrics/metricsregistry.h"
#include "outbox/outbox.h"
#include "runtime/deadlinetimer.h"
#include "runtime/jobrunner.h"
#include "runtime/modulemanager.h"
#include "runtime/workerpool.h"
#include "service/openapidocument.h"

#ifndef SBOR_VERSION
#define SBOR_VERSION "0.0.0"
#endif

namespace sbor {

ServerParts::ServerParts(const Config& config, std::vector<std::string> targets, bool distributed)
    : config(config),
      targets(std::move(targets)),
      localServices(this->targets.begin(), this->targets.end()),
      distributed(distributed)
{}

ServerParts::~ServerParts() = default;

namespace {

[[noreturn]] void failStart(const std::string& message, nlohmann::json details = nlohmann::json::object())
{
    throw StartFailure(kExitStartFailure, Error(ErrorCode::Internal, message, std::move(details)));
}

[[noreturn]] void stoppedDuringStartUp()
{
    throw StartFailure(kExitOk, Error(ErrorCode::ShuttingDown, "stopped during start-up"));
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

// The configured server, or our own private cluster.
void startDatabase(ServerParts& parts)
{
    auto database = connectDatabase(parts.config, parts.stopRequested, false);
    if (!database && database.error().code == ErrorCode::ShuttingDown)
        stoppedDuringStartUp();
    if (!database)
        failStart(database.error().message, database.error().details);
    parts.embedded = std::move(database->embedded);
    parts.databaseUrl = database->url;
    parts.dataDir = database->dataDir;
    const Config& config = parts.config;
    parts.pool = std::make_unique<db::ConnectionPool>(
        db::PoolOptions{parts.databaseUrl, static_cast<std::size_t>(config.getInteger("database.pool_size")),
                        std::chrono::milliseconds(config.getInteger("database.acquire_timeout_ms")),
                        std::chrono::milliseconds(config.getInteger("database.statement_timeout_ms")), "sbor-server"});
}

void stopDatabase(ServerParts& parts)
{
    parts.pool->close();
    if (parts.embedded)
        parts.embedded->stop();
}

void migrate(ServerParts& parts, const ServiceCatalog& catalog)
{
    for (const auto& name : parts.targets)
        parts.services.push_back(catalog.find(name)->create());
    if (auto migrated = applyMigrations(*parts.pool, parts.services, parts.databaseUrl); !migrated)
        failStart(migrated.error().message, migrated.error().details);
}

void startMetrics(ServerParts& parts)
{
    parts.metrics = std::make_unique<MetricsRegistry>();
    parts.state.version = SBOR_VERSION;
    parts.state.activeServices = parts.targets;
    parts.state.openApiDocument = buildOpenApiDocument(parts.services, SBOR_VERSION).dump(2);
}

// Distributed mode: some service runs in another process. Its contracts are then reached over
// HTTP, and this process's own are served to the others — behind the shared token.
void wireRemoteContracts(ServerParts& parts, const ServiceCatalog& catalog, const cluster::ClusterSettings& cluster)
{
    const auto wiring = cluster::provideRemoteContracts(*parts.context->directory, cluster, parts.localServices,
                                                        catalog.dependenciesOutside(parts.targets));
    if (!wiring.missingAddresses.empty()) {
        std::string keys;
        for (const auto& service : wiring.missingAddresses)
            keys += (keys.empty() ? "" : ", ") + cluster::serviceUrlKey(service);
        throw StartFailure(
            kExitUsage,
            Error(
                ErrorCode::ValidationFailed,
                "the services of this process call services that run elsewhere, but their addresses are not configured: set " +
                    keys,
                {{"missing", wiring.missingAddresses}}));
    }
    parts.context->authenticator = wiring.authenticator; // replaced by the auth service itself when it runs here
}

void startServices(ServerParts& parts, const ServiceCatalog& catalog)
{
    parts.context = std::make_unique<ServiceContext>(
        ServiceContext{parts.config, *parts.pool, *parts.metrics, parts.state, parts.dataDir, nullptr});
    const auto cluster = cluster::ClusterSettings::fromConfig(parts.config);
    if (parts.distributed)
        wireRemoteContracts(parts, catalog, cluster);
    std::vector<std::string> outboxSchemas;
    for (const auto& service : parts.services)
        if (service->hasOutbox())
            outboxSchemas.push_back(service->name()); // a service's outbox is in its schema
    parts.context->directory->provide<ProcessHealthSource>(std::make_shared<ProcessHealthReport>(
        *parts.pool, *parts.metrics, parts.state, [p = &parts]() -> const bus::Bus* { return p->bus.get(); },
        std::move(outboxSchemas)));
    try {
        for (const auto& service : parts.services)
            service->init(*parts.context);
        for (const auto& service : parts.services)
            service->registerRoutes(parts.router);
        if (parts.distributed)
            cluster::registerContractEndpoints(parts.router, *parts.context->directory, parts.context->authenticator,
                                               parts.localServices, cluster.token);
    } catch (const ErrorException& e) {
        failStart(e.error().message, e.error().details);
    }
}

void startPipeline(ServerParts& parts)
{
    const Config& config = parts.config;
    parts.workers = std::make_unique<WorkerPool>(
        "http", static_cast<std::size_t>(config.getInteger("http.workers")),
        static_cast<std::size_t>(config.getInteger("http.max_queued_requests")));
    parts.timer = std::make_unique<DeadlineTimer>();
    parts.pipeline = std::make_unique<http::RequestPipeline>(
        http::PipelineOptions{static_cast<std::size_t>(config.getInteger("http.body_limit_bytes")),
                              std::chrono::milliseconds(config.getInteger("http.request_timeout_ms")),
                              config.getList("http.cors_origins"), config.getBoolean("http.access_log"),
                              *http::TrustedProxies::parse(config.getList("http.trusted_proxies"))},
        parts.router, *parts.metrics, *parts.workers, *parts.timer);
    // The gateway's checks, in order: the per-client limit (cheapest refusal first), then access.
    if (const auto perSecond = config.getInteger("http.rate_limit_per_second"); perSecond > 0) {
        parts.pipeline->addMiddleware(std::make_shared<http::ClientRateLimit>(
            static_cast<double>(perSecond), static_cast<double>(config.getInteger("http.rate_limit_burst"))));
    }
    parts.pipeline->addMiddleware(std::make_shared<access::AccessControl>(parts.context->authenticator));
}

void stopPipeline(ServerParts& parts)
{
    parts.workers->stop();
    parts.timer->stop();
}

void startBus(ServerParts& parts)
{
    try {
        if (const std::string brokers = parts.config.getString("kafka.brokers"); !brokers.empty())
            parts.bus = std::make_unique<bus::KafkaBus>(bus::KafkaSettings{brokers});
        else
            parts.bus = std::make_unique<bus::InProcessBus>();
    } catch (const std::exception& e) {
        failStart(e.what(), {{"kafka.brokers", parts.config.getString("kafka.brokers")}});
    }
}

void startJobRunner(ServerParts& parts)
{
    parts.jobs = std::make_shared<JobRunner>();
    // A commit that wrote an outbox row wakes its relay at once: messages leave within
    // milliseconds, not at the next poll (the poll stays, for rows written by other processes).
    // Set before any request can run; it never outlives the job runner it wakes.
    parts.pool->setWorkFinishedHook([weakJobs = std::weak_ptr<JobRunner>(parts.jobs)] {
        const auto schemas = outbox::takeWrittenSchemas();
        if (schemas.empty())
            return;
        if (const auto runner = weakJobs.lock())
            for (const auto& schema : schemas)
                runner->wake("outbox-relay-" + schema);
    });
}

void subscribeConsumers(ServerParts& parts)
{
    for (const auto& service : parts.services)
        for (auto& consumer : service->busConsumers())
            parts.bus->subscribe(consumer.group, consumer.topics, std::move(consumer.handler), consumer.delivery);
    // Consumer groups join in parallel; until they have partitions, a group that starts at the
    // newest offset (the live feed) would miss what is published meanwhile.
    parts.bus->awaitConsumers(std::chrono::seconds(30));
}

void startRelays(ServerParts& parts)
{
    const auto interval = std::chrono::milliseconds(parts.config.getInteger("bus.relay_interval_ms"));
    for (const auto& service : parts.services) {
        if (!service->hasOutbox())
            continue;
        parts.relays.push_back(std::make_unique<bus::OutboxRelay>(*parts.pool, service->name(), *parts.bus));
        bus::OutboxRelay* relay = parts.relays.back().get();
        parts.jobs->start({"outbox-relay-" + service->name(), interval, [relay] { relay->relayOnce(); }});
    }
}

void startServiceRuntimes(ServerParts& parts)
{
    try {
        for (const auto& service : parts.services)
            service->start();
    } catch (const ErrorException& e) {
        failStart(e.error().message, e.error().details);
    }
}

void stopServiceRuntimes(ServerParts& parts)
{
    for (auto service = parts.services.rbegin(); service != parts.services.rend(); ++service)
        (*service)->stop(); // the live hub closes its clients while everything behind it still runs
}

void startHttpServer(ServerParts& parts)
{
    const http::ListenAddress address = http::parseListenAddress(parts.config.getString("http.listen")).address;
    try {
        parts.httpServer = http::makeHttpServer(address, *parts.pipeline, engineLimits(parts.config));
        parts.httpServer->start();
    } catch (const std::exception& e) {
        failStart(e.what(), {{"http", address.text()}});
    }
    if (parts.stopRequested())
        stoppedDuringStartUp();
}

} // namespace

void addServerModules(ModuleManager& modules, ServerParts& parts, const ServiceCatalog& catalog)
{
    ServerParts* p = &parts;
    const ServiceCatalog* c = &catalog;
    modules.add({"database", {}, [p] { startDatabase(*p); }, [p] { stopDatabase(*p); }});
    modules.add({"migrations", {"database"}, [p, c] { migrate(*p, *c); }, {}});
    modules.add({"metrics", {"migrations"}, [p] { startMetrics(*p); }, {}});
    modules.add({"services", {"database", "metrics"}, [p, c] { startServices(*p, *c); }, {}});
    modules.add({"http-pipeline", {"services", "metrics"}, [p] { startPipeline(*p); }, [p] { stopPipeline(*p); }});
    modules.add({"bus",
                 {},
                 [p] { startBus(*p); },
                 [p] { p->bus->stop(); }}); // consumers finish their message while the database is there
    modules.add({"log-shipper",
                 {"bus"},
                 [p] {
                     if (!p->config.getBoolean("logs.ship"))
                         return;
                     p->logShipper = std::make_unique<bus::LogShipper>(*p->bus);
                     p->logShipper->start();
                 },
                 [p] {
                     if (p->logShipper)
                         p->logShipper->stop(); // what is queued goes out while the bus still runs
                 }});
    modules.add({"job-runner", {"database"}, [p] { startJobRunner(*p); }, [p] { p->jobs->stop(); }});
    modules.add({"bus-consumers", {"bus", "services"}, [p] { subscribeConsumers(*p); }, {}});
    modules.add({"background-jobs",
                 {"job-runner", "bus-consumers"},
                 [p] {
                     for (const auto& service : p->services)
                         for (auto& job : service->backgroundJobs())
                             p->jobs->start(std::move(job));
                 },
                 {}});
    modules.add({"outbox-relays", {"job-runner", "bus-consumers"}, [p] { startRelays(*p); }, {}});
    modules.add({"service-start",
                 {"services", "bus-consumers", "background-jobs", "outbox-relays"},
                 [p] { startServiceRuntimes(*p); },
                 [p] { stopServiceRuntimes(*p); }});
    modules.add({"http-server",
                 {"http-pipeline", "service-start"},
                 [p] { startHttpServer(*p); },
                 [p] { p->httpServer->stop(); }});
}

} // namespace sbor
