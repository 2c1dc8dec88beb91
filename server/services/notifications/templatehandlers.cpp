#include "templatehandlers.h"

#include "http/jsonbody.h"

#include <cstdlib>

namespace sbor::notifications {

using http::HttpRequest;
using http::HttpResponse;
using http::Reply;

namespace {

// An email subject longer than this is cut by mail clients; a body longer than this is a paste
// gone wrong.
constexpr std::size_t kMaxSubject = 200;
constexpr std::size_t kMaxShort = 500;
constexpr std::size_t kMaxBody = 20000;

// The parts a request sends; `complete` (a PUT) needs all three.
Result<TemplateDraft> readDraft(const HttpRequest& request, bool complete)
{
    TemplateDraft draft;
    if (!complete && request.body.empty())
        return draft;
    auto body = http::parseJsonBody(request);
    if (!body)
        return body.error();
    http::JsonFieldReader reader(*body);
    if (complete) {
        draft.subject = reader.requiredString("subject", 1, kMaxSubject);
        draft.shortText = reader.requiredString("short", 1, kMaxShort);
        draft.body = reader.requiredString("body", 1, kMaxBody);
        draft.version = reader.optionalInteger("version", 0);
    } else {
        draft.subject = reader.optionalString("subject", kMaxSubject);
        draft.shortText = reader.optionalString("short", kMaxShort);
        draft.body = reader.optionalString("body", kMaxBody);
    }
    // A console may send back what it read.
    for (const char* stamp : {"language", "built_in", "replaced", "updated_by", "updated_at", "sample"})
        reader.acceptField(stamp);
    if (!complete)
        reader.acceptField("version");
    if (auto problem = reader.finish())
        return *problem;
    return draft;
}

} // namespace

void TemplateHandlers::registerRoutes(http::Router& router, const std::string& service)
{
    using access::Access;
    const Access admin = Access::require(access::Permission::PlatformConfigure);
    router.add("GET", "/api/v1/admin/templates", service, admin, [this](HttpRequest& r) { return listTemplates(r); });
    router.add("GET", "/api/v1/admin/templates/{name}", service, admin,
               [this](HttpRequest& r) { return readTemplate(r); });
    router.add("PUT", "/api/v1/admin/templates/{name}/{language}", service, admin,
               [this](HttpRequest& r) { return changeTemplate(r); });
    router.add("DELETE", "/api/v1/admin/templates/{name}/{language}", service, admin,
               [this](HttpRequest& r) { return resetTemplate(r); });
    router.add("POST", "/api/v1/admin/templates/{name}/{language}/preview", service, admin,
               [this](HttpRequest& r) { return previewTemplate(r); });
    router.add("POST", "/api/v1/admin/templates/{name}/{language}/test", service, admin,
               [this](HttpRequest& r) { return sendTestTemplate(r); });
}

Reply TemplateHandlers::listTemplates(HttpRequest&)
{
    nlohmann::json items = nlohmann::json::array();
    for (const auto& each : m_editing.list())
        items.push_back(wire::toJson(each));
    return HttpResponse::json(200, {{"items", items}});
}

Reply TemplateHandlers::readTemplate(HttpRequest& request)
{
    auto found = m_editing.read(request.pathParameter("name"));
    if (!found)
        return found.error();
    return HttpResponse::json(200, wire::toJson(*found));
}

Reply TemplateHandlers::changeTemplate(HttpRequest& request)
{
    auto draft = readDraft(request, true);
    if (!draft)
        return draft.error();
    auto changed = m_editing.change(*request.principal, request.pathParameter("name"),
                                    request.pathParameter("language"), *draft, http::callContextOf(request));
    if (!changed)
        return changed.error();
    return HttpResponse::json(200, wire::toJson(*changed));
}

Reply TemplateHandlers::resetTemplate(HttpRequest& request)
{
    std::optional<std::int64_t> version;
    if (const std::string text = request.queryValue("version"); !text.empty()) {
        char* end = nullptr;
        const long long parsed = std::strtoll(text.c_str(), &end, 10);
        if (*end != '\0' || parsed < 0 || text.size() > 18)
            return Error(ErrorCode::ValidationFailed, "version must be a whole number",
                         {{"fields", {{{"field", "version"}, {"problem", "must be a whole number from 0"}}}}});
        version = parsed;
    }
    auto reset = m_editing.reset(*request.principal, request.pathParameter("name"), request.pathParameter("language"),
                                 version, http::callContextOf(request));
    if (!reset)
        return reset.error();
    return HttpResponse::json(200, wire::toJson(*reset));
}

Reply TemplateHandlers::previewTemplate(HttpRequest& request)
{
    auto draft = readDraft(request, false);
    if (!draft)
        return draft.error();
    auto rendered = m_editing.preview(request.pathParameter("name"), request.pathParameter("language"), *draft);
    if (!rendered)
        return rendered.error();
    return HttpResponse::json(200, wire::toJson(*rendered));
}

Reply TemplateHandlers::sendTestTemplate(HttpRequest& request)
{
    auto draft = readDraft(request, false);
    if (!draft)
        return draft.error();
    auto sent = m_editing.sendTest(*request.principal, request.pathParameter("name"), request.pathParameter("language"),
                                   *draft);
    if (!sent)
        return sent.error();
    return HttpResponse::json(202, wire::toJson(*sent));
}

} // namespace sbor::notifications
