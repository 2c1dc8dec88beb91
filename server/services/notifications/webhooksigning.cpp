#include "webhooksigning.h"

#include "sbor/base64url.h"

#include <sodium.h>

namespace sbor::notifications {

std::string newWebhookSecret()
{
    std::string bytes(32, '\0');
    randombytes_buf(bytes.data(), bytes.size());
    return "whsec_" + base64Encode(bytes);
}

std::optional<std::string> webhookSecretKey(const std::string& secret)
{
    const std::string_view text = secret.rfind("whsec_", 0) == 0 ? std::string_view(secret).substr(6)
                                                                 : std::string_view(secret);
    return base64Decode(text);
}

std::string signWebhook(const std::string& secret, const std::string& messageId, long long timestamp,
                        const std::string& body)
{
    const std::string key = webhookSecretKey(secret).value_or("");
    const std::string content = messageId + "." + std::to_string(timestamp) + "." + body;
    // HMAC-SHA256 takes keys of any length (RFC 2104), which libsodium's multi-part API allows.
    crypto_auth_hmacsha256_state state;
    crypto_auth_hmacsha256_init(&state, reinterpret_cast<const unsigned char*>(key.data()), key.size());
    crypto_auth_hmacsha256_update(&state, reinterpret_cast<const unsigned char*>(content.data()), content.size());
    std::string mac(crypto_auth_hmacsha256_BYTES, '\0');
    crypto_auth_hmacsha256_final(&state, reinterpret_cast<unsigned char*>(mac.data()));
    return "v1," + base64Encode(mac);
}

std::string webhookSignatureHeader(const std::vector<std::string>& secrets, const std::string& messageId,
                                   long long timestamp, const std::string& body)
{
    std::string header;
    for (const auto& secret : secrets)
        header += (header.empty() ? "" : " ") + signWebhook(secret, messageId, timestamp, body);
    return header;
}

} // namespace sbor::notifications
