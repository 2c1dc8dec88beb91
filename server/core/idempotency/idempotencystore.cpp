#include "idempotency/idempotencystore.h"

#include <openssl/evp.h>

#include <cstdio>
#include <pqxx/pqxx>

namespace sbor {

std::string createIdempotencyKeysSql(const std::string& schema)
{
    return "CREATE TABLE " + schema +
        ".idempotency_keys ("
        "owner_id uuid NOT NULL, "
        "key text NOT NULL, "
        "request_hash text NOT NULL, "
        "state text NOT NULL CHECK (state IN ('running', 'done')), "
        "response_status integer, "
        "response_body text, "
        "created_at timestamptz NOT NULL DEFAULT now(), "
        "PRIMARY KEY (owner_id, key))";
}

IdempotencyStore::Claim IdempotencyStore::begin(const std::string& ownerId, const std::string& key,
                                                const std::string& fingerprint)
{
    return m_database.transact([&](db::Transaction& tx) {
        const std::string table = tx.sql().quote_name(m_schema) + ".idempotency_keys";
        // A key past its retention, or one whose request died mid-way, starts over.
        tx.sql().exec_params(
            "DELETE FROM " + table +
                " WHERE owner_id = $1::uuid AND key = $2 AND ("
                "created_at < now() - make_interval(secs => $3) OR (state = 'running' AND created_at < now() - make_interval(secs => $4)))",
            ownerId, key, static_cast<std::int64_t>(m_retention.count()),
            static_cast<std::int64_t>(m_abandonedAfter.count()));
        const pqxx::result inserted = tx.sql().exec_params(
            "INSERT INTO " + table +
                " (owner_id, key, request_hash, state) VALUES ($1::uuid, $2, $3, 'running') "
                "ON CONFLICT (owner_id, key) DO NOTHING RETURNING 1",
            ownerId, key, fingerprint);
        Claim claim;
        if (inserted.empty()) {
            const pqxx::result rows = tx.sql().exec_params(
                "SELECT request_hash, state, coalesce(response_status, 0), coalesce(response_body, '') FROM " + table +
                    " WHERE owner_id = $1::uuid AND key = $2",
                ownerId, key);
            if (rows.empty()) {
                claim.outcome = Outcome::InUse; // it vanished between our insert and our look: ask the client to retry
                return claim;
            }
            const pqxx::row row = rows[0];
            if (row[0].as<std::string>() != fingerprint)
                claim.outcome = Outcome::Reused;
            else if (row[1].as<std::string>() == "running")
                claim.outcome = Outcome::InUse;
            else
                claim = Claim{Outcome::Replay, row[2].as<int>(), row[3].as<std::string>()};
        }
        return claim;
    });
}

void IdempotencyStore::finish(const std::string& ownerId, const std::string& key, int status, const std::string& body)
{
    m_database.transact([&](db::Transaction& tx) {
        tx.sql().exec_params(
            "UPDATE " + tx.sql().quote_name(m_schema) +
                ".idempotency_keys SET state = 'done', response_status = $3, response_body = $4 WHERE owner_id = $1::uuid AND key = $2",
            ownerId, key, status, body);
    });
}

void IdempotencyStore::abandon(const std::string& ownerId, const std::string& key)
{
    m_database.transact([&](db::Transaction& tx) {
        tx.sql().exec_params("DELETE FROM " + tx.sql().quote_name(m_schema) +
                                 ".idempotency_keys WHERE owner_id = $1::uuid AND key = $2 AND state = 'running'",
                             ownerId, key);
    });
}

int IdempotencyStore::purgeExpired()
{
    return m_database.transact([&](db::Transaction& tx) {
        const auto removed = tx.sql().exec_params(
            "DELETE FROM " + tx.sql().quote_name(m_schema) +
                ".idempotency_keys WHERE created_at < now() - make_interval(secs => $1)",
            static_cast<std::int64_t>(m_retention.count()));
        return static_cast<int>(removed.affected_rows());
    });
}

std::string IdempotencyStore::fingerprint(const std::string& method, const std::string& path, const std::string& body)
{
    const std::string request = method + "\n" + path + "\n" + body;
    unsigned char digest[EVP_MAX_MD_SIZE];
    unsigned int length = 0;
    EVP_Digest(request.data(), request.size(), digest, &length, EVP_sha256(), nullptr);
    std::string hex;
    char pair[3];
    for (unsigned int i = 0; i < length; ++i) {
        std::snprintf(pair, sizeof pair, "%02x", digest[i]);
        hex += pair;
    }
    return hex;
}

bool IdempotencyStore::isAcceptableKey(const std::string& key)
{
    if (key.empty() || key.size() > 255)
        return false;
    for (unsigned char c : key) {
        if (c < 0x21 || c > 0x7e)
            return false;
    }
    return true;
}

} // namespace sbor
