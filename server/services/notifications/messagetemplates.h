#pragma once
// The notification texts (templates.yml, built into the binary): per template and language a
// subject, an email body and a short in-app text with {{placeholders}}.

#include <map>
#include <string>
#include <string_view>

namespace sbor::notifications {

struct RenderedMessage {
    std::string subject;
    std::string body;
    std::string shortText;
};

using TemplateFields = std::map<std::string, std::string>;

class MessageTemplates {
public:
    // Parses the built-in templates; throws when they are broken (a build that ships them is wrong).
    static const MessageTemplates& builtIn();
    static MessageTemplates parse(const std::string& yamlText);

    // `locale` "ru", "ru-RU", "en-GB" …; anything but Russian reads English. Throws for an unknown name.
    RenderedMessage render(const std::string& name, const std::string& locale, const TemplateFields& fields) const;
    bool has(const std::string& name) const;

private:
    // name -> language -> texts with placeholders
    std::map<std::string, std::map<std::string, RenderedMessage>> m_templates;
};

// "ru" for Russian locales, else "en".
std::string languageOf(std::string_view locale);

} // namespace sbor::notifications
