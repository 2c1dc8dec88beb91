#pragma once
// Where a webhook may be sent. Only http(s) URLs, and — unless webhooks.allow_private_addresses —
// only to public addresses: an endpoint must not turn Sbor into a door to its own network (SSRF:
// the loopback, private, link-local, CGNAT, multicast and unspecified ranges are refused, v4 and
// v6, also behind a name). The address is resolved once per delivery and pinned, so a name that
// re-resolves to a private address between check and connect (DNS rebinding) changes nothing.

#include "sbor/error.h"

#include <string>
#include <vector>

namespace sbor::notifications {

struct WebhookUrl {
    std::string text;   // normalised
    std::string scheme; // http | https
    std::string host;   // without brackets
    int port = 0;
};

// A 422 `validation_failed` (field "url") for anything but an absolute http(s) URL with a host
// and no user name or password.
Result<WebhookUrl> parseWebhookUrl(const std::string& url);

// True for addresses a webhook must not reach unless private addresses are allowed.
bool isNonPublicAddress(const std::string& numericAddress);

// The addresses to connect to: resolved, and without private ones unless allowed. An error
// (code validation_failed, say why) when nothing may be reached.
Result<std::vector<std::string>> reachableAddresses(const WebhookUrl& url, bool allowPrivateAddresses);

} // namespace sbor::notifications
