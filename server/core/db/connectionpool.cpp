#include "db/connectionpool.h"

#include "db/connection.h"

#include "sbor/error.h"
#include "log/logger.h"

#include <libpq-fe.h>
#include <pqxx/pqxx>

#include <algorithm>
#include <map>
#include <poll.h>

namespace sbor::db {

void throwDatabaseUnavailable(const std::string& message)
{
    // The detail stays in the log; the client learns only that the database is unavailable.
    log::warn("database unavailable", {{"error", message}});
    throw ErrorException(Error(ErrorCode::DatabaseUnavailable, "the database is unavailable; retry later"));
}

void throwWriteConflict(const std::string& message)
{
    log::warn("write conflict", {{"error", message}});
    throw ErrorException(Error(ErrorCode::WriteConflict,
                               "the request collided with a concurrent change; nothing was stored, retry it",
                               {{"retry_after_seconds", 1}}));
}

namespace {

// Maps libpqxx failures that mean "the database, not the request" to ErrorExceptions, and
// constraint violations to the pool's own exceptions.
[[noreturn]] void rethrowDatabaseFailure(const pqxx::sql_error& error)
{
    const std::string& state = error.sqlstate();
    if (state == "57014") // query_canceled: statement_timeout
        throw ErrorException(Error(ErrorCode::RequestTimeout, "a database statement took too long"));
    if (state == "55P03") // lock_not_available
        throwWriteConflict(error.what());
    if (state.rfind("57P", 0) == 0 || state.rfind("08", 0) == 0) // shutdown, crash, connection errors
        throwDatabaseUnavailable(std::string("database went away: ") + error.what());
    if (state == "23505")
        throw UniqueViolation(error.what());
    if (state == "23503")
        throw ForeignKeyViolation(error.what());
    throw;
}

} // namespace

void Transaction::commit()
{
    m_sql.commit();
    m_committed = true;
}

void Transaction::holdLock(const std::string& name)
{
    m_sql.exec_params("SELECT pg_advisory_xact_lock(hashtext($1))", name);
}

bool Transaction::tryHoldLock(const std::string& name)
{
    return m_sql.exec_params1("SELECT pg_try_advisory_xact_lock(hashtext($1))", name)[0].as<bool>();
}

std::string withNetworkTimeouts(const std::string& url)
{
    char* problem = nullptr;
    PQconninfoOption* options = PQconninfoParse(url.c_str(), &problem);
    if (!options) {
        // Not parseable: let the connection attempt report the problem in its own words.
        if (problem)
            PQfreemem(problem);
        return url;
    }
    std::map<std::string, std::string> values;
    for (PQconninfoOption* option = options; option->keyword; ++option) {
        if (option->val)
            values[option->keyword] = option->val;
    }
    PQconninfoFree(options);
    values.try_emplace("connect_timeout", "5");
    values.try_emplace("keepalives", "1");
    values.try_emplace("keepalives_idle", "30");
    values.try_emplace("keepalives_interval", "10");
    values.try_emplace("keepalives_count", "3");
    values.try_emplace("tcp_user_timeout", "60000");
    std::string out;
    for (const auto& [keyword, value] : values) {
        std::string quoted = "'";
        for (char c : value) {
            if (c == '\\' || c == '\'')
                quoted.push_back('\\');
            quoted.push_back(c);
        }
        out += (out.empty() ? "" : " ") + keyword + "=" + quoted + "'";
    }
    return out;
}

bool ConnectionPool::closedByServer(const Connection& connection)
{
    pollfd descriptor{connection.sock(), POLLIN, 0};
    if (descriptor.fd < 0)
        return true;
    return ::poll(&descriptor, 1, 0) != 0; // readable, hung up or in error while nothing was asked
}

ConnectionPool::ConnectionPool(PoolOptions options) : m_options(std::move(options))
{
    m_options.url = withNetworkTimeouts(m_options.url);
    if (m_options.size == 0)
        m_options.size = 1;
}

ConnectionPool::~ConnectionPool() { close(); }

std::unique_ptr<Connection> ConnectionPool::open()
{
    try {
        auto connection = std::make_unique<Connection>(m_options.url);
        pqxx::nontransaction setup(*connection);
        setup.exec("SET application_name = " + setup.quote(m_options.applicationName));
        setup.exec("SET statement_timeout = " + std::to_string(m_options.statementTimeout.count()));
        return connection;
    } catch (const pqxx::broken_connection& e) {
        throwDatabaseUnavailable(std::string("cannot connect to the database: ") + e.what());
    }
}

std::unique_ptr<Connection> ConnectionPool::acquire()
{
    const auto deadline = std::chrono::steady_clock::now() + m_options.acquireTimeout;
    std::unique_lock lock(m_mutex);
    if (m_closed)
        throwDatabaseUnavailable("the database pool is closed");
    std::unique_ptr<Connection> connection;
    bool mayOpen = false;
    // Nobody is waiting: take an idle connection or open a new one. Otherwise queue behind the
    // waiters — first come, first served — and let release() hand one over. (Letting a thread
    // that just released a connection take it straight back starved queued threads for
    // seconds under load.)
    if (m_waiters.empty() && !m_idle.empty()) {
        connection = std::move(m_idle.back());
        m_idle.pop_back();
    } else if (m_waiters.empty() && m_open < m_options.size) {
        ++m_open;
        mayOpen = true;
    } else {
        Waiter waiter;
        m_waiters.push_back(&waiter);
        grantFreeSlotsLocked();
        waiter.ready.wait_until(lock, deadline, [&] { return waiter.served || m_closed; });
        if (!waiter.served) {
            m_waiters.erase(std::find(m_waiters.begin(), m_waiters.end(), &waiter));
            if (m_closed)
                throwDatabaseUnavailable("the database pool is closed");
            throwDatabaseUnavailable("no database connection became free within " +
                                     std::to_string(m_options.acquireTimeout.count()) + " ms");
        }
        connection = std::move(waiter.connection);
        mayOpen = !connection; // handed a free slot instead of a connection
    }
    lock.unlock();

    // Died while idle (e.g. PostgreSQL restarted)? Replace it; the slot stays ours.
    if (connection && (!connection->is_open() || closedByServer(*connection))) {
        connection.reset();
        mayOpen = true;
    }
    if (mayOpen) {
        try {
            return open();
        } catch (...) {
            release(nullptr, false);
            throw;
        }
    }
    return connection;
}

void ConnectionPool::grantFreeSlotsLocked()
{
    while (!m_waiters.empty() && m_open < m_options.size) {
        Waiter* next = m_waiters.front();
        m_waiters.pop_front();
        ++m_open;
        next->served = true; // with no connection: it opens its own
        next->ready.notify_one();
    }
}

void ConnectionPool::release(std::unique_ptr<Connection> connection, bool healthy)
{
    std::unique_lock lock(m_mutex);
    const bool keep = healthy && connection && connection->is_open() && !m_closed;
    if (!m_waiters.empty() && !m_closed) {
        // Hand over to the longest waiter: the connection itself, or its slot to open a new one.
        Waiter* next = m_waiters.front();
        m_waiters.pop_front();
        if (keep)
            next->connection = std::move(connection);
        next->served = true;
        next->ready.notify_one();
    } else if (keep) {
        m_idle.push_back(std::move(connection));
    } else {
        --m_open;
    }
    lock.unlock();
    connection.reset(); // a broken one disconnects outside the lock
    if (m_workFinished)
        m_workFinished();
}

void ConnectionPool::withConnection(const std::function<void(Connection&)>& work)
{
    std::unique_ptr<Connection> connection = acquire();
    try {
        work(*connection);
        release(std::move(connection), true);
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

void ConnectionPool::execute(Mode mode, Body body)
{
    withConnection([&](Connection& connection) {
        switch (mode) {
        case Mode::ReadWrite: {
            pqxx::work sql(connection);
            Transaction tx(sql);
            if (body(tx) && !tx.committed())
                sql.commit();
            return; // otherwise pqxx::work rolls back as it goes
        }
        case Mode::Autocommit: {
            pqxx::nontransaction sql(connection);
            Transaction tx(sql);
            body(tx);
            return;
        }
        case Mode::Snapshot: {
            pqxx::transaction<pqxx::repeatable_read, pqxx::read_only> sql(connection);
            Transaction tx(sql);
            body(tx);
            return;
        }
        }
    });
}

bool ConnectionPool::ping()
{
    try {
        return read([](Transaction& tx) { return tx.sql().exec1("SELECT 1")[0].as<int>() == 1; });
    } catch (const std::exception& e) {
        log::debug("database ping failed", {{"error", e.what()}});
        return false;
    }
}

void ConnectionPool::close()
{
    std::vector<std::unique_ptr<Connection>> closing;
    {
        std::lock_guard lock(m_mutex);
        m_closed = true;
        closing.swap(m_idle);
        m_open -= closing.size();
        for (Waiter* waiter : m_waiters)
            waiter->ready.notify_one();
    }
    closing.clear(); // disconnects outside the lock
}

void ConnectionPool::discardIdle()
{
    std::vector<std::unique_ptr<Connection>> closing;
    {
        std::lock_guard lock(m_mutex);
        closing.swap(m_idle);
        m_open -= closing.size();
        grantFreeSlotsLocked();
    }
}

} // namespace sbor::db
