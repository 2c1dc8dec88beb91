#include "sbor/wire/platform.h"

namespace sbor::wire {

nlohmann::json toJson(const PlatformSettings& settings)
{
    return {{"version", settings.version},
            {"commission_basis_points", settings.commissionBasisPoints},
            {"publication_fee", settings.publicationFee},
            {"publication_fee_currency", settings.publicationFeeCurrency},
            {"default_language", settings.defaultLanguage},
            {"support_first_response_minutes", settings.supportFirstResponseMinutes},
            {"support_resolution_minutes", settings.supportResolutionMinutes},
            {"updated_by", settings.updatedBy ? nlohmann::json(*settings.updatedBy) : nlohmann::json(nullptr)},
            {"updated_at", settings.updatedAt}};
}

nlohmann::json toJson(const PlatformSettingsChanges& changes)
{
    nlohmann::json json = nlohmann::json::object();
    putPresent(json, "version", changes.version);
    putPresent(json, "commission_basis_points", changes.commissionBasisPoints);
    putPresent(json, "publication_fee", changes.publicationFee);
    putPresent(json, "publication_fee_currency", changes.publicationFeeCurrency);
    putPresent(json, "default_language", changes.defaultLanguage);
    putPresent(json, "support_first_response_minutes", changes.supportFirstResponseMinutes);
    putPresent(json, "support_resolution_minutes", changes.supportResolutionMinutes);
    return json;
}

void fromJson(const FieldReader& reader, PlatformSettings& settings)
{
    settings.version = reader.integer("version");
    settings.commissionBasisPoints = reader.integer("commission_basis_points");
    settings.publicationFee = reader.integer("publication_fee");
    settings.publicationFeeCurrency = reader.string("publication_fee_currency");
    settings.defaultLanguage = reader.string("default_language");
    settings.supportFirstResponseMinutes = reader.integer("support_first_response_minutes");
    settings.supportResolutionMinutes = reader.integer("support_resolution_minutes");
    settings.updatedBy = reader.optionalString("updated_by");
    settings.updatedAt = reader.string("updated_at");
}

} // namespace sbor::wire
