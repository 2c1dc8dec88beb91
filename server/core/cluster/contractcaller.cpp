#include "cluster/contractcaller.h"

#include "cluster/contractcodec.h"

#include "http/requestidentity.h"
#include "log/logger.h"

namespace sbor::cluster {

ContractCaller::ContractCaller(const std::string& service, const ClusterSettings& settings)
    : m_client({service, settings.urlOf(service), settings.timeout}), m_token(settings.token)
{
}

Result<nlohmann::json> ContractCaller::call(std::string_view contract, std::string_view method, const nlohmann::json& arguments) const
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
    if (response->status != 200)
        return errorFromResponseBody(response->body, response->status, m_client.settings().service);
    auto parsed = nlohmann::json::parse(response->body, nullptr, false);
    if (parsed.is_discarded())
        return Error(ErrorCode::UpstreamUnavailable, "the " + m_client.settings().service + " service answered with malformed JSON",
                     {{"service", m_client.settings().service}});
    return parsed;
}

nlohmann::json ContractCaller::callOrThrow(std::string_view contract, std::string_view method, const nlohmann::json& arguments) const
{
    auto answer = call(contract, method, arguments);
    if (!answer)
        throw ErrorException(answer.error());
    return std::move(answer).value();
}

} // namespace sbor::cluster
