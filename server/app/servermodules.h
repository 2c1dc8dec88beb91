#pragma once
// The infrastructure of one sbor-server process as modules (runtime/modulemanager.h), in the
// order they start — each also names what it needs, and they stop in reverse:
//   database        the configured PostgreSQL or the embedded one, and the connection pool
//   migrations      every local service's migrations, in catalog order
//   metrics         the registry and the process facts (/metrics, /api/v1/version)
//   services        remote contracts (distributed mode), then each service's init() and routes
//   http-pipeline   the worker pool, the deadline timer, the request pipeline and its middleware
//   bus             Kafka when kafka.brokers is set, else the in-process bus
//   log-shipper     this process's log lines onto the bus (logs.ship)
//   job-runner      the background job threads; a commit that wrote an outbox row wakes its relay
//   bus-consumers   the services' subscriptions, joined before anything is relayed
//   background-jobs the services' jobs
//   outbox-relays   one relay per service outbox
//   service-start   each service's start() (the live hub's socket); stop() in reverse
//   http-server     the REST API opens last, when everything behind it runs, and closes first
// A module that cannot start throws StartFailure; the process exits with its code and message.

#include "config/config.h"
#include "http/router.h"
#include "service/service.h"
#include "service/servicecatalog.h"

#include <sbor/error.h>

#include <functional>
#include <memory>
#include <set>
#include <stdexcept>
#include <string>
#include <vector>

namespace sbor {

class DeadlineTimer;
class JobRunner;
class MetricsRegistry;
class ModuleManager;
class WorkerPool;
namespace bus {
class Bus;
class LogShipper;
class OutboxRelay;
} // namespace bus
namespace db {
class ConnectionPool;
class EmbeddedPostgres;
} // namespace db
namespace http {
class HttpServer;
class RequestPipeline;
} // namespace http

inline constexpr int kExitOk = 0;
inline constexpr int kExitStartFailure = 1;
inline constexpr int kExitUsage = 2;

// Why a module could not start and what the process should exit with. Exit code 0 is a stop
// asked for (SIGTERM) while the process was starting: logged at info, not as an error.
class StartFailure : public std::runtime_error {
public:
    StartFailure(int exitCode, Error error)
        : std::runtime_error(error.message), m_exitCode(exitCode), m_error(std::move(error))
    {}
    int exitCode() const { return m_exitCode; }
    const Error& error() const { return m_error; }

private:
    int m_exitCode;
    Error m_error;
};

// What one process is made of, filled in by its modules in start order. The members are
// destroyed in reverse: the listener first, the database last.
struct ServerParts {
    ServerParts(const Config& config, std::vector<std::string> targets, bool distributed);
    ~ServerParts();

    const Config& config;
    const std::vector<std::string> targets;
    const std::set<std::string> localServices;
    const bool distributed;
    std::function<bool()> stopRequested; // polled by steps that may wait long

    std::unique_ptr<db::EmbeddedPostgres> embedded;
    std::string databaseUrl;
    std::string dataDir; // keys and files that must survive restarts
    std::unique_ptr<db::ConnectionPool> pool;
    std::vector<std::unique_ptr<Service>> services;
    std::unique_ptr<MetricsRegistry> metrics;
    ServerState state;
    std::unique_ptr<ServiceContext> context;
    http::Router router;
    std::unique_ptr<WorkerPool> workers;
    std::unique_ptr<DeadlineTimer> timer;
    std::unique_ptr<http::RequestPipeline> pipeline;
    std::unique_ptr<bus::Bus> bus;
    std::unique_ptr<bus::LogShipper> logShipper;
    std::vector<std::unique_ptr<bus::OutboxRelay>> relays; // before the job runner: they outlive the jobs that run them
    std::shared_ptr<JobRunner> jobs;
    std::unique_ptr<http::HttpServer> httpServer;
};

void addServerModules(ModuleManager& modules, ServerParts& parts, const ServiceCatalog& catalog);

} // namespace sbor
