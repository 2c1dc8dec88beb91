#include "userrepository.h"
#include "db/sqlvalues.h"

#include "userjson.h"

#include "db/sqlfragments.h"
#include "outbox/outbox.h"

namespace sbor::auth {

using db::rfc3339Sql;

namespace {

std::string userColumns()
{
    return "id::text, coalesce(email, ''), coalesce(name, ''), phone, country, locale, roles, status, totp_enabled_at IS NOT NULL, " +
        rfc3339Sql("created_at") + ", " + rfc3339Sql("updated_at") +
        ", coalesce(password_hash, ''), totp_secret, totp_pending_secret, totp_last_step";
}

StoredUser storedUserFrom(const pqxx::row& row)
{
    StoredUser stored;
    User& user = stored.user;
    user.id = row[0].as<std::string>();
    user.email = row[1].as<std::string>();
    user.name = row[2].as<std::string>();
    user.phone = db::optionalText(row[3]);
    user.country = db::optionalText(row[4]);
    user.locale = db::optionalText(row[5]);
    user.roles = rolesFromArray(db::textArray(row[6]));
    user.status = row[7].as<std::string>();
    user.twoFactorEnabled = row[8].as<bool>();
    user.createdAt = row[9].as<std::string>();
    user.updatedAt = row[10].as<std::string>();
    stored.passwordHash = row[11].as<std::string>();
    stored.totpSecret = db::optionalText(row[12]);
    stored.totpPendingSecret = db::optionalText(row[13]);
    if (!row[14].is_null())
        stored.totpLastStep = row[14].as<std::int64_t>();
    return stored;
}

} // namespace

Error emailTaken()
{
    return Error(ErrorCode::EmailTaken, "an account with this email already exists", {{"field", "email"}});
}

std::vector<access::Role> rolesFromArray(const std::vector<std::string>& names)
{
    std::vector<access::Role> roles;
    for (const std::string& name : names) {
        if (auto role = access::parseRole(name))
            roles.push_back(*role);
    }
    return roles;
}

std::string rolesToArrayLiteral(const std::vector<access::Role>& roles)
{
    std::vector<std::string> names;
    for (access::Role role : roles)
        names.emplace_back(access::roleName(role));
    return db::arrayLiteral(names);
}

Result<User> UserRepository::insert(const NewUser& user)
{
    // ON CONFLICT instead of catching the unique violation: the caller's transaction stays
    // usable, and of two concurrent sign-ups with one address the second waits for the first
    // to commit and then inserts nothing.
    const pqxx::result rows = m_tx.sql().exec_params(
        "INSERT INTO auth.users (email, name, password_hash, phone, country, locale, roles, password_changed_at) "
        "VALUES ($1, $2, $3, NULLIF($4, ''), NULLIF($5, ''), NULLIF($6, ''), $7::text[], now()) "
        "ON CONFLICT (lower(email)) WHERE email IS NOT NULL DO NOTHING RETURNING " +
            userColumns(),
        user.email, user.name, user.passwordHash, user.phone.value_or(""), user.country.value_or(""),
        user.locale.value_or(""), rolesToArrayLiteral(user.roles));
    if (rows.empty())
        return emailTaken();
    return storedUserFrom(rows[0]).user;
}

std::optional<StoredUser> UserRepository::findByEmail(const std::string& email)
{
    const pqxx::result rows = m_tx.sql().exec_params(
        "SELECT " + userColumns() + " FROM auth.users WHERE lower(email) = lower($1) AND status <> 'deleted'", email);
    if (rows.empty())
        return std::nullopt;
    return storedUserFrom(rows[0]);
}

std::optional<StoredUser> UserRepository::findById(const std::string& id, bool lock)
{
    const pqxx::result rows = m_tx.sql().exec_params(
        "SELECT " + userColumns() + " FROM auth.users WHERE id = $1::uuid" + (lock ? " FOR UPDATE" : ""), id);
    if (rows.empty())
        return std::nullopt;
    return storedUserFrom(rows[0]);
}

Result<User> UserRepository::updateProfile(const std::string& id, const ProfileChanges& changes)
{
    if (changes.email) {
        const pqxx::result owner = m_tx.sql().exec_params(
            "SELECT 1 FROM auth.users WHERE lower(email) = lower($1) AND id <> $2::uuid", *changes.email, id);
        if (!owner.empty())
            return emailTaken();
    }
    // Each column keeps its value unless a change names it ($n IS NULL means "not given"). A
    // concurrent change to the same address still ends in the unique index: the caller maps
    // that violation to the same error.
    const pqxx::row row = m_tx.sql().exec_params1(
        "UPDATE auth.users SET "
        "name = coalesce($2, name), "
        "phone = CASE WHEN $3::text IS NULL THEN phone ELSE NULLIF($3, '') END, "
        "country = CASE WHEN $4::text IS NULL THEN country ELSE NULLIF($4, '') END, "
        "locale = CASE WHEN $5::text IS NULL THEN locale ELSE NULLIF($5, '') END, "
        "email = coalesce($6, email), updated_at = now() "
        "WHERE id = $1::uuid RETURNING " +
            userColumns(),
        id, changes.name ? changes.name->c_str() : nullptr, changes.phone ? changes.phone->c_str() : nullptr,
        changes.country ? changes.country->c_str() : nullptr, changes.locale ? changes.locale->c_str() : nullptr,
        changes.email ? changes.email->c_str() : nullptr);
    return storedUserFrom(row).user;
}

void UserRepository::setPasswordHash(const std::string& id, const std::string& hash)
{
    m_tx.sql().exec_params(
        "UPDATE auth.users SET password_hash = $2, password_changed_at = now(), updated_at = now() WHERE id = $1::uuid",
        id, hash);
}

User UserRepository::setRoles(const std::string& id, const std::vector<access::Role>& roles)
{
    const pqxx::row row = m_tx.sql().exec_params1(
        "UPDATE auth.users SET roles = $2::text[], updated_at = now() WHERE id = $1::uuid RETURNING " + userColumns(),
        id, rolesToArrayLiteral(roles));
    return storedUserFrom(row).user;
}

void UserRepository::setStatus(const std::string& id, const std::string& status)
{
    m_tx.sql().exec_params(
        "UPDATE auth.users SET status = $2, blocked_at = CASE WHEN $2 = 'blocked' THEN now() ELSE NULL END, "
        "updated_at = now() WHERE id = $1::uuid",
        id, status);
}

void UserRepository::erasePersonalData(const std::string& id)
{
    m_tx.sql().exec_params(
        "UPDATE auth.users SET email = NULL, name = NULL, phone = NULL, country = NULL, locale = NULL, "
        "password_hash = NULL, totp_secret = NULL, totp_pending_secret = NULL, totp_enabled_at = NULL, "
        "totp_last_step = NULL, roles = '{}', status = 'deleted', deleted_at = now(), updated_at = now(), "
        "blocked_at = NULL WHERE id = $1::uuid",
        id);
    m_tx.sql().exec_params("DELETE FROM auth.recovery_codes WHERE user_id = $1::uuid", id);
}

std::string UserRepository::emailDigest(const std::string& id)
{
    return m_tx.sql()
        .exec_params1("SELECT coalesce(" + db::emailDigestSql("email") + ", '') FROM auth.users WHERE id = $1::uuid",
                      id)[0]
        .as<std::string>();
}

void UserRepository::setPendingTotpSecret(const std::string& id, const std::string& secret)
{
    m_tx.sql().exec_params("UPDATE auth.users SET totp_pending_secret = $2, updated_at = now() WHERE id = $1::uuid", id,
                           secret);
}

void UserRepository::enableTotp(const std::string& id, std::int64_t acceptedStep)
{
    m_tx.sql().exec_params(
        "UPDATE auth.users SET totp_secret = totp_pending_secret, totp_pending_secret = NULL, totp_enabled_at = now(), "
        "totp_last_step = $2, updated_at = now() WHERE id = $1::uuid",
        id, acceptedStep);
}

void UserRepository::disableTotp(const std::string& id)
{
    m_tx.sql().exec_params(
        "UPDATE auth.users SET totp_secret = NULL, totp_pending_secret = NULL, totp_enabled_at = NULL, "
        "totp_last_step = NULL, updated_at = now() WHERE id = $1::uuid",
        id);
    m_tx.sql().exec_params("DELETE FROM auth.recovery_codes WHERE user_id = $1::uuid", id);
}

bool UserRepository::claimTotpStep(const std::string& id, std::int64_t step)
{
    // One statement decides, so two requests racing with the same code cannot both win.
    const pqxx::result rows = m_tx.sql().exec_params(
        "UPDATE auth.users SET totp_last_step = $2 WHERE id = $1::uuid AND (totp_last_step IS NULL OR totp_last_step < $2) RETURNING 1",
        id, step);
    return !rows.empty();
}

void UserRepository::replaceRecoveryCodes(const std::string& id, const std::vector<std::string>& codeHashes)
{
    m_tx.sql().exec_params("DELETE FROM auth.recovery_codes WHERE user_id = $1::uuid", id);
    for (const auto& hash : codeHashes)
        m_tx.sql().exec_params(
            "INSERT INTO auth.recovery_codes (user_id, code_hash) VALUES ($1::uuid, decode($2, 'hex'))", id, hash);
}

bool UserRepository::useRecoveryCode(const std::string& id, const std::string& codeHash)
{
    const pqxx::result rows = m_tx.sql().exec_params(
        "UPDATE auth.recovery_codes SET used_at = now() WHERE user_id = $1::uuid AND code_hash = decode($2, 'hex') AND used_at IS NULL "
        "RETURNING 1",
        id, codeHash);
    return !rows.empty();
}

int UserRepository::unusedRecoveryCodes(const std::string& id)
{
    return m_tx.sql()
        .exec_params1("SELECT count(*) FROM auth.recovery_codes WHERE user_id = $1::uuid AND used_at IS NULL", id)[0]
        .as<int>();
}

std::vector<User> UserRepository::list(const UserQuery& query)
{
    // The search text is matched literally: its own % and _ are not wildcards.
    const std::string pattern = query.text.empty() ? std::string() : db::containsPattern(query.text);
    const std::string afterCreated = query.after ? query.after->first : std::string();
    const std::string afterId = query.after ? query.after->second : std::string();
    const pqxx::result rows = m_tx.sql().exec_params(
        "SELECT " + userColumns() +
            " FROM auth.users WHERE "
            "($1 = '' OR email ILIKE $1 OR name ILIKE $1) "
            "AND ($2 = '' OR roles @> ARRAY[$2]::text[]) AND ($3 = '' OR status = $3) "
            "AND ($4 = '' OR (created_at, id) > ($4::timestamptz, $5::uuid)) "
            "AND ($7 = '' OR created_at >= NULLIF($7, '')::timestamptz) "
            "AND ($8 = '' OR created_at < NULLIF($8, '')::timestamptz) "
            "ORDER BY created_at, id LIMIT $6",
        pattern, query.role ? std::string(access::roleName(*query.role)) : std::string(), query.status.value_or(""),
        afterCreated, afterId.empty() ? std::string("00000000-0000-0000-0000-000000000000") : afterId, query.limit,
        query.createdFrom, query.createdTo);
    std::vector<User> users;
    for (const auto& row : rows)
        users.push_back(storedUserFrom(row).user);
    return users;
}

void UserRepository::eraseAuditDetailsOf(const std::string& id)
{
    m_tx.sql().exec_params("UPDATE auth.audit_log SET details = details - 'email' - 'name' WHERE target_id = $1::uuid",
                           id);
    m_tx.sql().exec_params("UPDATE auth.outbox SET payload = jsonb_set(payload, '{details}', "
                           "(payload->'details') - 'email' - 'name') "
                           "WHERE type = 'audit.recorded' AND lower(payload->>'target_id') = $1",
                           id);
}

void UserRepository::audit(const std::string& actorId, const std::string& action, const std::string& targetId,
                           const nlohmann::json& details, const std::string& traceId)
{
    const auto row = m_tx.sql().exec_params1(
        "INSERT INTO auth.audit_log (actor_id, action, target_id, details, trace_id) "
        "VALUES (NULLIF($1, '')::uuid, $2, NULLIF($3, '')::uuid, $4::jsonb, NULLIF($5, '')) RETURNING id, " +
            rfc3339Sql("at"),
        actorId, action, targetId, details.dump(), traceId);
    // The admins' live tail of the audit log (the live feed's system topic).
    const AuditEntry entry{
        row[0].as<std::int64_t>(), row[1].as<std::string>(), actorId, action, targetId, details, traceId};
    outbox::append(m_tx, "auth", {"audit", std::to_string(entry.id), "audit.recorded", auditEntryJson(entry), traceId});
}

std::vector<AuditEntry> UserRepository::auditEntries(const AuditQuery& query)
{
    const pqxx::result rows = m_tx.sql().exec_params(
        "SELECT id, " + rfc3339Sql("at") +
            ", coalesce(actor_id::text, ''), action, coalesce(target_id::text, ''), details::text, "
            "coalesce(trace_id, '') FROM auth.audit_log WHERE "
            "($1 = '' OR actor_id = NULLIF($1, '')::uuid) AND ($2 = '' OR action = $2) "
            "AND ($3 = '' OR target_id = NULLIF($3, '')::uuid) "
            "AND ($4 = '' OR actor_id = NULLIF($4, '')::uuid OR target_id = NULLIF($4, '')::uuid) "
            "AND ($5 = '' OR at >= NULLIF($5, '')::timestamptz) AND ($6 = '' OR at < NULLIF($6, '')::timestamptz) "
            "AND id < $7 ORDER BY id DESC LIMIT $8",
        query.actorId, query.action, query.targetId, query.involvingId, query.from, query.to,
        query.beforeId.value_or(INT64_MAX), query.limit);
    std::vector<AuditEntry> entries;
    for (const auto& row : rows) {
        entries.push_back({row[0].as<std::int64_t>(), row[1].as<std::string>(), row[2].as<std::string>(),
                           row[3].as<std::string>(), row[4].as<std::string>(),
                           nlohmann::json::parse(row[5].as<std::string>()), row[6].as<std::string>()});
    }
    return entries;
}

int UserRepository::activeAdminCount()
{
    return m_tx.sql()
        .exec1("SELECT count(*) FROM auth.users WHERE status = 'active' AND 'admin' = ANY(roles)")[0]
        .as<int>();
}

} // namespace sbor::auth
