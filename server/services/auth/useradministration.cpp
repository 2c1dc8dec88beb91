#include "useradministration.h"

#include "sbor/rfc3339.h"

#include "erasure.h"
#include "sessionrepository.h"
#include "userjson.h"

#include "outbox/outbox.h"
#include "paging/cursor.h"
#include "sbor/uuid.h"
#include "service/contracts.h"

#include <algorithm>

namespace sbor::auth {
namespace {

Error noSuchUser(const std::string& id) { return noSuch("user", id); }

Error badCursor() { return invalidField("cursor", "is not valid", "cursor is not one this API returned"); }

} // namespace

Result<UserPage> UserAdministration::search(const UserSearch& search)
{
    UserQuery query{search.text,  search.role,        search.status,   search.limit + 1,
                    std::nullopt, search.createdFrom, search.createdTo};
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

Result<AuditPage> UserAdministration::auditLog(AuditQuery query, const std::string& cursor)
{
    if (!cursor.empty()) {
        const auto position = paging::decodeCursor(cursor);
        if (!position || !position->contains("b") || !(*position)["b"].is_number_integer())
            return badCursor();
        query.beforeId = (*position)["b"].get<std::int64_t>();
    }
    const int limit = query.limit;
    query.limit = limit + 1;
    AuditPage page;
    page.items = m_deps.database.read([&](db::Transaction& tx) {
        // one statement: one round trip
        return UserRepository(tx).auditEntries(query);
    });
    if (static_cast<int>(page.items.size()) > limit) {
        page.items.resize(limit);
        page.nextCursor = paging::encodeCursor({{"b", page.items.back().id}});
    }
    return page;
}

Result<UserDossier> UserAdministration::dossier(const std::string& userId)
{
    if (!isUuid(userId))
        return noSuchUser(userId);
    auto dossier = m_deps.database.readSnapshot([&](db::Transaction& tx) -> Result<UserDossier> {
        UserRepository users(tx);
        const auto stored = users.findById(userId);
        if (!stored)
            return noSuchUser(userId);
        UserDossier dossier{stored->user, {}, {}, std::nullopt, std::nullopt};
        dossier.sessions = SessionRepository(tx, m_deps.settings.sessionIdleTimeoutSeconds).liveSessionsOf(userId);
        AuditQuery recent;
        recent.involvingId = canonicalUuid(userId);
        recent.limit = 20;
        dossier.recentAudit = users.auditEntries(recent);
        return dossier;
    });
    if (!dossier)
        return dossier;
    // Counts from the services that keep them; a page without them still helps, so a service
    // that does not answer leaves its count null instead of failing the page.
    const std::string id = canonicalUuid(userId);
    try {
        if (const auto sales = m_directory->find<TicketSales>())
            dossier->ordersCount = sales->ordersPlacedBy(id);
    } catch (const std::exception&) {}
    try {
        if (const auto events = m_directory->find<EventDirectory>())
            dossier->eventsCount = events->eventsOrganizedBy(id);
    } catch (const std::exception&) {}
    return dossier;
}

Result<bool> UserAdministration::erase(const access::Principal& admin, const std::string& userId,
                                       const std::string& confirmEmail, const CallContext& call)
{
    if (auto problem = access::stepUpProblem(admin, unixNowSeconds()))
        return *problem;
    if (!isUuid(userId))
        return noSuchUser(userId);
    const std::string id = canonicalUuid(userId);
    if (id == admin.userId)
        return Error(ErrorCode::Conflict,
                     "you cannot erase yourself here; DELETE /api/v1/users/me deletes your account");
    std::vector<std::string> ended;
    auto result = m_deps.database.transact([&](db::Transaction& tx) -> Result<bool> {
        UserRepository users(tx);
        const auto stored = users.findById(id, true);
        if (!stored || stored->user.status == "deleted")
            return noSuchUser(userId);
        if (lowerCaseAscii(confirmEmail) != lowerCaseAscii(stored->user.email))
            return invalidField("confirm_email", "is not this person's email",
                                "type the person's email address to confirm the erasure");
        if (std::find(stored->user.roles.begin(), stored->user.roles.end(), access::Role::Admin) !=
            stored->user.roles.end())
            return Error(ErrorCode::Conflict, "admins are not erased; take their admin role away first");
        ended = erasePerson(tx, m_deps.settings.sessionIdleTimeoutSeconds,
                            {id, admin.userId, "user.erased", call.traceId});
        return true;
    });
    if (result)
        m_deps.authenticator->forget(ended);
    return result;
}

} // namespace sbor::auth
