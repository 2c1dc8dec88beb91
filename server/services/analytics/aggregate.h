#pragma once
// What the analytics service counts (seed 004's Analytics & Reporting): per-minute totals of an
// event's sales, money and door, for the whole event and per ticket type or check-in list. Both
// ways in — bus messages as they come (AnalyticsIntake) and the other services' records after a
// wipe (AnalyticsRebuild) — turn facts into Increments through the functions below, so the two
// give the same numbers by construction.
//
// Platform reports (the admin console, issue 17) roll the same rows up across events.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace sbor::analytics {

// The series a client can ask for (GET /events/{id}/stats/series?metric=).
enum class Metric {
    TicketsSold, // tickets issued minus tickets cancelled
    Revenue,     // what the sold tickets were sold for, minus the cancelled ones; per type too
    Admissions,  // accepted entries still standing
    Exits,
    Orders,          // orders placed
    Gross,           // money taken (payments succeeded)
    Commission,      // the platform's part of it
    Refunds,         // money given back on payments that had succeeded
    PublicationFees, // what the organizer paid to publish the event
};

std::string_view metricName(Metric metric);
std::optional<Metric> metricFromName(std::string_view name);
const std::vector<Metric>& allMetrics();
// Counted in a currency (then each currency is its own series).
bool isMoney(Metric metric);
// What door staff may see of an event: its door, not its money or sales.
bool isDoorMetric(Metric metric);

// One addition to one minute of one series. scope: "" (the whole event), "type:<id>", "list:<id>".
struct Increment {
    std::string eventId;
    Metric metric = Metric::TicketsSold;
    std::string scope;
    std::string currency;    // "" unless money
    std::int64_t minute = 0; // unix microseconds, the start of the minute (UTC)
    std::int64_t delta = 0;
};

std::string typeScope(const std::string& ticketTypeId);
std::string listScope(const std::string& listId);
std::int64_t minuteOf(std::int64_t unixMicros);

// The increments of one fact, at its moment.
std::vector<Increment> ticketSold(const std::string& eventId, const std::string& ticketTypeId, std::int64_t unitPrice,
                                  const std::string& currency, std::int64_t at);
std::vector<Increment> ticketCancelled(const std::string& eventId, const std::string& ticketTypeId,
                                       std::int64_t unitPrice, const std::string& currency, std::int64_t at);
std::vector<Increment> doorScan(const std::string& eventId, const std::string& listId, bool exit, std::int64_t at,
                                int sign = 1);
std::vector<Increment> orderPlaced(const std::string& eventId, std::int64_t at);
std::vector<Increment> paymentSucceeded(const std::string& eventId, const std::string& currency, std::int64_t amount,
                                        std::int64_t commission, std::int64_t at);
// `commissionBack`: the platform's share that went back with it (the commission series is net).
std::vector<Increment> paymentRefunded(const std::string& eventId, const std::string& currency, std::int64_t amount,
                                       std::int64_t commissionBack, std::int64_t at);

std::vector<Increment> publicationFeeCharged(const std::string& eventId, const std::string& currency,
                                             std::int64_t amount, std::int64_t at);

// Sums increments of the same series and minute: what is written is one row each.
std::vector<Increment> combined(std::vector<Increment> increments);

} // namespace sbor::analytics
