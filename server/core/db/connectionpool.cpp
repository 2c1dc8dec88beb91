#include "db/connectionpool.h"

#include "sbor/error.h"
#include "log/logger.h"

namespace sbor::db {

void throwDatabaseUnavailable(const std::string& message)
{
    // The detail stays in the log; the client learns only that the database is unavailable.
    log::warn("database unavailable", {{"error", message}});
    throw ErrorException(Error(ErrorCode::DatabaseUnavailable, "the database is unavailable; retry later"));
}

ConnectionPool::ConnectionPool(PoolOptions options) : m_options(std::move(options))
{
    if (m_options.size == 0)
        m_options.size = 1;
}

ConnectionPool::~ConnectionPool() { close(); }

std::unique_ptr<pqxx::connection> ConnectionPool::open()
{
    try {
        auto connection = std::make_unique<pqxx::connection>(m_options.url);
        pqxx::nontransaction setup(*connection);
        setup.exec("SET application_name = " + setup.quote(m_options.applicationName));
        setup.exec("SET statement_timeout = " + std::to_string(m_options.statementTimeout.count()));
        return connection;
    } catch (const pqxx::broken_connection& e) {
        throwDatabaseUnavailable(std::string("cannot connect to the database: ") + e.what());
    }
}

std::unique_ptr<pqxx::connection> ConnectionPool::acquire()
{
    const auto deadline = std::chrono::steady_clock::now() + m_options.acquireTimeout;
    std::unique_lock lock(m_mutex);
    for (;;) {
        if (m_closed)
            throwDatabaseUnavailable("the database pool is closed");
        if (!m_idle.empty()) {
            auto connection = std::move(m_idle.back());
            m_idle.pop_back();
            if (connection->is_open())
                return connection;
            --m_open; // died while idle: drop it and look again
            continue;
        }
        if (m_open < m_options.size) {
            ++m_open;
            lock.unlock();
            try {
                return open();
            } catch (...) {
                lock.lock();
                --m_open;
                m_available.notify_one();
                throw;
            }
        }
        if (m_available.wait_until(lock, deadline) == std::cv_status::timeout && m_idle.empty() && m_open >= m_options.size)
            throwDatabaseUnavailable("no database connection became free within " +
                                     std::to_string(m_options.acquireTimeout.count()) + " ms");
    }
}

void ConnectionPool::release(std::unique_ptr<pqxx::connection> connection, bool healthy)
{
    std::lock_guard lock(m_mutex);
    if (healthy && connection && connection->is_open() && !m_closed)
        m_idle.push_back(std::move(connection));
    else
        --m_open;
    m_available.notify_one();
}

bool ConnectionPool::ping()
{
    try {
        return run([](pqxx::connection& connection) {
            pqxx::nontransaction tx(connection);
            return tx.exec1("SELECT 1")[0].as<int>() == 1;
        });
    } catch (const std::exception& e) {
        log::debug("database ping failed", {{"error", e.what()}});
        return false;
    }
}

void ConnectionPool::close()
{
    std::vector<std::unique_ptr<pqxx::connection>> closing;
    {
        std::lock_guard lock(m_mutex);
        m_closed = true;
        closing.swap(m_idle);
        m_open -= closing.size();
    }
    m_available.notify_all();
    closing.clear(); // disconnects outside the lock
}

void ConnectionPool::discardIdle()
{
    std::vector<std::unique_ptr<pqxx::connection>> closing;
    {
        std::lock_guard lock(m_mutex);
        closing.swap(m_idle);
        m_open -= closing.size();
    }
    m_available.notify_all();
}

std::size_t ConnectionPool::idleCount() const
{
    std::lock_guard lock(m_mutex);
    return m_idle.size();
}

std::size_t ConnectionPool::openCount() const
{
    std::lock_guard lock(m_mutex);
    return m_open;
}

} // namespace sbor::db
