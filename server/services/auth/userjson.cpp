#include "userjson.h"

#include "sbor/wire/audit.h"

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
    return wire::toJson(wire::User{user.id, user.email, user.name, user.phone, user.country, user.locale,
                                   access::roleNames(user.roles), user.status, user.twoFactorEnabled, user.createdAt,
                                   user.updatedAt});
}

nlohmann::json tokenGrantJson(const TokenGrant& grant)
{
    nlohmann::json json = wire::toJson(
        wire::TokenGrant{grant.accessToken, grant.refreshToken, grant.expiresIn, grant.sessionId, {}});
    json["user"] = userJson(grant.user);
    return json;
}

nlohmann::json sessionJson(const Session& session, bool current)
{
    return wire::toJson(wire::Session{session.id, session.userAgent, session.ip, session.createdAt, session.lastUsedAt,
                                      session.expiresAt, current});
}

nlohmann::json auditEntryJson(const AuditEntry& entry) { return wire::toJson(entry); }

} // namespace sbor::auth
