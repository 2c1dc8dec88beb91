#include "teamhandlers.h"

#include "http/jsonbody.h"
#include "validation/textrules.h"

namespace sbor::events {

using http::HttpRequest;
using http::HttpResponse;
using http::Reply;

namespace {

constexpr std::size_t kMaxTitle = 600; // as an event's own title (eventhandlers.cpp)

nlohmann::json membersJson(const std::vector<TeamMember>& members)
{
    nlohmann::json items = nlohmann::json::array();
    for (const auto& member : members)
        items.push_back(wire::toJson(member));
    return items;
}

} // namespace

void TeamHandlers::registerRoutes(http::Router& router, const std::string& service)
{
    using access::Access;
    using access::Permission;
    const auto bind = [this](Reply (TeamHandlers::*method)(HttpRequest&)) {
        return [this, method](HttpRequest& request) { return (this->*method)(request); };
    };
    // Signed in is enough at the door of these routes: the rights are the event's (its
    // organizer, its team, admins), decided by EventTeam and EventPlanning.
    router.add("GET", "/api/v1/events/{id}/team", service, Access::signedIn(), bind(&TeamHandlers::listTeam));
    router.add("POST", "/api/v1/events/{id}/team", service, Access::signedIn(), bind(&TeamHandlers::addTeamMember));
    router.add("DELETE", "/api/v1/events/{id}/team/{user_id}", service, Access::signedIn(),
               bind(&TeamHandlers::removeTeamMember));
    router.add("POST", "/api/v1/events/{id}/copy", service, Access::signedIn(), bind(&TeamHandlers::copyEvent));
}

Reply TeamHandlers::listTeam(HttpRequest& request)
{
    auto members = m_team.members(*request.principal, request.pathParameter("id"));
    if (!members)
        return members.error();
    return HttpResponse::json(200, {{"items", membersJson(*members)}, {"next_cursor", nullptr}});
}

Reply TeamHandlers::addTeamMember(HttpRequest& request)
{
    auto body = http::parseJsonBody(request);
    if (!body)
        return body.error();
    http::JsonFieldReader reader(*body);
    TeamInvitation invitation;
    invitation.email = reader.requiredString("email", 1, validation::kMaxEmailLength);
    if (body->contains("email") && (*body)["email"].is_string() && !invitation.email.empty()) {
        if (const auto problem = validation::emailProblem(invitation.email))
            reader.addProblem("email", *problem);
    }
    const auto role = reader.optionalChoice("role", {"co_organizer", "door"});
    if (!body->contains("role"))
        reader.addProblem("role", "is required");
    if (auto problem = reader.finish())
        return *problem;
    invitation.role = *statusFromName<TeamRole>(*role);
    auto change = m_team.add(*request.principal, request.pathParameter("id"), invitation, http::callContextOf(request));
    if (!change)
        return change.error();
    return HttpResponse::json(change->added ? 201 : 200, wire::toJson(change->member));
}

Reply TeamHandlers::removeTeamMember(HttpRequest& request)
{
    auto removed = m_team.remove(*request.principal, request.pathParameter("id"), request.pathParameter("user_id"),
                                 http::callContextOf(request));
    if (!removed)
        return removed.error();
    return HttpResponse::json(200, wire::toJson(*removed));
}

Reply TeamHandlers::copyEvent(HttpRequest& request)
{
    auto body = http::parseJsonBody(request);
    if (!body)
        return body.error();
    http::JsonFieldReader reader(*body);
    EventCopyRequest copy;
    copy.title = reader.optionalString("title", kMaxTitle);
    if (copy.title && copy.title->find_first_not_of(" \t\r\n") == std::string::npos)
        reader.addProblem("title", "must not be empty");
    copy.startsAt = reader.optionalTimeText("starts_at");
    copy.endsAt = reader.optionalTimeText("ends_at");
    if (copy.endsAt && !copy.startsAt)
        reader.addProblem("ends_at", "needs starts_at as well");
    if (auto problem = reader.finish())
        return *problem;
    auto copied = m_planning.copy(*request.principal, request.pathParameter("id"), copy, http::callContextOf(request));
    if (!copied)
        return copied.error();
    HttpResponse response = HttpResponse::json(201, wire::toJson(*copied));
    response.headers.set("ETag", "\"" + std::to_string(copied->version) + "\"");
    response.headers.set("Location", "/api/v1/events/" + copied->id);
    return response;
}

} // namespace sbor::events
