#pragma once
// Changes to an issued ticket: the organizer blocks and unblocks it (the door answers `blocked`,
// kiosks learn it by sync); the buyer or the organizer reissues it — a new code, the old one on
// the revocation list for good (a leaked screenshot stops working, offline too); the holder's
// name and email, and the organizer the validity.

#include "ticket.h"

#include "access/access.h"
#include "db/connectionpool.h"
#include "sbor/error.h"
#include "service/servicedirectory.h"

#include "db/transaction.h"

#include <cstdint>
#include <memory>
#include <optional>
#include <string>

namespace sbor::tickets {

struct TicketChange {
    std::optional<std::string> ticketTypeId; // another type of the event (organizer; a new code)
    std::optional<std::string> holderName;
    std::optional<std::string> holderEmail;
    std::optional<std::int64_t> validFrom; // unix microseconds
    std::optional<std::int64_t> validUntil;
};

class TicketChanges {
public:
    TicketChanges(db::ConnectionPool& database, std::shared_ptr<ServiceDirectory> directory)
        : m_database(database), m_directory(std::move(directory))
    {}

    Result<Ticket> setBlocked(const access::Principal& caller, const std::string& ticketId, bool blocked);
    Result<Ticket> reissue(const access::Principal& caller, const std::string& ticketId);
    // The holder (the buyer or the organizer; same code: the holder is not in it) and the validity
    // (the organizer; a new code, the old one revoked).
    Result<Ticket> change(const access::Principal& caller, const std::string& ticketId, const TicketChange& change);

private:
    // Its seat, order line and type move to `typeId` (the code is made new by the caller).
    Result<bool> moveToType(db::Transaction& tx, const Ticket& ticket, const std::string& typeId);
    // The ticket, if it exists and `caller` may change it (`buyerMay`: its buyer as well).
    Result<Ticket> changeable(const access::Principal& caller, const std::string& ticketId, bool buyerMay);

    db::ConnectionPool& m_database;
    std::shared_ptr<ServiceDirectory> m_directory;
};

} // namespace sbor::tickets
