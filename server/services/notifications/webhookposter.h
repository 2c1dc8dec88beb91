#pragma once
// One webhook request through libcurl: POST of a JSON body with the Standard Webhooks headers to
// an address resolved and checked beforehand (webhookdestination.h). No redirects are followed:
// a 3xx is an answer like any other non-2xx.

#include "webhookdestination.h"

#include <map>
#include <optional>
#include <string>

namespace sbor::notifications {

struct WebhookRequest {
    WebhookUrl url;
    std::string address; // numeric, from reachableAddresses
    std::map<std::string, std::string> headers;
    std::string body;
    int timeoutMs = 10000;
};

struct WebhookResponse {
    int statusCode = 0; // 0: no HTTP answer
    std::string error;  // why there was none
    std::optional<long long> retryAfterSeconds;
    std::string body; // the first KiB, for the delivery log
    int durationMs = 0;
};

WebhookResponse postWebhook(const WebhookRequest& request);

} // namespace sbor::notifications
