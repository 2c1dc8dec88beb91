#include "userjson.h"

#include "sbor/jsonvalue.h"

namespace sbor::auth {

nlohmann::json roleNamesJson(const std::vector<access::Role>& roles) { return access::roleNames(roles); }

nlohmann::json userJson(const User& user, UserView view)
{
    switch (view) {
    case UserView::Tombstone:
        return {{"id", user.id}, {"status", "deleted"}};
    case UserView::Public:
        return {{"id", user.id}, {"name", user.name}};
    case UserView::Private:
        break;
    }
    return {{"id", user.id},
            {"email", user.email},
            {"name", user.name},
            {"phone", jsonOrNull(user.phone)},
            {"country", jsonOrNull(user.country)},
            {"locale", jsonOrNull(user.locale)},
            {"roles", roleNamesJson(user.roles)},
            {"status", user.status},
            {"two_factor_enabled", user.twoFactorEnabled},
            {"created_at", user.createdAt},
            {"updated_at", user.updatedAt}};
}

nlohmann::json tokenGrantJson(const TokenGrant& grant)
{
    return {{"access_token", grant.accessToken}, {"refresh_token", grant.refreshToken}, {"token_type", "Bearer"},
            {"expires_in", grant.expiresIn},     {"session_id", grant.sessionId},       {"user", userJson(grant.user)}};
}

nlohmann::json sessionJson(const Session& session, bool current)
{
    return {{"id", session.id},
            {"user_agent", session.userAgent},
            {"ip", session.ip},
            {"created_at", session.createdAt},
            {"last_used_at", session.lastUsedAt},
            {"expires_at", session.expiresAt},
            {"current", current}};
}

nlohmann::json auditEntryJson(const AuditEntry& entry)
{
    return {{"id", entry.id},
            {"at", entry.at},
            {"actor_id", entry.actorId.empty() ? nlohmann::json(nullptr) : nlohmann::json(entry.actorId)},
            {"action", entry.action},
            {"target_id", entry.targetId.empty() ? nlohmann::json(nullptr) : nlohmann::json(entry.targetId)},
            {"details", entry.details},
            {"trace_id", entry.traceId}};
}

} // namespace sbor::auth
