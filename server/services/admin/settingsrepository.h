#pragma once
// SQL of admin.settings: the one row of the platform's settings.

#include "sbor/wire/platform.h"
#include "db/transaction.h"

#include <optional>

namespace sbor::admin {

using wire::PlatformSettings;

class SettingsRepository {
public:
    explicit SettingsRepository(db::Transaction& tx) : m_tx(tx) {}

    // Writes `first` as version 1 unless the row exists (the first start of the service).
    void seed(const PlatformSettings& first);
    // The row, or nullopt before the first use.
    std::optional<PlatformSettings> find();
    // The row; `forUpdate` locks it to the end of the transaction.
    PlatformSettings read(bool forUpdate = false);
    // Stores `settings` as the next version, changed by `userId`; returns the row as stored.
    PlatformSettings store(const PlatformSettings& settings, const std::string& userId);

private:
    db::Transaction& m_tx;
};

} // namespace sbor::admin
