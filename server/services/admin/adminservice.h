#pragma once
// The admin service (seed 004, architecture.md §3): the platform's settings — commission,
// publication fee, default language, support targets — kept in its own schema and announced on
// the bus (platform.settings_changed), so payments charges with the newest and the audit log
// records each change; and the platform's health report, asked of every process.

#include "service/service.h"

#include <memory>

namespace sbor::admin {

class SettingsAdministration;
class SettingsHandlers;
class PlatformHealthCheck;
class HealthHandlers;

class AdminService : public Service {
public:
    AdminService();
    ~AdminService() override;
    std::string name() const override { return "admin"; }
    std::vector<db::Migration> migrations() const override;
    void init(ServiceContext& context) override;
    void registerRoutes(http::Router& router) override;
    bool hasOutbox() const override { return true; }
    std::string_view apiDescription() const override;

private:
    std::unique_ptr<SettingsAdministration> m_settings;
    std::unique_ptr<SettingsHandlers> m_handlers;
    std::unique_ptr<PlatformHealthCheck> m_health;
    std::unique_ptr<HealthHandlers> m_healthHandlers;
};

} // namespace sbor::admin
