#pragma once
// The central log files (seed 002's log service): one JSON line per record in
// `<dir>/<service>/<YYYY-MM-DD>.jsonl`, a file per service and UTC day, and the searches admins
// run over them to follow one request across services.

#include <nlohmann/json.hpp>

#include <chrono>
#include <filesystem>
#include <map>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

namespace sbor::logs {

struct LogQuery {
    std::optional<std::string> traceId;
    std::optional<std::string> service;
    int minimumLevel = 0; // log::Level as a number: debug 0 … error 3
    int days = 2;         // today (UTC) and the days before it
    int limit = 200;
};

class LogStore {
public:
    explicit LogStore(std::filesystem::path directory);
    ~LogStore();
    // Appends the records (each with its message id) to their files.
    void append(const std::vector<nlohmann::json>& records);
    // Appends a line that is already one JSON record (with its log_id) for `service` at `timestamp`.
    void appendLine(const std::string& service, const std::string& timestamp, std::string line);
    // Newest first; a record delivered twice by the bus appears once.
    std::vector<nlohmann::json> search(const LogQuery& query) const;
    // Writes what waits (a background job calls it, so quiet times do not keep lines back).
    void flushWaiting();
    // Deletes day files older than `days`; returns how many.
    int deleteOlderThan(int days);
    const std::filesystem::path& directory() const { return m_directory; }

private:
    std::string fileFor(const std::string& service, const std::string& timestamp) const;
    void queue(const std::string& file, std::string lines); // under m_mutex
    void flush() const;                                     // under m_mutex

    std::filesystem::path m_directory;
    mutable std::mutex m_mutex;
    // Lines are written in batches — a file opened per batch, not per line, at the access log's
    // rate — at most kFlushAfter after the first one waits, and before any search or deletion,
    // so a search sees every line handed in. A crash loses at most that much (stderr has it all).
    mutable std::map<std::string, std::string> m_pending; // by file
    mutable std::size_t m_pendingBytes = 0;
    mutable std::chrono::steady_clock::time_point m_pendingSince{};
};

// A service name fit for a folder: lower-case letters, digits, '-' and '_' ("" if none).
std::string safeServiceName(const std::string& service);

} // namespace sbor::logs
