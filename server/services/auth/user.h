#pragma once
// What the auth service knows about people and their sign-ins, as plain values.

#include "access/access.h"
#include "service/callcontext.h"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace sbor::auth {

struct User {
    std::string id;
    std::string email; // empty once deleted
    std::string name;
    std::optional<std::string> phone;
    std::optional<std::string> country;
    std::optional<std::string> locale;
    std::vector<access::Role> roles;
    std::string status; // active | blocked | deleted
    bool twoFactorEnabled = false;
    std::string createdAt; // RFC 3339 UTC
    std::string updatedAt;
};

// A user with the secrets the domain needs to check a sign-in; never leaves the service.
struct StoredUser {
    User user;
    std::string passwordHash;
    std::optional<std::string> totpSecret;        // base32, when 2FA is on
    std::optional<std::string> totpPendingSecret; // base32, between setup and enable
    std::optional<std::int64_t> totpLastStep;     // the last accepted TOTP step (replay guard)
};

struct Session {
    std::string id;
    std::string userAgent;
    std::string ip;
    std::string createdAt;
    std::string lastUsedAt;
    std::string expiresAt;
};

using sbor::CallContext;

struct NewUser {
    std::string email;
    std::string name;
    std::string passwordHash;
    std::optional<std::string> phone;
    std::optional<std::string> country;
    std::optional<std::string> locale;
    std::vector<access::Role> roles = {access::Role::Attendee};
};

} // namespace sbor::auth
