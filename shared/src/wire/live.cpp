#include "sbor/wire/live.h"

namespace sbor::wire {

nlohmann::json toJson(const LiveFrame& frame)
{
    return {{"topic", frame.topic}, {"seq", frame.seq},   {"epoch", frame.epoch},
            {"type", frame.type},   {"data", frame.data}, {"at", frame.at}};
}

void fromJson(const FieldReader& reader, LiveFrame& frame)
{
    frame.topic = reader.string("topic");
    frame.seq = reader.integer("seq");
    frame.epoch = reader.optionalString("epoch").value_or("");
    frame.type = reader.string("type");
    frame.data = reader.any("data");
    frame.at = reader.optionalString("at").value_or("");
}

nlohmann::json toJson(const LiveControl& control)
{
    nlohmann::json json = {{"op", control.op}};
    if (!control.topic.empty())
        json["topic"] = control.topic;
    if (control.op == "subscribed" || control.op == "resync") {
        json["seq"] = control.seq;
        json["epoch"] = control.epoch;
    }
    if (!control.code.empty()) {
        json["code"] = control.code;
        json["message"] = control.message;
    }
    return json;
}

void fromJson(const FieldReader& reader, LiveControl& control)
{
    control.op = reader.string("op");
    control.topic = reader.optionalString("topic").value_or("");
    control.seq = reader.optionalInteger("seq").value_or(0);
    control.epoch = reader.optionalString("epoch").value_or("");
    control.code = reader.optionalString("code").value_or("");
    control.message = reader.optionalString("message").value_or("");
}

nlohmann::json toJson(const LiveRequest& request)
{
    nlohmann::json json = {{"op", request.op}};
    if (!request.topic.empty())
        json["topic"] = request.topic;
    putPresent(json, "since", request.since);
    if (!request.epoch.empty())
        json["epoch"] = request.epoch;
    return json;
}

bool isLiveControl(const nlohmann::json& frame) { return frame.is_object() && frame.contains("op"); }

} // namespace sbor::wire
