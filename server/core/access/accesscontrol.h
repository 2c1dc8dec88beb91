#pragma once
// The gateway's access check: the one place where a route's declared Access is enforced.
// A route open to anyone ignores credentials (so a health probe never touches the database); an
// optional one identifies a caller who sends a token and lets others through anonymously.
// Any other route needs "Authorization: Bearer <token>" that the Authenticator accepts (401
// otherwise) and, where it names a permission, a role that grants it (403 otherwise).

#include "access/access.h"
#include "http/requestpipeline.h"

#include <memory>

namespace sbor::access {

class AccessControl : public http::Middleware {
public:
    // `authenticator` may be null when no auth service runs in this process: then every route
    // that needs a caller answers 503 instead of guessing.
    explicit AccessControl(std::shared_ptr<Authenticator> authenticator) : m_authenticator(std::move(authenticator)) {}
    http::HttpResponse handle(http::HttpRequest& request, const http::Next& next) override;

private:
    std::shared_ptr<Authenticator> m_authenticator;
};

// The token of an "Authorization: Bearer <token>" header; nullopt when the header has another shape.
std::optional<std::string> bearerToken(const std::string& authorizationHeader);

} // namespace sbor::access
