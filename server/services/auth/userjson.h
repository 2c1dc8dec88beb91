#pragma once
// The JSON shapes of the auth API — one codec per DTO, used by every handler.

#include "accounts.h"
#include "signin.h"
#include "twofactor.h"
#include "user.h"
#include "userrepository.h"

#include "sbor/wire/account.h"

#include <nlohmann/json.hpp>

namespace sbor::auth {

nlohmann::json roleNamesJson(const std::vector<access::Role>& roles);
// Private: everything the owner (or an admin) may see. Public: id and name. Tombstone: id and status.
nlohmann::json userJson(const User& user, UserView view = UserView::Private);
nlohmann::json tokenGrantJson(const TokenGrant& grant);
nlohmann::json sessionJson(const Session& session, bool current);
nlohmann::json auditEntryJson(const AuditEntry& entry);

} // namespace sbor::auth
