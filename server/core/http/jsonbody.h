#pragma once
// Strict JSON input. parseJsonBody() turns a request body into a JSON object or an Error:
// malformed JSON → 400 malformed_json (with the byte offset), a non-object → 422.
// JsonFieldReader then reads typed fields and collects every problem — missing field, wrong
// type, out of range, unknown field — into one 422 validation_failed naming each field, so a
// client fixes its request in one round trip.

#include "http/httptypes.h"

#include <cstdint>
#include <initializer_list>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

namespace sbor::http {

Result<nlohmann::json> parseJsonBody(const HttpRequest& request);

// What every time field of the API (body or query) answers when it is not a strict RFC 3339 time.
inline constexpr const char* kTimeProblem = "must be an RFC 3339 time such as 2026-06-01T18:00:00+03:00";

class JsonFieldReader {
public:
    explicit JsonFieldReader(const nlohmann::json& object, std::string pathPrefix = {});

    std::string requiredString(const std::string& field, std::size_t minLength = 0, std::size_t maxLength = 10000);
    std::optional<std::string> optionalString(const std::string& field, std::size_t maxLength = 10000);
    std::int64_t requiredInteger(const std::string& field, std::int64_t min = INT64_MIN, std::int64_t max = INT64_MAX);
    std::optional<std::int64_t> optionalInteger(const std::string& field, std::int64_t min = INT64_MIN,
                                                std::int64_t max = INT64_MAX);
    std::optional<bool> optionalBoolean(const std::string& field);
    std::vector<std::string> optionalStringArray(const std::string& field, std::size_t maxItems = 1000);

    // A strict RFC 3339 time (sbor/rfc3339.h) as sent, for what is stored as given. An empty one
    // is "must not be empty", anything else unreadable kTimeProblem.
    std::string requiredTimeText(const std::string& field);
    std::optional<std::string> optionalTimeText(const std::string& field);
    // The same as unix microseconds; nullopt when absent or unreadable.
    std::optional<std::int64_t> requiredTime(const std::string& field);
    std::optional<std::int64_t> optionalTime(const std::string& field);
    // A UUID as sent (callers canonicalise where they compare); `what` completes the problem:
    // "must be <what>" ("a check-in list id").
    std::string requiredId(const std::string& field, const std::string& what);
    std::optional<std::string> optionalId(const std::string& field, const std::string& what);
    // One of `names` (the wire names of an enum); nullopt when absent or another value, which is
    // "must be a, b or c".
    std::optional<std::string> optionalChoice(const std::string& field, std::initializer_list<std::string_view> names);

    // Marks a field the caller reads itself (a nested list, say) as known.
    void acceptField(const std::string& field) { m_known.insert(field); }
    // Adds a problem found by the caller's own checks (e.g. ends_at before starts_at).
    void addProblem(const std::string& field, const std::string& problem);

    // nullopt when every field was fine and no unknown field was sent; else a 422 naming them.
    std::optional<Error> finish();

private:
    const nlohmann::json* lookup(const std::string& field, bool required);
    std::string qualified(const std::string& field) const;

    const nlohmann::json& m_object;
    std::string m_prefix;
    std::set<std::string> m_known;
    nlohmann::json m_problems = nlohmann::json::array();
};

} // namespace sbor::http
