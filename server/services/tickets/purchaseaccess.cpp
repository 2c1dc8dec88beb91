#include "purchaseaccess.h"

#include "service/contracts.h"
#include "service/eventaccess.h"

namespace sbor::tickets {

bool maySeePurchase(ServiceDirectory& directory, const access::Principal& caller, const std::string& buyerId,
                    const std::string& eventId)
{
    if (buyerId == caller.userId || caller.has(access::Permission::EventsWriteAny))
        return true;
    const auto events = directory.find<EventDirectory>();
    const auto event = events ? events->eventFacts(eventId) : std::nullopt;
    return event && managesEvent(caller, *event);
}

} // namespace sbor::tickets
