#include "useradministration.h"

#include "sbor/rfc3339.h"

#include "sessionrepository.h"
#include "userjson.h"

#include "outbox/outbox.h"
#include "paging/cursor.h"
#include "sbor/uuid.h"

namespace sbor::auth {
namespace {

Error noSuchUser(const std::string& id) { return noSuch("user", id); }

Error badCursor() { return invalidField("cursor", "is not valid", "cursor is not one this API returned"); }

} // namespace

Result<UserPage> UserAdministration::search(const UserSearch& search)
{
    UserQuery query{search.text, search.role, search.status, search.limit + 1, std::nullopt};
    if (!search.cursor.empty()) {
        const auto position = paging::decodeCursor(search.cursor);
        if (!position || !position->contains("c") || !position->contains("i") || !(*position)["c"].is_string() ||
            !(*position)["i"].is_string() || !isUuid((*position)["i"].get<std::string>()))
            return badCursor();
        query.after = std::make_pair((*position)["c"].get<std::string>(), (*position)["i"].get<std::string>());
    }
    UserPage page;
    page.items = m_deps.database.read([&](db::Transaction& tx) {
        // one statement: one round trip
        return UserRepository(tx).list(query);
    });
    if (static_cast<int>(page.items.size()) > search.limit) {
        page.items.resize(search.limit);
        page.nextCursor = paging::encodeCursor({{"c", page.items.back().createdAt}, {"i", page.items.back().id}});
    }
    return page;
}

Result<User> UserAdministration::setRoles(const access::Principal& admin, const std::string& userId,
                                          const std::vector<access::Role>& roles, const CallContext& call)
{
    if (auto problem = access::stepUpProblem(admin, unixNowSeconds()))
        return *problem;
    if (!isUuid(userId))
        return noSuchUser(userId);
    auto result = m_deps.database.transact([&](db::Transaction& tx) -> Result<User> {
        // Serialises role changes, so two admins demoting each other at once cannot leave none.
        tx.holdLock("auth.role_changes");
        UserRepository users(tx);
        auto stored = users.findById(userId, true);
        if (!stored || stored->user.status == "deleted")
            return noSuchUser(userId);
        const auto& before = stored->user.roles;
        const bool wasAdmin = std::find(before.begin(), before.end(), access::Role::Admin) != before.end();
        const bool staysAdmin = std::find(roles.begin(), roles.end(), access::Role::Admin) != roles.end();
        if (wasAdmin && !staysAdmin && stored->user.status == "active") {
            if (users.activeAdminCount() <= 1)
                return Error(ErrorCode::Conflict, "this is the last active admin; make someone else admin first");
        }
        User updated = users.setRoles(userId, roles);
        users.audit(admin.userId, "user.roles_changed", userId,
                    {{"from", roleNamesJson(before)}, {"to", roleNamesJson(roles)}}, call.traceId);
        return updated;
    });
    if (result)
        m_deps.authenticator->forgetAll(); // the user's sessions are not indexed by user in the cache
    return result;
}

Result<User> UserAdministration::block(const access::Principal& admin, const std::string& userId,
                                       const std::string& reason, const CallContext& call)
{
    if (auto problem = access::stepUpProblem(admin, unixNowSeconds()))
        return *problem;
    if (!isUuid(userId))
        return noSuchUser(userId);
    if (userId == admin.userId)
        return Error(ErrorCode::Conflict, "you cannot block yourself");
    std::vector<std::string> ended;
    auto result = m_deps.database.transact([&](db::Transaction& tx) -> Result<User> {
        UserRepository users(tx);
        auto stored = users.findById(userId, true);
        if (!stored || stored->user.status == "deleted")
            return noSuchUser(userId);
        if (stored->user.status == "blocked")
            return stored->user; // blocking twice changes nothing
        users.setStatus(userId, "blocked");
        ended = SessionRepository(tx, m_deps.settings.sessionIdleTimeoutSeconds).revokeAllOf(userId, "", "blocked");
        users.audit(admin.userId, "user.blocked", userId, {{"reason", reason}, {"ended_sessions", ended.size()}},
                    call.traceId);
        outbox::append(tx, "auth",
                       {"user", userId, "user.blocked", {{"user_id", userId}, {"reason", reason}}, call.traceId});
        auto updated = users.findById(userId);
        return updated->user;
    });
    m_deps.authenticator->forget(ended);
    return result;
}

Result<User> UserAdministration::unblock(const access::Principal& admin, const std::string& userId,
                                         const CallContext& call)
{
    if (auto problem = access::stepUpProblem(admin, unixNowSeconds()))
        return *problem;
    if (!isUuid(userId))
        return noSuchUser(userId);
    auto result = m_deps.database.transact([&](db::Transaction& tx) -> Result<User> {
        UserRepository users(tx);
        auto stored = users.findById(userId, true);
        if (!stored || stored->user.status == "deleted")
            return noSuchUser(userId);
        if (stored->user.status == "active")
            return stored->user;
        users.setStatus(userId, "active");
        users.audit(admin.userId, "user.unblocked", userId, nlohmann::json::object(), call.traceId);
        auto updated = users.findById(userId);
        return updated->user;
    });
    if (result)
        m_deps.authenticator->forgetAll(); // cached "blocked" answers must not outlive the block
    return result;
}

Result<int> UserAdministration::endAllSessions(const access::Principal& admin, const std::string& userId,
                                               const CallContext& call)
{
    if (auto problem = access::stepUpProblem(admin, unixNowSeconds()))
        return *problem;
    if (!isUuid(userId))
        return noSuchUser(userId);
    std::vector<std::string> ended;
    auto result = m_deps.database.transact([&](db::Transaction& tx) -> Result<int> {
        UserRepository users(tx);
        const auto stored = users.findById(userId, true);
        if (!stored || stored->user.status == "deleted")
            return noSuchUser(userId);
        // An admin ending their own sessions keeps the one they are using.
        const std::string keep = canonicalUuid(userId) == admin.userId ? admin.sessionId : std::string();
        ended = SessionRepository(tx, m_deps.settings.sessionIdleTimeoutSeconds)
                    .revokeAllOf(userId, keep, "ended_by_admin");
        users.audit(admin.userId, "user.sessions_ended", userId, {{"ended_sessions", ended.size()}}, call.traceId);
        return static_cast<int>(ended.size());
    });
    m_deps.authenticator->forget(ended);
    return result;
}

Result<User> UserAdministration::resetTwoFactor(const access::Principal& admin, const std::string& userId,
                                                const CallContext& call)
{
    if (auto problem = access::stepUpProblem(admin, unixNowSeconds()))
        return *problem;
    if (!isUuid(userId))
        return noSuchUser(userId);
    return m_deps.database.transact([&](db::Transaction& tx) -> Result<User> {
        UserRepository users(tx);
        const auto stored = users.findById(userId, true);
        if (!stored || stored->user.status == "deleted")
            return noSuchUser(userId);
        if (!stored->totpSecret)
            return Error(ErrorCode::Conflict, "two-factor authentication is not on for this account");
        users.disableTotp(userId);
        users.audit(admin.userId, "user.two_factor_reset", userId, nlohmann::json::object(), call.traceId);
        return users.findById(userId)->user;
    });
}

Result<AuditPage> UserAdministration::auditLog(const std::optional<std::string>& targetId, const std::string& cursor,
                                               int limit)
{
    if (targetId && !isUuid(*targetId)) {
        return invalidField("target", "is not a UUID", "target must be a user id");
    }
    std::optional<std::int64_t> before;
    if (!cursor.empty()) {
        const auto position = paging::decodeCursor(cursor);
        if (!position || !position->contains("b") || !(*position)["b"].is_number_integer())
            return badCursor();
        before = (*position)["b"].get<std::int64_t>();
    }
    AuditPage page;
    page.items = m_deps.database.read([&](db::Transaction& tx) {
        // one statement: one round trip
        return UserRepository(tx).auditEntries(targetId, before, limit + 1);
    });
    if (static_cast<int>(page.items.size()) > limit) {
        page.items.resize(limit);
        page.nextCursor = paging::encodeCursor({{"b", page.items.back().id}});
    }
    return page;
}

} // namespace sbor::auth
