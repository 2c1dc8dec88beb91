#pragma once
// The auth and users API's DTOs — accounts, sign-in grants, sessions — and their one JSON codec,
// shared by the server and the clients.

#include "sbor/wire/audit.h"
#include "sbor/wire/decoding.h"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace sbor::wire {

// A user as the owner (or an admin) sees it. GET /users/{id} of someone else carries only id and
// name; a deleted account only id and status "deleted".
struct User {
    std::string id;
    std::string email;
    std::string name;
    std::optional<std::string> phone;
    std::optional<std::string> country;
    std::optional<std::string> locale;
    std::vector<std::string> roles; // attendee | organizer | staff | support | admin
    std::string status;             // active | blocked | deleted
    bool twoFactorEnabled = false;
    std::string createdAt;
    std::string updatedAt;
};

// POST /auth/login and /auth/refresh.
struct TokenGrant {
    std::string accessToken;
    std::string refreshToken;
    std::int64_t expiresIn = 0; // seconds
    std::string sessionId;
    User user;
};

struct Session {
    std::string id;
    std::string userAgent;
    std::string ip;
    std::string createdAt;
    std::string lastUsedAt;
    std::string expiresAt;
    bool current = false;
};

// GET /admin/users/{id}: the person's page in the console. The auth service writes this answer
// itself (its user view depends on the status), so the DTO has a decoder only.
struct UserDossier {
    User user;
    std::vector<Session> sessions;           // live ones, newest first
    std::vector<AuditEntry> recentAudit;     // empty for support agents: the audit log is the admins'
    std::optional<std::int64_t> ordersCount; // none: the tickets service did not answer
    std::optional<std::int64_t> eventsCount; // none: the events service did not answer
};

// POST /auth/register.
struct Registration {
    std::string email;
    std::string password;
    std::string name;
    std::optional<std::string> phone;
    std::optional<std::string> country;
    std::optional<std::string> locale;
};

// PUT /users/me: each field set is changed; an email change needs the password.
struct ProfileChanges {
    std::optional<std::string> name;
    std::optional<std::string> phone;
    std::optional<std::string> country;
    std::optional<std::string> locale;
    std::optional<std::string> email;
    std::optional<std::string> password;
};

struct TwoFactorSetup {
    std::string secret;
    std::string otpauthUri;
};

// POST /auth/2fa/enable and /disable: the new state, the recovery codes (shown once, on enable)
// and how many other sessions were ended.
struct TwoFactorState {
    bool enabled = false;
    std::vector<std::string> recoveryCodes;
    int endedSessions = 0;
};

// POST /users/me/password.
struct PasswordChange {
    int endedSessions = 0;
};

nlohmann::json toJson(const User& user);
nlohmann::json toJson(const TwoFactorState& state);
nlohmann::json toJson(const PasswordChange& change);
void fromJson(const FieldReader& reader, TwoFactorState& state);
void fromJson(const FieldReader& reader, PasswordChange& change);
nlohmann::json toJson(const TokenGrant& grant);
nlohmann::json toJson(const Session& session);
nlohmann::json toJson(const Registration& registration);
nlohmann::json toJson(const ProfileChanges& changes);
nlohmann::json toJson(const TwoFactorSetup& setup);
void fromJson(const FieldReader& reader, User& user);
void fromJson(const FieldReader& reader, TokenGrant& grant);
void fromJson(const FieldReader& reader, Session& session);
void fromJson(const FieldReader& reader, TwoFactorSetup& setup);
void fromJson(const FieldReader& reader, UserDossier& dossier);

} // namespace sbor::wire
