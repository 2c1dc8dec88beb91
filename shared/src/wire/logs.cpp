#include "sbor/wire/logs.h"

namespace sbor::wire {

void fromJson(const FieldReader& reader, LogLine& line)
{
    line.at = reader.string("ts");
    line.level = reader.string("level");
    line.service = reader.optionalString("service").value_or("");
    line.message = reader.string("msg");
    line.traceId = reader.optionalString("trace_id").value_or("");
    line.fields = nlohmann::json::object();
    for (const auto& [key, value] : reader.json().items())
        if (key != "ts" && key != "level" && key != "service" && key != "msg" && key != "trace_id")
            line.fields[key] = value;
}

} // namespace sbor::wire
