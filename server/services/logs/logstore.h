#pragma once
// The central log files (seed 002's log service): one JSON line per record in
// `<dir>/<service>/<YYYY-MM-DD>.jsonl`, a file per service and UTC day, and the searches admins
// run over them to follow one request across services.

#include <nlohmann/json.hpp>

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
    // Appends the records (each with its message id) to their files.
    void append(const std::vector<nlohmann::json>& records);
    // Newest first; a record delivered twice by the bus appears once.
    std::vector<nlohmann::json> search(const LogQuery& query) const;
    // Deletes day files older than `days`; returns how many.
    int deleteOlderThan(int days);
    const std::filesystem::path& directory() const { return m_directory; }

private:
    std::filesystem::path m_directory;
    mutable std::mutex m_mutex;
};

// A service name fit for a folder: lower-case letters, digits, '-' and '_' ("" if none).
std::string safeServiceName(const std::string& service);

} // namespace sbor::logs
