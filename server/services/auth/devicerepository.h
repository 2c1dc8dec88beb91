#pragma once
// Kiosk enrollment codes and device tokens (SQL only).

#include "access/access.h"
#include "sbor/wire/door.h"

#include "db/transaction.h"

#include <optional>
#include <string>
#include <vector>

namespace sbor::auth {

struct Enrollment {
    std::string eventId;
    std::string listId;
    std::string name;
    std::string createdBy;
};

using wire::Device;

class DeviceRepository {
public:
    explicit DeviceRepository(db::Transaction& tx) : m_tx(tx) {}

    // Returns expires_at (RFC 3339).
    std::string insertEnrollment(const std::string& codeHash, const Enrollment& enrollment, int ttlSeconds);
    // Marks the code used if it is unused and unexpired; nullopt otherwise.
    std::optional<Enrollment> claimEnrollment(const std::string& codeHash);
    Device insertDevice(const Enrollment& enrollment, const std::string& tokenHash);
    // A live (unrevoked) device's scope; touches last_seen_at.
    std::optional<access::DeviceScope> liveDevice(const std::string& tokenHash);
    std::optional<Device> find(const std::string& id);
    std::vector<Device> ofEvent(const std::string& eventId);
    void revoke(const std::string& id);

private:
    db::Transaction& m_tx;
};

} // namespace sbor::auth
