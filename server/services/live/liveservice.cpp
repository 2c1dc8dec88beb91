#include "liveservice.h"

#include "livehub.h"
#include "livetopics.h"

#include "config/config.h"
#include "http/httpserver.h"

#include <QCoreApplication>

#include <clocale>
#include <unistd.h>

namespace sbor::live {

void LiveService::declareSettings(ConfigSchema& schema)
{
    schema.add({"live.resume_frames", ConfigKind::Integer, "1000",
                "frames kept per live topic for clients that reconnect with `since`; older: told to resync"});
    schema.add({"live.heartbeat_interval_ms", ConfigKind::Integer, "15000",
                "how often live clients are pinged; one silent for three intervals is dropped"});
    schema.add({"live.max_buffered_bytes", ConfigKind::Integer, "4194304",
                "a live client whose unsent frames pass this is dropped (too slow to keep up)"});
}

LiveService::LiveService() = default;
LiveService::~LiveService() = default;

void LiveService::init(ServiceContext& context)
{
    const auto address = http::parseListenAddress(context.config.getString("live.listen"));
    if (!address.ok)
        throw ErrorException(
            Error(ErrorCode::ValidationFailed,
                  "live.listen: " + address.problem + " (" + context.config.originOf("live.listen") + ")"));
    LiveHubSettings settings;
    settings.host = address.address.host;
    settings.port = address.address.port;
    settings.resumeFramesPerTopic = static_cast<std::size_t>(
        std::max<std::int64_t>(1, context.config.getInteger("live.resume_frames")));
    settings.heartbeatIntervalMs = static_cast<int>(
        std::max<std::int64_t>(100, context.config.getInteger("live.heartbeat_interval_ms")));
    settings.heartbeatTimeoutMs = settings.heartbeatIntervalMs * 3;
    settings.maxBufferedBytes = std::max<std::int64_t>(1024, context.config.getInteger("live.max_buffered_bytes"));
    m_hub = std::make_unique<LiveHub>(settings, context.authenticator, context.directory);
}

void LiveService::start()
{
    // Qt's event loops (the hub's thread) need an application object; sbor-server has none of
    // its own. It is made here, on the main thread, and lives as long as the process.
    if (!QCoreApplication::instance()) {
        static int argc = 1;
        static char name[] = "sbor-server";
        static char* argv[] = {name, nullptr};
        static QCoreApplication application(argc, argv);
        std::setlocale(LC_ALL, "C"); // Qt adopts the environment's locale; the server's formatting must not
    }
    m_hub->start();
}

void LiveService::stop()
{
    if (m_hub)
        m_hub->stop();
}

std::vector<BusConsumer> LiveService::busConsumers()
{
    LiveHub* hub = m_hub.get();
    // Its own group per process: every live process tells its own clients about everything.
    char host[256] = {0};
    gethostname(host, sizeof host - 1);
    const std::string group = "live." + std::string(host) + "." + std::to_string(getpid());
    return {{group,
             {"users", "events", "orders", "tickets", "checkins", "payments", "notifications", "platform", "support",
              "audit"},
             [hub](const bus::Message& message) {
                 hub->publish(framesOf(message));
                 return true;
             },
             bus::Delivery::Live}};
}

} // namespace sbor::live
