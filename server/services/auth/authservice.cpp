#include "authservice.h"

#include "devicehandlers.h"
#include "kioskenrollment.h"

#include "authdependencies.h"
#include "authhandlers.h"
#include "signingkeystore.h"

#include "userrepository.h"

#include "config/config.h"
#include "db/connectionpool.h"
#include "service/contracts.h"
#include "sbor/uuid.h"
#include "log/logger.h"

// Generated from migrations/*.sql and openapi.json by cmake/SborEmbed.cmake.
std::vector<sbor::db::Migration> sbor_migrations_auth();
std::string_view sbor_openapi_auth();

namespace sbor::auth {
namespace {
class UserDirectoryFromDatabase : public UserDirectory {
public:
    explicit UserDirectoryFromDatabase(db::ConnectionPool& database) : m_database(database) {}

    std::optional<UserContact> contactOf(const std::string& userId) override
    {
        if (!isUuid(userId))
            return std::nullopt;
        const auto stored = m_database.run([&](pqxx::connection& connection) {
            pqxx::work tx(connection);
            return UserRepository(tx).findById(userId);
        });
        if (!stored || stored->user.status == "deleted" || stored->user.email.empty())
            return std::nullopt;
        return UserContact{stored->user.id, stored->user.email, stored->user.name, stored->user.locale.value_or("")};
    }

private:
    db::ConnectionPool& m_database;
};
} // namespace

AuthService::AuthService() = default;
AuthService::~AuthService() = default;

std::vector<db::Migration> authMigrations() { return sbor_migrations_auth(); }
std::vector<db::Migration> AuthService::migrations() const { return sbor_migrations_auth(); }
std::string_view AuthService::apiDescription() const { return sbor_openapi_auth(); }

void AuthService::init(ServiceContext& context)
{
    auto settings = AuthSettings::fromConfig(context.config);
    if (!settings)
        throw ErrorException(settings.error());
    auto key = loadSigningKey(context.config.getString("auth.signing_key"), context.dataDir);
    if (!key)
        throw ErrorException(key.error());
    log::info("access tokens are signed", {{"key_id", key->keyId}, {"bcrypt_cost", settings->bcryptCost},
                                          {"hash_workers", settings->hashWorkers}});
    m_dependencies = std::make_unique<AuthDependencies>(context.database, std::move(settings).value(), std::move(key).value());
    m_handlers = std::make_unique<AuthHandlers>(*m_dependencies);
    m_kioskEnrollment = std::make_unique<KioskEnrollment>(*m_dependencies, context.directory);
    m_deviceHandlers = std::make_unique<DeviceHandlers>(*m_kioskEnrollment);
    context.authenticator = m_dependencies->authenticator;
    context.directory->provide<UserDirectory>(std::make_shared<UserDirectoryFromDatabase>(context.database));
}

void AuthService::registerRoutes(http::Router& router)
{
    m_handlers->registerRoutes(router, name());
    m_deviceHandlers->registerRoutes(router, name());
}

} // namespace sbor::auth
