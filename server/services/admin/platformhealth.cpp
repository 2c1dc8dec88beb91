#include "platformhealth.h"

#include "cluster/contractcaller.h"
#include "log/logger.h"
#include "sbor/rfc3339.h"
#include "service/healthcontracts.h"

#include <algorithm>
#include <cmath>
#include <future>
#include <map>

namespace sbor::admin {
namespace {

// A process that takes longer than this to say how it is, is reported as not answering.
constexpr std::chrono::milliseconds kAskTimeout{2000};

std::string joined(const std::vector<std::string>& names)
{
    std::string out;
    for (const auto& name : names)
        out += (out.empty() ? "" : ", ") + name;
    return out;
}

std::string wholeSeconds(double seconds) { return std::to_string(static_cast<std::int64_t>(std::floor(seconds))); }

std::string percent(double share) { return std::to_string(static_cast<int>(std::round(share * 100))) + " %"; }

} // namespace

void judgeHealth(wire::PlatformHealth& health, const HealthThresholds& thresholds)
{
    auto& problems = health.problems;
    problems.clear();
    const auto add = [&](const char* severity, const char* check, std::string subject, std::string message) {
        problems.push_back({severity, check, std::move(subject), std::move(message)});
    };
    for (const auto& process : health.processes) {
        const std::string name = joined(process.services);
        if (!process.reachable) {
            add("red", "process", name, "does not answer: " + process.error);
            continue;
        }
        if (!process.ready)
            add("red", "process", name, "is not ready: " + process.error);
        for (const auto& outbox : process.outboxes) {
            if (outbox.unsent == 0)
                continue;
            const bool red = outbox.oldestUnsentSeconds >= thresholds.outboxRedSeconds;
            if (red || outbox.oldestUnsentSeconds >= thresholds.outboxAmberSeconds)
                add(red ? "red" : "amber", "outbox", outbox.service,
                    std::to_string(outbox.unsent) + " messages not on the bus, the oldest for " +
                        wholeSeconds(outbox.oldestUnsentSeconds) + " s");
        }
        for (const auto& consumer : process.consumers) {
            if (!consumer.lag)
                continue;
            const bool red = *consumer.lag >= thresholds.lagRed;
            if (red || *consumer.lag >= thresholds.lagAmber)
                add(red ? "red" : "amber", "consumer", consumer.group,
                    std::to_string(*consumer.lag) + " messages behind on " + joined(consumer.topics));
        }
        const wire::RequestRates& http = process.http;
        const double windowRequests = http.requestsPerMinute * http.windowSeconds / 60.0;
        if (windowRequests >= thresholds.minRequests && http.requestsPerMinute > 0) {
            const double share = http.errorsPerMinute / http.requestsPerMinute;
            const bool red = share >= thresholds.errorShareRed;
            if (red || share >= thresholds.errorShareAmber)
                add(red ? "red" : "amber", "errors", name,
                    percent(share) + " of requests answered with a server error");
        }
        if (http.rateLimitedPerMinute >= thresholds.rateLimitedAmberPerMinute)
            add("amber", "rate_limit", name,
                wholeSeconds(http.rateLimitedPerMinute) + " requests a minute refused by the rate limits");
    }
    if (health.webhooks) {
        const wire::WebhookHealth& webhooks = *health.webhooks;
        if (webhooks.failedLastHour > 0)
            add("amber", "webhooks", "notifications",
                std::to_string(webhooks.failedLastHour) + " webhook deliveries given up on in the last hour");
        if (webhooks.retrying >= thresholds.webhookRetryingAmber)
            add("amber", "webhooks", "notifications",
                std::to_string(webhooks.retrying) + " webhook deliveries retrying");
        if (webhooks.disabledEndpoints > 0)
            add("amber", "webhooks", "notifications",
                std::to_string(webhooks.disabledEndpoints) + " webhook endpoints switched off after failing");
    }
    std::stable_sort(problems.begin(), problems.end(),
                     [](const auto& a, const auto& b) { return a.severity == "red" && b.severity != "red"; });
    health.status = problems.empty() ? "ok" : problems.front().severity;
}

PlatformHealthCheck::PlatformHealthCheck(std::shared_ptr<ServiceDirectory> directory, cluster::ClusterSettings cluster,
                                         std::set<std::string> localServices)
    : m_directory(std::move(directory)), m_cluster(std::move(cluster))
{
    m_cluster.timeout = std::min(m_cluster.timeout, kAskTimeout);
    std::map<std::string, RemoteProcess> byAddress;
    for (const auto& [service, url] : m_cluster.serviceUrls) {
        if (localServices.count(service) || url.empty())
            continue;
        RemoteProcess& process = byAddress[url];
        process.services.push_back(service);
        if (process.askedService.empty())
            process.askedService = service;
    }
    for (auto& [url, process] : byAddress)
        m_remote.push_back(std::move(process));
}

wire::ProcessHealth PlatformHealthCheck::askRemote(const RemoteProcess& process) const
{
    wire::ProcessHealth health;
    health.services = process.services;
    try {
        const cluster::ContractCaller caller(process.askedService, m_cluster);
        auto answer = caller.ask<wire::ProcessHealth>(
            "process-health", "report", nlohmann::json::object(), [](const nlohmann::json& json) {
                return wire::decode<wire::ProcessHealth>(json.at("process"), "process");
            });
        if (answer)
            return *answer;
        health.error = answer.error().message;
    } catch (const std::exception& e) {
        health.error = e.what();
    }
    health.reachable = false;
    health.ready = false;
    return health;
}

wire::PlatformHealth PlatformHealthCheck::check()
{
    wire::PlatformHealth health;
    health.checkedAt = formatRfc3339(unixNowMicroseconds());
    health.distributed = !m_remote.empty();
    // Every process at once: the report takes as long as the slowest, not their sum.
    std::vector<std::future<wire::ProcessHealth>> remote;
    for (const auto& process : m_remote)
        remote.push_back(std::async(std::launch::async, [this, &process] { return askRemote(process); }));
    if (const auto local = m_directory->find<ProcessHealthSource>())
        health.processes.push_back(local->report());
    for (auto& answer : remote)
        health.processes.push_back(answer.get());
    if (const auto webhooks = m_directory->find<WebhookHealthFacts>()) {
        try {
            health.webhooks = webhooks->webhookHealth();
        } catch (const std::exception& e) {
            log::warn("the webhook health could not be read", {{"error", e.what()}});
        }
    }
    judgeHealth(health);
    return health;
}

} // namespace sbor::admin
