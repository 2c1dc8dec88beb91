#include "http/jsonbody.h"

#include "sbor/rfc3339.h"
#include "sbor/strictjson.h"
#include "sbor/uuid.h"
#include "validation/textrules.h"

namespace sbor::http {
namespace {

constexpr std::size_t kMaxTimeLength = 64;
constexpr std::size_t kMaxIdLength = 64;
constexpr std::size_t kMaxChoiceLength = 64;

} // namespace

Result<nlohmann::json> parseJsonBody(const HttpRequest& request)
{
    const std::string contentType = toLower(request.headers.get("content-type"));
    if (!contentType.empty() && contentType.find("application/json") == std::string::npos &&
        contentType.find("+json") == std::string::npos)
        return Error(ErrorCode::UnsupportedMediaType, "request body must be application/json",
                     {{"content_type", request.headers.get("content-type")}});
    if (request.body.empty())
        return Error(ErrorCode::MalformedJson, "request body is empty; a JSON object is expected");
    auto parsed = parseStrictJson(request.body);
    if (!parsed)
        return Error(ErrorCode::MalformedJson, "request body " + parsed.error().message, parsed.error().details);
    if (!parsed->is_object())
        return Error(ErrorCode::ValidationFailed, "request body must be a JSON object",
                     {{"fields", {{{"field", ""}, {"problem", "must be an object"}}}}});
    return std::move(parsed).value();
}

JsonFieldReader::JsonFieldReader(const nlohmann::json& object, std::string pathPrefix)
    : m_object(object), m_prefix(std::move(pathPrefix))
{}

std::string JsonFieldReader::qualified(const std::string& field) const
{
    return m_prefix.empty() ? field : m_prefix + "." + field;
}

void JsonFieldReader::addProblem(const std::string& field, const std::string& problem)
{
    m_problems.push_back({{"field", qualified(field)}, {"problem", problem}});
}

const nlohmann::json* JsonFieldReader::lookup(const std::string& field, bool required)
{
    m_known.insert(field);
    const auto it = m_object.find(field);
    if (it == m_object.end() || it->is_null()) {
        if (required)
            addProblem(field, "is required");
        return nullptr;
    }
    return &*it;
}

std::string JsonFieldReader::requiredString(const std::string& field, std::size_t minLength, std::size_t maxLength)
{
    const nlohmann::json* value = lookup(field, true);
    if (!value)
        return {};
    if (!value->is_string()) {
        addProblem(field, "must be a string");
        return {};
    }
    const auto& text = value->get_ref<const std::string&>();
    if (auto problem = validation::textProblem(text)) {
        addProblem(field, *problem);
        return {};
    }
    if (text.size() < minLength)
        addProblem(field,
                   minLength <= 1 ? "must not be empty" : "must be at least " + std::to_string(minLength) + " bytes");
    else if (text.size() > maxLength)
        addProblem(field, "must be at most " + std::to_string(maxLength) + " bytes");
    return text;
}

std::optional<std::string> JsonFieldReader::optionalString(const std::string& field, std::size_t maxLength)
{
    const nlohmann::json* value = lookup(field, false);
    if (!value)
        return std::nullopt;
    if (!value->is_string()) {
        addProblem(field, "must be a string");
        return std::nullopt;
    }
    const auto& text = value->get_ref<const std::string&>();
    if (auto problem = validation::textProblem(text)) {
        addProblem(field, *problem);
        return std::nullopt;
    }
    if (text.size() > maxLength)
        addProblem(field, "must be at most " + std::to_string(maxLength) + " bytes");
    return text;
}

std::optional<std::int64_t> JsonFieldReader::optionalInteger(const std::string& field, std::int64_t min,
                                                             std::int64_t max)
{
    const nlohmann::json* value = lookup(field, false);
    if (!value)
        return std::nullopt;
    if (!value->is_number_integer()) {
        addProblem(field, "must be an integer");
        return std::nullopt;
    }
    if (value->is_number_unsigned() && value->get<std::uint64_t>() > static_cast<std::uint64_t>(INT64_MAX)) {
        addProblem(field, "is out of range");
        return std::nullopt;
    }
    const std::int64_t number = value->get<std::int64_t>();
    if (number < min || number > max) {
        addProblem(field, "must be between " + std::to_string(min) + " and " + std::to_string(max));
        return std::nullopt;
    }
    return number;
}

std::int64_t JsonFieldReader::requiredInteger(const std::string& field, std::int64_t min, std::int64_t max)
{
    if (!lookup(field, true))
        return 0;
    return optionalInteger(field, min, max).value_or(0);
}

std::optional<bool> JsonFieldReader::optionalBoolean(const std::string& field)
{
    const nlohmann::json* value = lookup(field, false);
    if (!value)
        return std::nullopt;
    if (!value->is_boolean()) {
        addProblem(field, "must be true or false");
        return std::nullopt;
    }
    return value->get<bool>();
}

std::vector<std::string> JsonFieldReader::optionalStringArray(const std::string& field, std::size_t maxItems)
{
    const nlohmann::json* value = lookup(field, false);
    std::vector<std::string> out;
    if (!value)
        return out;
    if (!value->is_array()) {
        addProblem(field, "must be an array of strings");
        return out;
    }
    if (value->size() > maxItems) {
        addProblem(field, "must have at most " + std::to_string(maxItems) + " items");
        return out;
    }
    for (size_t i = 0; i < value->size(); ++i) {
        const auto& item = (*value)[i];
        if (!item.is_string()) {
            addProblem(field + "[" + std::to_string(i) + "]", "must be a string");
            continue;
        }
        if (auto problem = validation::textProblem(item.get_ref<const std::string&>())) {
            addProblem(field + "[" + std::to_string(i) + "]", *problem);
            continue;
        }
        out.push_back(item.get<std::string>());
    }
    return out;
}

std::string JsonFieldReader::requiredTimeText(const std::string& field)
{
    const std::string text = requiredString(field, 1, kMaxTimeLength);
    if (!text.empty() && !parseRfc3339(text))
        addProblem(field, kTimeProblem);
    return text;
}

std::optional<std::string> JsonFieldReader::optionalTimeText(const std::string& field)
{
    const auto text = optionalString(field, kMaxTimeLength);
    if (text && !parseRfc3339(*text))
        addProblem(field, kTimeProblem);
    return text;
}

std::optional<std::int64_t> JsonFieldReader::requiredTime(const std::string& field)
{
    const std::string text = requiredTimeText(field);
    return text.empty() ? std::nullopt : parseRfc3339(text);
}

std::optional<std::int64_t> JsonFieldReader::optionalTime(const std::string& field)
{
    const auto text = optionalTimeText(field);
    return text ? parseRfc3339(*text) : std::nullopt;
}

std::string JsonFieldReader::requiredId(const std::string& field, const std::string& what)
{
    const std::string id = requiredString(field, 1, kMaxIdLength);
    if (!id.empty() && !isUuid(id))
        addProblem(field, "must be " + what);
    return id;
}

std::optional<std::string> JsonFieldReader::optionalId(const std::string& field, const std::string& what)
{
    const auto id = optionalString(field, kMaxIdLength);
    if (id && !isUuid(*id))
        addProblem(field, "must be " + what);
    return id;
}

std::optional<std::string> JsonFieldReader::optionalChoice(const std::string& field,
                                                           std::initializer_list<std::string_view> names)
{
    const auto value = optionalString(field, kMaxChoiceLength);
    if (!value)
        return std::nullopt;
    for (std::string_view name : names) {
        if (*value == name)
            return value;
    }
    std::string listed;
    std::size_t index = 0;
    for (std::string_view name : names) {
        listed += index == 0 ? "" : index + 1 == names.size() ? " or " : ", ";
        listed += name;
        ++index;
    }
    addProblem(field, "must be " + listed);
    return std::nullopt;
}

std::optional<Error> JsonFieldReader::finish()
{
    for (auto it = m_object.begin(); it != m_object.end(); ++it) {
        if (!m_known.count(it.key()))
            addProblem(it.key(), "is not a known field");
    }
    if (m_problems.empty())
        return std::nullopt;
    const auto& first = m_problems.front();
    const std::string message = "field '" + first["field"].get<std::string>() + "' " +
        first["problem"].get<std::string>();
    // A body of a hundred thousand unknown fields must not get a list as long back.
    constexpr std::size_t kProblemsShown = 50;
    if (m_problems.size() > kProblemsShown) {
        const std::size_t hidden = m_problems.size() - kProblemsShown;
        m_problems.erase(m_problems.begin() + kProblemsShown, m_problems.end());
        return Error(ErrorCode::ValidationFailed, message, {{"fields", m_problems}, {"more_problems", hidden}});
    }
    return Error(ErrorCode::ValidationFailed, message, {{"fields", m_problems}});
}

} // namespace sbor::http
