#include "notificationhandlers.h"

#include "notificationjson.h"

#include "http/jsonbody.h"

namespace sbor::notifications {

using http::HttpRequest;
using http::HttpResponse;
using http::Reply;

namespace {

template <typename Item, typename Codec>
HttpResponse pageResponse(const paging::Page<Item>& page, Codec&& codec,
                          nlohmann::json extra = nlohmann::json::object())
{
    nlohmann::json items = nlohmann::json::array();
    for (const auto& item : page.items)
        items.push_back(codec(item));
    extra["items"] = items;
    extra["next_cursor"] = page.nextCursor ? nlohmann::json(*page.nextCursor) : nlohmann::json();
    return HttpResponse::json(200, extra);
}

std::optional<int> pageLimit(const HttpRequest& request)
{
    return paging::parsePageLimit(request.queryValue("limit"), 20, 100);
}

// The fields of an endpoint a request may set; `creating` makes url and event_types required.
Result<EndpointDraft> readEndpointDraft(const HttpRequest& request, bool creating)
{
    auto body = http::parseJsonBody(request);
    if (!body)
        return body.error();
    http::JsonFieldReader reader(*body);
    EndpointDraft draft;
    if (creating)
        draft.url = reader.requiredString("url", 1, 2000);
    else
        draft.url = reader.optionalString("url", 2000);
    draft.description = reader.optionalString("description", 500);
    if (creating || body->contains("event_types")) {
        if (!body->contains("event_types"))
            reader.addProblem("event_types", "is required: the event types to send, or [\"*\"] for all");
        draft.eventTypes = reader.optionalStringArray("event_types", 20);
    }
    draft.active = reader.optionalBoolean("active");
    if (auto problem = reader.finish())
        return *problem;
    return draft;
}

} // namespace

void NotificationHandlers::registerRoutes(http::Router& router, const std::string& service)
{
    using access::Access;
    router.add("GET", "/api/v1/notifications", service, Access::signedIn(),
               [this](HttpRequest& r) { return listNotifications(r); });
    router.add("PUT", "/api/v1/notifications/read", service, Access::signedIn(),
               [this](HttpRequest& r) { return markAllRead(r); });
    router.add("GET", "/api/v1/notifications/preferences", service, Access::signedIn(),
               [this](HttpRequest& r) { return readPreferences(r); });
    router.add("PUT", "/api/v1/notifications/preferences", service, Access::signedIn(),
               [this](HttpRequest& r) { return changePreferences(r); });
    router.add("GET", "/api/v1/notifications/{id}", service, Access::signedIn(),
               [this](HttpRequest& r) { return readNotification(r); });
    router.add("PUT", "/api/v1/notifications/{id}/read", service, Access::signedIn(),
               [this](HttpRequest& r) { return markRead(r); });
}

Reply NotificationHandlers::listNotifications(HttpRequest& request)
{
    const auto limit = pageLimit(request);
    if (!limit)
        return invalidQueryParameter("limit", "must be an integer from 1 to 100");
    const std::string unread = request.queryValue("unread", "false");
    if (unread != "true" && unread != "false")
        return invalidQueryParameter("unread", "must be true or false");
    const std::string& userId = request.principal->userId;
    auto page = m_inbox.list(userId, unread == "true", *limit, request.queryValue("cursor"));
    if (!page)
        return page.error();
    return pageResponse(*page, notificationJson, {{"unread_count", m_inbox.unreadCount(userId)}});
}

Reply NotificationHandlers::readNotification(HttpRequest& request)
{
    auto notification = m_inbox.read(request.principal->userId, request.pathParameter("id"));
    if (!notification)
        return notification.error();
    return HttpResponse::json(200, notificationJson(*notification));
}

Reply NotificationHandlers::markRead(HttpRequest& request)
{
    auto notification = m_inbox.markRead(request.principal->userId, request.pathParameter("id"));
    if (!notification)
        return notification.error();
    return HttpResponse::json(200, notificationJson(*notification));
}

Reply NotificationHandlers::markAllRead(HttpRequest& request)
{
    return HttpResponse::json(200, {{"marked_read", m_inbox.markAllRead(request.principal->userId)}});
}

Reply NotificationHandlers::readPreferences(HttpRequest& request)
{
    return HttpResponse::json(200, m_inbox.preferences(request.principal->userId).toJson());
}

Reply NotificationHandlers::changePreferences(HttpRequest& request)
{
    auto body = http::parseJsonBody(request);
    if (!body)
        return body.error();
    auto preferences = m_inbox.changePreferences(request.principal->userId, *body);
    if (!preferences)
        return preferences.error();
    return HttpResponse::json(200, preferences->toJson());
}

void WebhookHandlers::registerRoutes(http::Router& router, const std::string& service)
{
    using access::Access;
    const Access organizer = Access::require(access::Permission::EventsWrite);
    router.add("POST", "/api/v1/webhooks", service, organizer, [this](HttpRequest& r) { return createEndpoint(r); });
    router.add("GET", "/api/v1/webhooks", service, organizer, [this](HttpRequest& r) { return listEndpoints(r); });
    router.add("GET", "/api/v1/webhooks/{id}", service, organizer, [this](HttpRequest& r) { return readEndpoint(r); });
    router.add("PATCH", "/api/v1/webhooks/{id}", service, organizer,
               [this](HttpRequest& r) { return changeEndpoint(r); });
    router.add("DELETE", "/api/v1/webhooks/{id}", service, organizer,
               [this](HttpRequest& r) { return deleteEndpoint(r); });
    router.add("POST", "/api/v1/webhooks/{id}/rotate-secret", service, organizer,
               [this](HttpRequest& r) { return rotateSecret(r); });
    router.add("GET", "/api/v1/webhooks/{id}/deliveries", service, organizer,
               [this](HttpRequest& r) { return listDeliveries(r); });
    router.add("GET", "/api/v1/webhooks/{id}/deliveries/{delivery_id}", service, organizer,
               [this](HttpRequest& r) { return readDelivery(r); });
    router.add("POST", "/api/v1/webhooks/{id}/deliveries/{delivery_id}/redeliver", service, organizer,
               [this](HttpRequest& r) { return redeliver(r); });
}

Reply WebhookHandlers::createEndpoint(HttpRequest& request)
{
    auto draft = readEndpointDraft(request, true);
    if (!draft)
        return draft.error();
    auto endpoint = m_endpoints.create(*request.principal, *draft);
    if (!endpoint)
        return endpoint.error();
    return HttpResponse::json(201, webhookEndpointJson(*endpoint, true));
}

Reply WebhookHandlers::listEndpoints(HttpRequest& request)
{
    const auto limit = pageLimit(request);
    if (!limit)
        return invalidQueryParameter("limit", "must be an integer from 1 to 100");
    auto page = m_endpoints.list(*request.principal, *limit, request.queryValue("cursor"));
    if (!page)
        return page.error();
    return pageResponse(*page, [](const WebhookEndpoint& endpoint) { return webhookEndpointJson(endpoint, false); });
}

Reply WebhookHandlers::readEndpoint(HttpRequest& request)
{
    auto endpoint = m_endpoints.read(*request.principal, request.pathParameter("id"));
    if (!endpoint)
        return endpoint.error();
    return HttpResponse::json(200, webhookEndpointJson(*endpoint, false));
}

Reply WebhookHandlers::changeEndpoint(HttpRequest& request)
{
    auto draft = readEndpointDraft(request, false);
    if (!draft)
        return draft.error();
    auto endpoint = m_endpoints.update(*request.principal, request.pathParameter("id"), *draft);
    if (!endpoint)
        return endpoint.error();
    return HttpResponse::json(200, webhookEndpointJson(*endpoint, false));
}

Reply WebhookHandlers::deleteEndpoint(HttpRequest& request)
{
    auto removed = m_endpoints.remove(*request.principal, request.pathParameter("id"));
    if (!removed)
        return removed.error();
    return HttpResponse::noContent();
}

Reply WebhookHandlers::rotateSecret(HttpRequest& request)
{
    auto endpoint = m_endpoints.rotateSecret(*request.principal, request.pathParameter("id"));
    if (!endpoint)
        return endpoint.error();
    return HttpResponse::json(200, webhookEndpointJson(*endpoint, true));
}

Reply WebhookHandlers::listDeliveries(HttpRequest& request)
{
    const auto limit = pageLimit(request);
    if (!limit)
        return invalidQueryParameter("limit", "must be an integer from 1 to 100");
    auto page = m_endpoints.deliveries(*request.principal, request.pathParameter("id"), *limit,
                                       request.queryValue("cursor"));
    if (!page)
        return page.error();
    return pageResponse(*page, webhookDeliveryJson);
}

Reply WebhookHandlers::readDelivery(HttpRequest& request)
{
    auto delivery = m_endpoints.delivery(*request.principal, request.pathParameter("id"),
                                         request.pathParameter("delivery_id"));
    if (!delivery)
        return delivery.error();
    return HttpResponse::json(200, webhookDeliveryJson(*delivery));
}

Reply WebhookHandlers::redeliver(HttpRequest& request)
{
    auto delivery = m_endpoints.redeliver(*request.principal, request.pathParameter("id"),
                                          request.pathParameter("delivery_id"));
    if (!delivery)
        return delivery.error();
    return HttpResponse::json(202, webhookDeliveryJson(*delivery));
}

} // namespace sbor::notifications
