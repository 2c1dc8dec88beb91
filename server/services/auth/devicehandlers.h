#pragma once
// HTTP for kiosks: enrollment codes, enrolling, an event's devices, revoking one.

#include "kioskenrollment.h"

#include "http/router.h"

namespace sbor::auth {

class DeviceHandlers {
public:
    explicit DeviceHandlers(KioskEnrollment& enrollment) : m_enrollment(enrollment) {}
    void registerRoutes(http::Router& router, const std::string& service);

    http::Reply issueCode(http::HttpRequest& request);
    http::Reply enroll(http::HttpRequest& request);
    http::Reply listDevices(http::HttpRequest& request);
    http::Reply revokeDevice(http::HttpRequest& request);

private:
    KioskEnrollment& m_enrollment;
};

} // namespace sbor::auth
