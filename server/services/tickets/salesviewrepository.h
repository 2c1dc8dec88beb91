#pragma once
// SQL for the organizer's views of an event's sales, on a transaction the caller owns. Pages are
// keyset pages: `after` is the (sort value, id) of the last row of the page before.

#include "salesviews.h"

#include "db/transaction.h"

#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace sbor::tickets {

struct SortPosition {
    std::string value; // the sort column of the last row, as text
    std::string id;
};

template <typename Item> struct PositionedRow {
    Item item;
    SortPosition position;
};

class SalesViewRepository {
public:
    explicit SalesViewRepository(db::Transaction& tx) : m_tx(tx) {}

    // Up to `count` orders after `after`, with their buyer, lines, attendees and history.
    std::vector<PositionedRow<EventOrder>> orders(const std::string& eventId, const EventOrderQuery& query,
                                                  const std::optional<SortPosition>& after, int count);
    std::vector<PositionedRow<EventAttendee>> attendees(const std::string& eventId, const EventAttendeeQuery& query,
                                                        const std::optional<SortPosition>& after, int count);

private:
    void addDetails(std::vector<PositionedRow<EventOrder>>& rows);

    db::Transaction& m_tx;
};

} // namespace sbor::tickets
