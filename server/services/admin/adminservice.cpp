#include "adminservice.h"

#include "healthhandlers.h"
#include "platformhealth.h"
#include "settingsadministration.h"
#include "settingshandlers.h"

#include "config/config.h"
#include "db/connectionpool.h"
#include "outbox/outbox.h"

std::vector<sbor::db::Migration> sbor_migrations_admin();
std::string_view sbor_openapi_admin();

namespace sbor::admin {

AdminService::AdminService() = default;
AdminService::~AdminService() = default;

std::vector<db::Migration> AdminService::migrations() const
{
    auto migrations = sbor_migrations_admin();
    migrations.push_back(db::Migration{2, "outbox", outbox::createOutboxSql("admin")});
    return migrations;
}

std::string_view AdminService::apiDescription() const { return sbor_openapi_admin(); }

void AdminService::init(ServiceContext& context)
{
    // The configured commission is the first value only: once an admin changes it, the stored
    // setting is what payments charges (it hears platform.settings_changed).
    m_settings = std::make_unique<SettingsAdministration>(
        context.database, configuredSettings(context.config.getInteger("payments.commission_basis_points")));
    m_handlers = std::make_unique<SettingsHandlers>(*m_settings);
    const std::set<std::string> local(context.state.activeServices.begin(), context.state.activeServices.end());
    m_health = std::make_unique<PlatformHealthCheck>(context.directory,
                                                     cluster::ClusterSettings::fromConfig(context.config), local);
    m_healthHandlers = std::make_unique<HealthHandlers>(*m_health);
}

void AdminService::registerRoutes(http::Router& router)
{
    m_handlers->registerRoutes(router, name());
    m_healthHandlers->registerRoutes(router, name());
}

} // namespace sbor::admin
