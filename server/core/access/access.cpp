#include "access/access.h"

#include <algorithm>

namespace sbor::access {
namespace {

struct RoleName {
    Role role;
    std::string_view name;
};

constexpr RoleName kRoleNames[] = {
    {Role::Attendee, "attendee"}, {Role::Organizer, "organizer"}, {Role::Staff, "staff"},
    {Role::Support, "support"},   {Role::Admin, "admin"},
};

} // namespace

std::string_view roleName(Role role)
{
    for (const auto& entry : kRoleNames) {
        if (entry.role == role)
            return entry.name;
    }
    return "unknown";
}

std::optional<Role> parseRole(std::string_view name)
{
    for (const auto& entry : kRoleNames) {
        if (entry.name == name)
            return entry.role;
    }
    return std::nullopt;
}

const std::vector<Role>& allRoles()
{
    static const std::vector<Role> roles = {Role::Attendee, Role::Organizer, Role::Staff, Role::Support, Role::Admin};
    return roles;
}

std::string_view permissionName(Permission permission)
{
    switch (permission) {
    case Permission::UsersRead:
        return "users.read";
    case Permission::UsersAdminister:
        return "users.administer";
    case Permission::AuditRead:
        return "audit.read";
    case Permission::EventsWrite:
        return "events.write";
    case Permission::EventsWriteAny:
        return "events.write_any";
    case Permission::CheckInRedeem:
        return "checkin.redeem";
    case Permission::SupportHandle:
        return "support.handle";
    case Permission::PlatformConfigure:
        return "platform.configure";
    }
    return "unknown";
}

// The whole role → permission table. Attendee grants nothing beyond being signed in: what every
// account may do (its own profile, sessions, orders) needs no permission.
bool roleGrants(Role role, Permission permission)
{
    switch (role) {
    case Role::Admin:
        return true;
    case Role::Support:
        return permission == Permission::UsersRead || permission == Permission::SupportHandle;
    case Role::Organizer:
        return permission == Permission::EventsWrite || permission == Permission::CheckInRedeem;
    case Role::Staff:
        return permission == Permission::CheckInRedeem;
    case Role::Attendee:
        return false;
    }
    return false;
}

bool Principal::has(Permission permission) const
{
    return std::any_of(roles.begin(), roles.end(), [&](Role role) { return roleGrants(role, permission); });
}

bool Principal::hasRole(Role role) const { return std::find(roles.begin(), roles.end(), role) != roles.end(); }

std::vector<std::string> roleNames(const std::vector<Role>& roles)
{
    std::vector<std::string> names;
    for (Role role : roles)
        names.emplace_back(roleName(role));
    return names;
}

std::vector<std::string> Principal::roleNames() const { return access::roleNames(roles); }

std::optional<Error> stepUpProblem(const Principal& caller, std::int64_t nowSeconds)
{
    if (!caller.device && caller.signedInAt > 0 && nowSeconds - caller.signedInAt <= kStepUpSeconds)
        return std::nullopt;
    return Error(ErrorCode::ReauthenticationRequired,
                 "this needs your password again: sign in again or POST /api/v1/auth/reauthenticate",
                 {{"window_seconds", kStepUpSeconds}});
}

std::string Access::describe() const
{
    switch (kind) {
    case Kind::Anyone:
        return "anyone";
    case Kind::Optional:
        return "anyone (identified when a token is sent)";
    case Kind::SignedIn:
        return "signed in";
    case Kind::Permission:
        return "permission " + std::string(permissionName(permission));
    case Kind::Door:
        return "the event's door: its organizer, its team or an enrolled device";
    }
    return "unknown";
}

} // namespace sbor::access
