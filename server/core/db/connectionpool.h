#pragma once
// A bounded pool of libpqxx connections. Connections open lazily up to `size`; a caller waits at
// most `acquireTimeout` for one, then gets ServiceUnavailableError (503 database_unavailable).
// A connection that broke (PostgreSQL restarted) is discarded and replaced on the next use, and
// run() retries a unit of work once on a fresh connection when the failure happened before
// anything was committed — so a server outlives a database restart without intervention.
// Threads: every member is safe to call from any thread.

#include <pqxx/pqxx>

#include <chrono>
#include <condition_variable>
#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

namespace sbor::db {

struct PoolOptions {
    std::string url;
    std::size_t size = 16;
    std::chrono::milliseconds acquireTimeout{5000};
    std::chrono::milliseconds statementTimeout{30000};
    std::string applicationName = "sbor";
};

class ConnectionPool {
public:
    explicit ConnectionPool(PoolOptions options);
    ~ConnectionPool();
    ConnectionPool(const ConnectionPool&) = delete;
    ConnectionPool& operator=(const ConnectionPool&) = delete;

    // Runs `work` with a connection of its own. Retries once if the connection turned out to be
    // broken before `work` committed anything (pqxx::broken_connection, not in_doubt_error).
    template <typename Work>
    auto run(Work&& work) -> decltype(work(std::declval<pqxx::connection&>()));

    // SELECT 1 on a pooled connection; false (never throws) when the database is unreachable.
    bool ping();
    void close();

    std::size_t size() const { return m_options.size; }
    std::size_t idleCount() const;
    std::size_t openCount() const;

private:
    class Lease;
    std::unique_ptr<pqxx::connection> acquire();
    void release(std::unique_ptr<pqxx::connection> connection, bool healthy);
    std::unique_ptr<pqxx::connection> open();
    // After one broken connection the others were most likely cut by the same restart.
    void discardIdle();

    PoolOptions m_options;
    mutable std::mutex m_mutex;
    std::condition_variable m_available;
    std::vector<std::unique_ptr<pqxx::connection>> m_idle;
    std::size_t m_open = 0; // idle + leased
    bool m_closed = false;
};

// Throws ServiceUnavailableError; out of line so this header needs no HTTP include.
[[noreturn]] void throwDatabaseUnavailable(const std::string& message);

template <typename Work>
auto ConnectionPool::run(Work&& work) -> decltype(work(std::declval<pqxx::connection&>()))
{
    for (int attempt = 0;; ++attempt) {
        std::unique_ptr<pqxx::connection> connection = acquire();
        try {
            if constexpr (std::is_void_v<decltype(work(*connection))>) {
                work(*connection);
                release(std::move(connection), true);
                return;
            } else {
                auto result = work(*connection);
                release(std::move(connection), true);
                return result;
            }
        } catch (const pqxx::in_doubt_error&) {
            release(std::move(connection), false);
            throw; // the commit may have happened: never retry
        } catch (const pqxx::broken_connection& e) {
            release(std::move(connection), false);
            discardIdle();
            if (attempt >= 1)
                throwDatabaseUnavailable(std::string("database connection lost: ") + e.what());
        } catch (...) {
            const bool healthy = connection && connection->is_open();
            release(std::move(connection), healthy);
            throw;
        }
    }
}

} // namespace sbor::db
