#include "authservice.h"

#include "devicehandlers.h"
#include "kioskenrollment.h"

#include "authdependencies.h"
#include "authhandlers.h"
#include "signingkeystore.h"
#include "auditintake.h"

#include "userrepository.h"

#include "bus/inbox.h"
#include "config/config.h"
#include "db/connectionpool.h"
#include "service/contracts.h"
#include "sbor/uuid.h"
#include "log/logger.h"

// Generated from migrations/*.sql and openapi.json by cmake/SborEmbed.cmake.
std::vector<sbor::db::Migration> sbor_migrations_auth();
std::string_view sbor_openapi_auth();

namespace sbor::auth {

void AuthService::declareSettings(ConfigSchema& schema)
{
    schema.add(
        {"auth.bcrypt_cost", ConfigKind::Integer, "12",
         "bcrypt cost of new password hashes (4–31; each step doubles the work; one hash at 12 takes ~0.2 s here)"});
    schema.add(
        {"auth.hash_workers", ConfigKind::Integer, "0",
         "threads that hash passwords at nice 10; `0` = half the CPU cores. More raises sign-in throughput and slows other requests during a login storm"});
    schema.add({"auth.hash_max_queued", ConfigKind::Integer, "4",
                "sign-ins waiting for a hashing thread; beyond it 503 `overloaded` with `Retry-After: 1`"});
    schema.add(
        {"auth.signing_key", ConfigKind::String, "",
         "Ed25519 seed (32 bytes, base64url) that signs access tokens; every process of one deployment needs the same. Empty: generated on first start and kept in `<data_dir>/auth-signing-key` (mode 0600). Secret",
         true});
    schema.add({"auth.access_token_ttl_seconds", ConfigKind::Integer, "900", "access token lifetime"});
    schema.add({"auth.session_idle_timeout_seconds", ConfigKind::Integer, "1209600",
                "a session not refreshed for this long ends (14 days)"});
    schema.add({"auth.session_lifetime_seconds", ConfigKind::Integer, "2592000",
                "a session ends this long after sign-in, used or not (30 days)"});
    schema.add(
        {"auth.refresh_reuse_grace_seconds", ConfigKind::Integer, "10",
         "a just-rotated refresh token still works this long (two tabs refreshing at once); later reuse ends the session"});
    schema.add(
        {"auth.session_cache_ms", ConfigKind::Integer, "2000",
         "how long a checked session is trusted before PostgreSQL is asked again; bounds how late another process notices a revocation"});
    schema.add({"auth.login_failures_per_account", ConfigKind::Integer, "10",
                "failed sign-ins per account within the window before 429"});
    schema.add({"auth.login_failures_per_client", ConfigKind::Integer, "50",
                "failed sign-ins per client address within the window before 429"});
    schema.add(
        {"auth.login_failure_window_seconds", ConfigKind::Integer, "900", "the window failed sign-ins are counted in"});
}
namespace {
UserContact contactFrom(const User& user)
{
    return {user.id, user.email, user.name, user.locale.value_or(""), access::roleNames(user.roles)};
}

class UserDirectoryFromDatabase : public UserDirectory {
public:
    explicit UserDirectoryFromDatabase(db::ConnectionPool& database) : m_database(database) {}

    std::optional<UserContact> contactOf(const std::string& userId) override
    {
        if (!isUuid(userId))
            return std::nullopt;
        const auto stored = m_database.read([&](db::Transaction& tx) { return UserRepository(tx).findById(userId); });
        if (!stored || stored->user.status == "deleted" || stored->user.email.empty())
            return std::nullopt;
        return contactFrom(stored->user);
    }

    std::optional<UserContact> contactByEmail(const std::string& email) override
    {
        if (email.empty() || email.size() > 320)
            return std::nullopt;
        const auto stored = m_database.read([&](db::Transaction& tx) { return UserRepository(tx).findByEmail(email); });
        if (!stored || stored->user.email.empty())
            return std::nullopt;
        return contactFrom(stored->user);
    }

private:
    db::ConnectionPool& m_database;
};
} // namespace

AuthService::AuthService() = default;
AuthService::~AuthService() = default;

std::vector<db::Migration> authMigrations()
{
    auto migrations = sbor_migrations_auth();
    // Bus messages the audit log took (AuditIntake).
    migrations.push_back(db::Migration{3, "inbox", bus::createInboxSql("auth")});
    return migrations;
}
std::vector<db::Migration> AuthService::migrations() const { return authMigrations(); }
std::string_view AuthService::apiDescription() const { return sbor_openapi_auth(); }

void AuthService::init(ServiceContext& context)
{
    auto settings = AuthSettings::fromConfig(context.config);
    if (!settings)
        throw ErrorException(settings.error());
    auto key = loadSigningKey(context.config.getString("auth.signing_key"), context.dataDir);
    if (!key)
        throw ErrorException(key.error());
    log::info("access tokens are signed",
              {{"key_id", key->keyId}, {"bcrypt_cost", settings->bcryptCost}, {"hash_workers", settings->hashWorkers}});
    m_dependencies = std::make_unique<AuthDependencies>(context.database, std::move(settings).value(),
                                                        std::move(key).value());
    m_handlers = std::make_unique<AuthHandlers>(*m_dependencies, context.directory);
    m_kioskEnrollment = std::make_unique<KioskEnrollment>(*m_dependencies, context.directory);
    m_deviceHandlers = std::make_unique<DeviceHandlers>(*m_kioskEnrollment);
    m_auditIntake = std::make_unique<AuditIntake>(context.database);
    context.authenticator = m_dependencies->authenticator;
    context.directory->provide<UserDirectory>(std::make_shared<UserDirectoryFromDatabase>(context.database));
}

void AuthService::registerRoutes(http::Router& router)
{
    m_handlers->registerRoutes(router, name());
    m_deviceHandlers->registerRoutes(router, name());
}

std::vector<BusConsumer> AuthService::busConsumers()
{
    AuditIntake* audit = m_auditIntake.get();
    return {{"auth-audit", auditIntakeTopics(), [audit](const bus::Message& message) { return audit->take(message); }}};
}

} // namespace sbor::auth
