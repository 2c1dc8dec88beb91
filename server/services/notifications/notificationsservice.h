#pragma once
// The notifications service (architecture.md §3): the in-app inbox and preferences, email over
// SMTP from templates, and signed webhooks with retries — fed by the bus through its inbox.

#include "service/service.h"

#include <chrono>
#include <memory>

namespace sbor::notifications {

class NotificationIntake;
class PersonErasure;
class NotificationInbox;
class NotificationHandlers;
class WebhookEndpoints;
class WebhookHandlers;
class TemplateEditing;
class TemplateHandlers;
class EmailDelivery;
class WebhookDelivery;

class NotificationsService : public Service {
public:
    NotificationsService();
    ~NotificationsService() override;
    std::string name() const override { return "notifications"; }
    // Its configuration keys (docs/configuration.md), assembled with the others' by the catalog.
    static void declareSettings(ConfigSchema& schema);
    std::vector<db::Migration> migrations() const override;
    void init(ServiceContext& context) override;
    void registerRoutes(http::Router& router) override;
    std::vector<BusConsumer> busConsumers() override;
    std::vector<BackgroundJob> backgroundJobs() override;
    std::string_view apiDescription() const override;
    bool hasOutbox() const override { return true; }

private:
    std::unique_ptr<NotificationIntake> m_intake;
    std::unique_ptr<PersonErasure> m_erasure;
    std::unique_ptr<NotificationInbox> m_inbox;
    std::unique_ptr<NotificationHandlers> m_handlers;
    std::unique_ptr<WebhookEndpoints> m_endpoints;
    std::unique_ptr<WebhookHandlers> m_webhookHandlers;
    std::unique_ptr<TemplateEditing> m_templates;
    std::unique_ptr<TemplateHandlers> m_templateHandlers;
    std::unique_ptr<EmailDelivery> m_emails;
    std::unique_ptr<WebhookDelivery> m_webhooks;
    std::chrono::milliseconds m_jobInterval{0};
};

} // namespace sbor::notifications
