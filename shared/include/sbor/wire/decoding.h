#pragma once
// Reading the API's JSON back into wire DTOs. Encoding is total (every DTO has one toJson);
// decoding meets what another program sent, so it checks types and names the first field that
// is missing or of the wrong type. Unknown fields are ignored: a newer server may add some.

#include "sbor/statuses.h"

#include <nlohmann/json.hpp>

#include <cstdint>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

namespace sbor::wire {

// A JSON document that is not the DTO it should be; what() names the field ("items[3].id").
class DecodeError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

// Field access with type checks. `path` prefixes field names in errors.
class FieldReader {
public:
    FieldReader(const nlohmann::json& object, std::string path = {});

    std::string string(const char* key) const;
    std::optional<std::string> optionalString(const char* key) const; // absent or null: nullopt
    std::int64_t integer(const char* key) const;
    std::optional<std::int64_t> optionalInteger(const char* key) const;
    bool boolean(const char* key) const;
    std::optional<bool> optionalBoolean(const char* key) const;
    std::vector<std::string> strings(const char* key) const; // absent: empty
    const nlohmann::json& object(const char* key) const;     // must be an object
    const nlohmann::json* optionalObject(const char* key) const;
    const nlohmann::json& array(const char* key) const; // must be an array
    nlohmann::json any(const char* key) const;          // anything; absent: null
    // A status (sbor/statuses.h) by its wire word; an unknown word fails like a wrong type.
    template <typename Status> Status status(const char* key) const
    {
        const auto known = statusFromName<Status>(string(key));
        if (!known)
            fail(key, "a known status");
        return *known;
    }
    std::string pathOf(const char* key) const { return m_path + key; }
    const nlohmann::json& json() const { return m_object; }

private:
    const nlohmann::json* find(const char* key) const;
    [[noreturn]] void fail(const char* key, const char* expected) const;

    const nlohmann::json& m_object;
    std::string m_path;
};

// Decodes `json` as T with T's fromJson overload (found by argument-dependent lookup).
template <typename T> T decode(const nlohmann::json& json, const std::string& path = {})
{
    T value;
    fromJson(FieldReader(json, path), value);
    return value;
}

template <typename T> std::vector<T> decodeList(const nlohmann::json& array, const std::string& path)
{
    if (!array.is_array())
        throw DecodeError(path + " must be an array");
    std::vector<T> list;
    list.reserve(array.size());
    for (std::size_t i = 0; i < array.size(); ++i)
        list.push_back(decode<T>(array[i], path + "[" + std::to_string(i) + "]"));
    return list;
}

// Sets `key` only when the value is there: a PATCH's absent fields stay unchanged.
template <typename T> void putPresent(nlohmann::json& json, const char* key, const std::optional<T>& value)
{
    if (value)
        json[key] = *value;
}

template <typename T> nlohmann::json encodeList(const std::vector<T>& list)
{
    nlohmann::json array = nlohmann::json::array();
    for (const auto& item : list)
        array.push_back(toJson(item));
    return array;
}

// A list answer: {"items": [...], "next_cursor": "…" | null} (architecture §5).
template <typename T> struct Page {
    std::vector<T> items;
    std::optional<std::string> nextCursor;
};

template <typename T> nlohmann::json toJson(const Page<T>& page)
{
    return {{"items", encodeList(page.items)},
            {"next_cursor", page.nextCursor ? nlohmann::json(*page.nextCursor) : nlohmann::json(nullptr)}};
}

template <typename T> Page<T> decodePage(const nlohmann::json& json)
{
    FieldReader reader(json);
    return Page<T>{decodeList<T>(reader.array("items"), "items"), reader.optionalString("next_cursor")};
}

} // namespace sbor::wire
