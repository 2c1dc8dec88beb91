#include "platformterms.h"

#include <pqxx/pqxx>

namespace sbor::payments {

std::int64_t commissionOn(std::int64_t amount, std::int64_t basisPoints)
{
    return (amount * basisPoints + 5000) / 10000;
}

std::optional<PlatformTerms> PlatformTermsRepository::current()
{
    const auto rows = m_tx.sql().exec(
        "SELECT version, commission_basis_points, publication_fee, publication_fee_currency "
        "FROM payments.platform_terms WHERE id = 1");
    if (rows.empty())
        return std::nullopt;
    return PlatformTerms{rows[0][0].as<std::int64_t>(), rows[0][1].as<std::int64_t>(), rows[0][2].as<std::int64_t>(),
                         rows[0][3].as<std::string>()};
}

void PlatformTermsRepository::remember(const PlatformTerms& terms)
{
    m_tx.sql().exec_params(
        "INSERT INTO payments.platform_terms (id, version, commission_basis_points, publication_fee, "
        "publication_fee_currency) VALUES (1, $1, $2, $3, $4) ON CONFLICT (id) DO UPDATE SET "
        "version = EXCLUDED.version, commission_basis_points = EXCLUDED.commission_basis_points, "
        "publication_fee = EXCLUDED.publication_fee, publication_fee_currency = EXCLUDED.publication_fee_currency, "
        "heard_at = now() WHERE payments.platform_terms.version < EXCLUDED.version",
        terms.version, terms.commissionBasisPoints, terms.publicationFee, terms.publicationFeeCurrency);
}

bool PlatformTermsRepository::bookPublicationFee(const std::string& eventId, const std::string& organizerId,
                                                 std::int64_t amount, const std::string& currency)
{
    // Both entries or neither: the organizer's is the one the unique index keeps once per event.
    const auto paid = m_tx.sql().exec_params(
        "INSERT INTO payments.ledger_entries (payment_id, event_id, movement, account, amount, currency) "
        "VALUES (NULL, $1::uuid, 'publication_fee', 'organizer:' || $2, $3, $4) "
        "ON CONFLICT (event_id, account) WHERE movement = 'publication_fee' DO NOTHING RETURNING id",
        eventId, organizerId, -amount, currency);
    if (paid.empty())
        return false;
    m_tx.sql().exec_params(
        "INSERT INTO payments.ledger_entries (payment_id, event_id, movement, account, amount, currency) "
        "VALUES (NULL, $1::uuid, 'publication_fee', 'platform_fees', $2, $3)",
        eventId, amount, currency);
    return true;
}

} // namespace sbor::payments
