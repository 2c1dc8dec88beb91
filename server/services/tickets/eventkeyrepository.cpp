#include "eventkeyrepository.h"

#include <sodium.h>

#include <algorithm>
#include <stdexcept>
#include <pqxx/pqxx>

namespace sbor::tickets {
namespace {

template <std::size_t N> std::array<std::uint8_t, N> bytesFrom(const pqxx::field& field)
{
    const pqxx::binarystring binary(field);
    if (binary.size() != N)
        throw std::runtime_error("a stored event key has the wrong length");
    std::array<std::uint8_t, N> bytes{};
    std::copy_n(binary.data(), N, bytes.begin());
    return bytes;
}

} // namespace

EventSigningKey EventKeyRepository::signingKey(const std::string& eventId)
{
    const std::string newest =
        "SELECT key_id, secret_key FROM tickets.event_keys WHERE event_id = $1::uuid AND retired_at IS NULL "
        "ORDER BY key_id DESC LIMIT 1";
    pqxx::result rows = m_tx.sql().exec_params(newest, eventId);
    if (rows.empty()) {
        if (sodium_init() < 0)
            throw std::runtime_error("libsodium could not start");
        SigningPublicKey publicKey{};
        SigningSecretKey secretKey{};
        crypto_sign_keypair(publicKey.data(), secretKey.data());
        // ON CONFLICT: another first signer won the race; its key is the one read back below.
        m_tx.sql().exec_params(
            "INSERT INTO tickets.event_keys (event_id, key_id, public_key, secret_key) "
            "SELECT $1::uuid, COALESCE(max(key_id) + 1, 0), $2, $3 FROM tickets.event_keys WHERE event_id = $1::uuid "
            "ON CONFLICT DO NOTHING",
            eventId, pqxx::binarystring(publicKey.data(), publicKey.size()),
            pqxx::binarystring(secretKey.data(), secretKey.size()));
        sodium_memzero(secretKey.data(), secretKey.size());
        rows = m_tx.sql().exec_params(newest, eventId);
    }
    return {rows[0][0].as<int>(), bytesFrom<64>(rows[0][1])};
}

std::vector<EventPublicKey> EventKeyRepository::publicKeys(const std::string& eventId)
{
    std::vector<EventPublicKey> keys;
    for (const auto& row : m_tx.sql().exec_params(
             "SELECT key_id, public_key, retired_at IS NOT NULL FROM tickets.event_keys WHERE event_id = $1::uuid "
             "ORDER BY key_id DESC",
             eventId))
        keys.push_back({row[0].as<int>(), bytesFrom<32>(row[1]), row[2].as<bool>()});
    return keys;
}

} // namespace sbor::tickets
