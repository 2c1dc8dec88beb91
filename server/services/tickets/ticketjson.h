#pragma once
// The one JSON codec of an issued ticket. A ticket's JSON always carries its code.

#include "ticket.h"

#include <nlohmann/json.hpp>

#include <vector>

namespace sbor::tickets {

nlohmann::json ticketJson(const Ticket& ticket);
nlohmann::json ticketsJson(const std::vector<Ticket>& tickets);

} // namespace sbor::tickets
