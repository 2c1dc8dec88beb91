#include "settingsadministration.h"

#include "settingsrepository.h"

#include "outbox/outbox.h"
#include "sbor/rfc3339.h"

#include <algorithm>

namespace sbor::admin {

PlatformSettings configuredSettings(std::int64_t commissionBasisPoints)
{
    PlatformSettings settings;
    settings.commissionBasisPoints = commissionBasisPoints;
    return settings;
}

nlohmann::json settingsDifference(const PlatformSettings& before, const PlatformSettings& after)
{
    static const char* const kStamps[] = {"version", "updated_by", "updated_at"};
    const nlohmann::json old = wire::toJson(before);
    const nlohmann::json now = wire::toJson(after);
    nlohmann::json difference = nlohmann::json::object();
    for (const auto& [field, value] : now.items()) {
        if (std::find(std::begin(kStamps), std::end(kStamps), field) != std::end(kStamps))
            continue;
        if (old.value(field, nlohmann::json()) != value)
            difference[field] = {{"old", old.value(field, nlohmann::json())}, {"new", value}};
    }
    return difference;
}

SettingsAdministration::SettingsAdministration(db::ConnectionPool& database, PlatformSettings first)
    : m_database(database), m_first(std::move(first))
{}

PlatformSettings SettingsAdministration::read()
{
    if (auto stored = m_database.read([](db::Transaction& tx) { return SettingsRepository(tx).find(); }))
        return *stored;
    // The row is written on first use, not at start: a process starts without its database.
    return m_database.transact([&](db::Transaction& tx) {
        SettingsRepository repository(tx);
        repository.seed(m_first);
        return repository.read();
    });
}

Result<PlatformSettings> SettingsAdministration::change(const access::Principal& admin,
                                                        const PlatformSettingsChanges& changes, const CallContext& call)
{
    if (auto problem = access::stepUpProblem(admin, unixNowSeconds()))
        return *problem;
    return m_database.transact([&](db::Transaction& tx) -> Result<PlatformSettings> {
        SettingsRepository repository(tx);
        repository.seed(m_first);
        const PlatformSettings current = repository.read(true);
        if (changes.version && *changes.version != current.version)
            return Error(ErrorCode::Conflict,
                         "the settings were changed by someone else since version " + std::to_string(*changes.version) +
                             "; read them again",
                         {{"field", "version"}, {"current_version", current.version}});
        PlatformSettings wanted = current;
        wanted.commissionBasisPoints = changes.commissionBasisPoints.value_or(current.commissionBasisPoints);
        wanted.publicationFee = changes.publicationFee.value_or(current.publicationFee);
        wanted.publicationFeeCurrency = changes.publicationFeeCurrency.value_or(current.publicationFeeCurrency);
        wanted.defaultLanguage = changes.defaultLanguage.value_or(current.defaultLanguage);
        wanted.supportFirstResponseMinutes = changes.supportFirstResponseMinutes.value_or(
            current.supportFirstResponseMinutes);
        wanted.supportResolutionMinutes = changes.supportResolutionMinutes.value_or(current.supportResolutionMinutes);
        if (wanted.supportResolutionMinutes < wanted.supportFirstResponseMinutes)
            return Error(ErrorCode::ValidationFailed,
                         "the resolution target cannot be shorter than the first response's",
                         {{"fields",
                           {{{"field", "support_resolution_minutes"},
                             {"problem",
                              "must be at least support_first_response_minutes (" +
                                  std::to_string(wanted.supportFirstResponseMinutes) + ")"}}}}});
        const nlohmann::json difference = settingsDifference(current, wanted);
        if (difference.empty())
            return current; // nothing to change: no new version, nothing announced
        const PlatformSettings stored = repository.store(wanted, admin.userId);
        outbox::append(tx, "admin",
                       {"platform",
                        "settings",
                        "platform.settings_changed",
                        {{"settings", wire::toJson(stored)}, {"changes", difference}, {"changed_by", admin.userId}},
                        call.traceId});
        return stored;
    });
}

} // namespace sbor::admin
