#include "log/accesslog.h"

#include "log/logger.h"
#include "metrics/metricsregistry.h"

#include <vector>

namespace sbor::log {

AccessLog::AccessLog(CounterFamily& dropped, std::size_t capacity) : m_dropped(dropped), m_capacity(capacity)
{
    m_writer = std::thread([this] { writeQueued(); });
}

AccessLog::~AccessLog()
{
    {
        std::lock_guard lock(m_mutex);
        m_stopping = true;
    }
    m_wake.notify_all();
    m_writer.join();
}

bool AccessLog::record(AccessEntry entry)
{
    {
        std::lock_guard lock(m_mutex);
        if (m_queue.size() >= m_capacity) {
            m_dropped.increment({});
            return false;
        }
        m_queue.push_back(std::move(entry));
    }
    m_wake.notify_one();
    return true;
}

void AccessLog::writeQueued()
{
    std::vector<AccessEntry> batch;
    for (;;) {
        {
            std::unique_lock lock(m_mutex);
            m_wake.wait(lock, [this] { return m_stopping || !m_queue.empty(); });
            if (m_queue.empty() && m_stopping)
                return;
            batch.assign(std::make_move_iterator(m_queue.begin()), std::make_move_iterator(m_queue.end()));
            m_queue.clear();
        }
        for (const AccessEntry& entry : batch) {
            LogContext context(entry.service, entry.traceId);
            write(Level::Info, "request",
                  {{"method", entry.method},
                   {"path", entry.path},
                   {"route", entry.route},
                   {"status", entry.status},
                   {"duration_ms", entry.durationMs},
                   {"request_id", entry.requestId},
                   {"client", entry.client},
                   {"bytes_in", entry.bytesIn},
                   {"bytes_out", entry.bytesOut}});
        }
        batch.clear();
    }
}

} // namespace sbor::log
