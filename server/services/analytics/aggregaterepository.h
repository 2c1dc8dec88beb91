#pragma once
// SQL for the analytics schema, on a transaction the caller owns.

#include "aggregate.h"

#include "db/transaction.h"

#include <optional>
#include <string>
#include <vector>

namespace sbor::analytics {

struct SoldTicket {
    std::string ticketId;
    std::string eventId;
    std::string ticketTypeId;
    std::int64_t unitPrice = 0;
    std::string currency;
    bool cancelled = false;
};

struct SeriesPoint {
    std::string at; // RFC 3339 UTC, the start of the bucket
    std::int64_t value = 0;
};

struct SeriesRequest {
    std::string eventId;
    Metric metric = Metric::TicketsSold;
    std::string scope;
    std::string currency;
    std::string interval; // "minute" | "hour" | "day"
    std::string timezone; // buckets of hours and days follow the event's zone
    std::string from;     // RFC 3339
    std::string to;
};

class AggregateRepository {
public:
    explicit AggregateRepository(db::Transaction& tx) : m_tx(tx) {}

    // Adds each increment to its minute (a row is made for a minute seen first).
    void add(const std::vector<Increment>& increments);

    // What later messages refer back to.
    void rememberTicket(const SoldTicket& ticket);
    // The ticket, marked cancelled now; nullopt when unknown or cancelled before.
    std::optional<SoldTicket> cancelTicket(const std::string& ticketId);
    void rememberScan(const std::string& eventId, const std::string& listId, const std::string& scanId, bool exit,
                      std::int64_t minute);
    // The entry's minute, marked annulled now; nullopt when unknown or annulled before.
    std::optional<std::int64_t> annulEntry(const std::string& listId, const std::string& scanId);
    void rememberPayment(const std::string& paymentId, const std::string& eventId, const std::string& currency,
                         std::int64_t amount);
    // True when the payment had succeeded (it is marked refunded now); each refund of it counts.
    bool refundPayment(const std::string& paymentId);

    // Everything known of the event goes (before a rebuild).
    void forgetEvent(const std::string& eventId);
    // The currencies the event's series of `metric` are counted in.
    std::vector<std::string> currencies(const std::string& eventId, Metric metric);
    // Every bucket from `from` to `to`, empty ones as 0.
    std::vector<SeriesPoint> series(const SeriesRequest& request);

private:
    db::Transaction& m_tx;
};

} // namespace sbor::analytics
