#pragma once
// Prometheus metrics in the text exposition format (version 0.0.4). Counters and histograms are
// families keyed by label values; updates take a short mutex per family, which is cheap next to
// an HTTP request. Process metrics (uptime, start time, resident memory) are computed on scrape.

#include <chrono>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

namespace sbor {

using LabelValues = std::vector<std::string>;

class CounterFamily {
public:
    CounterFamily(std::string name, std::string help, std::vector<std::string> labelNames);
    void increment(const LabelValues& labels, double by = 1.0);
    double value(const LabelValues& labels) const;
    // The sum over the series whose label values `include` accepts.
    double sum(const std::function<bool(const LabelValues&)>& include) const;
    // Where `name` sits among the labels; -1 when it is not one.
    int labelIndex(const std::string& name) const;
    void render(std::string& out) const;

private:
    std::string m_name, m_help;
    std::vector<std::string> m_labelNames;
    mutable std::mutex m_mutex;
    std::map<LabelValues, double> m_values;
};

class HistogramFamily {
public:
    HistogramFamily(std::string name, std::string help, std::vector<std::string> labelNames,
                    std::vector<double> bounds);
    void observe(const LabelValues& labels, double value);
    std::uint64_t count(const LabelValues& labels) const;
    void render(std::string& out) const;

private:
    struct Series {
        std::vector<std::uint64_t> buckets; // cumulative at render time, per-bucket here
        std::uint64_t count = 0;
        double sum = 0;
    };
    std::string m_name, m_help;
    std::vector<std::string> m_labelNames;
    std::vector<double> m_bounds;
    mutable std::mutex m_mutex;
    std::map<LabelValues, Series> m_series;
};

class MetricsRegistry {
public:
    MetricsRegistry();

    CounterFamily& counter(const std::string& name, const std::string& help, std::vector<std::string> labelNames);
    HistogramFamily& histogram(const std::string& name, const std::string& help, std::vector<std::string> labelNames,
                               std::vector<double> bounds = defaultLatencyBounds());
    static std::vector<double> defaultLatencyBounds();

    // The whole exposition, families in registration order, then process metrics.
    std::string render() const;
    double uptimeSeconds() const;

private:
    mutable std::mutex m_mutex;
    std::vector<std::pair<std::string, std::unique_ptr<CounterFamily>>> m_counters;
    std::vector<std::pair<std::string, std::unique_ptr<HistogramFamily>>> m_histograms;
    std::chrono::steady_clock::time_point m_started;
    double m_startedUnixSeconds;
};

// Label value escaping per the exposition format: backslash, double quote and newline.
std::string escapeLabelValue(const std::string& value);
// Resident memory of this process in bytes (from /proc/self/statm); 0 where unavailable.
std::size_t residentMemoryBytes();

} // namespace sbor
