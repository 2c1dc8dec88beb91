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

} // namespace

std::string languageOf(std::string_view locale) { return locale.substr(0, 2) == "ru" ? "ru" : "en"; }

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
        for (const char* language : {"en", "ru"}) {
            const YAML::Node texts = entry.second[language];
            if (!texts || !texts["subject"] || !texts["body"] || !texts["short"])
                throw std::runtime_error("notification template " + name + " lacks subject, body or short in " +
                                         language);
            templates.m_templates[name][language] = {texts["subject"].as<std::string>(),
                                                     texts["body"].as<std::string>(), texts["short"].as<std::string>()};
        }
    }
    return templates;
}

bool MessageTemplates::has(const std::string& name) const { return m_templates.count(name) > 0; }

RenderedMessage MessageTemplates::render(const std::string& name, const std::string& locale,
                                         const TemplateFields& fields) const
{
    const auto found = m_templates.find(name);
    if (found == m_templates.end())
        throw std::out_of_range("no notification template " + name);
    const RenderedMessage& texts = found->second.at(languageOf(locale));
    return {fill(texts.subject, fields), fill(texts.body, fields), fill(texts.shortText, fields)};
}

} // namespace sbor::notifications
