#pragma once
// The client end of an internal call: POST <service>/internal/v1/<contract>/<method> with JSON
// arguments and the cluster token; the answer's JSON, or the Error the provider answered.

#include "cluster/clustersettings.h"
#include "http/upstreamclient.h"
#include "sbor/error.h"

#include <nlohmann/json.hpp>

#include <string>
#include <string_view>

namespace sbor::cluster {

class ContractCaller {
public:
    ContractCaller(const std::string& service, const ClusterSettings& settings);

    // Every contract method is safe to repeat (contracts.h), so a failed exchange is retried.
    Result<nlohmann::json> call(std::string_view contract, std::string_view method, const nlohmann::json& arguments) const;
    // For contract methods that cannot return an Error: a failure becomes an ErrorException, so
    // the caller's transaction (a request, a bus message) fails and is retried rather than
    // deciding on a missing answer.
    nlohmann::json callOrThrow(std::string_view contract, std::string_view method, const nlohmann::json& arguments) const;

private:
    http::UpstreamClient m_client;
    std::string m_token;
};

} // namespace sbor::cluster
