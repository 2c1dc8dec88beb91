#include "salessetupcopy.h"

#include "checkinrepository.h"
#include "tickettyperepository.h"

#include "sbor/rfc3339.h"
#include "sbor/uuid.h"

#include <map>

namespace sbor::tickets {

Result<int> copySalesSetup(db::ConnectionPool& database, const std::string& fromEventId, const std::string& toEventId,
                           std::int64_t shiftMicros)
{
    if (!isUuid(fromEventId) || !isUuid(toEventId))
        return noSuchEvent(isUuid(fromEventId) ? toEventId : fromEventId);
    const auto moved = [shiftMicros](const std::string& time) {
        return formatRfc3339(*parseRfc3339(time) + shiftMicros);
    };
    return database.transact([&](db::Transaction& tx) -> Result<int> {
        TicketTypeRepository types(tx);
        // Serialises two copies into the same new event: the second finds the first's types.
        tx.holdLock("copy-sales-setup:" + canonicalUuid(toEventId));
        if (!types.listForEvent(canonicalUuid(toEventId), false).empty())
            return 0;
        std::map<std::string, std::string> copyOf; // source type id → its copy's id
        int copied = 0;
        for (const auto& type : types.listForEvent(canonicalUuid(fromEventId), false)) {
            const TicketTypeDraft draft{type.name,
                                        type.price,
                                        type.currency,
                                        type.quota,
                                        moved(type.salesStart),
                                        moved(type.salesEnd),
                                        type.minPerOrder,
                                        type.maxPerOrder,
                                        type.active};
            copyOf[type.id] = types.insert(canonicalUuid(toEventId), draft).id;
            ++copied;
        }
        CheckInRepository lists(tx);
        for (const auto& list : lists.listsOf(canonicalUuid(fromEventId))) {
            CheckInListDraft draft{list.name, {}, list.multiEntry, list.exitsAllowed, std::nullopt, std::nullopt};
            for (const auto& typeId : list.ticketTypeIds) {
                if (const auto copy = copyOf.find(typeId); copy != copyOf.end())
                    draft.ticketTypeIds.push_back(copy->second);
            }
            if (list.validFrom)
                draft.validFrom = moved(*list.validFrom);
            if (list.validUntil)
                draft.validUntil = moved(*list.validUntil);
            lists.insertList(canonicalUuid(toEventId), draft);
        }
        return copied;
    });
}

} // namespace sbor::tickets
