#pragma once
// A database of its own for one test, on the suite's private PostgreSQL (the CTest fixture
// "postgres"): created fresh, dropped at the end, so tests never see each other's rows.

#include <QString>

#include <string>
#include <vector>

namespace sbor::test {

class TestDatabase {
public:
    TestDatabase();  // creates sbor_test_<random>; check valid()
    ~TestDatabase(); // drops it (WITH FORCE)
    TestDatabase(const TestDatabase&) = delete;
    TestDatabase& operator=(const TestDatabase&) = delete;

    bool valid() const { return !m_name.empty(); }
    const std::string& problem() const { return m_problem; }
    // libpq key=value string for this database.
    std::string connectionString() const;
    QString url() const { return QString::fromStdString(connectionString()); }
    const std::string& name() const { return m_name; }

    // Runs SQL on this database; returns the first column of the first row as text ("" if none).
    std::string query(const std::string& sql) const;
    // SELECT count(*) <fromWhere> ("FROM … WHERE …") as a number.
    int count(const std::string& fromWhere) const { return std::stoi(query("SELECT count(*) " + fromWhere)); }
    // Every row, in any table of any schema, whose text form contains `text` (case-insensitive):
    // "schema.table: (row)". For proving that data is gone.
    std::vector<std::string> rowsContaining(const std::string& text) const;

    // The fixture cluster's state directory and base connection string (dbname=postgres).
    static QString fixtureStateDir();
    static std::string fixtureConnectionString();

private:
    std::string m_name;
    std::string m_problem;
};

} // namespace sbor::test
