#pragma once
// Enrolling kiosks (architecture.md §6): the event's organizer makes a one-time code for one
// check-in list; the kiosk trades it for a device token scoped to that event and list, and the
// event's public keys to check codes offline. Organizers list and revoke their devices.

#include "authdependencies.h"
#include "devicerepository.h"

#include "access/access.h"
#include "sbor/error.h"
#include "service/contracts.h"
#include "service/servicedirectory.h"

#include <memory>
#include <string>
#include <vector>

namespace sbor::auth {

inline constexpr int kEnrollmentCodeSeconds = 15 * 60;

struct IssuedEnrollment {
    std::string code;
    std::string expiresAt;
    std::string eventId;
    std::string listId;
};

struct EnrolledDevice {
    std::string deviceToken;
    Device device;
    std::string eventTitle;
    std::string listName;
    std::vector<DoorPublicKey> publicKeys;
};

class KioskEnrollment {
public:
    KioskEnrollment(AuthDependencies& dependencies, std::shared_ptr<ServiceDirectory> directory)
        : m_deps(dependencies), m_directory(std::move(directory))
    {}

    Result<IssuedEnrollment> issueCode(const access::Principal& caller, const std::string& eventId,
                                       const std::string& listId, const std::string& name);
    Result<EnrolledDevice> enroll(const std::string& code);
    Result<std::vector<Device>> devicesOf(const access::Principal& caller, const std::string& eventId);
    Result<Device> revoke(const access::Principal& caller, const std::string& deviceId);

private:
    // The event, if `caller` manages it.
    std::optional<EventFacts> managedEvent(const access::Principal& caller, const std::string& eventId);

    AuthDependencies& m_deps;
    std::shared_ptr<ServiceDirectory> m_directory;
};

} // namespace sbor::auth
