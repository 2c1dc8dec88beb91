#pragma once
// The private PostgreSQL of the embedded default: a cluster under <data-dir>/postgresql,
// initialised on first run, reachable only through a Unix socket in a private folder (no TCP
// port), started as our child process and stopped with us. As root it runs as the `postgres`
// account, since PostgreSQL refuses root.

#include "sbor/error.h"

#include <functional>
#include <memory>
#include <string>
#include <sys/types.h>

namespace sbor::db {

struct EmbeddedPostgresOptions {
    std::string dataDir;
    std::string binDir; // empty: the newest /usr/lib/postgresql/*/bin
    std::string databaseName = "sbor";
    bool fastUnsafe = false;             // initdb --no-sync, fsync=off: for tests only
    std::function<bool()> stopRequested; // polled while waiting for the cluster; true aborts the start
    // Operator commands run beside a server: use the cluster it is running instead of failing
    // on the postmaster.pid lock (the cluster is then left running at stop()).
    bool attachToRunning = false;
};

class EmbeddedPostgres {
public:
    static Result<std::unique_ptr<EmbeddedPostgres>> start(const EmbeddedPostgresOptions& options);
    ~EmbeddedPostgres();
    EmbeddedPostgres(const EmbeddedPostgres&) = delete;
    EmbeddedPostgres& operator=(const EmbeddedPostgres&) = delete;

    // A libpq connection string for the application database (contains no secret).
    const std::string& connectionString() const { return m_connectionString; }
    // True (once) when the postgres process has exited on its own; it is then reaped.
    bool hasExited();
    // Fast shutdown (SIGINT), waiting up to 30 s, then immediate. Idempotent.
    void stop();

private:
    EmbeddedPostgres() = default;

    pid_t m_pid = -1;
    std::string m_connectionString;
    std::string m_temporarySocketDir; // removed at stop when we had to use /tmp
};

// The newest PostgreSQL server binaries installed by Debian's packages; empty when none.
std::string findPostgresBinDir();
// Where sbor keeps its data when --data-dir is not given.
std::string defaultDataDir();

} // namespace sbor::db
