#pragma once
// What a service is to sbor-server (the Loki/Mimir pattern, architecture.md §3): one object that
// registers its routes, migrations and background jobs. A service never knows whether it runs
// alone or with all the others; it gets its dependencies from the ServiceContext.

#include "access/access.h"
#include "bus/bus.h"
#include "db/migration.h"
#include "http/router.h"
#include "runtime/jobrunner.h"
#include "service/servicedirectory.h"

#include <atomic>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace sbor {

class Config;
class ConfigSchema;
class MetricsRegistry;
namespace db {
class ConnectionPool;
}

// A service's subscription to the bus: the group names the consumer (Kafka consumer group),
// the handler runs each message of the topics once per group (see bus/inbox.h).
struct BusConsumer {
    std::string group;
    std::vector<std::string> topics;
    bus::Handler handler;
    bus::Delivery delivery = bus::Delivery::AtLeastOnce;
};

// Process-wide facts a service may read.
struct ServerState {
    std::atomic<bool> draining{false};
    std::vector<std::string> activeServices;
    std::string version;
    std::string openApiDocument; // served at /api/v1/openapi.json
};

struct ServiceContext {
    const Config& config;
    db::ConnectionPool& database;
    MetricsRegistry& metrics;
    ServerState& state;
    std::string dataDir; // keys and files that must survive restarts
    // Set by the auth service when it runs in this process; the gateway's AccessControl asks it.
    std::shared_ptr<access::Authenticator> authenticator;
    // Contracts services provide to each other (contracts.h).
    std::shared_ptr<ServiceDirectory> directory = std::make_shared<ServiceDirectory>();
};

// The order sbor-server calls a service in (server/app), each step once, every service's step
// before any service's next one, services in the catalog's order (a service that provides a
// contract or the authenticator comes before those that use them):
//   1. migrations()         applied before anything else runs
//   2. init(context)        reads its settings and builds its objects; provides its contracts
//                           in context.directory. The only step that sees the context.
//   3. registerRoutes()     hands its routes to the router (the REST API opens after all of them)
//   4. busConsumers()       once the bus is up; subscribed before any outbox is relayed
//   5. backgroundJobs()     started after the consumers joined, with the outbox relays
//   6. start()              begins serving what is not the REST API (the live hub's socket)
//   7. stop()               at shutdown, in reverse order, once the REST API stopped taking requests
// Steps 3–5 only hand out what init() built: they read no settings and build nothing.
class Service {
public:
    virtual ~Service() = default;
    virtual std::string name() const = 0;
    virtual std::vector<db::Migration> migrations() const { return {}; }
    // Throws ErrorException when the service cannot start (bad settings, unreadable key): the
    // server then exits with the message instead of running without it.
    virtual void init(ServiceContext& context) {}
    virtual void registerRoutes(http::Router& router) {}
    virtual std::vector<BusConsumer> busConsumers() { return {}; }
    virtual std::vector<BackgroundJob> backgroundJobs() { return {}; }
    // Throws ErrorException when it cannot (the server then exits with the message).
    virtual void start() {}
    virtual void stop() {}
    // True when the service keeps `<name>.outbox`: the process then relays it onto the bus.
    virtual bool hasOutbox() const { return false; }
    // The OpenAPI "paths" object (JSON text) describing this service's public routes; a test
    // checks it against the routes the service actually registers.
    virtual std::string_view apiDescription() const { return {}; }
};

} // namespace sbor
