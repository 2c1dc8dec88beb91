#pragma once
// How the processes of a distributed deployment find and trust each other (architecture.md §3):
// each service's base URL and the shared token internal calls carry, from the `cluster.*` keys.

#include <chrono>
#include <map>
#include <set>
#include <string>
#include <string_view>

namespace sbor {
class Config;
}

namespace sbor::cluster {

// Internal calls (contracts served over HTTP) live under this prefix, never under /api/, so the
// gateway never routes to them and the public rate limit never counts them.
inline constexpr std::string_view kInternalPrefix = "/internal/v1/";
inline constexpr const char* kTokenHeader = "x-sbor-cluster-token";

// The services another process may have to reach (everything with routes or contracts; the
// gateway and `system` are never called by others).
inline constexpr const char* kAddressableServices[] = {"auth", "events",    "tickets", "payments", "notifications",
                                                       "live", "analytics", "logs",    "admin",    "support"};

struct ClusterSettings {
    std::string token;
    std::chrono::milliseconds timeout{10000};
    std::chrono::milliseconds authenticationCache{2000}; // auth.session_cache_ms
    std::map<std::string, std::string> serviceUrls;      // only the configured ones

    static ClusterSettings fromConfig(const Config& config);
    // "" when the address of `service` is not configured.
    std::string urlOf(const std::string& service) const;
};

// The configuration key holding the base URL of `service`: cluster.services.<service>.
std::string serviceUrlKey(const std::string& service);

// Which service provides each contract of service/contracts.h (and the Authenticator); the one
// table both ends of an internal call read. Contract names are path segments.
struct ContractProvider {
    std::string_view contract;
    std::string_view service;
};
inline constexpr ContractProvider kContractProviders[] = {
    {"authenticator", "auth"},          {"user-directory", "auth"},          {"event-directory", "events"},
    {"ticket-sales", "tickets"},        {"order-settlement", "tickets"},     {"door-directory", "tickets"},
    {"event-sales-wind-up", "tickets"}, {"ticket-documents", "tickets"},     {"payment-refunds", "payments"},
    {"sales-records", "tickets"},       {"payment-records", "payments"},     {"order-refunds", "tickets"},
    {"partial-refunds", "payments"},    {"webhook-health", "notifications"},
};

// True when `contract`'s provider is one of `services`.
bool providedAmong(std::string_view contract, const std::set<std::string>& services);
std::string providerOf(std::string_view contract);

// Equal without telling by its timing how much of the secret matched.
bool sameSecret(std::string_view given, std::string_view expected);

} // namespace sbor::cluster
