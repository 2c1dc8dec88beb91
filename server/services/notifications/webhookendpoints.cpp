#include "webhookendpoints.h"

#include "webhookdestination.h"
#include "webhookrepository.h"
#include "webhooksigning.h"

#include "db/connectionpool.h"
#include "sbor/rfc3339.h"
#include "sbor/uuid.h"

#include <algorithm>
#include <ctime>

namespace sbor::notifications {
namespace {

constexpr std::int64_t kRotationGraceSeconds = 24 * 3600;
constexpr int kMaxEndpointsPerOwner = 50;

Error noSuchEndpoint(const std::string& id)
{
    return Error(ErrorCode::NotFound, "no webhook endpoint " + id, {{"endpoint_id", id}});
}

Error noSuchDelivery(const std::string& id)
{
    return Error(ErrorCode::NotFound, "no delivery " + id + " of this endpoint", {{"delivery_id", id}});
}

} // namespace

const std::vector<std::string>& webhookEventTypes()
{
    static const std::vector<std::string> types = {"*",
                                                   "event.published",
                                                   "event.updated",
                                                   "event.cancelled",
                                                   "event.reminder",
                                                   "order.created",
                                                   "order.updated",
                                                   "ticket.purchased",
                                                   "ticket.cancelled",
                                                   "ticket.checkin",
                                                   "checkin.conflict",
                                                   "payment.succeeded",
                                                   "payment.failed",
                                                   "refund.issued"};
    return types;
}

std::optional<Error> WebhookEndpoints::draftProblem(const EndpointDraft& draft) const
{
    if (draft.url) {
        auto url = parseWebhookUrl(*draft.url);
        if (!url)
            return url.error();
        if (!m_allowPrivateAddresses) {
            // Names that do not resolve yet are taken (checked again at every delivery); a private
            // address is refused now, where the organizer sees why.
            if (auto addresses = reachableAddresses(*url, false);
                !addresses && addresses.error().details.value("non_public", false))
                return addresses.error();
        }
    }
    if (draft.eventTypes) {
        if (draft.eventTypes->empty())
            return Error(ErrorCode::ValidationFailed, "event_types must name at least one event type, or \"*\" for all",
                         {{"field", "event_types"}, {"allowed", webhookEventTypes()}});
        for (const auto& type : *draft.eventTypes)
            if (std::find(webhookEventTypes().begin(), webhookEventTypes().end(), type) == webhookEventTypes().end())
                return Error(ErrorCode::ValidationFailed, "event_types: unknown event type " + type,
                             {{"field", "event_types"}, {"allowed", webhookEventTypes()}});
    }
    return std::nullopt;
}

Result<WebhookEndpoint> WebhookEndpoints::ownedEndpoint(db::Transaction& tx, const access::Principal& caller,
                                                        const std::string& id, bool forChange)
{
    if (!isUuid(id))
        return noSuchEndpoint(id);
    auto endpoint = WebhookRepository(tx).findEndpoint(id, forChange);
    // Someone else's endpoint is as absent as a missing one: its existence is not our caller's business.
    if (!endpoint || (endpoint->ownerId != caller.userId && !caller.has(access::Permission::EventsWriteAny)))
        return noSuchEndpoint(id);
    return *endpoint;
}

Result<WebhookEndpoint> WebhookEndpoints::create(const access::Principal& caller, const EndpointDraft& draft)
{
    if (auto problem = draftProblem(draft))
        return *problem;
    WebhookEndpoint endpoint;
    endpoint.ownerId = caller.userId;
    endpoint.url = parseWebhookUrl(*draft.url)->text;
    endpoint.description = draft.description.value_or("");
    endpoint.eventTypes = *draft.eventTypes;
    std::sort(endpoint.eventTypes.begin(), endpoint.eventTypes.end());
    endpoint.eventTypes.erase(std::unique(endpoint.eventTypes.begin(), endpoint.eventTypes.end()),
                              endpoint.eventTypes.end());
    endpoint.active = draft.active.value_or(true);
    endpoint.secrets = nlohmann::json::array({{{"secret", newWebhookSecret()}, {"expires_at", nullptr}}});
    return m_database.transact([&](db::Transaction& tx) -> Result<WebhookEndpoint> {
        tx.holdLock("sbor.webhooks." + caller.userId);
        WebhookRepository endpoints(tx);
        if (endpoints.endpointCountOf(caller.userId) >= kMaxEndpointsPerOwner)
            return Error(ErrorCode::Conflict,
                         "at most " + std::to_string(kMaxEndpointsPerOwner) + " webhook endpoints per organizer",
                         {{"limit", kMaxEndpointsPerOwner}});
        return endpoints.insertEndpoint(endpoint);
    });
}

Result<paging::Page<WebhookEndpoint>> WebhookEndpoints::list(const access::Principal& caller, int limit,
                                                             const std::string& cursor)
{
    return paging::timeAndIdPage<WebhookEndpoint>(
        cursor, limit,
        [&](const auto& after, int count) {
            return m_database.read(
                [&](db::Transaction& tx) { return WebhookRepository(tx).listEndpoints(caller.userId, count, after); });
        },
        [](const WebhookEndpoint& endpoint) { return endpoint.createdAt; });
}

Result<WebhookEndpoint> WebhookEndpoints::read(const access::Principal& caller, const std::string& id)
{
    return m_database.read([&](db::Transaction& tx) { return ownedEndpoint(tx, caller, id); });
}

Result<WebhookEndpoint> WebhookEndpoints::update(const access::Principal& caller, const std::string& id,
                                                 const EndpointDraft& draft)
{
    if (auto problem = draftProblem(draft))
        return *problem;
    return m_database.transact([&](db::Transaction& tx) -> Result<WebhookEndpoint> {
        auto endpoint = ownedEndpoint(tx, caller, id, true);
        if (!endpoint)
            return endpoint.error();
        if (draft.url)
            endpoint->url = parseWebhookUrl(*draft.url)->text;
        if (draft.description)
            endpoint->description = *draft.description;
        if (draft.eventTypes) {
            endpoint->eventTypes = *draft.eventTypes;
            std::sort(endpoint->eventTypes.begin(), endpoint->eventTypes.end());
            endpoint->eventTypes.erase(std::unique(endpoint->eventTypes.begin(), endpoint->eventTypes.end()),
                                       endpoint->eventTypes.end());
        }
        if (draft.active)
            endpoint->active = *draft.active;
        WebhookEndpoint updated = WebhookRepository(tx).updateEndpoint(*endpoint);
        return updated;
    });
}

Result<bool> WebhookEndpoints::remove(const access::Principal& caller, const std::string& id)
{
    return m_database.transact([&](db::Transaction& tx) -> Result<bool> {
        auto endpoint = ownedEndpoint(tx, caller, id, true);
        if (!endpoint)
            return endpoint.error();
        WebhookRepository(tx).deleteEndpoint(endpoint->id);
        return true;
    });
}

Result<WebhookEndpoint> WebhookEndpoints::rotateSecret(const access::Principal& caller, const std::string& id)
{
    return m_database.transact([&](db::Transaction& tx) -> Result<WebhookEndpoint> {
        auto endpoint = ownedEndpoint(tx, caller, id, true);
        if (!endpoint)
            return endpoint.error();
        const std::int64_t now = static_cast<std::int64_t>(std::time(nullptr));
        const std::string nowText = formatRfc3339(now * 1000000);
        nlohmann::json secrets = nlohmann::json::array({{{"secret", newWebhookSecret()}, {"expires_at", nullptr}}});
        for (auto entry : endpoint->secrets) {
            if (entry["expires_at"].is_string() && entry["expires_at"].get<std::string>() <= nowText)
                continue; // already past its grace
            if (entry["expires_at"].is_null())
                entry["expires_at"] = formatRfc3339((now + kRotationGraceSeconds) * 1000000);
            secrets.push_back(entry);
        }
        endpoint->secrets = secrets;
        WebhookEndpoint updated = WebhookRepository(tx).updateEndpoint(*endpoint);
        return updated;
    });
}

Result<paging::Page<WebhookDeliveryRecord>> WebhookEndpoints::deliveries(const access::Principal& caller,
                                                                         const std::string& endpointId, int limit,
                                                                         const std::string& cursor)
{
    if (auto endpoint = read(caller, endpointId); !endpoint)
        return endpoint.error();
    return paging::timeAndIdPage<WebhookDeliveryRecord>(
        cursor, limit,
        [&](const auto& after, int count) {
            return m_database.read([&](db::Transaction& tx) {
                return WebhookRepository(tx).listDeliveries(canonicalUuid(endpointId), count, after);
            });
        },
        [](const WebhookDeliveryRecord& delivery) { return delivery.createdAt; });
}

Result<WebhookDeliveryRecord> WebhookEndpoints::delivery(const access::Principal& caller, const std::string& endpointId,
                                                         const std::string& deliveryId)
{
    return m_database.read([&](db::Transaction& tx) -> Result<WebhookDeliveryRecord> {
        auto endpoint = ownedEndpoint(tx, caller, endpointId);
        if (!endpoint)
            return endpoint.error();
        auto found = isUuid(deliveryId) ? WebhookRepository(tx).findDelivery(endpoint->id, deliveryId, true)
                                        : std::nullopt;
        if (!found)
            return noSuchDelivery(deliveryId);
        return *found;
    });
}

Result<WebhookDeliveryRecord> WebhookEndpoints::redeliver(const access::Principal& caller,
                                                          const std::string& endpointId, const std::string& deliveryId)
{
    return m_database.transact([&](db::Transaction& tx) -> Result<WebhookDeliveryRecord> {
        auto endpoint = ownedEndpoint(tx, caller, endpointId);
        if (!endpoint)
            return endpoint.error();
        WebhookRepository webhooks(tx);
        if (!isUuid(deliveryId) || !webhooks.findDelivery(endpoint->id, deliveryId, false))
            return noSuchDelivery(deliveryId);
        if (!endpoint->active)
            return Error(ErrorCode::Conflict,
                         "the endpoint is disabled; enable it (PATCH active: true) before redelivering",
                         {{"endpoint_id", endpoint->id},
                          {"disabled_reason",
                           endpoint->disabledReason ? nlohmann::json(*endpoint->disabledReason) : nlohmann::json()}});
        webhooks.redeliver(deliveryId);
        auto delivery = *webhooks.findDelivery(endpoint->id, deliveryId, true);
        return delivery;
    });
}

} // namespace sbor::notifications
