#include "sbor/wire/statistics.h"

namespace sbor::wire {

namespace {

// Each element of the list at `key` as a FieldReader with its path.
template <typename Visit> void forEachItem(const FieldReader& reader, const char* key, Visit visit)
{
    const auto& list = reader.array(key);
    for (std::size_t i = 0; i < list.size(); ++i)
        visit(FieldReader(list[i], reader.pathOf(key) + "[" + std::to_string(i) + "]"));
}

} // namespace

nlohmann::json toJson(const EventStatistics& statistics)
{
    nlohmann::json sales = nlohmann::json::array();
    for (const auto& type : statistics.sales)
        sales.push_back({{"ticket_type_id", type.ticketTypeId},
                         {"name", type.name},
                         {"quota", type.quota},
                         {"sold", type.sold},
                         {"held", type.held}});
    nlohmann::json revenue = nlohmann::json::array();
    for (const auto& entry : statistics.revenue)
        revenue.push_back({{"currency", entry.currency}, {"paid", entry.paid}});
    nlohmann::json lists = nlohmann::json::array();
    for (const auto& list : statistics.lists)
        lists.push_back({{"list_id", list.listId},
                         {"name", list.name},
                         {"admitted", list.admitted},
                         {"entries", list.entries},
                         {"exits", list.exits},
                         {"inside", list.inside()}});
    nlohmann::json scanners = nlohmann::json::array();
    for (const auto& scanner : statistics.scanners)
        scanners.push_back(
            {{scanner.device ? "device_id" : "user_id", scanner.scannedBy}, {"admitted", scanner.admitted}});
    nlohmann::json minutes = nlohmann::json::array();
    for (const auto& minute : statistics.lastHour)
        minutes.push_back({{"minute", minute.minute}, {"admissions", minute.admissions}});
    return {{"event_id", statistics.eventId},
            {"sales", sales},
            {"revenue", revenue},
            {"checkins",
             {{"lists", lists},
              {"scanners", scanners},
              {"inside_now", statistics.insideNow},
              {"conflicts", statistics.conflicts}}},
            {"admissions_per_minute", minutes}};
}

void fromJson(const FieldReader& reader, EventStatistics& statistics)
{
    statistics.eventId = reader.string("event_id");
    forEachItem(reader, "sales", [&](const FieldReader& item) {
        statistics.sales.push_back({item.string("ticket_type_id"), item.string("name"),
                                    static_cast<int>(item.integer("quota")), static_cast<int>(item.integer("sold")),
                                    static_cast<int>(item.integer("held"))});
    });
    forEachItem(reader, "revenue", [&](const FieldReader& item) {
        statistics.revenue.push_back({item.string("currency"), item.integer("paid")});
    });
    const FieldReader checkins(reader.object("checkins"), reader.pathOf("checkins"));
    forEachItem(checkins, "lists", [&](const FieldReader& item) {
        statistics.lists.push_back(
            {item.string("list_id"), item.string("name"), static_cast<int>(item.integer("admitted")),
             static_cast<int>(item.integer("entries")), static_cast<int>(item.integer("exits"))});
    });
    forEachItem(checkins, "scanners", [&](const FieldReader& item) {
        const auto device = item.optionalString("device_id");
        statistics.scanners.push_back({device ? *device : item.string("user_id"), device.has_value(),
                                       static_cast<int>(item.integer("admitted"))});
    });
    statistics.insideNow = static_cast<int>(checkins.integer("inside_now"));
    statistics.conflicts = static_cast<int>(checkins.integer("conflicts"));
    forEachItem(reader, "admissions_per_minute", [&](const FieldReader& item) {
        statistics.lastHour.push_back({item.string("minute"), static_cast<int>(item.integer("admissions"))});
    });
}

nlohmann::json toJson(const StatsSeries& series)
{
    nlohmann::json points = nlohmann::json::array();
    for (const auto& point : series.points)
        points.push_back({{"at", point.at}, {"value", point.value}});
    return {{"event_id", series.eventId},
            {"metric", series.metric},
            {"interval", series.interval},
            {"timezone", series.timezone},
            {"currency", series.currency ? nlohmann::json(*series.currency) : nlohmann::json()},
            {"from", series.from},
            {"to", series.to},
            {"points", points}};
}

void fromJson(const FieldReader& reader, StatsSeries& series)
{
    series.eventId = reader.string("event_id");
    series.metric = reader.string("metric");
    series.interval = reader.string("interval");
    series.timezone = reader.optionalString("timezone").value_or("UTC");
    series.currency = reader.optionalString("currency");
    series.from = reader.string("from");
    series.to = reader.string("to");
    const auto& points = reader.array("points");
    for (std::size_t i = 0; i < points.size(); ++i) {
        const FieldReader point(points[i], reader.pathOf("points") + "[" + std::to_string(i) + "]");
        series.points.push_back({point.string("at"), point.integer("value")});
    }
}

} // namespace sbor::wire
