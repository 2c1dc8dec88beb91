#pragma once
// GET /api/v1/admin/health: how the platform's processes are doing, and its one JSON codec,
// shared by the server (each process reports itself) and the console's health dock.

#include "sbor/wire/decoding.h"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace sbor::wire {

// A service's outbox: rows written but not yet on the bus.
struct OutboxBacklog {
    std::string service;
    std::int64_t unsent = 0;
    std::optional<std::string> oldestUnsentAt; // null when nothing waits
    double oldestUnsentSeconds = 0;
};

// A bus consumer group of the process: messages published to it that it has not handled yet.
struct ConsumerLag {
    std::string group;
    std::vector<std::string> topics;
    std::optional<std::int64_t> lag; // null while it is not known yet (Kafka before the first fetch)
};

// From the process's metrics: per minute over the last `windowSeconds`, and since it started.
struct RequestRates {
    double windowSeconds = 0;
    double requestsPerMinute = 0;
    double errorsPerMinute = 0;      // answered 5xx
    double rateLimitedPerMinute = 0; // answered 429
    std::int64_t requests = 0;
    std::int64_t errors = 0;
    std::int64_t rateLimited = 0;
};

struct ProcessHealth {
    std::vector<std::string> services; // what the process runs
    bool reachable = true;             // false: it did not answer (then only services and error)
    bool ready = false;                // its database answers and it is not shutting down
    std::string error;                 // why it is not reachable or not ready
    std::string version;
    double uptimeSeconds = 0;
    std::vector<OutboxBacklog> outboxes;
    std::vector<ConsumerLag> consumers;
    RequestRates http;
};

// The notifications service's webhook deliveries.
struct WebhookHealth {
    std::int64_t activeEndpoints = 0;
    std::int64_t disabledEndpoints = 0; // switched off after failing, or by their owners
    std::int64_t retrying = 0;          // pending after a failed attempt
    std::int64_t failedLastHour = 0;    // given up on
    std::optional<std::string> oldestRetryingSince;
};

// One thing an admin should look at: amber (growing) or red (down).
struct HealthProblem {
    std::string severity; // amber | red
    std::string check;    // process | outbox | consumer | errors | webhooks
    std::string subject;  // the service, consumer group … it is about
    std::string message;
};

struct PlatformHealth {
    std::string status; // ok | amber | red: the worst problem's
    std::string checkedAt;
    bool distributed = false;
    std::vector<ProcessHealth> processes;
    std::optional<WebhookHealth> webhooks; // null when the notifications service did not answer
    std::vector<HealthProblem> problems;
};

nlohmann::json toJson(const ProcessHealth& process);
nlohmann::json toJson(const WebhookHealth& webhooks);
nlohmann::json toJson(const PlatformHealth& health);
void fromJson(const FieldReader& reader, OutboxBacklog& outbox);
void fromJson(const FieldReader& reader, ConsumerLag& consumer);
void fromJson(const FieldReader& reader, RequestRates& rates);
void fromJson(const FieldReader& reader, ProcessHealth& process);
void fromJson(const FieldReader& reader, WebhookHealth& webhooks);
void fromJson(const FieldReader& reader, HealthProblem& problem);
void fromJson(const FieldReader& reader, PlatformHealth& health);

} // namespace sbor::wire
