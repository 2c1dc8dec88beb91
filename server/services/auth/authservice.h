#pragma once
// The auth service (architecture.md §3): accounts, credentials, sessions, roles, 2FA and the
// audit log, kiosk device tokens, in the `auth` schema. It also supplies the gateway's
// Authenticator (access tokens and device tokens).

#include "service/service.h"

#include <memory>

namespace sbor::auth {

struct AuthDependencies;
class AuthHandlers;
class DeviceHandlers;
class KioskEnrollment;
class AuditIntake;

class AuthService : public Service {
public:
    AuthService();
    ~AuthService() override;
    std::string name() const override { return "auth"; }
    // Its configuration keys (docs/configuration.md), assembled with the others' by the catalog.
    static void declareSettings(ConfigSchema& schema);
    std::vector<db::Migration> migrations() const override;
    void init(ServiceContext& context) override;
    void registerRoutes(http::Router& router) override;
    std::vector<BusConsumer> busConsumers() override;
    std::string_view apiDescription() const override;
    bool hasOutbox() const override { return true; }

private:
    std::unique_ptr<AuthDependencies> m_dependencies;
    std::unique_ptr<AuthHandlers> m_handlers;
    std::unique_ptr<KioskEnrollment> m_kioskEnrollment;
    std::unique_ptr<DeviceHandlers> m_deviceHandlers;
    std::unique_ptr<AuditIntake> m_auditIntake;
};

// The auth service's migrations, for tools that prepare a database without running the server.
std::vector<db::Migration> authMigrations();

} // namespace sbor::auth
