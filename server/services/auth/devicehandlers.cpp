#include "devicehandlers.h"

#include "http/jsonbody.h"
#include "sbor/uuid.h"
#include "validation/textrules.h"

namespace sbor::auth {

using http::HttpRequest;
using http::HttpResponse;
using http::Reply;

namespace {

// Where the kiosk should connect: the address this request came to (a proxy may say https).
std::string serverUrl(const HttpRequest& request)
{
    const std::string* host = request.headers.find("host");
    const std::string* scheme = request.headers.find("x-forwarded-proto");
    return (scheme && (*scheme == "https" || *scheme == "http") ? *scheme : std::string("http")) + "://" +
        (host ? *host : std::string("127.0.0.1"));
}

} // namespace

void DeviceHandlers::registerRoutes(http::Router& router, const std::string& service)
{
    using access::Access;
    router.add("POST", "/api/v1/events/{id}/enrollments", service, Access::signedIn(),
               [this](HttpRequest& request) { return issueCode(request); });
    router.add("POST", "/api/v1/devices/enroll", service, Access::anyone(),
               [this](HttpRequest& request) { return enroll(request); });
    router.add("GET", "/api/v1/events/{id}/devices", service, Access::signedIn(),
               [this](HttpRequest& request) { return listDevices(request); });
    router.add("DELETE", "/api/v1/devices/{id}", service, Access::signedIn(),
               [this](HttpRequest& request) { return revokeDevice(request); });
}

Reply DeviceHandlers::issueCode(HttpRequest& request)
{
    auto body = http::parseJsonBody(request);
    if (!body)
        return body.error();
    http::JsonFieldReader reader(*body);
    const std::string listId = reader.requiredId("list_id", "a check-in list id");
    const std::string name = reader.requiredString("name", 1, 100);
    if (auto problem = validation::nameProblem(name); problem && !name.empty())
        reader.addProblem("name", *problem);
    if (auto problem = reader.finish())
        return *problem;
    auto issued = m_enrollment.issueCode(*request.principal, request.pathParameter("id"), listId, name);
    if (!issued)
        return issued.error();
    // The handshake is what the organizer app shows as a QR: versioned, so kiosks can refuse
    // a format they do not know.
    return HttpResponse::json(
        201,
        wire::toJson(wire::IssuedEnrollment{
            issued->code, issued->expiresAt, issued->eventId, issued->listId, serverUrl(request), {}}));
}

Reply DeviceHandlers::enroll(HttpRequest& request)
{
    auto body = http::parseJsonBody(request);
    if (!body)
        return body.error();
    http::JsonFieldReader reader(*body);
    const std::string code = reader.requiredString("code", 1, 40);
    if (auto problem = reader.finish())
        return *problem;
    auto enrolled = m_enrollment.enroll(code);
    if (!enrolled)
        return enrolled.error();
    return HttpResponse::json(
        201,
        wire::toJson(wire::EnrolledDevice{enrolled->deviceToken, enrolled->device.id, enrolled->device.eventId,
                                          enrolled->eventTitle, enrolled->device.listId, enrolled->listName,
                                          enrolled->publicKeys}));
}

Reply DeviceHandlers::listDevices(HttpRequest& request)
{
    auto devices = m_enrollment.devicesOf(*request.principal, request.pathParameter("id"));
    if (!devices)
        return devices.error();
    return HttpResponse::json(200, wire::toJson(wire::Page<Device>{*devices, std::nullopt}));
}

Reply DeviceHandlers::revokeDevice(HttpRequest& request)
{
    auto revoked = m_enrollment.revoke(*request.principal, request.pathParameter("id"));
    if (!revoked)
        return revoked.error();
    return HttpResponse::json(200, wire::toJson(*revoked));
}

} // namespace sbor::auth
