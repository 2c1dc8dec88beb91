#include "service/erasurenotice.h"

#include "bus/inbox.h"
#include "sbor/jsonvalue.h"
#include "sbor/uuid.h"

#include <nlohmann/json.hpp>

namespace sbor {

std::optional<ErasureNotice> erasureNoticeOf(const bus::Message& message)
{
    const auto envelope = nlohmann::json::parse(message.payload, nullptr, false);
    if (!envelope.is_object() || stringField(envelope, "type") != "user.deleted")
        return std::nullopt;
    const auto data = envelope.find("data");
    if (data == envelope.end() || !data->is_object() || !isUuid(stringField(*data, "user_id")))
        return std::nullopt;
    std::string digest = stringField(*data, "email_sha256");
    if (digest.size() != 64 || digest.find_first_not_of("0123456789abcdef") != std::string::npos)
        digest.clear();
    return ErasureNotice{canonicalUuid(stringField(*data, "user_id")), digest};
}

bool forgetErasedPerson(db::ConnectionPool& database, const std::string& schema, const bus::Message& message,
                        const std::function<void(db::Transaction&, const ErasureNotice&)>& forget)
{
    const auto notice = erasureNoticeOf(message);
    if (!notice)
        return true;
    database.transact([&](db::Transaction& tx) {
        if (bus::firstDelivery(tx, schema, message.id))
            forget(tx, *notice);
    });
    return true;
}

} // namespace sbor
