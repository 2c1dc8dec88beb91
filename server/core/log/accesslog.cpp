#include "log/accesslog.h"

#include "log/logger.h"
#include "metrics/metricsregistry.h"
#include "validation/textrules.h"

#include <nlohmann/json.hpp>

#include <cstdio>

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
    entry.at = std::chrono::system_clock::now();
    {
        std::lock_guard lock(m_mutex);
        if (m_queue.size() >= m_capacity) {
            m_dropped.increment({});
            return false;
        }
        m_queue.push_back(std::move(entry));
        // The writer gathers by itself once woken: a request wakes it only to start a batch, or
        // when a batch is full — not one wake-up (and thread switch) per request.
        if (m_queue.size() != 1 && m_queue.size() != kFullBatch)
            return true;
    }
    m_wake.notify_one();
    return true;
}

namespace {

// A JSON string the way the logger writes one; text that is not UTF-8 (a refused path) goes
// through nlohmann with replacement, like every other line.
void appendString(std::string& out, const std::string& text)
{
    if (!validation::utf8Length(text)) {
        out += nlohmann::json(text).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
        return;
    }
    out.push_back('"');
    for (const char c : text) {
        const auto byte = static_cast<unsigned char>(c);
        if (c == '"' || c == '\\') {
            out.push_back('\\');
            out.push_back(c);
        } else if (byte < 0x20) {
            char escaped[8];
            std::snprintf(escaped, sizeof escaped, "\\u%04x", byte);
            out += escaped;
        } else {
            out.push_back(c);
        }
    }
    out.push_back('"');
}

void appendField(std::string& out, const char* name, const std::string& text)
{
    out += ",\"";
    out += name;
    out += "\":";
    appendString(out, text);
}

// The line nlohmann would write for these fields (keys in its order, alphabetical), without
// building a JSON object for each request.
std::string formatted(const AccessEntry& entry, const std::string& timestamp)
{
    std::string line;
    line.reserve(320 + entry.path.size());
    line += "{\"bytes_in\":" + std::to_string(entry.bytesIn) + ",\"bytes_out\":" + std::to_string(entry.bytesOut);
    appendField(line, "client", entry.client);
    char duration[32];
    std::snprintf(duration, sizeof duration, "%.3f", entry.durationMs);
    line += ",\"duration_ms\":";
    line += duration;
    line += ",\"level\":\"info\"";
    appendField(line, "method", entry.method);
    line += ",\"msg\":\"request\"";
    appendField(line, "path", entry.path);
    appendField(line, "request_id", entry.requestId);
    appendField(line, "route", entry.route);
    appendField(line, "service", entry.service);
    line += ",\"status\":" + std::to_string(entry.status);
    if (!entry.traceId.empty())
        appendField(line, "trace_id", entry.traceId);
    appendField(line, "ts", timestamp);
    line.push_back('}');
    return line;
}

} // namespace

void AccessLog::writeQueued()
{
    std::vector<AccessEntry> batch;
    std::vector<std::string> texts, timestamps;
    std::vector<LogLine> lines;
    for (;;) {
        {
            std::unique_lock lock(m_mutex);
            m_wake.wait(lock, [this] { return m_stopping || !m_queue.empty(); });
            m_wake.wait_for(lock, kGatherFor, [this] { return m_stopping || m_queue.size() >= kFullBatch; });
            if (m_queue.empty() && m_stopping)
                return;
            batch.assign(std::make_move_iterator(m_queue.begin()), std::make_move_iterator(m_queue.end()));
            m_queue.clear();
        }
        for (const AccessEntry& entry : batch) {
            timestamps.push_back(utcTimestamp(entry.at));
            texts.push_back(formatted(entry, timestamps.back()));
        }
        for (std::size_t i = 0; i < batch.size(); ++i)
            lines.push_back({texts[i], batch[i].service, timestamps[i], batch[i].traceId});
        writeFormatted(lines); // one write, one flush for the whole batch
        lines.clear();
        texts.clear();
        timestamps.clear();
        batch.clear();
    }
}

} // namespace sbor::log
