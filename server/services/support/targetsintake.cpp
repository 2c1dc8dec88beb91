#include "targetsintake.h"

#include "supportrepository.h"

#include "bus/inbox.h"
#include "sbor/wire/platform.h"

#include <nlohmann/json.hpp>

namespace sbor::support {

bool TargetsIntake::take(const bus::Message& message)
{
    const auto envelope = nlohmann::json::parse(message.payload, nullptr, false);
    if (!envelope.is_object() || envelope.value("type", message.type) != "platform.settings_changed")
        return true;
    const auto data = envelope.find("data");
    if (data == envelope.end() || !data->is_object() || !data->contains("settings"))
        return true;
    wire::PlatformSettings settings;
    try {
        settings = wire::decode<wire::PlatformSettings>((*data)["settings"], "settings");
    } catch (const wire::DecodeError&) {
        return true; // not settings this release can read: the next change will be
    }
    if (settings.supportFirstResponseMinutes <= 0 || settings.supportResolutionMinutes <= 0)
        return true;
    m_database.transact([&](db::Transaction& tx) {
        if (bus::firstDelivery(tx, "support", message.id))
            SupportRepository(tx).rememberTargets(
                {settings.version, settings.supportFirstResponseMinutes, settings.supportResolutionMinutes});
    });
    return true;
}

} // namespace sbor::support
