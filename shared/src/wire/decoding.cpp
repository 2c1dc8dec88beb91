#include "sbor/wire/decoding.h"

namespace sbor::wire {

FieldReader::FieldReader(const nlohmann::json& object, std::string path)
    : m_object(object), m_path(path.empty() ? path : path + ".")
{
    if (!object.is_object())
        throw DecodeError((path.empty() ? std::string("the answer") : path) + " must be an object");
}

const nlohmann::json* FieldReader::find(const char* key) const
{
    const auto found = m_object.find(key);
    return found == m_object.end() || found->is_null() ? nullptr : &*found;
}

void FieldReader::fail(const char* key, const char* expected) const
{
    throw DecodeError(m_path + key + " must be " + expected);
}

std::string FieldReader::string(const char* key) const
{
    const auto* value = find(key);
    if (!value || !value->is_string())
        fail(key, "a string");
    return value->get<std::string>();
}

std::optional<std::string> FieldReader::optionalString(const char* key) const
{
    const auto* value = find(key);
    if (!value)
        return std::nullopt;
    if (!value->is_string())
        fail(key, "a string or null");
    return value->get<std::string>();
}

std::int64_t FieldReader::integer(const char* key) const
{
    const auto* value = find(key);
    if (!value || !value->is_number_integer())
        fail(key, "an integer");
    return value->get<std::int64_t>();
}

std::optional<std::int64_t> FieldReader::optionalInteger(const char* key) const
{
    const auto* value = find(key);
    if (!value)
        return std::nullopt;
    if (!value->is_number_integer())
        fail(key, "an integer or null");
    return value->get<std::int64_t>();
}

bool FieldReader::boolean(const char* key) const
{
    const auto* value = find(key);
    if (!value || !value->is_boolean())
        fail(key, "true or false");
    return value->get<bool>();
}

std::optional<bool> FieldReader::optionalBoolean(const char* key) const
{
    const auto* value = find(key);
    if (!value)
        return std::nullopt;
    if (!value->is_boolean())
        fail(key, "true, false or null");
    return value->get<bool>();
}

std::vector<std::string> FieldReader::strings(const char* key) const
{
    const auto* value = find(key);
    if (!value)
        return {};
    if (!value->is_array())
        fail(key, "a list of strings");
    std::vector<std::string> list;
    for (const auto& item : *value) {
        if (!item.is_string())
            fail(key, "a list of strings");
        list.push_back(item.get<std::string>());
    }
    return list;
}

const nlohmann::json& FieldReader::object(const char* key) const
{
    const auto* value = find(key);
    if (!value || !value->is_object())
        fail(key, "an object");
    return *value;
}

const nlohmann::json* FieldReader::optionalObject(const char* key) const
{
    const auto* value = find(key);
    if (value && !value->is_object())
        fail(key, "an object or null");
    return value;
}

const nlohmann::json& FieldReader::array(const char* key) const
{
    const auto* value = find(key);
    if (!value || !value->is_array())
        fail(key, "a list");
    return *value;
}

nlohmann::json FieldReader::any(const char* key) const
{
    const auto* value = find(key);
    return value ? *value : nlohmann::json(nullptr);
}

} // namespace sbor::wire
