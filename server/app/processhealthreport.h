#pragma once
// This process's answer to "how are you?" (ProcessHealthSource): whether its database answers,
// how much each of its services' outboxes holds back and since when, how far each bus consumer
// is behind, and its request, error and rate-limit rates from its own metrics.

#include "service/healthcontracts.h"

#include <chrono>
#include <deque>
#include <functional>
#include <mutex>
#include <string>
#include <vector>

namespace sbor {

class MetricsRegistry;
struct ServerState;
namespace bus {
class Bus;
}
namespace db {
class ConnectionPool;
}

class ProcessHealthReport final : public ProcessHealthSource {
public:
    // `bus` is asked at each report: the bus starts after the services that hand this out.
    ProcessHealthReport(db::ConnectionPool& database, MetricsRegistry& metrics, ServerState& state,
                        std::function<const bus::Bus*()> bus, std::vector<std::string> outboxSchemas);

    wire::ProcessHealth report() override;

private:
    struct Sample {
        std::chrono::steady_clock::time_point at;
        double requests = 0;
        double errors = 0;
        double rateLimited = 0;
    };
    Sample sampleNow() const;
    wire::RequestRates requestRates();
    std::vector<wire::OutboxBacklog> outboxBacklogs();

    db::ConnectionPool& m_database;
    MetricsRegistry& m_metrics;
    ServerState& m_state;
    std::function<const bus::Bus*()> m_bus;
    std::vector<std::string> m_outboxSchemas;
    std::mutex m_mutex;
    std::deque<Sample> m_samples; // the oldest is the rates' baseline
};

} // namespace sbor
