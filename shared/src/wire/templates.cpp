#include "sbor/wire/templates.h"

namespace sbor::wire {
namespace {

nlohmann::json nullable(const std::optional<std::string>& value)
{
    return value ? nlohmann::json(*value) : nlohmann::json(nullptr);
}

} // namespace

const TemplateLanguage* NotificationTemplate::language(const std::string& code) const
{
    for (const auto& each : languages)
        if (each.language == code)
            return &each;
    return nullptr;
}

nlohmann::json toJson(const TemplateText& text)
{
    return {{"subject", text.subject}, {"short", text.shortText}, {"body", text.body}};
}

nlohmann::json toJson(const TemplateLanguage& language)
{
    nlohmann::json json = toJson(language.text);
    json["language"] = language.language;
    json["built_in"] = toJson(language.builtIn);
    json["replaced"] = language.replaced;
    json["version"] = language.version;
    json["updated_by"] = nullable(language.updatedBy);
    json["updated_at"] = nullable(language.updatedAt);
    json["sample"] = language.sample;
    return json;
}

nlohmann::json toJson(const NotificationTemplate& notificationTemplate)
{
    nlohmann::json languages = nlohmann::json::array();
    for (const auto& language : notificationTemplate.languages)
        languages.push_back(toJson(language));
    return {{"name", notificationTemplate.name},
            {"placeholders", notificationTemplate.placeholders},
            {"languages", languages}};
}

nlohmann::json toJson(const RenderedTemplate& rendered)
{
    nlohmann::json json = toJson(rendered.rendered);
    json["language"] = rendered.language;
    if (rendered.sentTo)
        json["sent_to"] = *rendered.sentTo;
    return json;
}

void fromJson(const FieldReader& reader, TemplateText& text)
{
    text.subject = reader.string("subject");
    text.shortText = reader.string("short");
    text.body = reader.string("body");
}

void fromJson(const FieldReader& reader, TemplateLanguage& language)
{
    fromJson(reader, language.text);
    language.language = reader.string("language");
    language.builtIn = decode<TemplateText>(reader.object("built_in"), reader.pathOf("built_in"));
    language.replaced = reader.boolean("replaced");
    language.version = reader.integer("version");
    language.updatedBy = reader.optionalString("updated_by");
    language.updatedAt = reader.optionalString("updated_at");
    language.sample.clear();
    for (const auto& [field, value] : reader.object("sample").items()) {
        if (!value.is_string())
            throw DecodeError(reader.pathOf("sample") + "." + field + " must be a string");
        language.sample[field] = value.get<std::string>();
    }
}

void fromJson(const FieldReader& reader, NotificationTemplate& notificationTemplate)
{
    notificationTemplate.name = reader.string("name");
    notificationTemplate.placeholders = reader.strings("placeholders");
    notificationTemplate.languages = decodeList<TemplateLanguage>(reader.array("languages"),
                                                                  reader.pathOf("languages"));
}

void fromJson(const FieldReader& reader, RenderedTemplate& rendered)
{
    fromJson(reader, rendered.rendered);
    rendered.language = reader.string("language");
    rendered.sentTo = reader.optionalString("sent_to");
}

} // namespace sbor::wire
