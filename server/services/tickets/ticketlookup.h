#pragma once
// Reading issued tickets: a buyer's list and one ticket, as the people who may see it see it
// (purchaseaccess.h). Placing and changing orders is Checkout's.

#include "order.h"

#include "access/access.h"
#include "db/connectionpool.h"
#include "paging/cursor.h"
#include "sbor/error.h"
#include "service/servicedirectory.h"

#include <memory>
#include <string>

namespace sbor::tickets {

using TicketPage = paging::Page<Ticket>;

class TicketLookup {
public:
    TicketLookup(db::ConnectionPool& database, std::shared_ptr<ServiceDirectory> directory)
        : m_database(database), m_directory(std::move(directory))
    {}

    // The buyer's tickets, newest first.
    Result<TicketPage> ticketsOf(const access::Principal& caller, int limit, const std::string& cursor);
    Result<Ticket> ticket(const access::Principal& caller, const std::string& ticketId);

private:
    db::ConnectionPool& m_database;
    std::shared_ptr<ServiceDirectory> m_directory;
};

} // namespace sbor::tickets
