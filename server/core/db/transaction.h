#pragma once
// The transaction a piece of work runs in, handed out by ConnectionPool::transact, read and
// readSnapshot. Repositories and the other SQL-writing pieces take it by reference; only their
// .cpp files reach libpqxx, through sql(), so no header outside server/core/db names libpqxx.

#include <stdexcept>
#include <string>

namespace pqxx {
class transaction_base;
}

namespace sbor::db {

class Transaction {
public:
    explicit Transaction(pqxx::transaction_base& sql) : m_sql(sql) {}
    Transaction(const Transaction&) = delete;
    Transaction& operator=(const Transaction&) = delete;

    // libpqxx's transaction, for the .cpp files that write SQL (include <pqxx/pqxx> there).
    pqxx::transaction_base& sql() const { return m_sql; }

    // Commits now what the work wrote, before it returns. Only for the rare work that keeps its
    // writes while answering an error (a reused refresh token ends the session, then refuses);
    // every other work lets transact commit on return. Nothing may run in the transaction after.
    void commit();
    bool committed() const { return m_committed; }

    // Waits for the advisory lock `name` and holds it to the end of the transaction: serialises
    // the read-then-write of one thing (a person's preferences, an owner's endpoint count).
    void holdLock(const std::string& name);
    // The same without waiting: false when another transaction holds it.
    bool tryHoldLock(const std::string& name);

private:
    pqxx::transaction_base& m_sql;
    bool m_committed = false;
};

// A write refused by a constraint, thrown out of the pool where libpqxx reports one, for the work
// that answers it in its own words (another account took the email between check and write).
class ConstraintViolation : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

class UniqueViolation : public ConstraintViolation {
public:
    using ConstraintViolation::ConstraintViolation;
};

class ForeignKeyViolation : public ConstraintViolation {
public:
    using ConstraintViolation::ConstraintViolation;
};

} // namespace sbor::db
