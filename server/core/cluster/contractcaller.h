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
    Result<nlohmann::json> call(std::string_view contract, std::string_view method,
                                const nlohmann::json& arguments) const;
    // call(), then `read` turns the answer into T. An answer of another shape (a provider of
    // another version) is UpstreamUnavailable naming the call, never an exception escaping.
    template <typename T, typename Read>
    Result<T> ask(std::string_view contract, std::string_view method, const nlohmann::json& arguments, Read read) const
    {
        auto answer = call(contract, method, arguments);
        if (!answer)
            return answer.error();
        try {
            return T(read(*answer));
        } catch (const std::exception& e) {
            return unreadableAnswer(contract, method, e.what());
        }
    }
    // For contract methods that cannot return an Error: a failure becomes an ErrorException, so
    // the caller's transaction (a request, a bus message) fails and is retried rather than
    // deciding on a missing answer.
    template <typename T, typename Read>
    T askOrThrow(std::string_view contract, std::string_view method, const nlohmann::json& arguments, Read read) const
    {
        auto answer = ask<T>(contract, method, arguments, std::move(read));
        if (!answer)
            throw ErrorException(answer.error());
        return std::move(answer).value();
    }

private:
    Error unreadableAnswer(std::string_view contract, std::string_view method, const std::string& problem) const;

    http::UpstreamClient m_client;
    std::string m_token;
};

} // namespace sbor::cluster
