#pragma once
// The auth service (architecture.md §3): accounts, credentials, sessions, roles, 2FA and the
// audit log, in the `auth` schema. It also supplies the gateway's Authenticator.

#include "service/service.h"

#include <memory>

namespace sbor::auth {

struct AuthDependencies;
class AuthHandlers;

class AuthService : public Service {
public:
    AuthService();
    ~AuthService() override;
    std::string name() const override { return "auth"; }
    std::vector<db::Migration> migrations() const override;
    void registerRoutes(http::Router& router, ServiceContext& context) override;
    std::string_view apiDescription() const override;

private:
    std::unique_ptr<AuthDependencies> m_dependencies;
    std::unique_ptr<AuthHandlers> m_handlers;
};

// The auth service's migrations, for tools that prepare a database without running the server.
std::vector<db::Migration> authMigrations();

} // namespace sbor::auth
