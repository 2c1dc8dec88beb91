#pragma once
// GET/PUT /api/v1/admin/settings: HTTP in and out of SettingsAdministration.

#include "settingsadministration.h"

#include "http/router.h"

namespace sbor::admin {

class SettingsHandlers {
public:
    explicit SettingsHandlers(SettingsAdministration& settings) : m_settings(settings) {}
    void registerRoutes(http::Router& router, const std::string& service);

private:
    http::Reply readSettings(http::HttpRequest& request);
    http::Reply changeSettings(http::HttpRequest& request);

    SettingsAdministration& m_settings;
};

} // namespace sbor::admin
