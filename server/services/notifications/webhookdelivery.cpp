#include "webhookdelivery.h"

#include "webhookdestination.h"
#include "webhookposter.h"
#include "webhookrepository.h"
#include "webhooksigning.h"

#include "db/connectionpool.h"
#include "log/logger.h"
#include "sbor/rfc3339.h"

#include <sodium.h>

#include <algorithm>
#include <ctime>

namespace sbor::notifications {
namespace {
constexpr int kBatch = 5;

// The secrets that still sign: the newest, and older ones until their rotation grace ends.
std::vector<std::string> currentSecrets(const nlohmann::json& secrets)
{
    const std::string now = formatRfc3339(static_cast<std::int64_t>(std::time(nullptr)) * 1000000);
    std::vector<std::string> current;
    for (const auto& entry : secrets) {
        const auto expires = entry.find("expires_at");
        if (expires != entry.end() && expires->is_string() && expires->get<std::string>() <= now)
            continue;
        current.push_back(entry.at("secret").get<std::string>());
    }
    return current;
}
} // namespace

WebhookDelivery::WebhookDelivery(db::ConnectionPool& database, WebhookDeliverySettings settings)
    : m_database(database), m_settings(std::move(settings))
{}

long long WebhookDelivery::withJitter(long long seconds) const
{
    // ±10 %, so endpoints that failed together do not all come back in the same second.
    const long long spread = seconds / 10;
    if (spread <= 0)
        return seconds;
    return seconds - spread + static_cast<long long>(randombytes_uniform(static_cast<std::uint32_t>(2 * spread + 1)));
}

int WebhookDelivery::sendDue()
{
    const std::vector<DueDelivery> due = m_database.transact([&](db::Transaction& tx) {
        // Claimed for longer than the whole batch can take, so another process never sends them too.
        const int leaseSeconds = kBatch * (m_settings.timeoutMs / 1000 + 1) * 2 + 30;
        auto claimed = WebhookRepository(tx).claimDueDeliveries(kBatch, leaseSeconds);
        return claimed;
    });
    int attempts = 0;
    for (const DueDelivery& item : due) {
        const WebhookDeliveryRecord& delivery = item.delivery;
        WebhookAttempt attempt;
        std::optional<long long> retryAfter;
        bool gone = false;
        bool refusedDestination = false; // never to be sent there: no point in trying again
        if (!item.endpointActive) {
            attempt.error = "the endpoint is disabled";
        } else if (auto url = parseWebhookUrl(item.url); !url) {
            attempt.error = url.error().message;
            refusedDestination = true;
        } else if (auto addresses = reachableAddresses(*url, m_settings.allowPrivateAddresses); !addresses) {
            attempt.error = addresses.error().message;
            refusedDestination = addresses.error().details.value("non_public", false);
        } else {
            const long long timestamp = static_cast<long long>(std::time(nullptr));
            WebhookRequest request{*url,
                                   {},
                                   {{"content-type", "application/json"},
                                    {"webhook-id", delivery.messageId},
                                    {"webhook-timestamp", std::to_string(timestamp)},
                                    {"webhook-signature",
                                     webhookSignatureHeader(currentSecrets(item.secrets), delivery.messageId, timestamp,
                                                            delivery.payload)}},
                                   delivery.payload,
                                   m_settings.timeoutMs};
            // Every checked address in turn until one answers (IPv6 first on a host without IPv6).
            WebhookResponse response;
            for (const auto& address : *addresses) {
                request.address = address;
                response = postWebhook(request);
                if (response.statusCode > 0)
                    break;
            }
            attempt.durationMs = response.durationMs;
            attempt.responseBody = response.body;
            if (response.statusCode > 0)
                attempt.statusCode = response.statusCode;
            else
                attempt.error = response.error;
            retryAfter = response.statusCode == 429 ? response.retryAfterSeconds : std::nullopt;
            gone = response.statusCode == 410;
        }
        ++attempts;
        const bool received = attempt.statusCode && *attempt.statusCode >= 200 && *attempt.statusCode < 300;
        const int attemptNumber = delivery.attempts + 1;
        const bool scheduleLeft = attemptNumber <= static_cast<int>(m_settings.retryDelaysSeconds.size());
        const bool hopeless = !item.endpointActive || gone || refusedDestination;
        m_database.transact([&](db::Transaction& tx) {
            WebhookRepository webhooks(tx);
            webhooks.recordAttempt(delivery.id, attempt);
            if (received) {
                webhooks.markDeliverySucceeded(delivery.id, *attempt.statusCode);
            } else if (hopeless || !scheduleLeft) {
                webhooks.markDeliveryFailed(delivery.id, attempt.statusCode);
                if (gone)
                    webhooks.disableEndpoint(delivery.endpointId, "the receiver answered 410 Gone");
            } else {
                long long delay = withJitter(
                    m_settings.retryDelaysSeconds[static_cast<std::size_t>(attemptNumber - 1)]);
                if (retryAfter)
                    delay = std::max(delay, std::min<long long>(*retryAfter, 86400));
                webhooks.scheduleRetry(delivery.id, attempt.statusCode, delay);
            }
        });
        log::info(received ? "webhook delivered" : "webhook not received",
                  {{"delivery_id", delivery.id},
                   {"endpoint_id", delivery.endpointId},
                   {"type", delivery.eventType},
                   {"attempt", attemptNumber},
                   {"status", attempt.statusCode ? nlohmann::json(*attempt.statusCode) : nlohmann::json()},
                   {"error", attempt.error.value_or("")},
                   {"duration_ms", attempt.durationMs}});
    }
    return attempts;
}

} // namespace sbor::notifications
