#pragma once
// The access log off the request path: a request hands its line's facts to a bounded queue and
// moves on; one writer thread formats and writes them. When the queue is full the line is
// counted as dropped (access_log_lines_dropped_total) instead of making the request wait: at
// info level, formatting and writing on the request's thread cost ~40 % of throughput.

#include "runtime/batchqueue.h"

#include <chrono>
#include <cstdint>
#include <string>
#include <thread>

namespace sbor {
class CounterFamily;
}

namespace sbor::log {

struct AccessEntry {
    std::string service, traceId;
    std::string method, path, route, requestId, client;
    int status = 0;
    double durationMs = 0;
    std::size_t bytesIn = 0, bytesOut = 0;
    std::chrono::system_clock::time_point at{}; // when it was answered; record() sets it
};

class AccessLog {
public:
    // `dropped` counts lines the queue had no room for.
    AccessLog(CounterFamily& dropped, std::size_t capacity = 16384);
    // Writes what is queued, then ends the writer.
    ~AccessLog();
    AccessLog(const AccessLog&) = delete;
    AccessLog& operator=(const AccessLog&) = delete;

    // Never blocks for long (one short lock); false when the line was dropped.
    bool record(AccessEntry entry);

private:
    void writeQueued();

    CounterFamily& m_dropped;
    BatchQueue<AccessEntry> m_queue; // a line is written at most 10 ms late, or at 2,048 waiting
    std::thread m_writer;
};

} // namespace sbor::log
