#pragma once
// Accounts: sign-up, the profile, the password, becoming an organizer, deleting the account, and
// what one user may see of another. Input arrives validated (the handlers check shapes and
// profile rules); these functions own the rules that need the database or a password.

#include "authdependencies.h"
#include "user.h"
#include "userrepository.h"

#include "access/access.h"
#include "sbor/wire/account.h"

#include <optional>
#include <string>

namespace sbor::auth {

// A sign-up as the API takes it, plus the roles a new account starts with (the CLI may name others).
struct Registration : wire::Registration {
    std::vector<access::Role> roles = {access::Role::Attendee};
};

// How much of an account a caller may see.
enum class UserView { Private, Public, Tombstone };

struct VisibleUser {
    User user;
    UserView view = UserView::Public;
};

class Accounts {
public:
    explicit Accounts(AuthDependencies& dependencies) : m_deps(dependencies) {}

    // `actorId` empty: self-service sign-up; else who created the account (audited).
    Result<User> create(const Registration& registration, const CallContext& call, const std::string& actorId = {});
    Result<User> profile(const access::Principal& caller);
    // Changing the email needs the current password.
    Result<User> updateProfile(const access::Principal& caller, const ProfileChanges& changes,
                               const std::optional<std::string>& password, const CallContext& call);
    // Returns how many other sessions were ended.
    Result<int> changePassword(const access::Principal& caller, const std::string& currentPassword,
                               const std::string& newPassword, bool endOtherSessions, const CallContext& call);
    Result<User> becomeOrganizer(const access::Principal& caller, const CallContext& call);
    Result<bool> deleteAccount(const access::Principal& caller, const std::string& password, const CallContext& call);
    Result<VisibleUser> read(const access::Principal& caller, const std::string& userId);

private:
    AuthDependencies& m_deps;
};

// Re-authentication for sensitive changes: the caller's current password, throttled like a
// sign-in (a stolen access token must not become a password-guessing oracle). A wrong password
// is a 422 naming `field`.
Result<StoredUser> confirmPassword(AuthDependencies& dependencies, const std::string& userId,
                                   const std::string& password, const CallContext& call,
                                   const std::string& field = "password");

// Ends every other session of a user and evicts them from the authenticator's cache.
int endOtherSessions(AuthDependencies& dependencies, db::Transaction& tx, const std::string& userId,
                     const std::string& keepSessionId, const std::string& reason);

std::string lowerCaseAscii(std::string text);

} // namespace sbor::auth
