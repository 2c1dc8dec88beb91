#include "eventjson.h"

#include "sbor/jsonvalue.h"

namespace sbor::events {

nlohmann::json eventJson(const Event& event)
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
            {"status", event.status},
            {"cancel_reason", jsonOrNull(event.cancelReason)},
            {"version", event.version},
            {"created_at", event.createdAt},
            {"updated_at", event.updatedAt},
            {"published_at", jsonOrNull(event.publishedAt)}};
}

nlohmann::json scheduleItemJson(const ScheduleItem& item)
{
    return {{"starts_at", item.startsAt}, {"ends_at", item.endsAt}, {"title", item.title},
            {"speaker", jsonOrNull(item.speaker)}, {"room", jsonOrNull(item.room)}};
}

nlohmann::json categoryJson(const Category& category) { return {{"id", category.id}, {"slug", category.slug}, {"name", category.name}}; }

} // namespace sbor::events
