#pragma once
// GET /events/{id}/stats — an event's numbers for its organizer — and its one JSON codec.

#include "sbor/wire/decoding.h"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace sbor::wire {

struct TypeSales {
    std::string ticketTypeId;
    std::string name;
    int quota = 0;
    int sold = 0; // tickets issued and not cancelled
    int held = 0; // seats held by unpaid orders
};

struct CurrencyRevenue {
    std::string currency;
    std::int64_t paid = 0; // orders paid, refunds excluded
};

struct ListCheckIns {
    std::string listId;
    std::string name;
    int admitted = 0; // distinct tickets with an accepted entry
    int entries = 0;
    int exits = 0;
    int inside() const { return entries - exits; }
};

struct ScannerCheckIns {
    std::string scannedBy; // device id, or the person's user id
    bool device = false;
    int admitted = 0;
};

struct MinuteAdmissions {
    std::string minute; // RFC 3339, start of the minute
    int admissions = 0;
};

struct EventStatistics {
    std::string eventId;
    std::vector<TypeSales> sales;
    std::vector<CurrencyRevenue> revenue;
    std::vector<ListCheckIns> lists;
    std::vector<ScannerCheckIns> scanners;
    int insideNow = 0;
    std::vector<MinuteAdmissions> lastHour;
    int conflicts = 0;
};

// GET /events/{id}/stats/series: one metric in buckets (the analytics service).
struct SeriesPoint {
    std::string at; // RFC 3339 UTC, the bucket's start
    std::int64_t value = 0;
};

struct StatsSeries {
    std::string eventId;
    std::string metric;   // tickets_sold | revenue | admissions | exits | orders | gross | commission | refunds
    std::string interval; // minute | hour | day
    std::string timezone; // the event's, which hours and days follow
    std::optional<std::string> currency;
    std::string from;
    std::string to;
    std::vector<SeriesPoint> points;
};

nlohmann::json toJson(const StatsSeries& series);
void fromJson(const FieldReader& reader, StatsSeries& series);

nlohmann::json toJson(const EventStatistics& statistics);
void fromJson(const FieldReader& reader, EventStatistics& statistics);

} // namespace sbor::wire
