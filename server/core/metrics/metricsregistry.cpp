#include "metrics/metricsregistry.h"

#include <cmath>
#include <cstdio>
#include <fstream>
#include <sstream>
#include <stdexcept>
#include <unistd.h>

namespace sbor {
namespace {

std::string formatNumber(double value)
{
    if (std::isinf(value))
        return value > 0 ? "+Inf" : "-Inf";
    char buffer[64];
    if (value == std::floor(value) && std::fabs(value) < 1e15)
        std::snprintf(buffer, sizeof buffer, "%.0f", value);
    else
        std::snprintf(buffer, sizeof buffer, "%.9g", value);
    return buffer;
}

std::string labelSet(const std::vector<std::string>& names, const LabelValues& values,
                     const std::string& extraName = {}, const std::string& extraValue = {})
{
    std::string out;
    for (size_t i = 0; i < names.size() && i < values.size(); ++i) {
        out += out.empty() ? "{" : ",";
        out += names[i] + "=\"" + escapeLabelValue(values[i]) + "\"";
    }
    if (!extraName.empty()) {
        out += out.empty() ? "{" : ",";
        out += extraName + "=\"" + extraValue + "\"";
    }
    if (!out.empty())
        out += "}";
    return out;
}

void checkArity(const std::vector<std::string>& names, const LabelValues& values, const std::string& metric)
{
    if (names.size() != values.size())
        throw std::logic_error("metric " + metric + " used with the wrong number of labels");
}

} // namespace

std::string escapeLabelValue(const std::string& value)
{
    std::string out;
    out.reserve(value.size());
    for (char c : value) {
        if (c == '\\')
            out += "\\\\";
        else if (c == '"')
            out += "\\\"";
        else if (c == '\n')
            out += "\\n";
        else
            out += c;
    }
    return out;
}

std::size_t residentMemoryBytes()
{
    std::ifstream statm("/proc/self/statm");
    std::size_t pages = 0, resident = 0;
    if (!(statm >> pages >> resident))
        return 0;
    return resident * static_cast<std::size_t>(sysconf(_SC_PAGESIZE));
}

CounterFamily::CounterFamily(std::string name, std::string help, std::vector<std::string> labelNames)
    : m_name(std::move(name)), m_help(std::move(help)), m_labelNames(std::move(labelNames))
{}

void CounterFamily::increment(const LabelValues& labels, double by)
{
    checkArity(m_labelNames, labels, m_name);
    std::lock_guard lock(m_mutex);
    m_values[labels] += by;
}

double CounterFamily::value(const LabelValues& labels) const
{
    std::lock_guard lock(m_mutex);
    const auto it = m_values.find(labels);
    return it == m_values.end() ? 0.0 : it->second;
}

double CounterFamily::sum(const std::function<bool(const LabelValues&)>& include) const
{
    std::lock_guard lock(m_mutex);
    double total = 0;
    for (const auto& [labels, value] : m_values)
        if (include(labels))
            total += value;
    return total;
}

int CounterFamily::labelIndex(const std::string& name) const
{
    for (std::size_t i = 0; i < m_labelNames.size(); ++i)
        if (m_labelNames[i] == name)
            return static_cast<int>(i);
    return -1;
}

void CounterFamily::render(std::string& out) const
{
    out += "# HELP " + m_name + " " + m_help + "\n# TYPE " + m_name + " counter\n";
    std::lock_guard lock(m_mutex);
    for (const auto& [labels, value] : m_values)
        out += m_name + labelSet(m_labelNames, labels) + " " + formatNumber(value) + "\n";
}

HistogramFamily::HistogramFamily(std::string name, std::string help, std::vector<std::string> labelNames,
                                 std::vector<double> bounds)
    : m_name(std::move(name)), m_help(std::move(help)), m_labelNames(std::move(labelNames)), m_bounds(std::move(bounds))
{}

void HistogramFamily::observe(const LabelValues& labels, double value)
{
    checkArity(m_labelNames, labels, m_name);
    std::lock_guard lock(m_mutex);
    Series& series = m_series[labels];
    if (series.buckets.empty())
        series.buckets.assign(m_bounds.size(), 0);
    for (size_t i = 0; i < m_bounds.size(); ++i) {
        if (value <= m_bounds[i]) {
            ++series.buckets[i];
            break;
        }
    }
    ++series.count;
    series.sum += value;
}

std::uint64_t HistogramFamily::count(const LabelValues& labels) const
{
    std::lock_guard lock(m_mutex);
    const auto it = m_series.find(labels);
    return it == m_series.end() ? 0 : it->second.count;
}

void HistogramFamily::render(std::string& out) const
{
    out += "# HELP " + m_name + " " + m_help + "\n# TYPE " + m_name + " histogram\n";
    std::lock_guard lock(m_mutex);
    for (const auto& [labels, series] : m_series) {
        std::uint64_t cumulative = 0;
        for (size_t i = 0; i < m_bounds.size(); ++i) {
            cumulative += series.buckets[i];
            out += m_name + "_bucket" + labelSet(m_labelNames, labels, "le", formatNumber(m_bounds[i])) + " " +
                std::to_string(cumulative) + "\n";
        }
        out += m_name + "_bucket" + labelSet(m_labelNames, labels, "le", "+Inf") + " " + std::to_string(series.count) +
            "\n";
        out += m_name + "_sum" + labelSet(m_labelNames, labels) + " " + formatNumber(series.sum) + "\n";
        out += m_name + "_count" + labelSet(m_labelNames, labels) + " " + std::to_string(series.count) + "\n";
    }
}

MetricsRegistry::MetricsRegistry()
    : m_started(std::chrono::steady_clock::now()),
      m_startedUnixSeconds(std::chrono::duration<double>(std::chrono::system_clock::now().time_since_epoch()).count())
{}

double MetricsRegistry::uptimeSeconds() const
{
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - m_started).count();
}

