#include "sbor/wire/health.h"

namespace sbor::wire {
namespace {

nlohmann::json nullable(const std::optional<std::string>& value)
{
    return value ? nlohmann::json(*value) : nlohmann::json(nullptr);
}

double number(const FieldReader& reader, const char* key)
{
    const nlohmann::json value = reader.any(key);
    if (!value.is_number())
        throw DecodeError(reader.pathOf(key) + " must be a number");
    return value.get<double>();
}

} // namespace

nlohmann::json toJson(const ProcessHealth& process)
{
    nlohmann::json outboxes = nlohmann::json::array();
    for (const auto& outbox : process.outboxes)
        outboxes.push_back({{"service", outbox.service},
                            {"unsent", outbox.unsent},
                            {"oldest_unsent_at", nullable(outbox.oldestUnsentAt)},
                            {"oldest_unsent_seconds", outbox.oldestUnsentSeconds}});
    nlohmann::json consumers = nlohmann::json::array();
    for (const auto& consumer : process.consumers)
        consumers.push_back({{"group", consumer.group},
                             {"topics", consumer.topics},
                             {"lag", consumer.lag ? nlohmann::json(*consumer.lag) : nlohmann::json(nullptr)}});
    const RequestRates& http = process.http;
    return {{"services", process.services},
            {"reachable", process.reachable},
            {"ready", process.ready},
            {"error", process.error},
            {"version", process.version},
            {"uptime_seconds", process.uptimeSeconds},
            {"outboxes", outboxes},
            {"consumers", consumers},
            {"http",
             {{"window_seconds", http.windowSeconds},
              {"requests_per_minute", http.requestsPerMinute},
              {"errors_per_minute", http.errorsPerMinute},
              {"rate_limited_per_minute", http.rateLimitedPerMinute},
              {"requests", http.requests},
              {"errors", http.errors},
              {"rate_limited", http.rateLimited}}}};
}

nlohmann::json toJson(const WebhookHealth& webhooks)
{
    return {{"active_endpoints", webhooks.activeEndpoints},
            {"disabled_endpoints", webhooks.disabledEndpoints},
            {"retrying", webhooks.retrying},
            {"failed_last_hour", webhooks.failedLastHour},
            {"oldest_retrying_since", nullable(webhooks.oldestRetryingSince)}};
}

nlohmann::json toJson(const PlatformHealth& health)
{
    nlohmann::json processes = nlohmann::json::array();
    for (const auto& process : health.processes)
        processes.push_back(toJson(process));
    nlohmann::json problems = nlohmann::json::array();
    for (const auto& problem : health.problems)
        problems.push_back({{"severity", problem.severity},
                            {"check", problem.check},
                            {"subject", problem.subject},
                            {"message", problem.message}});
    return {{"status", health.status},
            {"checked_at", health.checkedAt},
            {"distributed", health.distributed},
            {"processes", processes},
            {"webhooks", health.webhooks ? toJson(*health.webhooks) : nlohmann::json(nullptr)},
            {"problems", problems}};
}

void fromJson(const FieldReader& reader, OutboxBacklog& outbox)
{
    outbox.service = reader.string("service");
    outbox.unsent = reader.integer("unsent");
    outbox.oldestUnsentAt = reader.optionalString("oldest_unsent_at");
    outbox.oldestUnsentSeconds = number(reader, "oldest_unsent_seconds");
}

void fromJson(const FieldReader& reader, ConsumerLag& consumer)
{
    consumer.group = reader.string("group");
    consumer.topics = reader.strings("topics");
    consumer.lag = reader.optionalInteger("lag");
}

void fromJson(const FieldReader& reader, RequestRates& rates)
{
    rates.windowSeconds = number(reader, "window_seconds");
    rates.requestsPerMinute = number(reader, "requests_per_minute");
    rates.errorsPerMinute = number(reader, "errors_per_minute");
    rates.rateLimitedPerMinute = number(reader, "rate_limited_per_minute");
    rates.requests = reader.integer("requests");
    rates.errors = reader.integer("errors");
    rates.rateLimited = reader.integer("rate_limited");
}

void fromJson(const FieldReader& reader, ProcessHealth& process)
{
    process.services = reader.strings("services");
    process.reachable = reader.boolean("reachable");
    process.ready = reader.boolean("ready");
    process.error = reader.string("error");
    process.version = reader.string("version");
    process.uptimeSeconds = number(reader, "uptime_seconds");
    process.outboxes = decodeList<OutboxBacklog>(reader.array("outboxes"), reader.pathOf("outboxes"));
    process.consumers = decodeList<ConsumerLag>(reader.array("consumers"), reader.pathOf("consumers"));
    process.http = decode<RequestRates>(reader.object("http"), reader.pathOf("http"));
}

void fromJson(const FieldReader& reader, WebhookHealth& webhooks)
{
    webhooks.activeEndpoints = reader.integer("active_endpoints");
    webhooks.disabledEndpoints = reader.integer("disabled_endpoints");
    webhooks.retrying = reader.integer("retrying");
    webhooks.failedLastHour = reader.integer("failed_last_hour");
    webhooks.oldestRetryingSince = reader.optionalString("oldest_retrying_since");
}

void fromJson(const FieldReader& reader, HealthProblem& problem)
{
    problem.severity = reader.string("severity");
    problem.check = reader.string("check");
    problem.subject = reader.string("subject");
    problem.message = reader.string("message");
}

void fromJson(const FieldReader& reader, PlatformHealth& health)
{
    health.status = reader.string("status");
    health.checkedAt = reader.string("checked_at");
    health.distributed = reader.boolean("distributed");
    health.processes = decodeList<ProcessHealth>(reader.array("processes"), reader.pathOf("processes"));
    if (const nlohmann::json* webhooks = reader.optionalObject("webhooks"))
        health.webhooks = decode<WebhookHealth>(*webhooks, reader.pathOf("webhooks"));
    else
        health.webhooks.reset();
    health.problems = decodeList<HealthProblem>(reader.array("problems"), reader.pathOf("problems"));
}

} // namespace sbor::wire
