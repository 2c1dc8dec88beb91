#pragma once
// HTTP for an event's team and for copying an event: read and check the JSON, call EventTeam or
// EventPlanning, write the answer.

#include "eventplanning.h"
#include "eventteam.h"

#include "http/router.h"

namespace sbor::events {

class TeamHandlers {
public:
    TeamHandlers(EventTeam& team, EventPlanning& planning) : m_team(team), m_planning(planning) {}
    void registerRoutes(http::Router& router, const std::string& service);

    http::Reply listTeam(http::HttpRequest& request);
    http::Reply addTeamMember(http::HttpRequest& request);
    http::Reply removeTeamMember(http::HttpRequest& request);
    http::Reply copyEvent(http::HttpRequest& request);

private:
    EventTeam& m_team;
    EventPlanning& m_planning;
};

} // namespace sbor::events
