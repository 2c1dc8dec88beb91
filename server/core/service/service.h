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
class MetricsRegistry;
namespace db { class ConnectionPool; }

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

class Service {
public:
    virtual ~Service() = default;
    virtual std::string name() const = 0;
    virtual std::vector<db::Migration> migrations() const { return {}; }
    // Throws ErrorException when the service cannot start (bad settings, unreadable key): the
    // server then exits with the message instead of running without it.
    virtual void registerRoutes(http::Router& router, ServiceContext& context) {}
    virtual std::vector<BackgroundJob> backgroundJobs(ServiceContext& context) { return {}; }
    // Begins serving what is not the REST API (the live hub's socket), once routes, bus and jobs
    // are in place. Throws ErrorException when it cannot (the server then exits with the message).
    virtual void start(ServiceContext& context) {}
    // The other half of start(), at shutdown, once the REST API stopped taking requests.
    virtual void stop() {}
    // Subscribed once the bus is up, before any outbox is relayed.
    virtual std::vector<BusConsumer> busConsumers(ServiceContext& context) { return {}; }
    // True when the service keeps `<name>.outbox`: the process then relays it onto the bus.
    virtual bool hasOutbox() const { return false; }
    // The OpenAPI "paths" object (JSON text) describing this service's public routes; a test
    // checks it against the routes the service actually registers.
    virtual std::string_view apiDescription() const { return {}; }
};

} // namespace sbor
