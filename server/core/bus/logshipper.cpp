#include "bus/logshipper.h"

#include "log/logger.h"
#include "sbor/uuid.h"

#include <algorithm>
#include <cstring>
#include <random>
#include <chrono>
#include <string_view>

namespace sbor::bus {
namespace {
thread_local bool t_ignored = false;
constexpr std::size_t kBatch = 500;

constexpr auto kGatherFor = std::chrono::milliseconds(20); // a batch may wait this long to fill

// A log record's id only has to be unique, not unguessable: a seeded generator per thread, not
// the kernel's random bytes (a system call per line at the access log's rate).
std::string newId()
{
    thread_local std::mt19937_64 generator{std::random_device{}()};
    std::uint8_t bytes[16];
    const std::uint64_t high = generator(), low = generator();
    std::memcpy(bytes, &high, 8);
    std::memcpy(bytes + 8, &low, 8);
    bytes[6] = (bytes[6] & 0x0f) | 0x40; // version 4
    bytes[8] = (bytes[8] & 0x3f) | 0x80;
    return uuidText(bytes);
}

void appendJsonString(std::string& out, std::string_view text)
{
    const bool plain = std::all_of(text.begin(), text.end(), [](char c) {
        return c != '"' && c != '\\' && static_cast<unsigned char>(c) >= 0x20 && static_cast<unsigned char>(c) < 0x80;
    });
    if (plain) {
        out += '"';
        out += text;
        out += '"';
    } else {
        out += nlohmann::json(std::string(text)).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
    }
}

// outbox::envelope's bytes (its keys in nlohmann's order) around a line that is already JSON.
std::string envelopeAround(const log::LogLine& line, const std::string& id)
{
    std::string out;
    out.reserve(line.text.size() + 200);
    out += "{\"data\":";
    out += line.text;
    out += ",\"id\":";
    appendJsonString(out, id);
    out += ",\"occurred_at\":";
    appendJsonString(out, line.timestamp);
    out += ",\"producer\":";
    appendJsonString(out, line.service);
    out += ",\"trace_id\":";
    appendJsonString(out, line.traceId);
    out += ",\"type\":\"log.record\"}";
    return out;
}

} // namespace

LogShipper::LogShipper(Bus& bus, std::size_t capacity) : m_bus(bus), m_capacity(capacity) {}

LogShipper::~LogShipper() { stop(); }

void LogShipper::ignoreThisThread() { t_ignored = true; }

void LogShipper::start()
{
    m_thread = std::thread([this] { run(); });
    log::setLineObserver([this](const std::vector<log::LogLine>& lines) { offer(lines); });
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

void LogShipper::offer(const std::vector<log::LogLine>& lines)
{
    if (t_ignored || lines.empty())
        return;
    std::vector<Message> messages;
    messages.reserve(lines.size());
    for (const log::LogLine& line : lines) {
        Message message;
        message.topic = "logs";
        message.key = line.service.empty() ? std::string("sbor") : std::string(line.service);
        message.id = newId();
        message.type = "log.record";
        message.payload = envelopeAround(line, message.id);
        messages.push_back(std::move(message));
    }
    bool wake = false;
    {
        std::lock_guard lock(m_mutex);
        const bool wasEmpty = m_queue.empty();
        for (auto& message : messages) {
            if (m_queue.size() >= m_capacity) {
                ++m_dropped;
                continue;
            }
            m_queue.push_back(std::move(message));
        }
        // The thread gathers a batch by itself; it is only woken to start one, or when one is full.
        wake = wasEmpty || m_queue.size() >= kBatch;
    }
    if (wake)
        m_wake.notify_one();
}

void LogShipper::run()
{
    ignoreThisThread();
    for (;;) {
        std::vector<Message> messages;
        bool stopping = false;
        {
            std::unique_lock lock(m_mutex);
            m_wake.wait(lock, [&] { return m_stopping || !m_queue.empty(); });
            m_wake.wait_for(lock, kGatherFor, [&] { return m_stopping || m_queue.size() >= kBatch; });
            stopping = m_stopping;
            while (!m_queue.empty() && messages.size() < kBatch) {
                messages.push_back(std::move(m_queue.front()));
                m_queue.pop_front();
            }
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
