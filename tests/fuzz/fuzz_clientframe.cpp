// The live feed's client frames: every text frame a connected client sends goes through
// parseClientFrame before the hub acts on it. No crash, exception or leak; a refusal must become
// the error frame the hub sends; and an accepted frame, written again as JSON, reads the same.

#include "fuzzchecks.h"

#include "live/clientframe.h"

#include <nlohmann/json.hpp>

#include <cstdint>
#include <string>
#include <variant>

namespace {

using sbor::live::ClientFrame;
using sbor::live::ClientFrameProblem;
using sbor::live::parseClientFrame;

const char* opName(ClientFrame::Op op)
{
    switch (op) {
    case ClientFrame::Op::Subscribe:
        return "subscribe";
    case ClientFrame::Op::Unsubscribe:
        return "unsubscribe";
    case ClientFrame::Op::Authenticate:
        return "authenticate";
    case ClientFrame::Op::Ping:
        break;
    }
    return "ping";
}

nlohmann::json frameJson(const ClientFrame& frame)
{
    nlohmann::json json = {{"op", opName(frame.op)}};
    if (frame.op == ClientFrame::Op::Subscribe || frame.op == ClientFrame::Op::Unsubscribe)
        json["topic"] = frame.topic;
    if (frame.since)
        json["since"] = *frame.since;
    if (!frame.epoch.empty())
        json["epoch"] = frame.epoch;
    if (frame.op == ClientFrame::Op::Authenticate)
        json["token"] = frame.token;
    return json;
}

bool sameFrame(const ClientFrame& a, const ClientFrame& b)
{
    return a.op == b.op && a.topic == b.topic && a.since == b.since && a.epoch == b.epoch && a.token == b.token;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    const std::string_view text = sbor::fuzz::textOf(data, size);
    const auto parsed = parseClientFrame(text);
    if (const auto* problem = std::get_if<ClientFrameProblem>(&parsed)) {
        sbor::fuzz::require(!problem->code.empty() && !problem->message.empty());
        // As LiveHub::receive answers it (errorFrame): the message quotes a prefix of the op, which
        // may end inside a character, so the hub writes it with replacement characters.
        nlohmann::json frame = {{"op", "error"}, {"code", problem->code}, {"message", problem->message}};
        if (!problem->topic.empty())
            frame["topic"] = problem->topic;
        (void)frame.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
        return 0;
    }
    const auto& frame = std::get<ClientFrame>(parsed);
    const auto again = parseClientFrame(frameJson(frame).dump());
    const auto* reread = std::get_if<ClientFrame>(&again);
    sbor::fuzz::require(reread && sameFrame(*reread, frame));
    return 0;
}
