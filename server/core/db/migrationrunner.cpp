#include "db/migrationrunner.h"

#include "db/connection.h"
#include "db/connectionpool.h"
#include "log/logger.h"

#include <pqxx/pqxx>

#include <algorithm>
#include <cstdio>
#include <map>
#include <optional>

namespace sbor::db {
namespace {

constexpr const char* kCreateMetaSchema = R"sql(
CREATE SCHEMA IF NOT EXISTS sbor_meta;
CREATE TABLE IF NOT EXISTS sbor_meta.schema_migrations (
    service     text        NOT NULL,
    version     integer     NOT NULL,
    name        text        NOT NULL,
    checksum    text        NOT NULL,
    applied_at  timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (service, version)
);
)sql";

// Any constant works; it only has to be the same in every Sbor process.
constexpr long long kMigrationLockKey = 0x5b0a'0001;

} // namespace

std::string migrationChecksum(const std::string& sql)
{
    // FNV-1a 64: detects an edited migration; not a security boundary.
    std::uint64_t hash = 0xcbf29ce484222325ULL;
    for (unsigned char c : sql) {
        hash ^= c;
        hash *= 0x100000001b3ULL;
    }
    char buffer[17];
    std::snprintf(buffer, sizeof buffer, "%016llx", static_cast<unsigned long long>(hash));
    return buffer;
}

namespace {

// Runs on one connection: the session lock taken first is held across the migrations'
// transactions.
Result<MigrationReport> migrateOn(pqxx::connection& connection, const std::string& service,
                                  const std::vector<Migration>& ordered, int newestKnown)
{
    MigrationReport report;
    // A session-level lock, taken before anything else (CREATE … IF NOT EXISTS is not safe
    // when two processes start together), survives the per-migration transactions below.
    // libpqxx 6 allows one transaction object per connection at a time, hence the short ones.
    {
        pqxx::nontransaction locker(connection);
        locker.exec("SELECT pg_advisory_lock(" + std::to_string(kMigrationLockKey) + ")");
    }
    struct Unlock {
        pqxx::connection& connection;
        ~Unlock()
        {
            try {
                pqxx::nontransaction unlocker(connection);
                unlocker.exec("SELECT pg_advisory_unlock(" + std::to_string(kMigrationLockKey) + ")");
            } catch (...) {
                // A broken connection releases its locks by itself.
            }
        }
    } unlock{connection};

    {
        pqxx::work tx(connection);
        tx.exec(kCreateMetaSchema);
        tx.commit();
    }
    std::map<int, std::pair<std::string, std::string>> applied; // version → (name, checksum)
    {
        pqxx::read_transaction reader(connection);
        for (const auto& row : reader.exec_params(
                 "SELECT version, name, checksum FROM sbor_meta.schema_migrations WHERE service = $1", service))
            applied[row[0].as<int>()] = {row[1].as<std::string>(), row[2].as<std::string>()};
    }

    if (!applied.empty() && applied.rbegin()->first > newestKnown)
        return Error(
            ErrorCode::Conflict,
            "the database schema of service '" + service + "' is at version " +
                std::to_string(applied.rbegin()->first) + " but this build knows versions up to " +
                std::to_string(newestKnown) + "; the database is newer than the code — run a newer sbor-server",
            {{"service", service}, {"database_version", applied.rbegin()->first}, {"code_version", newestKnown}});

    for (const auto& migration : ordered) {
        const std::string checksum = migrationChecksum(migration.sql);
        const auto done = applied.find(migration.version);
        if (done != applied.end()) {
            if (done->second.second != checksum)
                return Error(ErrorCode::Conflict,
                             "migration " + service + "/" + std::to_string(migration.version) + "_" + migration.name +
                                 " was changed after it was applied; add a new migration instead",
                             {{"service", service}, {"version", migration.version}});
            continue;
        }
        pqxx::work tx(connection);
        tx.exec(migration.sql);
        tx.exec_params(
            "INSERT INTO sbor_meta.schema_migrations (service, version, name, checksum) VALUES ($1, $2, $3, $4)",
            service, migration.version, migration.name, checksum);
        tx.commit();
        char label[16];
        std::snprintf(label, sizeof label, "%04d", migration.version);
        report.applied.push_back(service + "/" + label + "_" + migration.name);
        log::info("migration applied", {{"migration", report.applied.back()}});
    }
    return report;
}

} // namespace

Result<MigrationReport> MigrationRunner::apply(const std::string& service, const std::vector<Migration>& migrations)
{
    std::vector<Migration> ordered = migrations;
    std::sort(ordered.begin(), ordered.end(),
              [](const Migration& a, const Migration& b) { return a.version < b.version; });
    for (size_t i = 1; i < ordered.size(); ++i) {
        if (ordered[i].version == ordered[i - 1].version)
            return Error(ErrorCode::Internal,
                         "service " + service + " has two migrations numbered " + std::to_string(ordered[i].version));
    }
    const int newestKnown = ordered.empty() ? 0 : ordered.back().version;

    std::optional<Result<MigrationReport>> outcome;
    m_pool.withConnection(
        [&](pqxx::connection& connection) { outcome.emplace(migrateOn(connection, service, ordered, newestKnown)); });
    return std::move(*outcome);
}

} // namespace sbor::db
