#pragma once
// JSON logs to stderr, one object per line: {"ts","level","service","msg","trace_id", …fields}.
// Thread-safe: a line is written with one call under a mutex, so lines never interleave.
// The trace id and service of the request a thread is working on come from LogContext, so code
// deep in a handler logs with the right trace id without passing it around.

#include <nlohmann/json.hpp>

#include <chrono>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace sbor::log {

enum class Level { Debug = 0, Info = 1, Warn = 2, Error = 3 };

std::optional<Level> parseLevel(std::string_view text);
std::string_view levelName(Level level);

void setMinimumLevel(Level level);
Level minimumLevel();
bool enabled(Level level);

// Fields of the current thread's unit of work (an HTTP request, a bus message). RAII: restores
// the previous context when it goes out of scope.
class LogContext {
public:
    LogContext(std::string service, std::string traceId);
    ~LogContext();
    LogContext(const LogContext&) = delete;
    LogContext& operator=(const LogContext&) = delete;

    static const std::string& currentService();
    static const std::string& currentTraceId();

private:
    std::string m_previousService;
    std::string m_previousTraceId;
};

// The service name used when no LogContext is active (the process's own lines).
void setProcessService(std::string service);

void write(Level level, std::string_view message, const nlohmann::json& fields = nlohmann::json::object());

// A written line, and what the log shipper files it by (views: valid during the call only).
struct LogLine {
    std::string_view text; // one JSON object, no newline
    std::string_view service;
    std::string_view timestamp; // its "ts"
    std::string_view traceId;   // its "trace_id", or empty
};

// For a writer that formats its own lines (the access log): all are handed to the line observer
// in one call, and written with one call and one flush.
void writeFormatted(const std::vector<LogLine>& lines);
// What every line's "ts" holds: RFC 3339 UTC with microseconds (of now, or of `at`).
std::string utcTimestamp();
std::string utcTimestamp(std::chrono::system_clock::time_point at);

// Also hands every written line to `observer` — the log shipper that puts them on the bus's
// `logs` topic — a batch at a time when the writer has a batch. Set once at start; null stops
// it. The observer must not block.
using LineObserver = std::function<void(const std::vector<LogLine>& lines)>;
void setLineObserver(LineObserver observer);

inline void debug(std::string_view m, const nlohmann::json& f = nlohmann::json::object())
{
    if (enabled(Level::Debug))
        write(Level::Debug, m, f);
}
inline void info(std::string_view m, const nlohmann::json& f = nlohmann::json::object())
{
    if (enabled(Level::Info))
        write(Level::Info, m, f);
}
inline void warn(std::string_view m, const nlohmann::json& f = nlohmann::json::object())
{
    if (enabled(Level::Warn))
        write(Level::Warn, m, f);
}
inline void error(std::string_view m, const nlohmann::json& f = nlohmann::json::object()) { write(Level::Error, m, f); }

} // namespace sbor::log
