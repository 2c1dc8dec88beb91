#pragma once
// A line of the central logs (GET /api/v1/admin/logs) as the console reads it: the logger's JSON
// line (ts, level, msg, service, trace_id) and whatever fields it carried.

#include "sbor/wire/decoding.h"

#include <string>

namespace sbor::wire {

struct LogLine {
    std::string at; // "ts"
    std::string level;
    std::string service;
    std::string message; // "msg"
    std::string traceId;
    nlohmann::json fields = nlohmann::json::object(); // the rest of the line
};

void fromJson(const FieldReader& reader, LogLine& line);

} // namespace sbor::wire
