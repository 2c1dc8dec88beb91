#pragma once
// What a live feed client may send (architecture.md §5), read strictly: one JSON object (no
// duplicate keys, no number beyond a double, no deep nesting) with a known op and fields of the
// right types. A pure function: the hub acts on the result, tests and the fuzzer call it alone.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <variant>

namespace sbor::live {

struct ClientFrame {
    enum class Op { Subscribe, Unsubscribe, Authenticate, Ping };
    Op op = Op::Ping;
    std::string topic;                  // subscribe, unsubscribe: as sent (parseTopic judges it)
    std::optional<std::uint64_t> since; // subscribe: the last seq received
    std::string epoch;                  // subscribe: the epoch that seq belongs to
    std::string token;                  // authenticate
};

// Why a frame was refused: the error frame's code ("bad_request") and message, and the topic
// when the frame named one.
struct ClientFrameProblem {
    std::string code;
    std::string message;
    std::string topic;
};

std::variant<ClientFrame, ClientFrameProblem> parseClientFrame(std::string_view text);

} // namespace sbor::live
