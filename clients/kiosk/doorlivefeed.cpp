#include "doorlivefeed.h"

#include "livefeed.h"

#include "sbor/jsonvalue.h"

namespace sbor::kiosk {

DoorLiveFeed::DoorLiveFeed(const Enrollment& enrollment, const QString& liveUrl)
    : m_deviceId(enrollment.deviceId.toStdString())
{
    const QString token = enrollment.deviceToken;
    m_feed = std::make_unique<client::LiveFeed>(client::LiveFeed::Settings{QUrl(liveUrl)}, [token] { return token; });
    connect(m_feed.get(), &client::LiveFeed::frameReceived, this, &DoorLiveFeed::onFrame);
    connect(m_feed.get(), &client::LiveFeed::resyncRequired, this, &DoorLiveFeed::doorChanged);
    m_feed->subscribe("event:" + enrollment.eventId);
    m_feed->start();
}

DoorLiveFeed::~DoorLiveFeed() { m_feed->stop(); }

void DoorLiveFeed::onFrame(const wire::LiveFrame& frame)
{
    if (frame.type == "checkin.conflict") {
        const auto& data = frame.data;
        const auto deviceOf = [&data](const char* which) {
            const auto scan = data.find(which);
            return scan != data.end() && scan->is_object() ? stringField(*scan, "device_id")
                                                           : std::string(); // null for a person
        };
        if (deviceOf("first") == m_deviceId || deviceOf("second") == m_deviceId)
            emit admittedTwice(QString::fromStdString(stringField(data, "ticket_id")));
    }
    if (frame.type.rfind("checkin.", 0) == 0 || frame.type.rfind("ticket.", 0) == 0 ||
        frame.type.rfind("order.", 0) == 0)
        emit doorChanged();
}

} // namespace sbor::kiosk
