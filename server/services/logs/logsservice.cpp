#include "logsservice.h"

#include "logstore.h"

#include "bus/logshipper.h"
#include "config/config.h"
#include "log/logger.h"
#include "paging/cursor.h"

#include <cctype>
#include <optional>
#include <string_view>

std::string_view sbor_openapi_logs();

namespace sbor::logs {

void LogsService::declareSettings(ConfigSchema& schema)
{
    schema.add(
        {"logs.dir", ConfigKind::String, "", "where the logs service keeps its files; empty: `<data_dir>/logs`"});
    schema.add({"logs.retention_days", ConfigKind::Integer, "14", "log files older than this many days are deleted"});
}

using http::HttpRequest;
using http::HttpResponse;
using http::Reply;

namespace {

// A log.record as the log shipper writes it: {"data":<the line>,"id":…,"occurred_at":…,
// "producer":…,"trace_id":…,"type":"log.record"}. Only the short tail after the line is parsed;
// the line goes to its file as it came, with its log_id put in front. Anything else takes the
// general path (the whole envelope parsed).
struct ShippedLine {
    std::string service, timestamp, line;
};

// Reads `"key":"value"` at `at` (moving past it), a value without escapes; nullopt otherwise.
std::optional<std::string_view> plainField(std::string_view text, std::size_t& at, std::string_view key)
{
    const std::string opening = "\"" + std::string(key) + "\":\"";
    if (text.substr(at, opening.size()) != opening)
        return std::nullopt;
    const std::size_t start = at + opening.size();
    const std::size_t end = text.find('"', start);
    if (end == std::string_view::npos)
        return std::nullopt;
    const std::string_view value = text.substr(start, end - start);
    if (value.find('\\') != std::string_view::npos)
        return std::nullopt;
    at = end + 1;
    return value;
}

std::optional<ShippedLine> shippedLine(std::string_view payload)
{
    constexpr std::string_view kHead = "{\"data\":{";
    if (payload.substr(0, kHead.size()) != kHead)
        return std::nullopt;
    // The tail's string values cannot hold an unescaped quote, so the last `,"id":"` is its own.
    const std::size_t idKey = payload.rfind(",\"id\":\"");
    if (idKey == std::string_view::npos || idKey < kHead.size())
        return std::nullopt;
    const std::string_view record = payload.substr(kHead.size() - 1, idKey - (kHead.size() - 1));
    if (record.size() < 2 || record.back() != '}')
        return std::nullopt;
    std::size_t at = idKey + 1;
    const auto id = plainField(payload, at, "id");
    const auto separated = [&] { return at < payload.size() && payload[at++] == ','; };
    const auto occurredAt = id && separated() ? plainField(payload, at, "occurred_at") : std::nullopt;
    const auto producer = occurredAt && separated() ? plainField(payload, at, "producer") : std::nullopt;
    const auto traceId = producer && separated() ? plainField(payload, at, "trace_id") : std::nullopt;
    const auto type = traceId && separated() ? plainField(payload, at, "type") : std::nullopt;
    if (!type || *type != "log.record" || id->empty() || payload.substr(at) != "}")
        return std::nullopt;
    std::string line;
    line.reserve(record.size() + id->size() + 16);
    line.append("{\"log_id\":\"").append(*id).append("\"");
    if (record.size() > 2)
        line += ',';
    line += record.substr(1);
    return ShippedLine{std::string(*producer), std::string(*occurredAt), std::move(line)};
}

bool isTraceId(const std::string& text)
{
    if (text.size() != 32)
        return false;
    for (char c : text)
        if (!std::isxdigit(static_cast<unsigned char>(c)))
            return false;
    return true;
}

Reply searchLogs(LogStore& store, HttpRequest& request)
{
    LogQuery query;
    if (const std::string trace = request.queryValue("trace_id"); !trace.empty()) {
        if (!isTraceId(trace))
            return invalidQueryParameter("trace_id", "must be a W3C trace id: 32 hexadecimal digits");
        std::string lower = trace;
        for (char& c : lower)
            c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        query.traceId = lower;
    }
    if (const std::string service = request.queryValue("service"); !service.empty()) {
        if (safeServiceName(service) != service)
            return invalidQueryParameter("service", "must be a service name such as auth or tickets");
        query.service = service;
    }
    if (const std::string level = request.queryValue("level"); !level.empty()) {
        const auto parsed = log::parseLevel(level);
        if (!parsed)
            return invalidQueryParameter("level", "must be debug, info, warn or error (that level and above)");
        query.minimumLevel = static_cast<int>(*parsed);
    }
    const auto limit = paging::parsePageLimit(request.queryValue("limit"), 200, 1000);
    if (!limit)
        return invalidQueryParameter("limit", "must be an integer from 1 to 1000");
    query.limit = *limit;
    const auto days = paging::parsePageLimit(request.queryValue("days"), 2, 90);
    if (!days)
        return invalidQueryParameter("days", "must be an integer from 1 to 90");
    query.days = *days;
    if (!query.traceId && !query.service)
        return Error(ErrorCode::ValidationFailed,
                     "give trace_id or service (or both): the logs are too many to list whole",
                     {{"fields", nlohmann::json::array({"trace_id", "service"})}});
    return HttpResponse::json(200, {{"items", store.search(query)}, {"next_cursor", nullptr}});
}

} // namespace

LogsService::LogsService() = default;
LogsService::~LogsService() = default;

std::string_view LogsService::apiDescription() const { return sbor_openapi_logs(); }

void LogsService::init(ServiceContext& context)
{
    m_retentionDays = static_cast<int>(std::max<std::int64_t>(1, context.config.getInteger("logs.retention_days")));
    std::string directory = context.config.getString("logs.dir");
    if (directory.empty())
        directory = context.dataDir.empty() ? "logs" : context.dataDir + "/logs";
    try {
        m_store = std::make_unique<LogStore>(directory);
    } catch (const std::exception& e) {
        throw ErrorException(Error(ErrorCode::Internal, "logs.dir " + directory + " cannot be used: " + e.what()));
    }
}

void LogsService::registerRoutes(http::Router& router)
{
    LogStore* store = m_store.get();
    router.add("GET", "/api/v1/admin/logs", name(), access::Access::require(access::Permission::AuditRead),
               [store](HttpRequest& request) { return searchLogs(*store, request); });
}

std::vector<BusConsumer> LogsService::busConsumers()
{
    LogStore* store = m_store.get();
    return {{"logs", {"logs"}, [store](const bus::Message& message) {
                 bus::LogShipper::ignoreThisThread(); // what this thread logs must not come back to it
                 if (auto shipped = shippedLine(message.payload)) {
                     store->appendLine(shipped->service, shipped->timestamp, std::move(shipped->line));
                     return true;
                 }
                 const auto envelope = nlohmann::json::parse(message.payload, nullptr, false);
                 if (!envelope.is_object() || !envelope.contains("data") || !envelope["data"].is_object())
                     return true;
                 nlohmann::json record = envelope["data"];
                 record["log_id"] = envelope.value("id", message.id);
                 store->append({record});
                 return true;
             }}};
}

std::vector<BackgroundJob> LogsService::backgroundJobs()
{
    LogStore* store = m_store.get();
    const int retention = m_retentionDays;
    return {{"log-retention", std::chrono::hours(1),
             [store, retention] {
                 if (const int deleted = store->deleteOlderThan(retention); deleted > 0)
                     log::info("old log files deleted", {{"files", deleted}, {"retention_days", retention}});
             }},
            {"log-flush", std::chrono::seconds(1), [store] { store->flushWaiting(); }}};
}

} // namespace sbor::logs
