#include "bus/logshipper.h"

#include "log/logger.h"
#include "outbox/outbox.h"
#include "sbor/uuid.h"

#include <sodium.h>

#include <chrono>

namespace sbor::bus {
namespace {
thread_local bool t_ignored = false;
constexpr std::size_t kBatch = 500;

std::string newId()
{
    std::uint8_t bytes[16];
    randombytes_buf(bytes, sizeof bytes);
    bytes[6] = (bytes[6] & 0x0f) | 0x40; // version 4
    bytes[8] = (bytes[8] & 0x3f) | 0x80;
    return uuidText(bytes);
}
} // namespace

LogShipper::LogShipper(Bus& bus, std::size_t capacity) : m_bus(bus), m_capacity(capacity) {}

LogShipper::~LogShipper() { stop(); }

void LogShipper::ignoreThisThread() { t_ignored = true; }

void LogShipper::start()
{
    m_thread = std::thread([this] { run(); });
    log::setLineObserver([this](const std::string& line) { offer(line); });
}

void LogShipper::stop()
{
    if (!m_thread.joinable())
        return;
    log::setLineObserver(nullptr);
    {
        std::lock_guard lock(m_mutex);
        m_stopping = true;
    }
    m_wake.notify_all();
    m_thread.join();
}

void LogShipper::offer(const std::string& line)
{
    if (t_ignored)
        return;
    {
        std::lock_guard lock(m_mutex);
        if (m_queue.size() >= m_capacity) {
            ++m_dropped;
            return;
        }
        m_queue.push_back(line);
    }
    m_wake.notify_one();
}

void LogShipper::run()
{
    ignoreThisThread();
    for (;;) {
        std::deque<std::string> lines;
        bool stopping = false;
        {
            std::unique_lock lock(m_mutex);
            m_wake.wait(lock, [&] { return m_stopping || !m_queue.empty(); });
            stopping = m_stopping;
            while (!m_queue.empty() && lines.size() < kBatch) {
                lines.push_back(std::move(m_queue.front()));
                m_queue.pop_front();
            }
        }
        std::vector<Message> messages;
        for (const auto& line : lines) {
            const auto record = nlohmann::json::parse(line, nullptr, false);
            if (!record.is_object())
                continue;
            Message message;
            message.topic = "logs";
            message.key = record.value("service", std::string("sbor"));
            message.id = newId();
            message.type = "log.record";
            message.payload = outbox::envelope(message.id, message.type, record.value("ts", std::string()), message.key,
                                               record.value("trace_id", std::string()), record)
                                  .dump();
            messages.push_back(std::move(message));
        }
        if (!messages.empty()) {
            // Logs are worth a retry, not a backlog: a bus that refuses loses this batch (counted).
            if (m_bus.publish(messages))
                m_shipped += messages.size();
            else
                m_dropped += messages.size();
        }
        if (stopping) {
            std::lock_guard lock(m_mutex);
            if (m_queue.empty())
                return;
        }
    }
}

} // namespace sbor::bus
