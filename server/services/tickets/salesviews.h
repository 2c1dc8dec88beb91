#pragma once
// The organizer's views of an event's sales (issue 16): its orders with their buyers, lines,
// attendees and status history, and its attendees — one row per ticket with its first admission.
// For the people who manage the event (service/eventaccess.h); others learn nothing (404), or
// that they may not (403) where the event is public.

#include "ticket.h"

#include "access/access.h"
#include "db/connectionpool.h"
#include "sbor/error.h"
#include "service/servicedirectory.h"

#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace sbor::tickets {

using wire::EventAttendee;
using wire::EventOrder;

template <typename Item> struct SalesPage {
    std::vector<Item> items;
    std::optional<std::string> nextCursor;
};

enum class OrderSort { NewestFirst, OldestFirst, LargestFirst, SmallestFirst };
enum class AttendeeSort { NameAscending, NameDescending, OldestFirst, NewestFirst };

// The wire names of the sorts ("-created_at", "created_at", "-total", "total"; "holder_name",
// "-holder_name", "created_at", "-created_at"); nullopt for another word.
std::optional<OrderSort> orderSortFromName(const std::string& name);
std::optional<AttendeeSort> attendeeSortFromName(const std::string& name);
const char* orderSortName(OrderSort sort);
const char* attendeeSortName(AttendeeSort sort);

struct EventOrderQuery {
    std::optional<OrderStatus> status;
    std::string text; // buyer name or email, order id prefix, attendee name
    std::optional<std::string> ticketTypeId;
    std::optional<std::string> createdFrom; // RFC 3339, inclusive
    std::optional<std::string> createdTo;   // exclusive
    OrderSort sort = OrderSort::NewestFirst;
    int limit = 50;
    std::string cursor;
};

struct EventAttendeeQuery {
    std::string text; // holder name or email, ticket or order id prefix
    std::optional<bool> checkedIn;
    std::optional<std::string> ticketTypeId;
    std::optional<TicketStatus> status;
    AttendeeSort sort = AttendeeSort::NameAscending;
    int limit = 50;
    std::string cursor;
};

class SalesViews {
public:
    SalesViews(db::ConnectionPool& database, std::shared_ptr<ServiceDirectory> directory)
        : m_database(database), m_directory(std::move(directory))
    {}

    Result<SalesPage<EventOrder>> orders(const access::Principal& caller, const std::string& eventId,
                                         const EventOrderQuery& query);
    Result<SalesPage<EventAttendee>> attendees(const access::Principal& caller, const std::string& eventId,
                                               const EventAttendeeQuery& query);

private:
    std::optional<Error> refusal(const access::Principal& caller, const std::string& eventId);

    db::ConnectionPool& m_database;
    std::shared_ptr<ServiceDirectory> m_directory;
};

} // namespace sbor::tickets
