#include "settingsrepository.h"

#include "db/sqlfragments.h"

#include <pqxx/pqxx>

namespace sbor::admin {
namespace {

std::string columns()
{
    return "version, commission_basis_points, publication_fee, publication_fee_currency, default_language, "
           "support_first_response_minutes, support_resolution_minutes, updated_by::text, " +
        db::rfc3339Sql("updated_at");
}

PlatformSettings settingsFrom(const pqxx::row& row)
{
    PlatformSettings settings;
    settings.version = row[0].as<std::int64_t>();
    settings.commissionBasisPoints = row[1].as<std::int64_t>();
    settings.publicationFee = row[2].as<std::int64_t>();
    settings.publicationFeeCurrency = row[3].as<std::string>();
    settings.defaultLanguage = row[4].as<std::string>();
    settings.supportFirstResponseMinutes = row[5].as<std::int64_t>();
    settings.supportResolutionMinutes = row[6].as<std::int64_t>();
    if (!row[7].is_null())
        settings.updatedBy = row[7].as<std::string>();
    settings.updatedAt = row[8].as<std::string>();
    return settings;
}

} // namespace

void SettingsRepository::seed(const PlatformSettings& first)
{
    m_tx.sql().exec_params(
        "INSERT INTO admin.settings (id, version, commission_basis_points, publication_fee, publication_fee_currency, "
        "default_language, support_first_response_minutes, support_resolution_minutes) "
        "VALUES (1, 1, $1, $2, $3, $4, $5, $6) ON CONFLICT (id) DO NOTHING",
        first.commissionBasisPoints, first.publicationFee, first.publicationFeeCurrency, first.defaultLanguage,
        first.supportFirstResponseMinutes, first.supportResolutionMinutes);
}

std::optional<PlatformSettings> SettingsRepository::find()
{
    const auto rows = m_tx.sql().exec("SELECT " + columns() + " FROM admin.settings WHERE id = 1");
    if (rows.empty())
        return std::nullopt;
    return settingsFrom(rows[0]);
}

PlatformSettings SettingsRepository::read(bool forUpdate)
{
    return settingsFrom(m_tx.sql().exec1("SELECT " + columns() + " FROM admin.settings WHERE id = 1" +
                                         (forUpdate ? " FOR UPDATE" : "")));
}

PlatformSettings SettingsRepository::store(const PlatformSettings& settings, const std::string& userId)
{
    return settingsFrom(m_tx.sql().exec_params1(
        "UPDATE admin.settings SET version = version + 1, commission_basis_points = $1, publication_fee = $2, "
        "publication_fee_currency = $3, default_language = $4, support_first_response_minutes = $5, "
        "support_resolution_minutes = $6, updated_by = $7::uuid, updated_at = now() WHERE id = 1 RETURNING " +
            columns(),
        settings.commissionBasisPoints, settings.publicationFee, settings.publicationFeeCurrency,
        settings.defaultLanguage, settings.supportFirstResponseMinutes, settings.supportResolutionMinutes, userId));
}

} // namespace sbor::admin
