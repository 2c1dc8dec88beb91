#pragma once
// GET /api/v1/admin/health: every process asked about itself (in the distributed mode over its
// internal address, each at once and briefly: a stopped process must not stall the report), the
// notifications service about its webhooks, and the answers judged: amber when something grows
// that should not (a backlog, a lag, errors, webhooks given up on), red when a process does not
// answer, is not ready, or a backlog has stood for minutes.

#include "sbor/wire/health.h"

#include "cluster/clustersettings.h"
#include "service/servicedirectory.h"

#include <memory>
#include <set>
#include <string>
#include <vector>

namespace sbor::admin {

// Where the thresholds are (docs/admin.md lists them).
struct HealthThresholds {
    double outboxAmberSeconds = 30;
    double outboxRedSeconds = 300;
    std::int64_t lagAmber = 100;
    std::int64_t lagRed = 10000;
    double errorShareAmber = 0.05; // of the requests in the window, once there are minRequests
    double errorShareRed = 0.25;
    double minRequests = 20;
    double rateLimitedAmberPerMinute = 60;
    std::int64_t webhookRetryingAmber = 100;
};

// The problems `health`'s processes and webhooks show, worst first; sets health.status.
void judgeHealth(wire::PlatformHealth& health, const HealthThresholds& thresholds = {});

class PlatformHealthCheck {
public:
    // `localServices`: what this process runs; every other service with a configured address in
    // `cluster` runs in a process asked over HTTP (services sharing an address share a process).
    PlatformHealthCheck(std::shared_ptr<ServiceDirectory> directory, cluster::ClusterSettings cluster,
                        std::set<std::string> localServices);

    wire::PlatformHealth check();

private:
    struct RemoteProcess {
        std::vector<std::string> services;
        std::string askedService; // whose address the call goes to
    };
    wire::ProcessHealth askRemote(const RemoteProcess& process) const;

    std::shared_ptr<ServiceDirectory> m_directory;
    cluster::ClusterSettings m_cluster;
    std::vector<RemoteProcess> m_remote;
};

} // namespace sbor::admin
