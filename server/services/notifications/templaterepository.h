#pragma once
// SQL of the admins' template texts (notifications.template_texts).

#include "messagetemplates.h"

#include "db/transaction.h"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace sbor::notifications {

// One template language as stored: replaced texts, or none (the built-in ones) after a reset.
struct StoredTemplateTexts {
    std::string name;
    std::string language;
    std::optional<TemplateTexts> texts;
    std::int64_t version = 0;
    std::string updatedBy; // "" when unknown
    std::string updatedAt; // RFC 3339
};

class TemplateRepository {
public:
    explicit TemplateRepository(db::Transaction& tx) : m_tx(tx) {}

    // What the intake renders instead of the built-in texts.
    TemplateReplacements replacements();
    std::vector<StoredTemplateTexts> all();
    std::vector<StoredTemplateTexts> ofTemplate(const std::string& name);
    // Locks the row, if there is one, until the transaction ends.
    std::optional<StoredTemplateTexts> findForUpdate(const std::string& name, const std::string& language);
    // Writes `texts` (none: back to the built-in ones) as the next version.
    StoredTemplateTexts store(const std::string& name, const std::string& language,
                              const std::optional<TemplateTexts>& texts, const std::string& userId);

private:
    db::Transaction& m_tx;
};

} // namespace sbor::notifications
