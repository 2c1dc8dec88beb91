#pragma once
// Who may see an order or a ticket: the buyer, the organizer of its event, an admin. Orders and
// tickets answer the same way, so a stranger cannot tell someone else's from one that does not
// exist.

#include "access/access.h"
#include "service/servicedirectory.h"

#include <string>

namespace sbor::tickets {

bool maySeePurchase(ServiceDirectory& directory, const access::Principal& caller, const std::string& buyerId,
                    const std::string& eventId);

} // namespace sbor::tickets
