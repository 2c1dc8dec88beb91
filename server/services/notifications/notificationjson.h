#pragma once
// The wire form of the notifications service's DTOs, one codec each.

#include "notification.h"

#include <nlohmann/json.hpp>

namespace sbor::notifications {

nlohmann::json notificationJson(const Notification& notification);
// `secret`: the newest signing secret, shown only when it was just made (create, rotate).
nlohmann::json webhookEndpointJson(const WebhookEndpoint& endpoint, bool withSecret);
nlohmann::json webhookDeliveryJson(const WebhookDeliveryRecord& delivery);

} // namespace sbor::notifications
