#pragma once
// Median, p99 and maximum of a benchmark's samples, by one rank rule for every benchmark.

#include <algorithm>
#include <chrono>
#include <cstddef>
#include <vector>

namespace sbor::test {

struct LatencyStats {
    std::size_t samples = 0;
    double p50 = 0, p99 = 0, max = 0;
};

inline LatencyStats latencyStats(std::vector<double> values)
{
    LatencyStats stats;
    stats.samples = values.size();
    if (values.empty())
        return stats;
    std::sort(values.begin(), values.end());
    const auto at = [&](double q) {
        return values[std::min(values.size() - 1, static_cast<std::size_t>(q * (values.size() - 1) + 0.5))];
    };
    stats.p50 = at(0.50);
    stats.p99 = at(0.99);
    stats.max = values.back();
    return stats;
}

// Runs `work` `samples` times and gives the statistics of its durations in milliseconds.
template <typename Work> LatencyStats timedLatency(int samples, Work&& work)
{
    std::vector<double> values;
    values.reserve(samples > 0 ? samples : 0);
    for (int i = 0; i < samples; ++i) {
        const auto start = std::chrono::steady_clock::now();
        work();
        values.push_back(std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count());
    }
    return latencyStats(std::move(values));
}

} // namespace sbor::test
