#include "log/logger.h"

#include <memory>

#include <atomic>
#include <chrono>
#include <cstdio>
#include <ctime>
#include <mutex>

namespace sbor::log {
namespace {

std::atomic<int> g_minimumLevel{static_cast<int>(Level::Info)};
std::mutex g_writeMutex;
std::string g_processService = "sbor";

thread_local std::string t_service;
std::shared_ptr<const LineObserver> g_observer;
thread_local std::string t_traceId;

} // namespace

std::string utcTimestamp() { return utcTimestamp(std::chrono::system_clock::now()); }

std::string utcTimestamp(std::chrono::system_clock::time_point now)
{
    using namespace std::chrono;
    const auto seconds = time_point_cast<std::chrono::seconds>(now);
    const auto micros = duration_cast<microseconds>(now - seconds).count();
    const std::time_t t = system_clock::to_time_t(seconds);
    std::tm tm{};
    gmtime_r(&t, &tm);
    char buffer[40];
    const size_t n = std::strftime(buffer, sizeof buffer, "%Y-%m-%dT%H:%M:%S", &tm);
    std::snprintf(buffer + n, sizeof buffer - n, ".%06ldZ", static_cast<long>(micros));
    return buffer;
}

std::optional<Level> parseLevel(std::string_view text)
{
    if (text == "debug")
        return Level::Debug;
    if (text == "info")
        return Level::Info;
    if (text == "warn" || text == "warning")
        return Level::Warn;
    if (text == "error")
        return Level::Error;
    return std::nullopt;
}

std::string_view levelName(Level level)
{
    switch (level) {
    case Level::Debug:
        return "debug";
    case Level::Info:
        return "info";
    case Level::Warn:
        return "warn";
    case Level::Error:
        return "error";
    }
    return "info";
}

void setMinimumLevel(Level level) { g_minimumLevel.store(static_cast<int>(level)); }
Level minimumLevel() { return static_cast<Level>(g_minimumLevel.load()); }
bool enabled(Level level) { return static_cast<int>(level) >= g_minimumLevel.load(std::memory_order_relaxed); }

void setProcessService(std::string service)
{
    std::lock_guard lock(g_writeMutex);
    g_processService = std::move(service);
}

LogContext::LogContext(std::string service, std::string traceId)
    : m_previousService(std::move(t_service)), m_previousTraceId(std::move(t_traceId))
{
    t_service = std::move(service);
    t_traceId = std::move(traceId);
}

LogContext::~LogContext()
{
    t_service = std::move(m_previousService);
    t_traceId = std::move(m_previousTraceId);
}

const std::string& LogContext::currentService() { return t_service; }
const std::string& LogContext::currentTraceId() { return t_traceId; }

void write(Level level, std::string_view message, const nlohmann::json& fields)
{
    nlohmann::json line = nlohmann::json::object();
    line["ts"] = utcTimestamp();
    line["level"] = levelName(level);
    line["msg"] = message;
    if (!t_traceId.empty())
        line["trace_id"] = t_traceId;
    if (fields.is_object()) {
        for (auto it = fields.begin(); it != fields.end(); ++it) {
            if (!line.contains(it.key()))
                line[it.key()] = it.value();
        }
    }
    if (!t_service.empty()) {
        line["service"] = t_service;
    } else {
        std::lock_guard lock(g_writeMutex);
        line["service"] = g_processService;
    }
    // Invalid UTF-8 in a field (a client's header, say) must not make logging throw. Serialise
    // outside the lock; only the write of the finished line is serialised.
    std::string text = line.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
    if (const std::shared_ptr<const LineObserver> observer = std::atomic_load(&g_observer); observer && *observer) {
        const std::string& service = line["service"].get_ref<const std::string&>();
        const std::string& timestamp = line["ts"].get_ref<const std::string&>();
        std::string_view traceId;
        if (const auto found = line.find("trace_id"); found != line.end() && found->is_string())
            traceId = found->get_ref<const std::string&>();
        (*observer)({LogLine{text, service, timestamp, traceId}});
    }
    text.push_back('\n');
    std::lock_guard lock(g_writeMutex);
    std::fwrite(text.data(), 1, text.size(), stderr);
    std::fflush(stderr);
}

void writeFormatted(const std::vector<LogLine>& lines)
{
    if (lines.empty())
        return;
    if (const std::shared_ptr<const LineObserver> observer = std::atomic_load(&g_observer); observer && *observer)
        (*observer)(lines);
    std::size_t size = 0;
    for (const LogLine& line : lines)
        size += line.text.size() + 1;
    std::string text;
    text.reserve(size);
    for (const LogLine& line : lines) {
        text += line.text;
        text.push_back('\n');
    }
    std::lock_guard lock(g_writeMutex);
    std::fwrite(text.data(), 1, text.size(), stderr);
    std::fflush(stderr);
}

void setLineObserver(LineObserver observer)
{
    std::atomic_store(&g_observer, observer ? std::make_shared<const LineObserver>(std::move(observer)) : nullptr);
}

} // namespace sbor::log
