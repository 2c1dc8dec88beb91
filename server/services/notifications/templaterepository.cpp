#include "templaterepository.h"

#include "db/sqlfragments.h"

#include <pqxx/pqxx>

namespace sbor::notifications {
namespace {

std::string columns()
{
    return "name, language, subject, body, short_text, version, coalesce(updated_by::text, ''), " +
        db::rfc3339Sql("updated_at");
}

StoredTemplateTexts storedFrom(const pqxx::row& row)
{
    StoredTemplateTexts stored;
    stored.name = row[0].as<std::string>();
    stored.language = row[1].as<std::string>();
    if (!row[2].is_null())
        stored.texts = TemplateTexts{row[2].as<std::string>(), row[3].as<std::string>(), row[4].as<std::string>()};
    stored.version = row[5].as<std::int64_t>();
    stored.updatedBy = row[6].as<std::string>();
    stored.updatedAt = row[7].as<std::string>();
    return stored;
}

std::vector<StoredTemplateTexts> storedRows(const pqxx::result& rows)
{
    std::vector<StoredTemplateTexts> stored;
    stored.reserve(rows.size());
    for (const auto& row : rows)
        stored.push_back(storedFrom(row));
    return stored;
}

} // namespace

TemplateReplacements TemplateRepository::replacements()
{
    TemplateReplacements replacements;
    for (const auto& row : m_tx.sql().exec("SELECT name, language, subject, body, short_text "
                                           "FROM notifications.template_texts WHERE subject IS NOT NULL"))
        replacements[row[0].as<std::string>()][row[1].as<std::string>()] = {
            row[2].as<std::string>(), row[3].as<std::string>(), row[4].as<std::string>()};
    return replacements;
}

std::vector<StoredTemplateTexts> TemplateRepository::all()
{
    return storedRows(m_tx.sql().exec("SELECT " + columns() + " FROM notifications.template_texts"));
}

std::vector<StoredTemplateTexts> TemplateRepository::ofTemplate(const std::string& name)
{
    return storedRows(
        m_tx.sql().exec_params("SELECT " + columns() + " FROM notifications.template_texts WHERE name = $1", name));
}

std::optional<StoredTemplateTexts> TemplateRepository::findForUpdate(const std::string& name,
                                                                     const std::string& language)
{
    const auto rows = m_tx.sql().exec_params("SELECT " + columns() +
                                                 " FROM notifications.template_texts "
                                                 "WHERE name = $1 AND language = $2 FOR UPDATE",
                                             name, language);
    if (rows.empty())
        return std::nullopt;
    return storedFrom(rows[0]);
}

StoredTemplateTexts TemplateRepository::store(const std::string& name, const std::string& language,
                                              const std::optional<TemplateTexts>& texts, const std::string& userId)
{
    // Two admins saving the first edit at once: the second waits on the key and then counts on.
    const bool replaced = texts.has_value();
    const TemplateTexts written = texts.value_or(TemplateTexts{});
    return storedFrom(m_tx.sql().exec_params1(
        "INSERT INTO notifications.template_texts (name, language, subject, body, short_text, version, updated_by) "
        "VALUES ($1, $2, CASE WHEN $3 THEN $4 END, CASE WHEN $3 THEN $5 END, CASE WHEN $3 THEN $6 END, 1, "
        "NULLIF($7, '')::uuid) "
        "ON CONFLICT (name, language) DO UPDATE SET subject = EXCLUDED.subject, body = EXCLUDED.body, "
        "short_text = EXCLUDED.short_text, version = notifications.template_texts.version + 1, "
        "updated_by = EXCLUDED.updated_by, updated_at = now() "
        "RETURNING " +
            columns(),
        name, language, replaced, written.subject, written.body, written.shortText, userId));
}

} // namespace sbor::notifications
