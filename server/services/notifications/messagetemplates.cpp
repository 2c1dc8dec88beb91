#include "messagetemplates.h"

#include <yaml-cpp/yaml.h>

#include <stdexcept>

std::string_view sbor_notification_templates();

namespace sbor::notifications {
namespace {

std::string fill(const std::string& text, const TemplateFields& fields)
{
    std::string out;
    out.reserve(text.size() + 64);
    std::size_t at = 0;
    while (at < text.size()) {
        const std::size_t open = text.find("{{", at);
        if (open == std::string::npos) {
            out.append(text, at);
            break;
        }
        const std::size_t close = text.find("}}", open + 2);
        if (close == std::string::npos) {
            out.append(text, at);
            break;
        }
        out.append(text, at, open - at);
        const auto value = fields.find(text.substr(open + 2, close - open - 2));
        if (value != fields.end())
            out += value->second;
        at = close + 2;
    }
    return out;
}

std::string joined(const std::set<std::string>& names)
{
    std::string out;
    for (const auto& name : names)
        out += (out.empty() ? "" : ", ") + name;
    return out;
}

TemplateFields sampleOf(const YAML::Node& node, const std::string& name, const std::string& language)
{
    if (!node || !node.IsMap())
        throw std::runtime_error("notification template " + name + " lacks its sample in " + language);
    TemplateFields sample;
    for (const auto& field : node)
        sample[field.first.as<std::string>()] = field.second.as<std::string>();
    return sample;
}

} // namespace

const std::vector<std::string>& templateLanguages()
{
    static const std::vector<std::string> languages = {"en", "ru"};
    return languages;
}

std::set<std::string> TemplateDefinition::placeholders() const
{
    std::set<std::string> names;
    if (const auto english = sample.find("en"); english != sample.end())
        for (const auto& [field, value] : english->second)
            names.insert(field);
    return names;
}

std::string languageOf(std::string_view locale) { return locale.substr(0, 2) == "ru" ? "ru" : "en"; }

RenderedMessage fillTemplate(const TemplateTexts& texts, const TemplateFields& fields)
{
    return {fill(texts.subject, fields), fill(texts.body, fields), fill(texts.shortText, fields)};
}

std::string placeholderProblem(std::string_view text, const std::set<std::string>& allowed)
{
    std::size_t at = 0;
    while ((at = text.find("{{", at)) != std::string_view::npos) {
        const std::size_t close = text.find("}}", at + 2);
        if (close == std::string_view::npos)
            return "has a {{ without its closing }}";
        const std::string name(text.substr(at + 2, close - at - 2));
        if (!allowed.count(name))
            return "uses {{" + name + "}}, which this template does not have; it has " + joined(allowed);
        at = close + 2;
    }
    return {};
}

const MessageTemplates& MessageTemplates::builtIn()
{
    static const MessageTemplates templates = parse(std::string(sbor_notification_templates()));
    return templates;
}

MessageTemplates MessageTemplates::parse(const std::string& yamlText)
{
    MessageTemplates templates;
    const YAML::Node root = YAML::Load(yamlText);
    for (const auto& entry : root) {
        const std::string name = entry.first.as<std::string>();
        TemplateDefinition definition;
        for (const std::string& language : templateLanguages()) {
            const YAML::Node texts = entry.second[language];
            if (!texts || !texts["subject"] || !texts["body"] || !texts["short"])
                throw std::runtime_error("notification template " + name + " lacks subject, body or short in " +
                                         language);
            definition.texts[language] = {texts["subject"].as<std::string>(), texts["body"].as<std::string>(),
                                          texts["short"].as<std::string>()};
            definition.sample[language] = sampleOf(entry.second["sample"][language], name, language);
        }
        const std::set<std::string> placeholders = definition.placeholders();
        for (const std::string& language : templateLanguages()) {
            std::set<std::string> named;
            for (const auto& [field, value] : definition.sample[language])
                named.insert(field);
            if (named != placeholders)
                throw std::runtime_error("notification template " + name + ": its samples in en and " + language +
                                         " name different placeholders");
            const TemplateTexts& texts = definition.texts[language];
            for (const std::string* text : {&texts.subject, &texts.body, &texts.shortText})
                if (const std::string problem = placeholderProblem(*text, placeholders); !problem.empty())
                    throw std::runtime_error("notification template " + name + " (" + language + ") " + problem);
        }
        templates.m_templates.emplace(name, std::move(definition));
    }
    return templates;
}

bool MessageTemplates::has(const std::string& name) const { return m_templates.count(name) > 0; }

const TemplateDefinition* MessageTemplates::find(const std::string& name) const
{
    const auto found = m_templates.find(name);
    return found == m_templates.end() ? nullptr : &found->second;
}

RenderedMessage MessageTemplates::render(const std::string& name, const std::string& locale,
                                         const TemplateFields& fields, const TemplateReplacements& replacements) const
{
    const auto found = m_templates.find(name);
    if (found == m_templates.end())
        throw std::out_of_range("no notification template " + name);
    const std::string language = languageOf(locale);
    if (const auto replaced = replacements.find(name); replaced != replacements.end())
        if (const auto texts = replaced->second.find(language); texts != replaced->second.end())
            return fillTemplate(texts->second, fields);
    return fillTemplate(found->second.texts.at(language), fields);
}

} // namespace sbor::notifications
