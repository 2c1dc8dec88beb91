#pragma once
// Support requests and their messages as plain values (seed 004).

#include "sbor/wire/support.h"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace sbor::support {

// How long after resolving a request its person may reopen it by writing; then it closes.
inline constexpr int kReopenDays = 14;

using wire::SupportMessage;
using wire::SupportRequest;

struct NewRequest {
    std::string subject;
    std::string body;
    std::string category;
    std::optional<std::string> orderId;
    std::optional<std::string> eventId;
};

// GET /support/requests: a person sees their own; staff the queue with these filters.
struct RequestQuery {
    std::string requesterId;           // set for a person's own list
    std::vector<std::string> statuses; // any of them; empty: all
    std::string category;              // "" all
    std::string assignee;              // a user id, "none", or "" for all
    bool overdueOnly = false;
    bool escalatedOnly = false;
    std::string text;                                          // subject contains, case-insensitive
    bool byDueDate = true;                                     // staff: next deadline first; else newest first
    std::optional<std::pair<std::string, std::int64_t>> after; // (sort key, number) of the last seen
    int limit = 50;
};

struct ResponseTargets {
    std::int64_t version = 0;
    std::int64_t firstResponseMinutes = 0;
    std::int64_t resolutionMinutes = 0;
};

} // namespace sbor::support
