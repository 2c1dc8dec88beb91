#pragma once
// Start-up steps shared by the server and its operator commands (`sbor-server user create`):
// the configuration layers, the database (configured or embedded) and the migrations.

#include "commandline.h"
#include "config/config.h"
#include "db/connectionpool.h"
#include "db/embeddedpostgres.h"
#include "service/service.h"

#include <functional>
#include <memory>
#include <string>
#include <vector>

namespace sbor {

// defaults < sbor.yml (--config or SBOR_CONFIG) < SBOR_* < flags, then checked as a whole.
Result<Config> loadConfiguration(const CommandLine& line, char** environment);

struct DatabaseConnection {
    std::unique_ptr<db::EmbeddedPostgres> embedded; // null for a configured database.url
    std::string url;
    std::string dataDir;
};

// database.url when set; otherwise the private cluster under the data dir, started (or, for an
// operator command, `attachToRunning` the one a running server has started).
Result<DatabaseConnection> connectDatabase(const Config& config, std::function<bool()> stopRequested,
                                           bool attachToRunning);

// Every service's migrations, in catalog order.
Result<bool> applyMigrations(db::ConnectionPool& pool, const std::vector<std::unique_ptr<Service>>& services,
                             const std::string& databaseUrl);

} // namespace sbor
