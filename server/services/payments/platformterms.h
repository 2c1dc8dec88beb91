#pragma once
// What the platform charges by, as payments last heard it from the admin service
// (platform.settings_changed): the commission of each charge and the fee for publishing an event.
// Before any admin changed the settings, the configured commission and no fee.

#include "db/transaction.h"

#include <cstdint>
#include <optional>
#include <string>

namespace sbor::payments {

struct PlatformTerms {
    std::int64_t version = 0; // 0: none heard, the configured commission
    std::int64_t commissionBasisPoints = 0;
    std::int64_t publicationFee = 0;
    std::string publicationFeeCurrency = "RUB";
};

// The platform's share of `amount` at `basisPoints`, rounded half up to a minor unit.
std::int64_t commissionOn(std::int64_t amount, std::int64_t basisPoints);

class PlatformTermsRepository {
public:
    explicit PlatformTermsRepository(db::Transaction& tx) : m_tx(tx) {}

    // The terms heard last; nullopt when none was.
    std::optional<PlatformTerms> current();
    // Keeps `terms` unless newer ones were heard already (messages may come out of order).
    void remember(const PlatformTerms& terms);
    // The publication fee of one event: its organizer's account pays 'platform_fees'. False when
    // that event's fee was booked already.
    bool bookPublicationFee(const std::string& eventId, const std::string& organizerId, std::int64_t amount,
                            const std::string& currency);

private:
    db::Transaction& m_tx;
};

} // namespace sbor::payments
