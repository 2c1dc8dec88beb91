#pragma once
// Standard Webhooks v1 (standard-webhooks.com): secrets are "whsec_" + base64 of random bytes; a
// delivery is signed as "v1," + base64(HMAC-SHA256(secret, "<id>.<timestamp>.<body>")), one
// signature per valid secret, space-separated, so receivers keep working through a rotation.

#include <optional>
#include <string>
#include <vector>

namespace sbor::notifications {

// A new secret: "whsec_" + base64 of 32 random bytes.
std::string newWebhookSecret();
// The key bytes of a secret ("whsec_" prefix optional); null when it is not base64.
std::optional<std::string> webhookSecretKey(const std::string& secret);
// "v1,<base64>" for one secret.
std::string signWebhook(const std::string& secret, const std::string& messageId, long long timestamp,
                        const std::string& body);
// The webhook-signature header: every secret's signature, space-separated.
std::string webhookSignatureHeader(const std::vector<std::string>& secrets, const std::string& messageId,
                                   long long timestamp, const std::string& body);

} // namespace sbor::notifications
