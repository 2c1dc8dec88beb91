#pragma once
// Ships this process's JSON log lines to the bus's `logs` topic (seed 002's Kafka log service),
// where the `logs` service files them per service and day and answers admins' searches. Logging
// never waits for it: lines go into a bounded queue that a thread of its own publishes in
// batches; when the queue is full, lines are counted as dropped (stderr keeps them all).
//
// A line is never parsed here: the logger says what it is filed by (service, ts, trace id) and
// the envelope is written around the line's text — `{"data":<line>,"id":…,"occurred_at":…,
// "producer":…,"trace_id":…,"type":"log.record"}`, the bytes outbox::envelope would write —
// so shipping costs a copy, not a parse and a print, even at the access log's rate.

#include "bus/bus.h"
#include "log/logger.h"

#include "runtime/batchqueue.h"

#include <atomic>
#include <cstdint>
#include <string>
#include <thread>

namespace sbor::bus {

class LogShipper {
public:
    LogShipper(Bus& bus, std::size_t capacity = 20000);
    ~LogShipper();
    LogShipper(const LogShipper&) = delete;
    LogShipper& operator=(const LogShipper&) = delete;

    void start(); // from now on every written log line is shipped
    void stop();  // ships what is queued (briefly), then stops
    std::uint64_t dropped() const { return m_dropped.load(); }
    std::uint64_t shipped() const { return m_shipped.load(); }

    // Lines written on the calling thread are not shipped: the shipper's own and the logs
    // consumer's, whose lines would otherwise feed themselves.
    static void ignoreThisThread();

private:
    void offer(const std::vector<log::LogLine>& lines);
    void run();

    Bus& m_bus;
    BatchQueue<Message> m_queue; // batches of up to 500, gathered for at most 20 ms
    std::thread m_thread;
    std::atomic<std::uint64_t> m_dropped{0};
    std::atomic<std::uint64_t> m_shipped{0};
};

} // namespace sbor::bus
