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

LogShipper::LogShipper(Bus& bus, std::size_t capacity) : m_bus(bus), m_queue(capacity, kBatch, kGatherFor) {}

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
    m_queue.stop();
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
    m_dropped += m_queue.push(messages);
}

void LogShipper::run()
{
    ignoreThisThread();
    for (;;) {
        const std::vector<Message> messages = m_queue.take(kBatch);
        if (messages.empty())
            return; // stopped, and everything queued is shipped
        // Logs are worth a retry, not a backlog: a bus that refuses loses this batch (counted).
        if (m_bus.publish(messages))
            m_shipped += messages.size();
        else
            m_dropped += messages.size();
    }
}

} // namespace sbor::bus
