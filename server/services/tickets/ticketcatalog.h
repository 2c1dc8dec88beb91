#pragma once
// What an event sells: its ticket types, changed only by the event's organizer (or an admin),
// and never in a way that breaks tickets already sold (quota below sold, another currency).

#include "tickettype.h"

#include "access/access.h"
#include "db/connectionpool.h"
#include "sbor/error.h"
#include "service/callcontext.h"
#include "service/servicedirectory.h"

#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace sbor::tickets {

class TicketCatalog {
public:
    TicketCatalog(db::ConnectionPool& database, std::shared_ptr<ServiceDirectory> directory)
        : m_database(database), m_directory(std::move(directory))
    {}

    Result<TicketType> create(const access::Principal& caller, const std::string& eventId,
                              const TicketTypeDraft& draft);
    Result<std::vector<TicketType>> list(const std::optional<access::Principal>& caller, const std::string& eventId);
    Result<TicketType> update(const access::Principal& caller, const std::string& typeId,
                              const TicketTypeChanges& changes);
    int activeTypeCount(const std::string& eventId);
    // Who before what: the error `caller` gets for a change of this event's (or this type's)
    // ticket types whatever the body says, so a body is judged only for those who may send it.
    std::optional<Error> refusalForEvent(const access::Principal& caller, const std::string& eventId);
    std::optional<Error> refusalForType(const access::Principal& caller, const std::string& typeId);

private:
    db::ConnectionPool& m_database;
    std::shared_ptr<ServiceDirectory> m_directory;
};

} // namespace sbor::tickets
