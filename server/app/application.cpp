#include "application.h"

#include "builtinservices.h"
#include "commandline.h"
#include "configuration.h"
#include "servermodules.h"
#include "usercommand.h"

#include "cluster/clustersettings.h"
#include "config/config.h"
#include "db/embeddedpostgres.h"
#include "http/httpserver.h"
#include "http/requestpipeline.h"
#include "log/logger.h"
#include "runtime/modulemanager.h"

#include <csignal>
#include <cstdio>
#include <iostream>
#include <optional>
#include <pthread.h>
#include <set>
#include <sys/resource.h>

#ifndef SBOR_VERSION
#define SBOR_VERSION "0.0.0"
#endif

namespace sbor {
namespace {

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

// --help, --version and --list-targets are answered without starting anything.
std::optional<int> answerWithoutStarting(const CommandLine& line, const ServiceCatalog& catalog)
{
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
    if (line.listTargets) {
        std::cout << catalog.describeTargets();
        return kExitOk;
    }
    return std::nullopt;
}

struct ProcessPlan {
    std::vector<std::string> targets;
    bool distributed = false; // some service of the deployment runs in another process
};

// The services this process runs; nullopt (after saying why) when the configuration cannot run.
std::optional<ProcessPlan> planProcess(const Config& config, const ServiceCatalog& catalog)
{
    auto targets = catalog.resolveTargets(config.getList("server.target"));
    if (!targets) {
        log::error(targets.error().message, {{"details", targets.error().details}});
        return std::nullopt;
    }
    const std::set<std::string> localServices(targets->begin(), targets->end());
    ProcessPlan plan{*targets, false};
    for (const auto& entry : catalog.entries())
        plan.distributed = plan.distributed || (entry.partOfAll && !localServices.count(entry.name));
    if (localServices.count("gateway") && localServices.size() > 2) {
        log::error(
            "the gateway runs in a process of its own: it routes to the services' processes (run --target=gateway)",
            {{"services", *targets}});
        return std::nullopt;
    }
    if (plan.distributed && cluster::ClusterSettings::fromConfig(config).token.empty()) {
        log::error(
            "a process that runs only some services needs cluster.token (SBOR_CLUSTER_TOKEN), the secret every process of "
            "the deployment shares for internal calls",
            {{"services", *targets}});
        return std::nullopt;
    }
    return plan;
}

void announceListening(const ServerParts& parts)
{
    const std::string address = http::parseListenAddress(parts.config.getString("http.listen")).address.text();
    const char* database = parts.embedded ? "embedded" : "external";
    log::info("listening",
              {{"http", "http://" + address},
               {"live", parts.config.getString("live.listen")},
               {"services", parts.targets},
               {"database", database}});
    std::printf("sbor-server %s listening on http://%s (services: %zu, database: %s)\n", SBOR_VERSION, address.c_str(),
                parts.services.size(), database);
    std::fflush(stdout);
}

struct StopReason {
    int signal = 0;
    int exitCode = kExitOk;
};

// Until SIGTERM or SIGINT, or the end of the embedded PostgreSQL: then a supervisor should
// restart us with a working database.
StopReason waitForStop(const sigset_t& processSignals, const ServerParts& parts)
{
    StopReason reason;
    for (;;) {
        sigwait(&processSignals, &reason.signal);
        if (reason.signal != SIGCHLD)
            return reason;
        if (parts.embedded && parts.embedded->hasExited()) {
            reason.exitCode = kExitStartFailure;
            return reason;
        }
    }
}

// Readiness turns 503 first, then new requests are refused while in-flight ones finish.
void drain(ServerParts& parts, int signal)
{
    parts.state.draining = true;
    parts.pipeline->beginDraining();
    const auto grace = std::chrono::milliseconds(parts.config.getInteger("http.shutdown_grace_ms"));
    log::info("shutting down",
              {{"signal",
                signal == SIGTERM      ? "SIGTERM"
                    : signal == SIGINT ? "SIGINT"
                                       : "SIGCHLD"},
               {"in_flight", parts.pipeline->inFlight()},
               {"grace_ms", grace.count()}});
    if (!parts.pipeline->waitUntilIdle(grace))
        log::warn("in-flight requests still running after the grace period",
                  {{"in_flight", parts.pipeline->inFlight()}});
}

void reportStopFailure(const std::string& module, const std::string& problem)
{
    log::error("a part of the server did not stop cleanly", {{"module", module}, {"error", problem}});
}

int serve(const Config& config, const ServiceCatalog& catalog, ProcessPlan plan, const sigset_t& processSignals)
{
    ServerParts parts(config, std::move(plan.targets), plan.distributed);
    parts.stopRequested = stopRequested;
    ModuleManager modules;
    addServerModules(modules, parts, catalog);
    try {
        modules.startAll();
    } catch (const StartFailure& failure) {
        if (failure.exitCode() == kExitOk)
            log::info(failure.error().message);
        else
            log::error(failure.error().message, failure.error().details);
        modules.stopAll(reportStopFailure);
        return failure.exitCode();
    } catch (const std::exception& e) {
        log::error("sbor-server stopped on an unexpected error", {{"error", e.what()}});
        modules.stopAll(reportStopFailure);
        return kExitStartFailure;
    }
    announceListening(parts);
    const StopReason reason = waitForStop(processSignals, parts);
    drain(parts, reason.signal);
    modules.stopAll(reportStopFailure);
    log::info("stopped", {{"exit_code", reason.exitCode}});
    return reason.exitCode;
}

int runServerUnguarded(const std::vector<std::string>& arguments, char** environment)
{
    if (!arguments.empty() && arguments.front() == "user")
        return runUserCommand({arguments.begin() + 1, arguments.end()}, environment);
    const CommandLine line = parseCommandLine(arguments);
    const ServiceCatalog catalog = builtinServices();
    if (const auto answered = answerWithoutStarting(line, catalog))
        return *answered;

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
    auto plan = planProcess(config, catalog);
    if (!plan)
        return kExitUsage;
    log::info("starting sbor-server",
              {{"version", SBOR_VERSION}, {"services", plan->targets}, {"config", config.redactedValues()}});
    return serve(config, catalog, std::move(*plan), processSignals);
}

} // namespace

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

} // namespace sbor
