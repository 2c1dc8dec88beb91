#pragma once
// HTTP for /admin/templates: the notification templates admins edit, preview and test-send.

#include "templateediting.h"

#include "http/router.h"

namespace sbor::notifications {

class TemplateHandlers {
public:
    explicit TemplateHandlers(TemplateEditing& editing) : m_editing(editing) {}
    void registerRoutes(http::Router& router, const std::string& service);

private:
    http::Reply listTemplates(http::HttpRequest& request);
    http::Reply readTemplate(http::HttpRequest& request);
    http::Reply changeTemplate(http::HttpRequest& request);
    http::Reply resetTemplate(http::HttpRequest& request);
    http::Reply previewTemplate(http::HttpRequest& request);
    http::Reply sendTestTemplate(http::HttpRequest& request);

    TemplateEditing& m_editing;
};

} // namespace sbor::notifications
