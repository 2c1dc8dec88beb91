#pragma once
// Who may call what (seed 004's RBAC). Roles are what an account is; permissions are what a route
// needs. The table from one to the other lives in access.cpp and nowhere else, and every route
// declares its Access when it is registered, so "is this allowed?" is decided in one place:
// the AccessControl middleware, before any handler runs.

#include "sbor/error.h"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace sbor::access {

enum class Role { Attendee, Organizer, Staff, Support, Admin };

enum class Permission {
    UsersRead,         // any user's full profile
    UsersAdminister,   // list users, change roles, block and unblock
    AuditRead,         // the audit log
    EventsWrite,       // create events and manage one's own
    EventsWriteAny,    // manage anybody's events
    CheckInRedeem,     // redeem tickets at the door
    SupportHandle,     // work support requests and disputes
    PlatformConfigure, // platform settings and message templates
};

std::string_view roleName(Role role);
std::optional<Role> parseRole(std::string_view name);
const std::vector<Role>& allRoles();
std::string_view permissionName(Permission permission);
bool roleGrants(Role role, Permission permission);

// The wire names of `roles`, in order.
std::vector<std::string> roleNames(const std::vector<Role>& roles);

// An enrolled kiosk: its token is scoped to one event and one check-in list.
struct DeviceScope {
    std::string deviceId;
    std::string eventId;
    std::string listId;
};

// The authenticated caller of a request: a person (userId, roles, session) or a device (no
// roles; `device` set).
struct Principal {
    std::string userId;
    std::vector<Role> roles;
    std::string sessionId;
    std::optional<DeviceScope> device;
    // When the session last proved its password (and second factor): sign-in or reauthentication;
    // unix seconds, 0 when unknown.
    std::int64_t signedInAt = 0;

    bool has(Permission permission) const;
    bool hasRole(Role role) const;
    std::vector<std::string> roleNames() const;
};

// Step-up authentication: what changes who may do what (blocking, roles, erasure, 2FA reset,
// platform settings) needs a password proof within the last kStepUpSeconds, as pretix asks of its
// admins; a token stolen from an idle console cannot do it. POST /auth/reauthenticate renews it.
inline constexpr std::int64_t kStepUpSeconds = 300;
// nullopt when `caller` proved their password within kStepUpSeconds of `nowSeconds`; otherwise the
// 401 reauthentication_required to answer.
std::optional<Error> stepUpProblem(const Principal& caller, std::int64_t nowSeconds);

// What a route requires of its caller.
struct Access {
    // Optional: open to anyone, but a caller who sends a token is identified (and refused if the
    // token is bad), e.g. a public list that shows an organizer their own drafts as well.
    // Door: a signed-in person or an enrolled device; which doors they work is the event's
    // business (service/eventaccess.h: its team), decided by the handler. A device token is
    // refused everywhere else (architecture.md §6: it may only call the door endpoints).
    enum class Kind { Anyone, Optional, SignedIn, Permission, Door } kind = Kind::SignedIn;
    access::Permission permission = access::Permission::UsersRead;

    static Access anyone() { return {Kind::Anyone, {}}; }
    static Access optional() { return {Kind::Optional, {}}; }
    static Access signedIn() { return {Kind::SignedIn, {}}; }
    static Access require(access::Permission needed) { return {Kind::Permission, needed}; }
    static Access door() { return {Kind::Door, access::Permission::CheckInRedeem}; }
    std::string describe() const;
};

// Turns a bearer token into a Principal. The auth service provides the implementation; the
// gateway only asks. Errors are 401s whose message says what was wrong with the token.
class Authenticator {
public:
    virtual ~Authenticator() = default;
    virtual Result<Principal> authenticate(const std::string& bearerToken) = 0;
};

} // namespace sbor::access
