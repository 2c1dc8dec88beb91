#include "notificationsservice.h"

#include "emaildelivery.h"
#include "messagetemplates.h"
#include "notificationhandlers.h"
#include "notificationinbox.h"
#include "notificationintake.h"
#include "personerasure.h"
#include "templatehandlers.h"
#include "webhookdelivery.h"
#include "webhookendpoints.h"
#include "webhookhealth.h"

#include "config/config.h"
#include "log/logger.h"

#include <curl/curl.h>

std::vector<sbor::db::Migration> sbor_migrations_notifications();
std::string_view sbor_openapi_notifications();

namespace sbor::notifications {

void NotificationsService::declareSettings(ConfigSchema& schema)
{
    schema.add(
        {"notifications.smtp.host", ConfigKind::String, "",
         "SMTP server that notification emails go to; empty: emails wait in `notifications.emails` unsent (docs/notifications.md)"});
    schema.add(
        {"notifications.smtp.port", ConfigKind::Integer, "25", "its port; STARTTLS is used when the server offers it"});
    schema.add(
        {"notifications.smtp.from", ConfigKind::String, "Sbor <no-reply@localhost>", "sender of notification emails"});
    schema.add({"notifications.job_interval_ms", ConfigKind::Integer, "500",
                "how often due emails and webhook deliveries are sent"});
    schema.add(
        {"webhooks.allow_private_addresses", ConfigKind::Boolean, "false",
         "let webhooks reach loopback and private addresses (a receiver on the same machine, tests); off, only public addresses (SSRF protection)"});
    schema.add({"webhooks.retry_delays_seconds", ConfigKind::List, "5,300,1800,7200,18000,36000,50400,72000,86400",
                "pause after each failed webhook attempt (±10 % jitter); after the last the delivery fails"});
    schema.add({"webhooks.timeout_ms", ConfigKind::Integer, "10000", "a webhook receiver must answer within this"});
}

NotificationsService::NotificationsService() = default;
NotificationsService::~NotificationsService() = default;

std::vector<db::Migration> NotificationsService::migrations() const { return sbor_migrations_notifications(); }
std::string_view NotificationsService::apiDescription() const { return sbor_openapi_notifications(); }

void NotificationsService::init(ServiceContext& context)
{
    static const CURLcode curlReady = curl_global_init(CURL_GLOBAL_DEFAULT); // once, before any thread uses libcurl
    if (curlReady != CURLE_OK)
        throw ErrorException(Error(ErrorCode::Internal, "libcurl could not start"));
    MessageTemplates::builtIn(); // broken templates stop the start, not the first purchase

    const auto& config = context.config;
    WebhookDeliverySettings webhookSettings;
    for (const auto& text : config.getList("webhooks.retry_delays_seconds")) {
        char* end = nullptr;
        const long long seconds = std::strtoll(text.c_str(), &end, 10);
        if (text.empty() || *end != '\0' || seconds < 0 || seconds > 7 * 86400)
            throw ErrorException(
                Error(ErrorCode::ValidationFailed,
                      "webhooks.retry_delays_seconds must be whole seconds from 0 to 604800, comma-separated (" +
                          config.originOf("webhooks.retry_delays_seconds") + ")"));
        webhookSettings.retryDelaysSeconds.push_back(seconds);
    }
    webhookSettings.allowPrivateAddresses = config.getBoolean("webhooks.allow_private_addresses");
    webhookSettings.timeoutMs = static_cast<int>(config.getInteger("webhooks.timeout_ms"));
    m_jobInterval = std::chrono::milliseconds(config.getInteger("notifications.job_interval_ms"));

    m_intake = std::make_unique<NotificationIntake>(context.database, context.directory);
    m_erasure = std::make_unique<PersonErasure>(context.database);
    m_inbox = std::make_unique<NotificationInbox>(context.database);
    m_handlers = std::make_unique<NotificationHandlers>(*m_inbox);
    m_endpoints = std::make_unique<WebhookEndpoints>(context.database, webhookSettings.allowPrivateAddresses);
    m_webhookHandlers = std::make_unique<WebhookHandlers>(*m_endpoints);
    m_templates = std::make_unique<TemplateEditing>(context.database, context.directory);
    m_templateHandlers = std::make_unique<TemplateHandlers>(*m_templates);
    context.directory->provide<WebhookHealthFacts>(std::make_shared<WebhookHealthReport>(context.database));

    SmtpSettings smtp{config.getString("notifications.smtp.host"),
                      static_cast<int>(config.getInteger("notifications.smtp.port")),
                      config.getString("notifications.smtp.from")};
    if (smtp.host.empty())
        log::warn("emails are queued but not sent: notifications.smtp.host is not set");
    else
        m_emails = std::make_unique<EmailDelivery>(context.database, context.directory, SmtpSender(smtp));
    m_webhooks = std::make_unique<WebhookDelivery>(context.database, std::move(webhookSettings));
}

void NotificationsService::registerRoutes(http::Router& router)
{
    m_handlers->registerRoutes(router, name());
    m_webhookHandlers->registerRoutes(router, name());
    m_templateHandlers->registerRoutes(router, name());
}

std::vector<BusConsumer> NotificationsService::busConsumers()
{
    NotificationIntake* intake = m_intake.get();
    PersonErasure* erasure = m_erasure.get();
    return {{"notifications", intakeTopics(), [intake](const bus::Message& message) { return intake->take(message); }},
            {"notifications-erasure", {"users"}, [erasure](const bus::Message& message) {
                 return erasure->take(message);
             }}};
}

std::vector<BackgroundJob> NotificationsService::backgroundJobs()
{
    const auto interval = m_jobInterval;
    std::vector<BackgroundJob> jobs;
    if (EmailDelivery* emails = m_emails.get())
        jobs.push_back({"email-delivery", interval, [emails] { emails->sendDue(); }});
    WebhookDelivery* webhooks = m_webhooks.get();
    jobs.push_back({"webhook-delivery", interval, [webhooks] { webhooks->sendDue(); }});
    return jobs;
}

} // namespace sbor::notifications
