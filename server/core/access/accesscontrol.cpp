#include "access/accesscontrol.h"

namespace sbor::access {

std::optional<std::string> bearerToken(const std::string& header)
{
    constexpr std::string_view kScheme = "bearer ";
    if (header.size() <= kScheme.size() || http::toLower(header.substr(0, kScheme.size())) != kScheme)
        return std::nullopt;
    const auto start = header.find_first_not_of(' ', kScheme.size());
    if (start == std::string::npos)
        return std::nullopt;
    std::string token = header.substr(start);
    while (!token.empty() && token.back() == ' ')
        token.pop_back();
    if (token.empty() || token.find(' ') != std::string::npos)
        return std::nullopt;
    return token;
}

http::HttpResponse AccessControl::handle(http::HttpRequest& request, const http::Next& next)
{
    const http::RouteMatch* match = request.match.get();
    if (!match || match->kind != http::RouteMatch::Kind::Found || match->route->access.kind == Access::Kind::Anyone)
        return next(request); // unmatched paths answer 404/405 whoever asks
    const Access& needed = match->route->access;
    const auto refuse = [&](Error error) { return http::errorResponse(error, request.traceId); };

    const std::string* header = request.headers.find("authorization");
    if (!header && needed.kind == Access::Kind::Optional)
        return next(request);
    if (!header)
        return refuse(Error(ErrorCode::Unauthorized, "this endpoint needs 'Authorization: Bearer <token>'"));
    const auto token = bearerToken(*header);
    if (!token)
        return refuse(Error(ErrorCode::Unauthorized, "the Authorization header must be 'Bearer <token>'"));
    if (!m_authenticator)
        return refuse(Error(ErrorCode::Overloaded, "authentication is not available in this process"));
    auto principal = m_authenticator->authenticate(*token);
    if (!principal)
        return refuse(principal.error());
    if (principal->device && needed.kind != Access::Kind::Door)
        return refuse(Error(ErrorCode::Forbidden, "a device token may only call the door endpoints"));
    if (needed.kind == Access::Kind::Permission && !principal->has(needed.permission)) {
        return refuse(Error(ErrorCode::Forbidden, "your roles do not allow this",
                            {{"required_permission", std::string(permissionName(needed.permission))}}));
    }
    request.principal = std::move(principal).value();
    return next(request);
}

} // namespace sbor::access
