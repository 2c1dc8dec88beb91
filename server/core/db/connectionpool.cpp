#include "db/connectionpool.h"

#include "sbor/error.h"
#include "log/logger.h"

#include <libpq-fe.h>
#include <map>
#include <poll.h>

namespace sbor::db {

void throwDatabaseUnavailable(const std::string& message)
{
    // The detail stays in the log; the client learns only that the database is unavailable.
    log::warn("database unavailable", {{"error", message}});
    throw ErrorException(Error(ErrorCode::DatabaseUnavailable, "the database is unavailable; retry later"));
}

void rethrowDatabaseFailure(const pqxx::sql_error& error)
{
    const std::string& state = error.sqlstate();
    if (state == "57014") // query_canceled: statement_timeout
        throw ErrorException(Error(ErrorCode::RequestTimeout, "a database statement took too long"));
    if (state.rfind("57P", 0) == 0 || state.rfind("08", 0) == 0) // shutdown, crash, connection errors
        throwDatabaseUnavailable(std::string("database went away: ") + error.what());
    throw;
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

bool ConnectionPool::closedByServer(const pqxx::connection& connection)
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
            if (connection->is_open() && !closedByServer(*connection))
                return connection;
            // Died while idle (e.g. PostgreSQL restarted): drop it, outside the lock, and look again.
            --m_open;
            lock.unlock();
            connection.reset();
            lock.lock();
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

} // namespace sbor::db
