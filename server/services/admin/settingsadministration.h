#pragma once
// Changing the platform's settings (seed 004): the commission payments takes from each charge,
// the fee for publishing an event, the default language and the support response targets. A
// change needs a recent password proof (access::stepUpProblem), is refused when the form was read
// at an older version than stored (another admin saved meanwhile), and is announced as
// platform.settings_changed with each field's old and new value — payments applies it, the audit
// log records it.

#include "sbor/error.h"
#include "sbor/wire/platform.h"

#include "access/access.h"
#include "db/connectionpool.h"
#include "service/callcontext.h"

namespace sbor::admin {

using wire::PlatformSettings;
using wire::PlatformSettingsChanges;

class SettingsAdministration {
public:
    // `first` is what the settings are before any admin changed them (from the configuration).
    SettingsAdministration(db::ConnectionPool& database, PlatformSettings first);

    PlatformSettings read();
    Result<PlatformSettings> change(const access::Principal& admin, const PlatformSettingsChanges& changes,
                                    const CallContext& call);

private:
    db::ConnectionPool& m_database;
    const PlatformSettings m_first;
};

// The settings as the configuration gives them before any admin changed them.
PlatformSettings configuredSettings(std::int64_t commissionBasisPoints);

// {"field": {"old": …, "new": …}} for each field whose value differs (version and update stamps
// aside).
nlohmann::json settingsDifference(const PlatformSettings& before, const PlatformSettings& after);

} // namespace sbor::admin