CounterFamily& MetricsRegistry::counter(const std::string& name, const std::string& help,
                                        std::vector<std::string> labelNames)
{
    std::lock_guard lock(m_mutex);
    for (auto& [existing, family] : m_counters) {
        if (existing == name)
            return *family;
    }
    m_counters.emplace_back(name, std::make_unique<CounterFamily>(name, help, std::move(labelNames)));
    return *m_counters.back().second;
}

HistogramFamily& MetricsRegistry::histogram(const std::string& name, const std::string& help,
                                            std::vector<std::string> labelNames, std::vector<double> bounds)
{
    std::lock_guard lock(m_mutex);
    for (auto& [existing, family] : m_histograms) {
        if (existing == name)
            return *family;
    }
    m_histograms.emplace_back(name,
                              std::make_unique<HistogramFamily>(name, help, std::move(labelNames), std::move(bounds)));
    return *m_histograms.back().second;
}

std::vector<double> MetricsRegistry::defaultLatencyBounds()
{
    return {0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30};
}

std::string MetricsRegistry::render() const
{
    std::string out;
    {
        std::lock_guard lock(m_mutex);
        for (const auto& [name, family] : m_counters)
            family->render(out);
        for (const auto& [name, family] : m_histograms)
            family->render(out);
    }
    const double uptime = std::chrono::duration<double>(std::chrono::steady_clock::now() - m_started).count();
    out += "# HELP process_uptime_seconds Seconds since the process started.\n# TYPE process_uptime_seconds gauge\n";
    out += "process_uptime_seconds " + formatNumber(uptime) + "\n";
    out += "# HELP process_start_time_seconds Start time of the process since unix epoch in seconds.\n"
           "# TYPE process_start_time_seconds gauge\n";
    out += "process_start_time_seconds " + formatNumber(m_startedUnixSeconds) + "\n";
    out += "# HELP process_resident_memory_bytes Resident memory size in bytes.\n"
           "# TYPE process_resident_memory_bytes gauge\n";
    out += "process_resident_memory_bytes " + formatNumber(static_cast<double>(residentMemoryBytes())) + "\n";
    return out;
}

} // namespace sbor
