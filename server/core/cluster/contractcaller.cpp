#include "cluster/contractcaller.h"

#include "cluster/contractcodec.h"

#include "http/requestidentity.h"
#include "log/logger.h"

namespace sbor::cluster {

ContractCaller::ContractCaller(const std::string& service, const ClusterSettings& settings)
    : m_client({service, settings.urlOf(service), settings.timeout}), m_token(settings.token)
{}

Result<nlohmann::json> ContractCaller::call(std::string_view contract, std::string_view method,
                                            const nlohmann::json& arguments) const
{
    http::UpstreamRequest request;
    request.method = "POST";
    request.pathAndQuery = std::string(kInternalPrefix) + std::string(contract) + "/" + std::string(method);
    request.headers.set("content-type", "application/json");
    request.headers.set(kTokenHeader, m_token);
    // The provider logs under the caller's trace, so one request can be followed across processes.
    if (const std::string& traceId = log::LogContext::currentTraceId(); traceId.size() == 32)
        request.headers.set("traceparent", "00-" + traceId + "-" + http::randomHex(16) + "-01");
    request.body = arguments.dump();
    request.idempotent = true;
    auto response = m_client.send(request);
    if (!response)
        return response.error();
    if (response->status != 200) {
        Error error = errorFromResponseBody(response->body, response->status, m_client.settings().service);
        // Whatever goes wrong between the processes is theirs, never the user's: a refused token
        // must not read as the user's 401 (clients would sign out), nor a missing internal route
        // (another version) as the user's 404.
        const bool refusedToken = error.details.is_object() && error.details.value("cluster_token", "") == "refused";
        if (refusedToken || response->status == 404 || response->status == 405) {
            log::error("an internal call was refused",
                       {{"service", m_client.settings().service},
                        {"path", request.pathAndQuery},
                        {"status", response->status},
                        {"error", error.message}});
            return Error(ErrorCode::UpstreamUnavailable,
                         "the " + m_client.settings().service + " service cannot be reached from this process" +
                             (refusedToken ? " (its cluster.token differs)" : " (its version differs)"),
                         {{"service", m_client.settings().service}});
        }
        return error;
    }
    auto parsed = nlohmann::json::parse(response->body, nullptr, false);
    if (parsed.is_discarded())
        return Error(ErrorCode::UpstreamUnavailable,
                     "the " + m_client.settings().service + " service answered with malformed JSON",
                     {{"service", m_client.settings().service}});
    return parsed;
}

Error ContractCaller::unreadableAnswer(std::string_view contract, std::string_view method,
                                       const std::string& problem) const
{
    log::error("a contract answer could not be read",
               {{"service", m_client.settings().service},
                {"contract", std::string(contract)},
                {"method", std::string(method)},
                {"error", problem}});
    return Error(ErrorCode::UpstreamUnavailable,
                 "the " + m_client.settings().service + " service answered " + std::string(contract) + "/" +
                     std::string(method) + " in a form this process cannot read (are both the same version?)",
                 {{"service", m_client.settings().service}});
}

} // namespace sbor::cluster
