#pragma once
// Idempotency-Key for writes that create money or tickets (architecture.md §5, Stripe's rules):
// the first answer to a key is stored and replayed for 24 h — errors included; the same key with
// a different request is refused (422 idempotency_key_reused); a key whose first request is still
// running answers 409 idempotency_key_in_use. Keys are per caller. A 5xx is not stored, so the
// client's retry runs again. Each service keeps the table in its own schema.

#include "db/connectionpool.h"

#include <chrono>
#include <optional>
#include <string>

namespace sbor {

// The DDL of `<schema>.idempotency_keys`, for a new service's migration (payments and tickets wrote
// it out in their .sql; test_migrations keeps them equal).
std::string createIdempotencyKeysSql(const std::string& schema);

class IdempotencyStore {
public:
    IdempotencyStore(db::ConnectionPool& database, std::string schema,
                     std::chrono::seconds retention = std::chrono::hours(24),
                     std::chrono::seconds abandonedAfter = std::chrono::minutes(2))
        : m_database(database), m_schema(std::move(schema)), m_retention(retention), m_abandonedAfter(abandonedAfter)
    {}

    enum class Outcome { Proceed, Replay, InUse, Reused };
    struct Claim {
        Outcome outcome = Outcome::Proceed;
        int status = 0; // Replay: the stored answer
        std::string body;
    };

    // `fingerprint` identifies the request (method, path, body): the same key must come with it.
    Claim begin(const std::string& ownerId, const std::string& key, const std::string& fingerprint);
    void finish(const std::string& ownerId, const std::string& key, int status, const std::string& body);
    void abandon(const std::string& ownerId, const std::string& key);
    // Forgets keys past their retention (a job calls this); returns how many.
    int purgeExpired();

    static std::string fingerprint(const std::string& method, const std::string& path, const std::string& body);
    static bool isAcceptableKey(const std::string& key); // 1–255 visible ASCII characters

private:
    db::ConnectionPool& m_database;
    std::string m_schema;
    std::chrono::seconds m_retention;
    std::chrono::seconds m_abandonedAfter;
};

} // namespace sbor
