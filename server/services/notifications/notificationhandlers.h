#pragma once
// HTTP for /notifications (a person's in-app inbox and preferences) and /webhooks (organizers'
// endpoints and their delivery log).

#include "notificationinbox.h"
#include "webhookendpoints.h"

#include "http/router.h"

namespace sbor::notifications {

class NotificationHandlers {
public:
    explicit NotificationHandlers(NotificationInbox& inbox) : m_inbox(inbox) {}
    void registerRoutes(http::Router& router, const std::string& service);

private:
    http::Reply listNotifications(http::HttpRequest& request);
    http::Reply readNotification(http::HttpRequest& request);
    http::Reply markRead(http::HttpRequest& request);
    http::Reply markAllRead(http::HttpRequest& request);
    http::Reply readPreferences(http::HttpRequest& request);
    http::Reply changePreferences(http::HttpRequest& request);

    NotificationInbox& m_inbox;
};

class WebhookHandlers {
public:
    explicit WebhookHandlers(WebhookEndpoints& endpoints) : m_endpoints(endpoints) {}
    void registerRoutes(http::Router& router, const std::string& service);

private:
    http::Reply createEndpoint(http::HttpRequest& request);
    http::Reply listEndpoints(http::HttpRequest& request);
    http::Reply readEndpoint(http::HttpRequest& request);
    http::Reply changeEndpoint(http::HttpRequest& request);
    http::Reply deleteEndpoint(http::HttpRequest& request);
    http::Reply rotateSecret(http::HttpRequest& request);
    http::Reply listDeliveries(http::HttpRequest& request);
    http::Reply readDelivery(http::HttpRequest& request);
    http::Reply redeliver(http::HttpRequest& request);

    WebhookEndpoints& m_endpoints;
};

} // namespace sbor::notifications
