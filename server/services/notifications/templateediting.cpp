#include "templateediting.h"

#include "notificationrepository.h"

#include "outbox/outbox.h"
#include "sbor/rfc3339.h"
#include "service/contracts.h"

#include <algorithm>

namespace sbor::notifications {
namespace {

constexpr const char* kSchema = "notifications";

struct FieldProblem {
    std::string field;
    std::string problem;
};

Error validationError(const std::vector<FieldProblem>& problems)
{
    nlohmann::json fields = nlohmann::json::array();
    for (const auto& problem : problems)
        fields.push_back({{"field", problem.field}, {"problem", problem.problem}});
    return Error(ErrorCode::ValidationFailed, problems.front().field + " " + problems.front().problem,
                 {{"fields", fields}});
}

bool blank(const std::string& text)
{
    return std::all_of(text.begin(), text.end(),
                       [](unsigned char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; });
}

wire::TemplateText wireText(const TemplateTexts& texts) { return {texts.subject, texts.body, texts.shortText}; }

nlohmann::json textJson(const TemplateTexts& texts) { return wire::toJson(wireText(texts)); }

} // namespace

TemplateEditing::TemplateEditing(db::ConnectionPool& database, std::shared_ptr<ServiceDirectory> directory,
                                 const MessageTemplates& builtIn)
    : m_database(database), m_directory(std::move(directory)), m_builtIn(builtIn)
{}

Result<const TemplateDefinition*> TemplateEditing::definitionOf(const std::string& name,
                                                                const std::string& language) const
{
    const TemplateDefinition* definition = m_builtIn.find(name);
    if (!definition)
        return Error(ErrorCode::NotFound, "there is no notification template " + name);
    const auto& languages = templateLanguages();
    if (!language.empty() && std::find(languages.begin(), languages.end(), language) == languages.end())
        return validationError({{"language", "must be one of en, ru: the languages every template is written in"}});
    return definition;
}

wire::NotificationTemplate TemplateEditing::viewOf(const std::string& name, const TemplateDefinition& definition,
                                                   const std::vector<StoredTemplateTexts>& stored) const
{
    wire::NotificationTemplate view;
    view.name = name;
    for (const auto& placeholder : definition.placeholders())
        view.placeholders.push_back(placeholder);
    for (const std::string& language : templateLanguages()) {
        wire::TemplateLanguage each;
        each.language = language;
        each.builtIn = wireText(definition.texts.at(language));
        each.text = each.builtIn;
        each.sample = definition.sample.at(language);
        for (const auto& row : stored) {
            if (row.name != name || row.language != language)
                continue;
            each.version = row.version;
            each.updatedAt = row.updatedAt;
            if (!row.updatedBy.empty())
                each.updatedBy = row.updatedBy;
            if (row.texts) {
                each.replaced = true;
                each.text = wireText(*row.texts);
            }
        }
        view.languages.push_back(std::move(each));
    }
    return view;
}

std::vector<wire::NotificationTemplate> TemplateEditing::list()
{
    const auto stored = m_database.read([](db::Transaction& tx) { return TemplateRepository(tx).all(); });
    std::vector<wire::NotificationTemplate> views;
    for (const auto& [name, definition] : m_builtIn.all())
        views.push_back(viewOf(name, definition, stored));
    return views;
}

Result<wire::NotificationTemplate> TemplateEditing::read(const std::string& name)
{
    auto definition = definitionOf(name, {});
    if (!definition)
        return definition.error();
    const auto stored = m_database.read([&](db::Transaction& tx) { return TemplateRepository(tx).ofTemplate(name); });
    return viewOf(name, **definition, stored);
}

Result<TemplateTexts> TemplateEditing::draftTexts(const TemplateDefinition& definition, const TemplateTexts& current,
                                                  const TemplateDraft& draft) const
{
    const TemplateTexts texts{draft.subject.value_or(current.subject), draft.body.value_or(current.body),
                              draft.shortText.value_or(current.shortText)};
    const std::set<std::string> placeholders = definition.placeholders();
    std::vector<FieldProblem> problems;
    const std::pair<const char*, const std::string*> parts[] = {
        {"subject", &texts.subject}, {"short", &texts.shortText}, {"body", &texts.body}};
    for (const auto& [field, text] : parts) {
        if (blank(*text))
            problems.push_back({field, "must not be empty"});
        else if (const std::string problem = placeholderProblem(*text, placeholders); !problem.empty())
            problems.push_back({field, problem});
    }
    if (texts.subject.find_first_of("\r\n") != std::string::npos)
        problems.push_back({"subject", "must be one line: it is an email's Subject header"});
    if (!problems.empty())
        return validationError(problems);
    return texts;
}

TemplateTexts TemplateEditing::currentTexts(const std::string& name, const std::string& language,
                                            const TemplateDefinition& definition)
{
    const TemplateReplacements replacements = m_database.read(
        [](db::Transaction& tx) { return TemplateRepository(tx).replacements(); });
    if (const auto replaced = replacements.find(name); replaced != replacements.end())
        if (const auto texts = replaced->second.find(language); texts != replaced->second.end())
            return texts->second;
    return definition.texts.at(language);
}

Result<wire::NotificationTemplate> TemplateEditing::change(const access::Principal& admin, const std::string& name,
                                                           const std::string& language, const TemplateDraft& draft,
                                                           const CallContext& call)
{
    auto definition = definitionOf(name, language);
    if (!definition)
        return definition.error();
    auto texts = draftTexts(**definition, {}, draft);
    if (!texts)
        return texts.error();
    return store(admin, name, language, *texts, draft.version, call);
}

Result<wire::NotificationTemplate> TemplateEditing::reset(const access::Principal& admin, const std::string& name,
                                                          const std::string& language,
                                                          std::optional<std::int64_t> version, const CallContext& call)
{
    auto definition = definitionOf(name, language);
    if (!definition)
        return definition.error();
    return store(admin, name, language, std::nullopt, version, call);
}

Result<wire::NotificationTemplate> TemplateEditing::store(const access::Principal& admin, const std::string& name,
                                                          const std::string& language,
                                                          const std::optional<TemplateTexts>& texts,
                                                          std::optional<std::int64_t> version, const CallContext& call)
{
    if (auto problem = access::stepUpProblem(admin, unixNowSeconds()))
        return *problem;
    const TemplateDefinition& definition = *m_builtIn.find(name);
    return m_database.transact([&](db::Transaction& tx) -> Result<wire::NotificationTemplate> {
        TemplateRepository repository(tx);
        const auto current = repository.findForUpdate(name, language);
        const std::int64_t currentVersion = current ? current->version : 0;
        if (version && *version != currentVersion)
            return Error(ErrorCode::Conflict,
                         "the template was changed by someone else since version " + std::to_string(*version) +
                             "; read it again",
                         {{"field", "version"}, {"current_version", currentVersion}});
        const TemplateTexts& builtInTexts = definition.texts.at(language);
        const TemplateTexts before = current && current->texts ? *current->texts : builtInTexts;
        const TemplateTexts after = texts.value_or(builtInTexts);
        const bool wasReplaced = current && current->texts;
        // Saving the built-in text is a reset: the template follows later releases' wording again.
        const std::optional<TemplateTexts> stored = texts && *texts != builtInTexts ? texts : std::nullopt;
        if (before == after && wasReplaced == stored.has_value())
            return viewOf(name, definition, repository.ofTemplate(name)); // nothing changed, nothing announced
        const StoredTemplateTexts written = repository.store(name, language, stored, admin.userId);
        outbox::append(tx, kSchema,
                       {"platform",
                        "templates",
                        "platform.template_changed",
                        {{"name", name},
                         {"language", language},
                         {"version", written.version},
                         {"replaced", stored.has_value()},
                         {"old", textJson(before)},
                         {"new", textJson(after)},
                         {"changed_by", admin.userId}},
                        call.traceId});
        return viewOf(name, definition, repository.ofTemplate(name));
    });
}

Result<wire::RenderedTemplate> TemplateEditing::preview(const std::string& name, const std::string& language,
                                                        const TemplateDraft& draft)
{
    auto definition = definitionOf(name, language);
    if (!definition)
        return definition.error();
    auto texts = draftTexts(**definition, currentTexts(name, language, **definition), draft);
    if (!texts)
        return texts.error();
    return wire::RenderedTemplate{language, wireText(fillTemplate(*texts, (*definition)->sample.at(language))),
                                  std::nullopt};
}

Result<wire::RenderedTemplate> TemplateEditing::sendTest(const access::Principal& admin, const std::string& name,
                                                         const std::string& language, const TemplateDraft& draft)
{
    auto rendered = preview(name, language, draft);
    if (!rendered)
        return rendered.error();
    const auto users = m_directory->find<UserDirectory>();
    const auto contact = users ? users->contactOf(admin.userId) : std::nullopt;
    if (!contact || contact->email.empty())
        return Error(ErrorCode::UpstreamUnavailable, "the admin's own address could not be found; try again");
    const std::string subject = (language == "ru" ? "[Тест] " : "[Test] ") + rendered->rendered.subject;
    m_database.transact([&](db::Transaction& tx) {
        NotificationRepository(tx).queueEmail(
            {contact->email, "template.test", language, subject, rendered->rendered.body, std::nullopt}, "");
    });
    rendered->rendered.subject = subject;
    rendered->sentTo = contact->email;
    return rendered;
}

} // namespace sbor::notifications
