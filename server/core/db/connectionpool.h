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

#include "db/transaction.h"

#include "sbor/error.h"

#include <chrono>
#include <condition_variable>
#include <deque>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <type_traits>
#include <vector>

namespace sbor::db {

class Connection; // db/connection.h: a libpqxx connection

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

    // Runs `work(Transaction&)` in a read-write transaction (read committed) on a connection of
    // its own and returns what it returns. The transaction commits when the work returns, unless
    // it returns a Result holding an error; it rolls back when the work throws. A lost
    // connection or a database going away becomes 503 database_unavailable, a statement
    // timeout 504, a deadlock or serialization failure 409 write_conflict (nothing was stored,
    // a retry is safe); unique and foreign key violations come out as UniqueViolation and
    // ForeignKeyViolation.
    template <typename Work> auto transact(Work&& work) -> std::invoke_result_t<Work&, Transaction&>;
    // Reads without a transaction: each statement commits on its own, so a read of one statement
    // costs one round trip. For reads that need no consistency between their statements.
    template <typename Work> auto read(Work&& work) -> std::invoke_result_t<Work&, Transaction&>;
    // Reads in one read-only repeatable-read snapshot: several statements that must agree (a
    // door's counters, a synchronisation page and its cursor).
    template <typename Work> auto readSnapshot(Work&& work) -> std::invoke_result_t<Work&, Transaction&>;

    // A connection of its own for work that runs its transactions itself: the migration runner
    // holds a session lock across several. Failures map as in transact.
    void withConnection(const std::function<void(Connection&)>& work);

    // SELECT 1 on a pooled connection; false (never throws) when the database is unreachable.
    bool ping();
    void close();

    std::size_t size() const { return m_options.size; }

    // Called on the worker's thread each time a run() gives its connection back (its transaction
    // committed or rolled back): the outbox relays are woken this way right after a commit. Set
    // once, before work starts.
    void setWorkFinishedHook(std::function<void()> hook) { m_workFinished = std::move(hook); }

private:
    enum class Mode { ReadWrite, Autocommit, Snapshot };
    // The work without its type, so the transaction code lives in the .cpp: answers whether
    // what the work wrote is kept.
    class Body {
    public:
        template <typename Function>
        explicit Body(Function& function)
            : m_function(&function), m_call([](void* f, Transaction& tx) { return (*static_cast<Function*>(f))(tx); })
        {}
        bool operator()(Transaction& tx) const { return m_call(m_function, tx); }

    private:
        void* m_function;
        bool (*m_call)(void*, Transaction&);
    };
    template <typename Work> auto perform(Mode mode, Work& work) -> std::invoke_result_t<Work&, Transaction&>;
    void execute(Mode mode, Body body);
    std::unique_ptr<Connection> acquire();
    void release(std::unique_ptr<Connection> connection, bool healthy);
    std::unique_ptr<Connection> open();
    // Lets queued waiters open connections while the pool is below its size.
    void grantFreeSlotsLocked();
    // After one broken connection the others were most likely cut by the same restart.
    void discardIdle();
    // An idle connection whose socket is readable was closed (or told to close) by the server.
    static bool closedByServer(const Connection& connection);

    // A thread waiting for a connection; release() serves waiters in arrival order.
    struct Waiter {
        std::condition_variable ready;
        std::unique_ptr<Connection> connection; // handed over; null with `served`: open a new one
        bool served = false;
    };

    PoolOptions m_options;
    mutable std::mutex m_mutex;
    std::deque<Waiter*> m_waiters;
    std::vector<std::unique_ptr<Connection>> m_idle;
    std::size_t m_open = 0; // idle + leased
    bool m_closed = false;
    std::function<void()> m_workFinished;
};

// Logs the cause and throws ErrorException(database_unavailable, 503); out of line so this header needs no HTTP include.
[[noreturn]] void throwDatabaseUnavailable(const std::string& message);

// PostgreSQL rolled the whole transaction back (deadlock, serialization failure, lock wait
// refused): 409 write_conflict with Retry-After, as nothing was stored and a retry is safe.
[[noreturn]] void throwWriteConflict(const std::string& message);

namespace detail {
template <typename T> struct IsResult : std::false_type {};
template <typename T, typename E> struct IsResult<Result<T, E>> : std::true_type {};
} // namespace detail

template <typename Work>
auto ConnectionPool::perform(Mode mode, Work& work) -> std::invoke_result_t<Work&, Transaction&>
{
    using Answer = std::invoke_result_t<Work&, Transaction&>;
    if constexpr (std::is_void_v<Answer>) {
        auto body = [&](Transaction& tx) {
            work(tx);
            return true;
        };
        execute(mode, Body(body));
    } else {
        std::optional<Answer> answer;
        auto body = [&](Transaction& tx) {
            answer.emplace(work(tx));
            if constexpr (detail::IsResult<Answer>::value)
                return answer->ok();
            else
                return true;
        };
        execute(mode, Body(body));
        return std::move(*answer);
    }
}

template <typename Work> auto ConnectionPool::transact(Work&& work) -> std::invoke_result_t<Work&, Transaction&>
{
    return perform(Mode::ReadWrite, work);
}

template <typename Work> auto ConnectionPool::read(Work&& work) -> std::invoke_result_t<Work&, Transaction&>
{
    return perform(Mode::Autocommit, work);
}

template <typename Work> auto ConnectionPool::readSnapshot(Work&& work) -> std::invoke_result_t<Work&, Transaction&>
{
    return perform(Mode::Snapshot, work);
}

// libpq connection options with network timeouts added where `url` does not set them.
std::string withNetworkTimeouts(const std::string& url);

} // namespace sbor::db
