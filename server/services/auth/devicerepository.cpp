#include "devicerepository.h"
#include "db/sqlvalues.h"

#include "db/sqlfragments.h"

namespace sbor::auth {
namespace {

using db::rfc3339Sql;

std::string deviceColumns()
{
    return "d.id::text, d.event_id::text, d.list_id::text, d.name, " + rfc3339Sql("d.created_at") + ", " +
        rfc3339Sql("d.last_seen_at") + ", " + rfc3339Sql("d.revoked_at");
}

Device deviceFrom(const pqxx::row& row)
{
    return {row[0].as<std::string>(), row[1].as<std::string>(), row[2].as<std::string>(), row[3].as<std::string>(),
            row[4].as<std::string>(), db::optionalText(row[5]), db::optionalText(row[6])};
}

} // namespace

std::string DeviceRepository::insertEnrollment(const std::string& codeHash, const Enrollment& enrollment,
                                               int ttlSeconds)
{
    return m_tx.sql()
        .exec_params1(
            "INSERT INTO auth.device_enrollments (code_hash, event_id, list_id, name, created_by, expires_at) "
            "VALUES ($1, $2::uuid, $3::uuid, $4, $5::uuid, now() + make_interval(secs => $6)) RETURNING " +
                rfc3339Sql("expires_at"),
            codeHash, enrollment.eventId, enrollment.listId, enrollment.name, enrollment.createdBy, ttlSeconds)[0]
        .as<std::string>();
}

std::optional<Enrollment> DeviceRepository::claimEnrollment(const std::string& codeHash)
{
    const pqxx::result rows = m_tx.sql().exec_params(
        "UPDATE auth.device_enrollments SET used_at = now() WHERE code_hash = $1 AND used_at IS NULL "
        "AND expires_at > now() RETURNING event_id::text, list_id::text, name, created_by::text",
        codeHash);
    if (rows.empty())
        return std::nullopt;
    return Enrollment{rows[0][0].as<std::string>(), rows[0][1].as<std::string>(), rows[0][2].as<std::string>(),
                      rows[0][3].as<std::string>()};
}

Device DeviceRepository::insertDevice(const Enrollment& enrollment, const std::string& tokenHash)
{
    return deviceFrom(m_tx.sql().exec_params1(
        "INSERT INTO auth.devices AS d (event_id, list_id, name, token_hash, created_by) "
        "VALUES ($1::uuid, $2::uuid, $3, $4, $5::uuid) RETURNING " +
            deviceColumns(),
        enrollment.eventId, enrollment.listId, enrollment.name, tokenHash, enrollment.createdBy));
}

std::optional<access::DeviceScope> DeviceRepository::liveDevice(const std::string& tokenHash)
{
    const pqxx::result rows = m_tx.sql().exec_params(
        "UPDATE auth.devices SET last_seen_at = now() WHERE token_hash = $1 AND revoked_at IS NULL "
        "RETURNING id::text, event_id::text, list_id::text",
        tokenHash);
    if (rows.empty())
        return std::nullopt;
    return access::DeviceScope{rows[0][0].as<std::string>(), rows[0][1].as<std::string>(),
                               rows[0][2].as<std::string>()};
}

std::optional<Device> DeviceRepository::find(const std::string& id)
{
    const pqxx::result rows = m_tx.sql().exec_params(
        "SELECT " + deviceColumns() + " FROM auth.devices d WHERE d.id = $1::uuid", id);
    if (rows.empty())
        return std::nullopt;
    return deviceFrom(rows[0]);
}

std::vector<Device> DeviceRepository::ofEvent(const std::string& eventId)
{
    std::vector<Device> devices;
    for (const auto& row :
         m_tx.sql().exec_params("SELECT " + deviceColumns() +
                                    " FROM auth.devices d WHERE d.event_id = $1::uuid ORDER BY d.created_at, d.id",
                                eventId))
        devices.push_back(deviceFrom(row));
    return devices;
}

void DeviceRepository::revoke(const std::string& id)
{
    m_tx.sql().exec_params("UPDATE auth.devices SET revoked_at = now() WHERE id = $1::uuid AND revoked_at IS NULL", id);
}

} // namespace sbor::auth
