#include "testdatabase.h"

#include <QFile>
#include <QRandomGenerator>

#include <pqxx/pqxx>

namespace sbor::test {

QString TestDatabase::fixtureStateDir() { return qEnvironmentVariable("SBOR_TEST_POSTGRES_DIR"); }

std::string TestDatabase::fixtureConnectionString()
{
    QFile file(fixtureStateDir() + "/url");
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return file.readAll().trimmed().toStdString();
}

TestDatabase::TestDatabase()
{
    const std::string base = fixtureConnectionString();
    if (base.empty()) {
        m_problem =
            "no fixture database: SBOR_TEST_POSTGRES_DIR is unset or its url file is missing (run through ctest)";
        return;
    }
    const std::string name = "sbor_test_" + QString::number(QRandomGenerator::global()->generate64(), 36).toStdString();
    try {
        pqxx::connection connection(base);
        pqxx::nontransaction tx(connection);
        tx.exec("CREATE DATABASE " + tx.quote_name(name));
        m_name = name;
    } catch (const std::exception& e) {
        m_problem = e.what();
    }
}

TestDatabase::~TestDatabase()
{
    if (m_name.empty())
        return;
    try {
        pqxx::connection connection(fixtureConnectionString());
        pqxx::nontransaction tx(connection);
        tx.exec("DROP DATABASE IF EXISTS " + tx.quote_name(m_name) + " WITH (FORCE)");
    } catch (const std::exception&) {
        // The fixture's cleanup removes the whole cluster anyway.
    }
}

std::string TestDatabase::connectionString() const
{
    std::string base = fixtureConnectionString();
    const size_t at = base.find("dbname=postgres");
    if (at != std::string::npos)
        base.replace(at, 15, "dbname=" + m_name);
    return base;
}

std::string TestDatabase::query(const std::string& sql) const
{
    pqxx::connection connection(connectionString());
    pqxx::work tx(connection);
    const pqxx::result result = tx.exec(sql);
    tx.commit();
    if (result.empty() || result.columns() == 0 || result[0][0].is_null())
        return {};
    return result[0][0].as<std::string>();
}

std::vector<std::string> TestDatabase::rowsContaining(const std::string& text) const
{
    pqxx::connection connection(connectionString());
    pqxx::work tx(connection);
    std::vector<std::string> found;
    const pqxx::result tables = tx.exec(
        "SELECT format('%I.%I', schemaname, tablename) FROM pg_tables WHERE schemaname NOT IN ('pg_catalog', 'information_schema')");
    for (const auto& table : tables) {
        const std::string name = table[0].as<std::string>();
        const pqxx::result rows = tx.exec_params(
            "SELECT x::text FROM " + name + " x WHERE strpos(lower(x::text), lower($1)) > 0", text);
        for (const auto& row : rows)
            found.push_back(name + ": " + row[0].as<std::string>());
    }
    return found;
}

} // namespace sbor::test
