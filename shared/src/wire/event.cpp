#include "sbor/wire/event.h"

#include "sbor/jsonvalue.h"

namespace sbor::wire {

nlohmann::json toJson(const Event& event)
{
    return {{"id", event.id},
            {"organizer_id", event.organizerId},
            {"title", event.title},
            {"description", event.description},
            {"venue", event.venue},
            {"starts_at", event.startsAt},
            {"ends_at", event.endsAt},
            {"timezone", event.timezone},
            {"category_id", event.categoryId},
            {"cover_url", jsonOrNull(event.coverUrl)},
            {"status", statusText(event.status)},
            {"cancel_reason", jsonOrNull(event.cancelReason)},
            {"version", event.version},
            {"created_at", event.createdAt},
            {"updated_at", event.updatedAt},
            {"published_at", jsonOrNull(event.publishedAt)}};
}

void fromJson(const FieldReader& reader, Event& event)
{
    event.id = reader.string("id");
    event.organizerId = reader.string("organizer_id");
    event.title = reader.string("title");
    event.description = reader.optionalString("description").value_or("");
    event.venue = reader.optionalString("venue").value_or("");
    event.startsAt = reader.string("starts_at");
    event.endsAt = reader.string("ends_at");
    event.timezone = reader.optionalString("timezone").value_or("UTC");
    event.categoryId = reader.optionalInteger("category_id").value_or(0);
    event.coverUrl = reader.optionalString("cover_url");
    event.status = reader.status<EventStatus>("status");
    event.cancelReason = reader.optionalString("cancel_reason");
    event.version = static_cast<int>(reader.integer("version"));
    event.createdAt = reader.string("created_at");
    event.updatedAt = reader.string("updated_at");
    event.publishedAt = reader.optionalString("published_at");
}

nlohmann::json toJson(const EventDraft& draft)
{
    nlohmann::json json = {{"title", draft.title},           {"description", draft.description},
                           {"venue", draft.venue},           {"starts_at", draft.startsAt},
                           {"ends_at", draft.endsAt},        {"timezone", draft.timezone},
                           {"category_id", draft.categoryId}};
    if (draft.coverUrl)
        json["cover_url"] = *draft.coverUrl;
    return json;
}

nlohmann::json toJson(const EventChanges& changes)
{
    nlohmann::json json = nlohmann::json::object();
    putPresent(json, "title", changes.title);
    putPresent(json, "description", changes.description);
    putPresent(json, "venue", changes.venue);
    putPresent(json, "starts_at", changes.startsAt);
    putPresent(json, "ends_at", changes.endsAt);
    putPresent(json, "timezone", changes.timezone);
    putPresent(json, "category_id", changes.categoryId);
    putPresent(json, "cover_url", changes.coverUrl);
    putPresent(json, "version", changes.expectedVersion);
    return json;
}

nlohmann::json toJson(const ScheduleItem& item)
{
    return {{"starts_at", item.startsAt},
            {"ends_at", item.endsAt},
            {"title", item.title},
            {"speaker", jsonOrNull(item.speaker)},
            {"room", jsonOrNull(item.room)}};
}

void fromJson(const FieldReader& reader, ScheduleItem& item)
{
    item.startsAt = reader.string("starts_at");
    item.endsAt = reader.string("ends_at");
    item.title = reader.string("title");
    item.speaker = reader.optionalString("speaker");
    item.room = reader.optionalString("room");
}

nlohmann::json toJson(const Category& category)
{
    return {{"id", category.id}, {"slug", category.slug}, {"name", category.name}};
}

void fromJson(const FieldReader& reader, Category& category)
{
    category.id = reader.integer("id");
    category.slug = reader.string("slug");
    category.name = reader.string("name");
}

nlohmann::json toJson(const TeamMember& member)
{
    return {{"user_id", member.userId}, {"email", member.email},      {"name", member.name},
            {"role", member.role},      {"added_by", member.addedBy}, {"added_at", member.addedAt}};
}

void fromJson(const FieldReader& reader, TeamMember& member)
{
    member.userId = reader.string("user_id");
    member.email = reader.string("email");
    member.name = reader.optionalString("name").value_or("");
    member.role = reader.status<TeamRole>("role");
    member.addedBy = reader.string("added_by");
    member.addedAt = reader.string("added_at");
}

nlohmann::json toJson(const TeamInvitation& invitation)
{
    return {{"email", invitation.email}, {"role", invitation.role}};
}

nlohmann::json toJson(const EventCopyRequest& request)
{
    nlohmann::json json = nlohmann::json::object();
    putPresent(json, "title", request.title);
    putPresent(json, "starts_at", request.startsAt);
    putPresent(json, "ends_at", request.endsAt);
    return json;
}

} // namespace sbor::wire
