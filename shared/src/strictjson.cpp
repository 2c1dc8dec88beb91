#include "sbor/strictjson.h"

#include <set>
#include <string>
#include <vector>

namespace sbor {
namespace {

// Thrown from the parser's callback to stop at the first offence; never leaves this file.
struct Refusal {
    std::string reason;
};

// The parser's own message quotes the token it stopped at, which may be megabytes long.
std::string shortReason(const char* what)
{
    std::string reason(what);
    if (reason.size() > 200)
        reason.resize(200);
    return reason;
}

} // namespace

Result<nlohmann::json> parseStrictJson(std::string_view text)
{
    std::vector<std::set<std::string>> keysOfOpenObjects;
    const nlohmann::json::parser_callback_t watch = [&keysOfOpenObjects](int depth, nlohmann::json::parse_event_t event,
                                                                         nlohmann::json& parsed) {
        using Event = nlohmann::json::parse_event_t;
        if ((event == Event::object_start || event == Event::array_start) && depth >= kMaxJsonNesting)
            throw Refusal{"nests deeper than " + std::to_string(kMaxJsonNesting) + " levels"};
        if (event == Event::object_start)
            keysOfOpenObjects.emplace_back();
        else if (event == Event::object_end && !keysOfOpenObjects.empty())
            keysOfOpenObjects.pop_back();
        else if (event == Event::key && !keysOfOpenObjects.empty() &&
                 !keysOfOpenObjects.back().insert(parsed.get<std::string>()).second)
            throw Refusal{"names the key \"" + parsed.get<std::string>().substr(0, 64) + "\" twice in one object"};
        return true;
    };
    try {
        return nlohmann::json::parse(text.begin(), text.end(), watch);
    } catch (const Refusal& refusal) {
        return Error(ErrorCode::MalformedJson, refusal.reason, {{"reason", refusal.reason}});
    } catch (const nlohmann::json::parse_error& e) {
        return Error(ErrorCode::MalformedJson, "is not valid JSON",
                     {{"offset", e.byte}, {"reason", shortReason(e.what())}});
    } catch (const nlohmann::json::exception& e) {
        // out_of_range.406: a number beyond a double's range.
        return Error(ErrorCode::MalformedJson, "holds a number too large for a double",
                     {{"reason", shortReason(e.what())}});
    }
}

} // namespace sbor
