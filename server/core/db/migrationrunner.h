#pragma once
// Applies each service's migrations once, in order, each in its own transaction together with
// its row in sbor_meta.schema_migrations. A PostgreSQL advisory lock serialises concurrent
// starters (several processes in distributed mode). Refuses to run when the database has a
// version this build does not know (it is newer than the code) or when an applied migration's
// text changed since it was applied.

#include "db/migration.h"
#include "sbor/error.h"

#include <string>
#include <vector>

namespace sbor::db {

class ConnectionPool;

struct MigrationReport {
    std::vector<std::string> applied; // "system/0001_init"
};

class MigrationRunner {
public:
    explicit MigrationRunner(ConnectionPool& pool) : m_pool(pool) {}
    Result<MigrationReport> apply(const std::string& service, const std::vector<Migration>& migrations);

private:
    ConnectionPool& m_pool;
};

std::string migrationChecksum(const std::string& sql);

} // namespace sbor::db
