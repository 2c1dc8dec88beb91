#include "log/accesslog.h"

#include "log/logger.h"
#include "metrics/metricsregistry.h"
#include "validation/textrules.h"

#include <nlohmann/json.hpp>

#include <cstdio>

#include <vector>

namespace sbor::log {

AccessLog::AccessLog(CounterFamily& dropped, std::size_t capacity)
    : m_dropped(dropped), m_queue(capacity, 2048, std::chrono::milliseconds(10))
{
    m_writer = std::thread([this] { writeQueued(); });
}

AccessLog::~AccessLog()
{
    m_queue.stop();
    m_writer.join();
}

bool AccessLog::record(AccessEntry entry)
{
    entry.at = std::chrono::system_clock::now();
    if (m_queue.push(std::move(entry)))
        return true;
    m_dropped.increment({});
    return false;
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
    std::vector<std::string> texts, timestamps;
    std::vector<LogLine> lines;
    for (;;) {
        const std::vector<AccessEntry> batch = m_queue.take();
        if (batch.empty())
            return; // stopped, and everything queued is written
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
    }
}

} // namespace sbor::log
