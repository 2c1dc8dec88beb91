#include "logstore.h"

#include "log/logger.h"

#include <algorithm>
#include <ctime>
#include <fstream>
#include <set>

namespace sbor::logs {
namespace {

std::string utcDay(std::time_t when)
{
    std::tm utc{};
    gmtime_r(&when, &utc);
    char text[16];
    std::strftime(text, sizeof text, "%Y-%m-%d", &utc);
    return text;
}

int levelNumber(const nlohmann::json& record)
{
    const auto level = log::parseLevel(record.value("level", std::string("info")));
    return level ? static_cast<int>(*level) : 1;
}

} // namespace

std::string safeServiceName(const std::string& service)
{
    std::string safe;
    for (char c : service) {
        if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_')
            safe += c;
        else if (c >= 'A' && c <= 'Z')
            safe += static_cast<char>(c - 'A' + 'a');
    }
    return safe.substr(0, 64);
}

LogStore::LogStore(std::filesystem::path directory) : m_directory(std::move(directory))
{
    std::filesystem::create_directories(m_directory);
}

namespace {
constexpr auto kFlushAfter = std::chrono::milliseconds(200);
constexpr std::size_t kFlushAtBytes = 1 << 20;
} // namespace

LogStore::~LogStore()
{
    std::lock_guard lock(m_mutex);
    try {
        flush();
    } catch (const std::exception&) {
        // Stopping: the lines are in stderr too.
    }
}

std::string LogStore::fileFor(const std::string& service, const std::string& timestamp) const
{
    std::string folder = safeServiceName(service);
    if (folder.empty())
        folder = "unknown";
    const std::string day = timestamp.size() >= 10 ? timestamp.substr(0, 10) : utcDay(std::time(nullptr));
    return m_directory.string() + "/" + folder + "/" + day + ".jsonl";
}

void LogStore::append(const std::vector<nlohmann::json>& records)
{
    // Grouped by file, so a batch opens each file once.
    std::map<std::string, std::string> byFile;
    for (const auto& record : records)
        byFile[fileFor(record.value("service", std::string("sbor")), record.value("ts", std::string()))] +=
            record.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) + "\n";
    std::lock_guard lock(m_mutex);
    for (auto& [file, lines] : byFile)
        queue(file, std::move(lines));
}

void LogStore::appendLine(const std::string& service, const std::string& timestamp, std::string line)
{
    line.push_back('\n');
    const std::string file = fileFor(service, timestamp);
    std::lock_guard lock(m_mutex);
    queue(file, std::move(line));
}

void LogStore::queue(const std::string& file, std::string lines)
{
    if (m_pending.empty())
        m_pendingSince = std::chrono::steady_clock::now();
    m_pendingBytes += lines.size();
    m_pending[file] += lines;
    if (m_pendingBytes >= kFlushAtBytes || std::chrono::steady_clock::now() - m_pendingSince >= kFlushAfter)
        flush();
}

void LogStore::flushWaiting()
{
    std::lock_guard lock(m_mutex);
    flush();
}

void LogStore::flush() const
{
    auto pending = std::move(m_pending);
    m_pending.clear();
    m_pendingBytes = 0;
    for (const auto& [file, lines] : pending) {
        std::filesystem::create_directories(std::filesystem::path(file).parent_path());
        std::ofstream out(file, std::ios::app | std::ios::binary);
        out << lines;
        if (!out)
            throw std::runtime_error("cannot write " + file);
    }
}

std::vector<nlohmann::json> LogStore::search(const LogQuery& query) const
{
    std::vector<std::filesystem::path> services;
    std::lock_guard lock(m_mutex);
    flush();
    if (query.service) {
        services.push_back(m_directory / safeServiceName(*query.service));
    } else if (std::filesystem::exists(m_directory)) {
        for (const auto& entry : std::filesystem::directory_iterator(m_directory))
            if (entry.is_directory())
                services.push_back(entry.path());
    }
    std::vector<nlohmann::json> found;
    std::set<std::string> seen;
    const std::time_t now = std::time(nullptr);
    for (int back = 0; back < query.days; ++back) {
        const std::string day = utcDay(now - back * 86400);
        for (const auto& folder : services) {
            std::ifstream in(folder / (day + ".jsonl"));
            std::string line;
            while (std::getline(in, line)) {
                // Most lines fail the cheap text test and are never parsed.
                if (query.traceId && line.find(*query.traceId) == std::string::npos)
                    continue;
                auto record = nlohmann::json::parse(line, nullptr, false);
                if (!record.is_object() || levelNumber(record) < query.minimumLevel)
                    continue;
                if (query.traceId && record.value("trace_id", std::string()) != *query.traceId)
                    continue;
                const std::string id = record.value("log_id", std::string());
                if (!id.empty() && !seen.insert(id).second)
                    continue;
                found.push_back(std::move(record));
            }
        }
    }
    std::sort(found.begin(), found.end(), [](const nlohmann::json& a, const nlohmann::json& b) {
        return a.value("ts", std::string()) > b.value("ts", std::string());
    });
    if (static_cast<int>(found.size()) > query.limit)
        found.resize(static_cast<std::size_t>(query.limit));
    return found;
}

int LogStore::deleteOlderThan(int days)
{
    const std::string oldestKept = utcDay(std::time(nullptr) - static_cast<std::time_t>(days) * 86400);
    int deleted = 0;
    std::lock_guard lock(m_mutex);
    flush();
    if (!std::filesystem::exists(m_directory))
        return 0;
    for (const auto& folder : std::filesystem::directory_iterator(m_directory)) {
        if (!folder.is_directory())
            continue;
        for (const auto& file : std::filesystem::directory_iterator(folder.path())) {
            const std::string name = file.path().filename().string();
            if (name.size() == 16 && name.substr(10) == ".jsonl" && name.substr(0, 10) < oldestKept) {
                std::filesystem::remove(file.path());
                ++deleted;
            }
        }
    }
    return deleted;
}

} // namespace sbor::logs
