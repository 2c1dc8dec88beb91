#pragma once
// Admins editing what people read (issue 17): a template's texts per language replace the built-in
// ones from the next message on. A text may use only the template's placeholders (the built-in
// sample names them), every refusal names its field, a stale form is refused (version), a change
// needs a recent password proof and is announced as platform.template_changed with the old and
// new texts (the audit log records it). The preview and the test send render a draft with the
// sample values, so an admin sees a text before anyone receives it.

#include "messagetemplates.h"
#include "templaterepository.h"

#include "sbor/error.h"
#include "sbor/wire/templates.h"

#include "access/access.h"
#include "db/connectionpool.h"
#include "service/callcontext.h"
#include "service/servicedirectory.h"

#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace sbor::notifications {

// Parts an admin wrote; an absent part is the template's current one.
struct TemplateDraft {
    std::optional<std::string> subject;
    std::optional<std::string> body;
    std::optional<std::string> shortText;
    std::optional<std::int64_t> version; // the version the form was read at
};

class TemplateEditing {
public:
    TemplateEditing(db::ConnectionPool& database, std::shared_ptr<ServiceDirectory> directory,
                    const MessageTemplates& builtIn = MessageTemplates::builtIn());

    std::vector<wire::NotificationTemplate> list();
    Result<wire::NotificationTemplate> read(const std::string& name);
    // Replaces the texts of one language; every part must be given.
    Result<wire::NotificationTemplate> change(const access::Principal& admin, const std::string& name,
                                              const std::string& language, const TemplateDraft& draft,
                                              const CallContext& call);
    // Back to the built-in texts of one language.
    Result<wire::NotificationTemplate> reset(const access::Principal& admin, const std::string& name,
                                             const std::string& language, std::optional<std::int64_t> version,
                                             const CallContext& call);
    Result<wire::RenderedTemplate> preview(const std::string& name, const std::string& language,
                                           const TemplateDraft& draft);
    // The preview, emailed to the admin's own address (marked as a test) through the usual queue.
    Result<wire::RenderedTemplate> sendTest(const access::Principal& admin, const std::string& name,
                                            const std::string& language, const TemplateDraft& draft);

private:
    // The template and the language, or the 404/422 that refuses them.
    Result<const TemplateDefinition*> definitionOf(const std::string& name, const std::string& language) const;
    wire::NotificationTemplate viewOf(const std::string& name, const TemplateDefinition& definition,
                                      const std::vector<StoredTemplateTexts>& stored) const;
    // The draft over the current texts, checked; what is wrong names its field.
    Result<TemplateTexts> draftTexts(const TemplateDefinition& definition, const TemplateTexts& current,
                                     const TemplateDraft& draft) const;
    Result<wire::NotificationTemplate> store(const access::Principal& admin, const std::string& name,
                                             const std::string& language, const std::optional<TemplateTexts>& texts,
                                             std::optional<std::int64_t> version, const CallContext& call);
    TemplateTexts currentTexts(const std::string& name, const std::string& language,
                               const TemplateDefinition& definition);

    db::ConnectionPool& m_database;
    std::shared_ptr<ServiceDirectory> m_directory;
    const MessageTemplates& m_builtIn;
};

} // namespace sbor::notifications
