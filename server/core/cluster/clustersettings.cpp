#include "cluster/clustersettings.h"

#include "config/config.h"

namespace sbor::cluster {

ClusterSettings ClusterSettings::fromConfig(const Config& config)
{
    ClusterSettings settings;
    settings.token = config.getString("cluster.token");
    settings.timeout = std::chrono::milliseconds(config.getInteger("cluster.timeout_ms"));
    settings.authenticationCache = std::chrono::milliseconds(config.getInteger("auth.session_cache_ms"));
    for (const char* service : kAddressableServices) {
        std::string url = config.getString(serviceUrlKey(service));
        while (!url.empty() && url.back() == '/')
            url.pop_back();
        if (!url.empty())
            settings.serviceUrls[service] = url;
    }
    return settings;
}

std::string ClusterSettings::urlOf(const std::string& service) const
{
    const auto found = serviceUrls.find(service);
    return found == serviceUrls.end() ? std::string() : found->second;
}

std::string serviceUrlKey(const std::string& service) { return "cluster.services." + service; }

std::string providerOf(std::string_view contract)
{
    for (const auto& entry : kContractProviders)
        if (entry.contract == contract)
            return std::string(entry.service);
    return {};
}

bool providedAmong(std::string_view contract, const std::set<std::string>& services)
{
    return services.count(providerOf(contract)) > 0;
}

bool sameSecret(std::string_view given, std::string_view expected)
{
    if (expected.empty() || given.size() != expected.size())
        return false; // the length is not the secret
    unsigned char difference = 0;
    for (std::size_t i = 0; i < given.size(); ++i)
        difference |= static_cast<unsigned char>(given[i] ^ expected[i]);
    return difference == 0;
}

} // namespace sbor::cluster
