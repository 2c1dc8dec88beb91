#pragma once
// The notification texts: per template and language a subject, an email body and a short in-app
// text with {{placeholders}}. The built-in ones (templates.yml, built into the binary) say which
// placeholders each template has and a sample value of each; admins may replace the texts of a
// language (TemplateEditing), and what they stored is rendered instead.

#include <map>
#include <set>
#include <string>
#include <string_view>
#include <vector>

namespace sbor::notifications {

// Texts before or after the placeholders are filled: the same three parts.
struct RenderedMessage {
    std::string subject;
    std::string body;
    std::string shortText;

    bool operator==(const RenderedMessage&) const = default;
};
using TemplateTexts = RenderedMessage;

using TemplateFields = std::map<std::string, std::string>;

// The languages every template is written in.
const std::vector<std::string>& templateLanguages();

struct TemplateDefinition {
    std::map<std::string, TemplateTexts> texts;   // language -> texts
    std::map<std::string, TemplateFields> sample; // language -> a value for every placeholder
    // The placeholders the template may use: the sample's names.
    std::set<std::string> placeholders() const;
};

// Texts an admin stored, by template name and language.
using TemplateReplacements = std::map<std::string, std::map<std::string, TemplateTexts>>;

class MessageTemplates {
public:
    // Parses the built-in templates; throws when they are broken (a build that ships them is wrong).
    static const MessageTemplates& builtIn();
    // Throws for a template missing a language, a text or a sample, or using a placeholder it lacks.
    static MessageTemplates parse(const std::string& yamlText);

    // `locale` "ru", "ru-RU", "en-GB" …; anything but Russian reads English. The texts come from
    // `replacements` where it has the template's language. Throws for an unknown name.
    RenderedMessage render(const std::string& name, const std::string& locale, const TemplateFields& fields,
                           const TemplateReplacements& replacements = {}) const;
    bool has(const std::string& name) const;
    const TemplateDefinition* find(const std::string& name) const;
    const std::map<std::string, TemplateDefinition>& all() const { return m_templates; }

private:
    std::map<std::string, TemplateDefinition> m_templates;
};

// "ru" for Russian locales, else "en".
std::string languageOf(std::string_view locale);

// `texts` with every {{name}} replaced by its field; a placeholder without a field becomes empty.
RenderedMessage fillTemplate(const TemplateTexts& texts, const TemplateFields& fields);

// What is wrong with the placeholders of one text: an unclosed "{{", or a name not in `allowed`.
// Empty when nothing is.
std::string placeholderProblem(std::string_view text, const std::set<std::string>& allowed);

} // namespace sbor::notifications
