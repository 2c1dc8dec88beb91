#include "eventhandlers.h"

#include "event.h"

#include "http/jsonbody.h"
#include "paging/cursor.h"
#include "sbor/rfc3339.h"
#include "sbor/uuid.h"

namespace sbor::events {

using http::HttpRequest;
using http::HttpResponse;
using http::Reply;

namespace {

// Byte limits (UTF-8): generous enough for the same length in Cyrillic.
constexpr std::size_t kMaxTitle = 600;
constexpr std::size_t kMaxVenue = 900;
constexpr std::size_t kMaxDescription = 60000;
constexpr std::size_t kMaxUrl = 2000;
constexpr std::size_t kMaxScheduleItems = 200;

void checkNotBlank(http::JsonFieldReader& reader, const std::string& field, const std::optional<std::string>& value)
{
    if (value && value->find_first_not_of(" \t\r\n") == std::string::npos)
        reader.addProblem(field, "must not be empty");
}

void checkUrl(http::JsonFieldReader& reader, const std::string& field, const std::optional<std::string>& value)
{
    if (value && !value->empty() && value->rfind("https://", 0) != 0 && value->rfind("http://", 0) != 0)
        reader.addProblem(field, "must be an http:// or https:// URL");
    if (value && value->find_first_of(" \t\r\n\"<>") != std::string::npos)
        reader.addProblem(field, "must not contain spaces, quotes or angle brackets");
}

// Times are stored as given instants; the API always answers in UTC.
void checkOrder(http::JsonFieldReader& reader, const std::optional<std::string>& startsAt,
                const std::optional<std::string>& endsAt)
{
    if (startsAt && endsAt && parseRfc3339(*startsAt) && parseRfc3339(*endsAt) &&
        *parseRfc3339(*endsAt) <= *parseRfc3339(*startsAt))
        reader.addProblem("ends_at", "must be after starts_at");
}

HttpResponse withEntityTag(HttpResponse response, const Event& event)
{
    response.headers.set("ETag", "\"" + std::to_string(event.version) + "\"");
    return response;
}

// If-Match: "3", W/"3" or 3.
std::optional<int> versionFromIfMatch(const std::string& header)
{
    std::string text = header;
    if (text.rfind("W/", 0) == 0)
        text = text.substr(2);
    if (text.size() >= 2 && text.front() == '"' && text.back() == '"')
        text = text.substr(1, text.size() - 2);
    if (text.empty() || text.size() > 9 || text.find_first_not_of("0123456789") != std::string::npos)
        return std::nullopt;
    return std::stoi(text);
}

const access::Principal& caller(const HttpRequest& request) { return *request.principal; }

} // namespace

void EventHandlers::registerRoutes(http::Router& router, const std::string& service)
{
    using access::Access;
    using access::Permission;
    const auto bind = [this](Reply (EventHandlers::*method)(HttpRequest&)) {
        return [this, method](HttpRequest& request) { return (this->*method)(request); };
    };
    // Creating needs the organizer role; changing one event needs rights on it (its organizer, a
    // co-organizer, an admin), which EventPlanning decides, so signing in is enough here.
    router.add("POST", "/api/v1/events", service, Access::require(Permission::EventsWrite),
               bind(&EventHandlers::createEvent));
    router.add("GET", "/api/v1/events", service, Access::optional(), bind(&EventHandlers::listEvents));
    router.add("GET", "/api/v1/events/{id}", service, Access::optional(), bind(&EventHandlers::readEvent));
    router.add("PATCH", "/api/v1/events/{id}", service, Access::signedIn(), bind(&EventHandlers::updateEvent));
    router.add("POST", "/api/v1/events/{id}/publish", service, Access::signedIn(), bind(&EventHandlers::publishEvent));
    router.add("POST", "/api/v1/events/{id}/cancel", service, Access::signedIn(), bind(&EventHandlers::cancelEvent));
    router.add("GET", "/api/v1/events/{id}/schedule", service, Access::optional(), bind(&EventHandlers::readSchedule));
    router.add("PUT", "/api/v1/events/{id}/schedule", service, Access::signedIn(),
               bind(&EventHandlers::replaceSchedule));
    router.add("GET", "/api/v1/categories", service, Access::anyone(), bind(&EventHandlers::listCategories));
    router.add("POST", "/api/v1/categories", service, Access::require(Permission::EventsWriteAny),
               bind(&EventHandlers::createCategory));
    router.add("PATCH", "/api/v1/categories/{id}", service, Access::require(Permission::EventsWriteAny),
               bind(&EventHandlers::renameCategory));
    router.add("DELETE", "/api/v1/categories/{id}", service, Access::require(Permission::EventsWriteAny),
               bind(&EventHandlers::deleteCategory));
}

Reply EventHandlers::createEvent(HttpRequest& request)
{
    auto body = http::parseJsonBody(request);
    if (!body)
        return body.error();
    http::JsonFieldReader reader(*body);
    EventDraft draft;
    draft.title = reader.requiredString("title", 1, kMaxTitle);
    draft.description = reader.optionalString("description", kMaxDescription).value_or("");
    draft.venue = reader.requiredString("venue", 1, kMaxVenue);
    draft.startsAt = reader.requiredTimeText("starts_at");
    draft.endsAt = reader.requiredTimeText("ends_at");
    draft.timezone = reader.requiredString("timezone", 1, 64);
    draft.categoryId = reader.requiredInteger("category_id", 1);
    draft.coverUrl = reader.optionalString("cover_url", kMaxUrl);
    checkNotBlank(reader, "title", body->contains("title") ? std::optional(draft.title) : std::nullopt);
    checkNotBlank(reader, "venue", body->contains("venue") ? std::optional(draft.venue) : std::nullopt);
    const auto startsAt = body->contains("starts_at") && (*body)["starts_at"].is_string()
        ? std::optional(draft.startsAt)
        : std::nullopt;
    const auto endsAt = body->contains("ends_at") && (*body)["ends_at"].is_string() ? std::optional(draft.endsAt)
                                                                                    : std::nullopt;
    checkOrder(reader, startsAt, endsAt);
    checkUrl(reader, "cover_url", draft.coverUrl);
    if (auto problem = reader.finish())
        return *problem;
    auto created = m_planning.create(caller(request), draft, http::callContextOf(request));
    if (!created)
        return created.error();
    HttpResponse response = withEntityTag(HttpResponse::json(201, wire::toJson(*created)), *created);
    response.headers.set("Location", "/api/v1/events/" + created->id);
    return response;
}

Reply EventHandlers::listEvents(HttpRequest& request)
{
    EventQuery query;
    if (const std::string mine = request.queryValue("mine"); !mine.empty()) {
        if (mine != "true" && mine != "false")
            return invalidQueryParameter("mine", "must be true or false");
        if (mine == "true") {
            if (!request.principal)
                return Error(ErrorCode::Unauthorized, "mine=true needs 'Authorization: Bearer <token>'");
            query.ownedBy = request.principal->userId;
        }
    }
    if (const std::string status = request.queryValue("status"); !status.empty()) {
        if (!query.ownedBy)
            return invalidQueryParameter(
                "status", "filters your own events: use it with mine=true (the public list shows published events)");
        if (status != "draft" && status != "published" && status != "cancelled" && status != "completed")
            return invalidQueryParameter("status", "must be draft, published, cancelled or completed");
        query.status = status;
    }
    if (const std::string category = request.queryValue("category"); !category.empty()) {
        if (category.size() > 18 || category.find_first_not_of("0123456789") != std::string::npos)
            return invalidQueryParameter("category", "must be a category id");
        query.categoryId = std::stoll(category);
    }
    for (const auto& [name, target] : {std::pair{"from", &query.from}, std::pair{"to", &query.to}}) {
        const std::string value = request.queryValue(name);
        if (value.empty())
            continue;
        if (!parseRfc3339(value))
            return invalidQueryParameter(name, http::kTimeProblem);
        *target = value;
    }
    query.text = request.queryValue("q");
    if (query.text.size() > 200)
        return invalidQueryParameter("q", "must be at most 200 characters long");
    if (const std::string organizer = request.queryValue("organizer"); !organizer.empty()) {
        if (!isUuid(organizer))
            return invalidQueryParameter("organizer", "must be a user id");
        query.organizerId = organizer;
    }
    const std::string sort = request.queryValue("sort", "starts_at");
    if (sort == "starts_at")
        query.sort = EventSort::StartsAscending;
    else if (sort == "-starts_at")
        query.sort = EventSort::StartsDescending;
    else if (sort == "created_at")
        query.sort = EventSort::CreatedAscending;
    else if (sort == "-created_at")
        query.sort = EventSort::CreatedDescending;
    else
        return invalidQueryParameter("sort", "must be starts_at, -starts_at, created_at or -created_at");
    const auto limit = paging::parsePageLimit(request.queryValue("limit"), 20, 100);
    if (!limit)
        return invalidQueryParameter("limit", "must be an integer from 1 to 100");
    query.limit = *limit;
    if (const std::string cursor = request.queryValue("cursor"); !cursor.empty()) {
        const auto position = paging::decodeCursor(cursor);
        if (!position || !position->contains("v") || !position->contains("i") || !(*position)["v"].is_string() ||
            !(*position)["i"].is_string() || !parseRfc3339((*position)["v"].get<std::string>()) ||
            !isUuid((*position)["i"].get<std::string>()))
            return invalidQueryParameter("cursor", "is not one this API returned");
        query.after = std::make_pair((*position)["v"].get<std::string>(), (*position)["i"].get<std::string>());
    }
    auto page = m_planning.list(query);
    if (!page)
        return page.error();
    nlohmann::json items = nlohmann::json::array();
    for (const auto& event : page->items)
        items.push_back(wire::toJson(event));
    return HttpResponse::json(
        200, {{"items", items}, {"next_cursor", page->nextCursor ? nlohmann::json(*page->nextCursor) : nullptr}});
}

Reply EventHandlers::readEvent(HttpRequest& request)
{
    auto event = m_planning.read(request.principal, request.pathParameter("id"));
    if (!event)
        return event.error();
    return withEntityTag(HttpResponse::json(200, wire::toJson(*event)), *event);
}

Reply EventHandlers::updateEvent(HttpRequest& request)
{
    if (auto refused = m_planning.refusalToChange(caller(request), request.pathParameter("id")))
        return *refused;
    auto body = http::parseJsonBody(request);
    if (!body)
        return body.error();
    http::JsonFieldReader reader(*body);
    EventChanges changes;
    changes.title = reader.optionalString("title", kMaxTitle);
    changes.description = reader.optionalString("description", kMaxDescription);
    changes.venue = reader.optionalString("venue", kMaxVenue);
    changes.startsAt = reader.optionalTimeText("starts_at");
    changes.endsAt = reader.optionalTimeText("ends_at");
    changes.timezone = reader.optionalString("timezone", 64);
    changes.categoryId = reader.optionalInteger("category_id", 1);
    changes.coverUrl = reader.optionalString("cover_url", kMaxUrl);
    const auto bodyVersion = reader.optionalInteger("version", 1, 1000000000);
    checkNotBlank(reader, "title", changes.title);
    checkNotBlank(reader, "venue", changes.venue);
    checkNotBlank(reader, "timezone", changes.timezone);
    checkOrder(reader, changes.startsAt, changes.endsAt);
    checkUrl(reader, "cover_url", changes.coverUrl);
    if (changes.empty())
        reader.addProblem("body", "names nothing to change");
    std::optional<int> headerVersion;
    if (const std::string* ifMatch = request.headers.find("if-match")) {
        headerVersion = versionFromIfMatch(*ifMatch);
        if (!headerVersion)
            reader.addProblem("If-Match", "must be the ETag of GET /api/v1/events/{id}, e.g. \"3\"");
    }
    if (headerVersion && bodyVersion && *headerVersion != *bodyVersion)
        reader.addProblem("version", "differs from If-Match");
    if (auto problem = reader.finish())
        return *problem;
    changes.expectedVersion = headerVersion ? headerVersion
        : bodyVersion                       ? std::optional<int>(static_cast<int>(*bodyVersion))
                                            : std::nullopt;
    auto updated = m_planning.update(caller(request), request.pathParameter("id"), changes,
                                     http::callContextOf(request));
    if (!updated)
        return updated.error();
    return withEntityTag(HttpResponse::json(200, wire::toJson(*updated)), *updated);
}

Reply EventHandlers::publishEvent(HttpRequest& request)
{
    auto published = m_planning.publish(caller(request), request.pathParameter("id"), http::callContextOf(request));
    if (!published)
        return published.error();
    return withEntityTag(HttpResponse::json(200, wire::toJson(*published)), *published);
}

Reply EventHandlers::cancelEvent(HttpRequest& request)
{
    if (auto refused = m_planning.refusalToChange(caller(request), request.pathParameter("id")))
        return *refused;
    auto body = http::parseJsonBody(request);
    if (!body)
        return body.error();
    http::JsonFieldReader reader(*body);
    const std::string reason = reader.requiredString("reason", 1, 2000);
    checkNotBlank(reader, "reason", body->contains("reason") ? std::optional(reason) : std::nullopt);
    if (auto problem = reader.finish())
        return *problem;
    auto cancelled = m_planning.cancel(caller(request), request.pathParameter("id"), reason,
                                       http::callContextOf(request));
    if (!cancelled)
        return cancelled.error();
    return withEntityTag(HttpResponse::json(200, wire::toJson(*cancelled)), *cancelled);
}

Reply EventHandlers::readSchedule(HttpRequest& request)
{
    auto items = m_planning.schedule(request.principal, request.pathParameter("id"));
    if (!items)
        return items.error();
    nlohmann::json list = nlohmann::json::array();
    for (const auto& item : *items)
        list.push_back(wire::toJson(item));
    return HttpResponse::json(200, {{"items", list}});
}

Reply EventHandlers::replaceSchedule(HttpRequest& request)
{
    if (auto refused = m_planning.refusalToChange(caller(request), request.pathParameter("id")))
        return *refused;
    auto body = http::parseJsonBody(request);
    if (!body)
        return body.error();
    http::JsonFieldReader reader(*body);
    std::vector<ScheduleItem> items;
    const auto found = body->find("items");
    if (found == body->end() || !found->is_array()) {
        reader.addProblem("items", found == body->end() ? "is required" : "must be a list");
    } else if (found->size() > kMaxScheduleItems) {
        reader.addProblem("items", "must have at most 200 entries");
    } else {
        for (std::size_t i = 0; i < found->size(); ++i) {
            const std::string path = "items[" + std::to_string(i) + "]";
            if (!(*found)[i].is_object()) {
                reader.addProblem(path, "must be an object");
                continue;
            }
            http::JsonFieldReader item((*found)[i], path);
            ScheduleItem entry;
            entry.startsAt = item.requiredTimeText("starts_at");
            entry.endsAt = item.requiredTimeText("ends_at");
            entry.title = item.requiredString("title", 1, kMaxTitle);
            entry.speaker = item.optionalString("speaker", kMaxTitle);
            entry.room = item.optionalString("room", kMaxTitle);
            const bool times = (*found)[i].contains("starts_at") && (*found)[i]["starts_at"].is_string() &&
                (*found)[i].contains("ends_at") && (*found)[i]["ends_at"].is_string();
            if (times)
                checkOrder(item, entry.startsAt, entry.endsAt);
            if (auto problem = item.finish()) {
                for (const auto& detail : problem->details["fields"])
                    reader.addProblem(detail["field"].get<std::string>(), detail["problem"].get<std::string>());
            }
            items.push_back(std::move(entry));
        }
    }
    reader.acceptField("items"); // read above, element by element
    if (auto problem = reader.finish())
        return *problem;
    auto stored = m_planning.replaceSchedule(caller(request), request.pathParameter("id"), items);
    if (!stored)
        return stored.error();
    nlohmann::json list = nlohmann::json::array();
    for (const auto& item : *stored)
        list.push_back(wire::toJson(item));
    return HttpResponse::json(200, {{"items", list}});
}

Reply EventHandlers::listCategories(HttpRequest&)
{
    nlohmann::json items = nlohmann::json::array();
    for (const auto& category : m_planning.categories())
        items.push_back(wire::toJson(category));
    return HttpResponse::json(200, {{"items", items}, {"next_cursor", nullptr}});
}

Reply EventHandlers::createCategory(HttpRequest& request)
{
    auto body = http::parseJsonBody(request);
    if (!body)
        return body.error();
    http::JsonFieldReader reader(*body);
    const std::string slug = reader.requiredString("slug", 1, 64);
    const std::string name = reader.requiredString("name", 1, 200);
    if (slug.find_first_not_of("abcdefghijklmnopqrstuvwxyz0123456789-") != std::string::npos)
        reader.addProblem("slug", "must be lower-case letters, digits and dashes");
    checkNotBlank(reader, "name", body->contains("name") ? std::optional(name) : std::nullopt);
    if (auto problem = reader.finish())
        return *problem;
    auto created = m_planning.createCategory(slug, name);
    if (!created)
        return created.error();
    return HttpResponse::json(201, wire::toJson(*created));
}

namespace {
std::optional<std::int64_t> categoryIdFrom(const HttpRequest& request)
{
    const std::string text = request.pathParameter("id");
    if (text.empty() || text.size() > 18 || text.find_first_not_of("0123456789") != std::string::npos)
        return std::nullopt;
    return std::stoll(text);
}
} // namespace

Reply EventHandlers::renameCategory(HttpRequest& request)
{
    const auto id = categoryIdFrom(request);
    if (!id)
        return Error(ErrorCode::NotFound, "no such category");
    auto body = http::parseJsonBody(request);
    if (!body)
        return body.error();
    http::JsonFieldReader reader(*body);
    const std::string name = reader.requiredString("name", 1, 200);
    checkNotBlank(reader, "name", body->contains("name") ? std::optional(name) : std::nullopt);
    if (auto problem = reader.finish())
        return *problem;
    auto renamed = m_planning.renameCategory(*id, name);
    if (!renamed)
        return renamed.error();
    return HttpResponse::json(200, wire::toJson(*renamed));
}

Reply EventHandlers::deleteCategory(HttpRequest& request)
{
    const auto id = categoryIdFrom(request);
    if (!id)
        return Error(ErrorCode::NotFound, "no such category");
    auto deleted = m_planning.deleteCategory(*id);
    if (!deleted)
        return deleted.error();
    return HttpResponse::noContent();
}

} // namespace sbor::events
