#include "platformtermsintake.h"

#include "platformterms.h"

#include "bus/inbox.h"
#include "log/logger.h"
#include "outbox/outbox.h"
#include "sbor/uuid.h"

#include "sbor/jsonvalue.h"

#include <nlohmann/json.hpp>

namespace sbor::payments {
namespace {

std::optional<PlatformTerms> termsFrom(const nlohmann::json& data)
{
    const auto settings = data.find("settings");
    if (settings == data.end() || !settings->is_object())
        return std::nullopt;
    const auto integer = [&](const char* key) -> std::optional<std::int64_t> {
        const auto value = settings->find(key);
        if (value == settings->end() || !value->is_number_integer())
            return std::nullopt;
        return value->get<std::int64_t>();
    };
    const auto version = integer("version");
    const auto commission = integer("commission_basis_points");
    const auto fee = integer("publication_fee");
    const auto currency = settings->find("publication_fee_currency");
    if (!version || !commission || !fee || currency == settings->end() || !currency->is_string() || *commission < 0 ||
        *commission > 10000 || *fee < 0)
        return std::nullopt;
    return PlatformTerms{*version, *commission, *fee, currency->get<std::string>()};
}

} // namespace

const std::vector<std::string>& platformTermsTopics()
{
    static const std::vector<std::string> topics = {"platform", "events"};
    return topics;
}

bool PlatformTermsIntake::take(const bus::Message& message)
{
    const auto envelope = nlohmann::json::parse(message.payload, nullptr, false);
    if (!envelope.is_object() || !envelope.contains("data") || !envelope["data"].is_object())
        return true;
    const std::string type = envelope.value("type", message.type);
    const nlohmann::json& data = envelope["data"];
    const std::string traceId = envelope.value("trace_id", std::string());
    if (type == "platform.settings_changed") {
        const auto terms = termsFrom(data);
        if (!terms) {
            log::warn("platform settings message without usable terms", {{"message_id", message.id}});
            return true;
        }
        m_database.transact([&](db::Transaction& tx) {
            if (bus::firstDelivery(tx, "payments", message.id))
                PlatformTermsRepository(tx).remember(*terms);
        });
        return true;
    }
    if (type != "event.published")
        return true;
    const std::string eventId = stringField(data, "event_id");
    const std::string organizerId = stringField(data, "organizer_id");
    if (!isUuid(eventId) || !isUuid(organizerId))
        return true;
    m_database.transact([&](db::Transaction& tx) {
        if (!bus::firstDelivery(tx, "payments", message.id))
            return;
        PlatformTermsRepository terms(tx);
        const auto current = terms.current();
        if (!current || current->publicationFee == 0)
            return;
        if (!terms.bookPublicationFee(eventId, organizerId, current->publicationFee, current->publicationFeeCurrency))
            return;
        outbox::append(tx, "payments",
                       {"payment",
                        eventId,
                        "publication_fee.charged",
                        {{"event_id", eventId},
                         {"organizer_id", organizerId},
                         {"amount", current->publicationFee},
                         {"currency", current->publicationFeeCurrency}},
                        traceId});
    });
    return true;
}

} // namespace sbor::payments
