#include "clientframe.h"

#include "sbor/strictjson.h"

namespace sbor::live {
namespace {

ClientFrameProblem badRequest(std::string message, std::string topic = {})
{
    return {"bad_request", std::move(message), std::move(topic)};
}

std::string stringOrEmpty(const nlohmann::json& object, const char* key)
{
    const auto found = object.find(key);
    return found != object.end() && found->is_string() ? found->get<std::string>() : std::string();
}

} // namespace

std::variant<ClientFrame, ClientFrameProblem> parseClientFrame(std::string_view text)
{
    const auto parsed = parseStrictJson(text);
    if (!parsed || !parsed->is_object() || !parsed->contains("op") || !(*parsed)["op"].is_string())
        return badRequest("frames are JSON objects with an op: subscribe, unsubscribe, authenticate or ping");
    const nlohmann::json& request = *parsed;
    const std::string op = request["op"].get<std::string>();
    ClientFrame frame;
    if (op == "subscribe") {
        frame.op = ClientFrame::Op::Subscribe;
        frame.topic = stringOrEmpty(request, "topic");
        if (const auto since = request.find("since"); since != request.end() && !since->is_null()) {
            if (!since->is_number_unsigned())
                return badRequest("since must be the last seq received, a whole number", frame.topic);
            frame.since = since->get<std::uint64_t>();
        }
        frame.epoch = stringOrEmpty(request, "epoch");
    } else if (op == "unsubscribe") {
        frame.op = ClientFrame::Op::Unsubscribe;
        if (!request.contains("topic") || !request["topic"].is_string())
            return badRequest("unsubscribe needs a topic");
        frame.topic = request["topic"].get<std::string>();
    } else if (op == "authenticate") {
        frame.op = ClientFrame::Op::Authenticate;
        frame.token = stringOrEmpty(request, "token");
    } else if (op == "ping") {
        frame.op = ClientFrame::Op::Ping;
    } else {
        return badRequest("unknown op " + op.substr(0, 64) + "; use subscribe, unsubscribe, authenticate or ping");
    }
    return frame;
}

} // namespace sbor::live
