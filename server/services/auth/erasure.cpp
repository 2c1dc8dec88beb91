#include "erasure.h"

#include "sessionrepository.h"
#include "userrepository.h"

#include "outbox/outbox.h"

namespace sbor::auth {

std::vector<std::string> erasePerson(db::Transaction& tx, std::int64_t sessionIdleTimeoutSeconds,
                                     const Erasure& erasure)
{
    UserRepository users(tx);
    // Other services find the person's name and address where only the address was kept (a
    // ticket someone else bought for them, an email sent) by this digest; the address itself does
    // not go on the bus.
    const std::string emailDigest = users.emailDigest(erasure.userId);
    users.erasePersonalData(erasure.userId);
    users.eraseAuditDetailsOf(erasure.userId);
    auto ended = SessionRepository(tx, sessionIdleTimeoutSeconds).deleteAllOf(erasure.userId);
    nlohmann::json details = nlohmann::json::object();
    if (erasure.actorId != erasure.userId)
        details["erased_by"] = erasure.actorId;
    users.audit(erasure.actorId, erasure.action, erasure.userId, details, erasure.traceId);
    nlohmann::json data{{"user_id", erasure.userId}, {"email_sha256", emailDigest}};
    if (erasure.actorId != erasure.userId)
        data["erased_by"] = erasure.actorId;
    outbox::append(tx, "auth", {"user", erasure.userId, "user.deleted", data, erasure.traceId});
    return ended;
}

} // namespace sbor::auth
