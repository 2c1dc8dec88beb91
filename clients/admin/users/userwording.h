#pragma once
// How the console names a person's roles and account status, in the console's language.

#include <QString>

#include <string>
#include <vector>

namespace sbor::admin {

// The roles in the order the console lists them.
inline constexpr const char* kRoles[] = {"attendee", "organizer", "staff", "support", "admin"};

QString roleName(const std::string& role);
QString rolesText(const std::vector<std::string>& roles);
QString statusName(const std::string& status);

} // namespace sbor::admin
