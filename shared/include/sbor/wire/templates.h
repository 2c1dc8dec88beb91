#pragma once
// The admin API's notification templates (GET/PUT /api/v1/admin/templates…) and their one JSON
// codec, shared by the server and the console.

#include "sbor/wire/decoding.h"

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace sbor::wire {

// A subject (also the in-app title), an email body and a short in-app text, with {{placeholders}}
// or filled.
struct TemplateText {
    std::string subject;
    std::string body;
    std::string shortText; // "short" on the wire

    bool operator==(const TemplateText&) const = default;
};

// One language of a template: what is sent now, what ships with Sbor, and the sample values the
// preview fills in.
struct TemplateLanguage {
    std::string language; // en | ru
    TemplateText text;
    TemplateText builtIn;
    bool replaced = false;                // an admin's text is sent, not the built-in one
    std::int64_t version = 0;             // counts the changes; 0 until the first; PUT may send it
    std::optional<std::string> updatedBy; // null until a person changed it
    std::optional<std::string> updatedAt;
    std::map<std::string, std::string> sample;
};

struct NotificationTemplate {
    std::string name; // "ticket.purchased", "order.updated.refunded" …
    std::vector<std::string> placeholders;
    std::vector<TemplateLanguage> languages;

    const TemplateLanguage* language(const std::string& code) const;
};

// POST …/{language}/preview and …/test: a template's text rendered with its sample values.
struct RenderedTemplate {
    std::string language;
    TemplateText rendered;
    std::optional<std::string> sentTo; // the test send's address
};

nlohmann::json toJson(const TemplateText& text);
nlohmann::json toJson(const TemplateLanguage& language);
nlohmann::json toJson(const NotificationTemplate& notificationTemplate);
nlohmann::json toJson(const RenderedTemplate& rendered);
void fromJson(const FieldReader& reader, TemplateText& text);
void fromJson(const FieldReader& reader, TemplateLanguage& language);
void fromJson(const FieldReader& reader, NotificationTemplate& notificationTemplate);
void fromJson(const FieldReader& reader, RenderedTemplate& rendered);

} // namespace sbor::wire
