#include "sessionrepository.h"
#include "db/sqlvalues.h"

#include "userrepository.h"

#include "db/sqlfragments.h"

namespace sbor::auth {

using db::rfc3339Sql;

std::string SessionRepository::liveCondition(const std::string& alias) const
{
    return "(" + alias + ".revoked_at IS NULL AND " + alias + ".expires_at > now() AND " + alias +
        ".last_used_at > now() - make_interval(secs => " + std::to_string(m_idleTimeoutSeconds) + "))";
}

std::string SessionRepository::create(const std::string& userId, const CallContext& call, std::int64_t lifetimeSeconds)
{
    return m_tx.sql()
        .exec_params1(
            "INSERT INTO auth.sessions (user_id, user_agent, ip, expires_at) "
            "VALUES ($1::uuid, NULLIF($2, ''), NULLIF($3, ''), now() + make_interval(secs => $4)) RETURNING id::text",
            userId, call.userAgent.substr(0, 512), call.clientAddress, lifetimeSeconds)[0]
        .as<std::string>();
}

void SessionRepository::addRefreshToken(const std::string& sessionId, const std::string& tokenHashHex)
{
    m_tx.sql().exec_params(
        "INSERT INTO auth.refresh_tokens (token_hash, session_id) VALUES (decode($1, 'hex'), $2::uuid)", tokenHashHex,
        sessionId);
}

std::optional<RefreshTokenRecord> SessionRepository::findRefreshTokenForRotation(const std::string& tokenHashHex)
{
    // The session row lock serialises concurrent refreshes of one family.
    const pqxx::result rows = m_tx.sql().exec_params(
        "SELECT s.id::text, s.user_id::text, " + liveCondition("s") +
            ", extract(epoch FROM now() - t.superseded_at)::float8 "
            "FROM auth.refresh_tokens t JOIN auth.sessions s ON s.id = t.session_id "
            "WHERE t.token_hash = decode($1, 'hex') FOR UPDATE OF s",
        tokenHashHex);
    if (rows.empty())
        return std::nullopt;
    RefreshTokenRecord record{rows[0][0].as<std::string>(), rows[0][1].as<std::string>(), rows[0][2].as<bool>(),
                              std::nullopt};
    if (!rows[0][3].is_null())
        record.secondsSinceSuperseded = rows[0][3].as<double>();
    return record;
}

void SessionRepository::supersede(const std::string& tokenHashHex)
{
    m_tx.sql().exec_params(
        "UPDATE auth.refresh_tokens SET superseded_at = now() WHERE token_hash = decode($1, 'hex') AND superseded_at IS NULL",
        tokenHashHex);
}

void SessionRepository::touch(const std::string& sessionId, const CallContext& call)
{
    m_tx.sql().exec_params("UPDATE auth.sessions SET last_used_at = now(), ip = coalesce(NULLIF($2, ''), ip), "
                           "user_agent = coalesce(NULLIF($3, ''), user_agent) WHERE id = $1::uuid",
                           sessionId, call.clientAddress, call.userAgent.substr(0, 512));
}

std::optional<std::int64_t> SessionRepository::markSignedIn(const std::string& sessionId, const std::string& userId)
{
    const pqxx::result rows = m_tx.sql().exec_params(
        "UPDATE auth.sessions s SET signed_in_at = now() WHERE s.id = $1::uuid AND s.user_id = $2::uuid AND " +
            liveCondition("s") + " RETURNING extract(epoch FROM s.signed_in_at)::bigint",
        sessionId, userId);
    if (rows.empty())
        return std::nullopt;
    return rows[0][0].as<std::int64_t>();
}

bool SessionRepository::revoke(const std::string& sessionId, const std::string& userId, const std::string& reason)
{
    const pqxx::result rows = m_tx.sql().exec_params(
        "UPDATE auth.sessions SET revoked_at = now(), revoke_reason = $3 WHERE id = $1::uuid AND user_id = $2::uuid AND revoked_at IS NULL "
        "RETURNING 1",
        sessionId, userId, reason);
    return !rows.empty();
}

std::vector<std::string> SessionRepository::revokeAllOf(const std::string& userId, const std::string& exceptSessionId,
                                                        const std::string& reason)
{
    const pqxx::result rows = m_tx.sql().exec_params(
        "UPDATE auth.sessions SET revoked_at = now(), revoke_reason = $3 "
        "WHERE user_id = $1::uuid AND revoked_at IS NULL AND ($2 = '' OR id <> NULLIF($2, '')::uuid) RETURNING id::text",
        userId, exceptSessionId, reason);
    std::vector<std::string> ids;
    for (const auto& row : rows)
        ids.push_back(row[0].as<std::string>());
    return ids;
}

std::vector<std::string> SessionRepository::deleteAllOf(const std::string& userId)
{
    const pqxx::result rows = m_tx.sql().exec_params(
        "DELETE FROM auth.sessions WHERE user_id = $1::uuid RETURNING id::text", userId);
    std::vector<std::string> ids;
    for (const auto& row : rows)
        ids.push_back(row[0].as<std::string>());
    return ids;
}

std::vector<Session> SessionRepository::liveSessionsOf(const std::string& userId)
{
    const pqxx::result rows = m_tx.sql().exec_params(
        "SELECT s.id::text, coalesce(s.user_agent, ''), coalesce(s.ip, ''), " + rfc3339Sql("s.created_at") + ", " +
            rfc3339Sql("s.last_used_at") + ", " +
            rfc3339Sql("least(s.expires_at, s.last_used_at + make_interval(secs => " +
                       std::to_string(m_idleTimeoutSeconds) + "))") +
            " FROM auth.sessions s WHERE s.user_id = $1::uuid AND " + liveCondition("s") +
            " ORDER BY s.last_used_at DESC",
        userId);
    std::vector<Session> sessions;
    for (const auto& row : rows) {
        sessions.push_back({row[0].as<std::string>(), row[1].as<std::string>(), row[2].as<std::string>(),
                            row[3].as<std::string>(), row[4].as<std::string>(), row[5].as<std::string>()});
    }
    return sessions;
}

std::optional<SessionStanding> SessionRepository::standing(const std::string& sessionId)
{
    const pqxx::result rows = m_tx.sql().exec_params(
        "SELECT u.id::text, u.roles, u.status, " + liveCondition("s") +
            ", extract(epoch FROM s.signed_in_at)::bigint"
            " FROM auth.sessions s JOIN auth.users u ON u.id = s.user_id WHERE s.id = $1::uuid",
        sessionId);
    if (rows.empty())
        return std::nullopt;
    return SessionStanding{rows[0][0].as<std::string>(), rolesFromArray(db::textArray(rows[0][1])),
                           rows[0][2].as<std::string>(), rows[0][3].as<bool>(), rows[0][4].as<std::int64_t>()};
}

} // namespace sbor::auth
