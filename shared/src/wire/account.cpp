#include "sbor/wire/account.h"

#include "sbor/jsonvalue.h"

namespace sbor::wire {

nlohmann::json toJson(const User& user)
{
    return {{"id", user.id},
            {"email", user.email},
            {"name", user.name},
            {"phone", jsonOrNull(user.phone)},
            {"country", jsonOrNull(user.country)},
            {"locale", jsonOrNull(user.locale)},
            {"roles", user.roles},
            {"status", user.status},
            {"two_factor_enabled", user.twoFactorEnabled},
            {"created_at", user.createdAt},
            {"updated_at", user.updatedAt}};
}

void fromJson(const FieldReader& reader, User& user)
{
    // Only the id is always there: the public and deleted views carry less.
    user.id = reader.string("id");
    user.email = reader.optionalString("email").value_or("");
    user.name = reader.optionalString("name").value_or("");
    user.phone = reader.optionalString("phone");
    user.country = reader.optionalString("country");
    user.locale = reader.optionalString("locale");
    user.roles = reader.strings("roles");
    user.status = reader.optionalString("status").value_or("active");
    user.twoFactorEnabled = reader.optionalBoolean("two_factor_enabled").value_or(false);
    user.createdAt = reader.optionalString("created_at").value_or("");
    user.updatedAt = reader.optionalString("updated_at").value_or("");
}

nlohmann::json toJson(const TokenGrant& grant)
{
    return {{"access_token", grant.accessToken}, {"refresh_token", grant.refreshToken}, {"token_type", "Bearer"},
            {"expires_in", grant.expiresIn},     {"session_id", grant.sessionId},       {"user", toJson(grant.user)}};
}

void fromJson(const FieldReader& reader, TokenGrant& grant)
{
    grant.accessToken = reader.string("access_token");
    grant.refreshToken = reader.string("refresh_token");
    grant.expiresIn = reader.integer("expires_in");
    grant.sessionId = reader.string("session_id");
    grant.user = decode<User>(reader.object("user"), reader.pathOf("user"));
}

nlohmann::json toJson(const Session& session)
{
    return {{"id", session.id},
            {"user_agent", session.userAgent},
            {"ip", session.ip},
            {"created_at", session.createdAt},
            {"last_used_at", session.lastUsedAt},
            {"expires_at", session.expiresAt},
            {"current", session.current}};
}

void fromJson(const FieldReader& reader, Session& session)
{
    session.id = reader.string("id");
    session.userAgent = reader.optionalString("user_agent").value_or("");
    session.ip = reader.optionalString("ip").value_or("");
    session.createdAt = reader.string("created_at");
    session.lastUsedAt = reader.string("last_used_at");
    session.expiresAt = reader.string("expires_at");
    session.current = reader.boolean("current");
}

nlohmann::json toJson(const Registration& registration)
{
    nlohmann::json json = {
        {"email", registration.email}, {"password", registration.password}, {"name", registration.name}};
    putPresent(json, "phone", registration.phone);
    putPresent(json, "country", registration.country);
    putPresent(json, "locale", registration.locale);
    return json;
}

nlohmann::json toJson(const ProfileChanges& changes)
{
    nlohmann::json json = nlohmann::json::object();
    putPresent(json, "name", changes.name);
    putPresent(json, "phone", changes.phone);
    putPresent(json, "country", changes.country);
    putPresent(json, "locale", changes.locale);
    putPresent(json, "email", changes.email);
    putPresent(json, "password", changes.password);
    return json;
}

nlohmann::json toJson(const TwoFactorSetup& setup)
{
    return {{"secret", setup.secret}, {"otpauth_uri", setup.otpauthUri}};
}

void fromJson(const FieldReader& reader, TwoFactorSetup& setup)
{
    setup.secret = reader.string("secret");
    setup.otpauthUri = reader.string("otpauth_uri");
}

nlohmann::json toJson(const TwoFactorState& state)
{
    nlohmann::json json = {{"two_factor_enabled", state.enabled}, {"ended_sessions", state.endedSessions}};
    if (state.enabled)
        json["recovery_codes"] = state.recoveryCodes;
    return json;
}

void fromJson(const FieldReader& reader, TwoFactorState& state)
{
    state.enabled = reader.boolean("two_factor_enabled");
    state.recoveryCodes = reader.strings("recovery_codes");
    state.endedSessions = static_cast<int>(reader.integer("ended_sessions"));
}

nlohmann::json toJson(const PasswordChange& change)
{
    return {{"password_changed", true}, {"ended_sessions", change.endedSessions}};
}

void fromJson(const FieldReader& reader, PasswordChange& change)
{
    change.endedSessions = static_cast<int>(reader.integer("ended_sessions"));
}

void fromJson(const FieldReader& reader, UserDossier& dossier)
{
    dossier.user = decode<User>(reader.object("user"), reader.pathOf("user"));
    dossier.sessions = decodeList<Session>(reader.array("sessions"), reader.pathOf("sessions"));
    dossier.recentAudit = decodeList<AuditEntry>(reader.array("recent_audit"), reader.pathOf("recent_audit"));
    dossier.ordersCount = reader.optionalInteger("orders_count");
    dossier.eventsCount = reader.optionalInteger("events_count");
}

} // namespace sbor::wire
