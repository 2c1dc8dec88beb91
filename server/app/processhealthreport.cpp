#include "processhealthreport.h"

#include "bus/bus.h"
#include "db/connectionpool.h"
#include "db/sqlfragments.h"
#include "http/requestpipeline.h"
#include "metrics/metricsregistry.h"
#include "service/service.h"

#include <pqxx/pqxx>

namespace sbor {
namespace {

// Rates are per minute over at least this much of the past (less only while the process is younger).
constexpr auto kRateWindow = std::chrono::seconds(60);
// An outbox holding more than this is reported as "at least" this many: counting further is slow.
constexpr int kOutboxCountLimit = 100000;

double perMinute(double count, double seconds) { return seconds > 0 ? count * 60.0 / seconds : 0.0; }

} // namespace

ProcessHealthReport::ProcessHealthReport(db::ConnectionPool& database, MetricsRegistry& metrics, ServerState& state,
                                         std::function<const bus::Bus*()> bus, std::vector<std::string> outboxSchemas)
    : m_database(database),
      m_metrics(metrics),
      m_state(state),
      m_bus(std::move(bus)),
      m_outboxSchemas(std::move(outboxSchemas))
{
    // The baseline until there is an older report: the process's start, when every count was 0.
    m_samples.push_back({std::chrono::steady_clock::now() -
                             std::chrono::duration_cast<std::chrono::steady_clock::duration>(
                                 std::chrono::duration<double>(m_metrics.uptimeSeconds())),
                         0, 0, 0});
}

ProcessHealthReport::Sample ProcessHealthReport::sampleNow() const
{
    const CounterFamily& requests = http::requestsAnswered(m_metrics);
    const int status = requests.labelIndex("status");
    const auto statusOf = [status](const LabelValues& labels) {
        return status >= 0 && static_cast<std::size_t>(status) < labels.size() ? labels[status] : std::string();
    };
    Sample sample;
    sample.at = std::chrono::steady_clock::now();
    sample.requests = requests.sum([](const LabelValues&) { return true; });
    sample.errors = requests.sum([&](const LabelValues& labels) { return statusOf(labels).rfind('5', 0) == 0; });
    sample.rateLimited = requests.sum([&](const LabelValues& labels) { return statusOf(labels) == "429"; });
    return sample;
}

wire::RequestRates ProcessHealthReport::requestRates()
{
    const Sample now = sampleNow();
    const std::lock_guard lock(m_mutex);
    // Keeps the newest sample at least a window old as the baseline, and what came after it.
    while (m_samples.size() > 1 && m_samples[1].at <= now.at - kRateWindow)
        m_samples.pop_front();
    if (m_samples.size() > 1000)
        m_samples.erase(m_samples.begin() + 1, m_samples.begin() + 500);
    const Sample& baseline = m_samples.front();
    const double seconds = std::chrono::duration<double>(now.at - baseline.at).count();
    m_samples.push_back(now);
    wire::RequestRates rates;
    rates.windowSeconds = seconds;
    rates.requestsPerMinute = perMinute(now.requests - baseline.requests, seconds);
    rates.errorsPerMinute = perMinute(now.errors - baseline.errors, seconds);
    rates.rateLimitedPerMinute = perMinute(now.rateLimited - baseline.rateLimited, seconds);
    rates.requests = static_cast<std::int64_t>(now.requests);
    rates.errors = static_cast<std::int64_t>(now.errors);
    rates.rateLimited = static_cast<std::int64_t>(now.rateLimited);
    return rates;
}

std::vector<wire::OutboxBacklog> ProcessHealthReport::outboxBacklogs()
{
    if (m_outboxSchemas.empty())
        return {};
    return m_database.read([&](db::Transaction& tx) {
        std::vector<wire::OutboxBacklog> backlogs;
        for (const auto& schema : m_outboxSchemas) {
            // The oldest rows come first in sequence order, so the limit keeps the minimum right.
            const pqxx::row row = tx.sql().exec_params1(
                "SELECT count(*), min(occurred_at) IS NULL, " + db::rfc3339Sql("min(occurred_at)") +
                    ", coalesce(extract(epoch FROM now() - min(occurred_at)), 0)::double precision "
                    "FROM (SELECT occurred_at FROM " +
                    schema + ".outbox WHERE published_at IS NULL ORDER BY sequence LIMIT $1) AS unsent",
                kOutboxCountLimit);
            wire::OutboxBacklog backlog;
            backlog.service = schema;
            backlog.unsent = row[0].as<std::int64_t>();
            if (!row[1].as<bool>())
                backlog.oldestUnsentAt = row[2].as<std::string>();
            backlog.oldestUnsentSeconds = row[3].as<double>();
            backlogs.push_back(std::move(backlog));
        }
        return backlogs;
    });
}

wire::ProcessHealth ProcessHealthReport::report()
{
    wire::ProcessHealth health;
    health.services = m_state.activeServices;
    health.version = m_state.version;
    health.uptimeSeconds = m_metrics.uptimeSeconds();
    health.http = requestRates();
    const bool draining = m_state.draining.load();
    health.ready = !draining && m_database.ping();
    if (draining)
        health.error = "shutting down";
    else if (!health.ready)
        health.error = "its database does not answer";
    if (health.ready) {
        try {
            health.outboxes = outboxBacklogs();
        } catch (const std::exception& e) {
            health.ready = false;
            health.error = std::string("its outboxes could not be read: ") + e.what();
        }
    }
    if (const bus::Bus* bus = m_bus())
        for (const auto& consumer : bus->consumerStates())
            health.consumers.push_back({consumer.group, consumer.topics, consumer.lag});
    return health;
}

} // namespace sbor
