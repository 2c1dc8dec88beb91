#include "accounts.h"

#include "erasure.h"

#include "sessionrepository.h"
#include "userjson.h"

#include "outbox/outbox.h"
#include "sbor/jsonvalue.h"
#include "sbor/uuid.h"

namespace sbor::auth {
namespace {

Error accountGone() { return Error(ErrorCode::Unauthorized, "this account no longer exists"); }

} // namespace

std::string lowerCaseAscii(std::string text)
{
    for (char& c : text) {
        if (c >= 'A' && c <= 'Z')
            c = static_cast<char>(c - 'A' + 'a');
    }
    return text;
}

Result<StoredUser> confirmPassword(AuthDependencies& deps, const std::string& userId, const std::string& password,
                                   const CallContext& call, const std::string& field)
{
    auto stored = deps.database.read([&](db::Transaction& tx) {
        // one statement: one round trip
        return UserRepository(tx).findById(userId);
    });
    if (!stored || stored->user.status == "deleted")
        return accountGone();
    const std::string account = lowerCaseAscii(stored->user.email);
    if (const auto wait = deps.throttle.blockedFor(account, call.clientAddress)) {
        return Error(ErrorCode::RateLimited, "too many wrong passwords; try again later",
                     {{"retry_after_seconds", *wait}});
    }
    auto matches = deps.hashing.verify(password, stored->passwordHash);
    if (!matches)
        return matches.error();
    if (!*matches) {
        deps.throttle.recordFailure(account, call.clientAddress);
        return invalidField(field, "is not your current password", "the password is not correct");
    }
    return std::move(*stored);
}

int endOtherSessions(AuthDependencies& deps, db::Transaction& tx, const std::string& userId,
                     const std::string& keepSessionId, const std::string& reason)
{
    const auto ended =
        SessionRepository(tx, deps.settings.sessionIdleTimeoutSeconds).revokeAllOf(userId, keepSessionId, reason);
    deps.authenticator->forget(ended);
    return static_cast<int>(ended.size());
}

Result<User> Accounts::create(const Registration& registration, const CallContext& call, const std::string& actorId)
{
    // Hash before opening a transaction: no connection is held while bcrypt runs.
    auto hash = m_deps.hashing.hash(registration.password);
    if (!hash)
        return hash.error();
    return m_deps.database.transact([&](db::Transaction& tx) -> Result<User> {
        UserRepository users(tx);
        auto created = users.insert({registration.email, registration.name, *hash, registration.phone,
                                     registration.country, registration.locale, registration.roles});
        if (!created)
            return created.error();
        // Events and audit entries carry ids, never personal data: they outlive a deleted account.
        outbox::append(tx, "auth",
                       {"user",
                        created->id,
                        "user.registered",
                        {{"user_id", created->id},
                         {"roles", roleNamesJson(created->roles)},
                         {"locale", jsonOrNull(created->locale)},
                         {"registered_at", created->createdAt}},
                        call.traceId});
        if (!actorId.empty() || registration.roles != std::vector<access::Role>{access::Role::Attendee}) {
            users.audit(actorId, "user.created", created->id,
                        {{"roles", roleNamesJson(created->roles)}, {"by", actorId.empty() ? "cli" : "admin"}},
                        call.traceId);
        }
        return created;
    });
}

Result<User> Accounts::profile(const access::Principal& caller)
{
    auto stored = m_deps.database.read([&](db::Transaction& tx) {
        // one statement: one round trip
        return UserRepository(tx).findById(caller.userId);
    });
    if (!stored || stored->user.status == "deleted")
        return accountGone();
    return stored->user;
}

Result<User> Accounts::updateProfile(const access::Principal& caller, const ProfileChanges& changes,
                                     const std::optional<std::string>& password, const CallContext& call)
{
    if (changes.email) {
        if (!password) {
            return invalidField("password", "is required to change the email",
                                "changing the email needs your current password");
        }
        auto confirmed = confirmPassword(m_deps, caller.userId, *password, call);
        if (!confirmed)
            return confirmed.error();
    }
    try {
        return m_deps.database.transact([&](db::Transaction& tx) -> Result<User> {
            UserRepository users(tx);
            auto updated = users.updateProfile(caller.userId, changes);
            if (!updated)
                return updated.error();
            if (changes.email)
                users.audit(caller.userId, "user.email_changed", caller.userId, nlohmann::json::object(), call.traceId);
            return updated;
        });
    } catch (const db::UniqueViolation&) {
        return emailTaken(); // another account took the address between our check and our write
    }
}

Result<int> Accounts::changePassword(const access::Principal& caller, const std::string& currentPassword,
                                     const std::string& newPassword, bool endOthers, const CallContext& call)
{
    auto confirmed = confirmPassword(m_deps, caller.userId, currentPassword, call, "current_password");
    if (!confirmed)
        return confirmed.error();
    auto hash = m_deps.hashing.hash(newPassword);
    if (!hash)
        return hash.error();
    return m_deps.database.transact([&](db::Transaction& tx) -> Result<int> {
        UserRepository users(tx);
        users.setPasswordHash(caller.userId, *hash);
        const int ended = endOthers ? endOtherSessions(m_deps, tx, caller.userId, caller.sessionId, "password_changed")
                                    : 0;
        users.audit(caller.userId, "user.password_changed", caller.userId, {{"ended_sessions", ended}}, call.traceId);
        return ended;
    });
}

Result<User> Accounts::becomeOrganizer(const access::Principal& caller, const CallContext& call)
{
    return m_deps.database.transact([&](db::Transaction& tx) -> Result<User> {
        UserRepository users(tx);
        auto stored = users.findById(caller.userId, true);
        if (!stored || stored->user.status == "deleted")
            return accountGone();
        std::vector<access::Role> roles = stored->user.roles;
        if (std::find(roles.begin(), roles.end(), access::Role::Organizer) != roles.end())
            return stored->user; // already one: asking twice changes nothing
        roles.push_back(access::Role::Organizer);
        User updated = users.setRoles(caller.userId, roles);
        users.audit(caller.userId, "user.became_organizer", caller.userId, nlohmann::json::object(), call.traceId);
        tx.commit();
        m_deps.authenticator->forget({caller.sessionId});
        return updated;
    });
}

Result<bool> Accounts::deleteAccount(const access::Principal& caller, const std::string& password,
                                     const CallContext& call)
{
    auto confirmed = confirmPassword(m_deps, caller.userId, password, call);
    if (!confirmed)
        return confirmed.error();
    const auto ended = m_deps.database.transact([&](db::Transaction& tx) {
        return erasePerson(tx, m_deps.settings.sessionIdleTimeoutSeconds,
                           {caller.userId, caller.userId, "user.deleted", call.traceId});
    });
    m_deps.authenticator->forget(ended);
    m_deps.throttle.recordSuccess(lowerCaseAscii(confirmed->user.email));
    return true;
}

Result<VisibleUser> Accounts::read(const access::Principal& caller, const std::string& userId)
{
    const Error notFound(ErrorCode::NotFound, "no such user", {{"id", userId}});
    if (!isUuid(userId))
        return notFound;
    auto stored = m_deps.database.read([&](db::Transaction& tx) {
        // one statement: one round trip
        return UserRepository(tx).findById(userId);
    });
    if (!stored)
        return notFound;
    const bool privileged = caller.has(access::Permission::UsersRead);
    if (stored->user.status == "deleted")
        return privileged ? Result<VisibleUser>(VisibleUser{stored->user, UserView::Tombstone})
                          : Result<VisibleUser>(notFound);
    if (privileged || caller.userId == stored->user.id)
        return VisibleUser{stored->user, UserView::Private};
    // Organizers are public figures (their name is on their events); other accounts are private.
    const auto& roles = stored->user.roles;
    if (stored->user.status == "active" &&
        std::find(roles.begin(), roles.end(), access::Role::Organizer) != roles.end())
        return VisibleUser{stored->user, UserView::Public};
    return notFound;
}

} // namespace sbor::auth
