#pragma once
// A bounded pool of libpqxx connections. Connections open lazily up to `size`; a caller waits at
// most `acquireTimeout` for one, in arrival order, then gets an ErrorException (503
// database_unavailable).
// An idle connection that the server closed (PostgreSQL restarted) is noticed when it is taken
// from the pool — its socket has become readable — and replaced before any work runs on it, so
// a server outlives a database restart without intervention. Work is never re-run: a connection
// lost in the middle of it could already have committed (autocommit statements), so that
// request fails with 503 and its client retries, with an Idempotency-Key where it matters.
// Every connection gets network timeouts (connect, TCP keepalive, TCP user timeout) unless the
// URL sets them, so an unreachable host fails in seconds instead of hanging a worker.
// Threads: every member is safe to call from any thread.

#include <pqxx/pqxx>

#include <chrono>
#include <condition_variable>
#include <deque>
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

    // Runs `work` with a connection of its own; returns what it returns. A lost connection or a
    // database going away becomes 503 database_unavailable, a statement timeout 504.
    template <typename Work> auto run(Work&& work) -> decltype(work(std::declval<pqxx::connection&>()));

    // SELECT 1 on a pooled connection; false (never throws) when the database is unreachable.
    bool ping();
    void close();

    std::size_t size() const { return m_options.size; }

    // Called on the worker's thread each time a run() gives its connection back (its transaction
    // committed or rolled back): the outbox relays are woken this way right after a commit. Set
    // once, before work starts.
    void setWorkFinishedHook(std::function<void()> hook) { m_workFinished = std::move(hook); }

private:
    class Lease;
    std::unique_ptr<pqxx::connection> acquire();
    void release(std::unique_ptr<pqxx::connection> connection, bool healthy);
    std::unique_ptr<pqxx::connection> open();
    // Lets queued waiters open connections while the pool is below its size.
    void grantFreeSlotsLocked();
    // After one broken connection the others were most likely cut by the same restart.
    void discardIdle();
    // An idle connection whose socket is readable was closed (or told to close) by the server.
    static bool closedByServer(const pqxx::connection& connection);

    // A thread waiting for a connection; release() serves waiters in arrival order.
    struct Waiter {
        std::condition_variable ready;
        std::unique_ptr<pqxx::connection> connection; // handed over; null with `served`: open a new one
        bool served = false;
    };

    PoolOptions m_options;
    mutable std::mutex m_mutex;
    std::deque<Waiter*> m_waiters;
    std::vector<std::unique_ptr<pqxx::connection>> m_idle;
    std::size_t m_open = 0; // idle + leased
    bool m_closed = false;
    std::function<void()> m_workFinished;
};

// Logs the cause and throws ErrorException(database_unavailable, 503); out of line so this header needs no HTTP include.
[[noreturn]] void throwDatabaseUnavailable(const std::string& message);

// PostgreSQL rolled the whole transaction back (deadlock, serialization failure, lock wait
// refused): 409 write_conflict with Retry-After, as nothing was stored and a retry is safe.
[[noreturn]] void throwWriteConflict(const std::string& message);

// Maps libpqxx failures that mean "the database, not the request" to ErrorExceptions.
[[noreturn]] void rethrowDatabaseFailure(const pqxx::sql_error& error);

template <typename Work> auto ConnectionPool::run(Work&& work) -> decltype(work(std::declval<pqxx::connection&>()))
{
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
    } catch (const pqxx::broken_connection& e) {
        release(std::move(connection), false);
        discardIdle();
        throwDatabaseUnavailable(std::string("database connection lost: ") + e.what());
    } catch (const pqxx::statement_completion_unknown& e) { // 40003: it may have committed
        release(std::move(connection), false);
        throwDatabaseUnavailable(std::string("outcome unknown: ") + e.what());
    } catch (const pqxx::transaction_rollback& e) { // deadlock, serialization failure: not an sql_error in libpqxx 6.4
        const bool healthy = connection->is_open();
        release(std::move(connection), healthy);
        throwWriteConflict(e.what());
    } catch (const pqxx::sql_error& e) {
        const bool healthy = connection->is_open();
        release(std::move(connection), healthy);
        rethrowDatabaseFailure(e);
    } catch (...) {
        const bool healthy = connection && connection->is_open();
        release(std::move(connection), healthy);
        throw;
    }
}

// libpq connection options with network timeouts added where `url` does not set them.
std::string withNetworkTimeouts(const std::string& url);

} // namespace sbor::db
