#pragma once
// The door's part of the live feed: the event's topic, read for what changes the copy (check-ins,
// tickets, orders: the counters follow another gate within seconds) and for conflicts that
// involve this device.

#include "kiosksettings.h"

#include <QObject>

#include <memory>

namespace sbor::client {
class LiveFeed;
}
namespace sbor::wire {
struct LiveFrame;
}

namespace sbor::kiosk {

class DoorLiveFeed : public QObject {
    Q_OBJECT

public:
    // Listens at `liveUrl` as the enrolled device, from now until destroyed.
    DoorLiveFeed(const Enrollment& enrollment, const QString& liveUrl);
    ~DoorLiveFeed() override;

signals:
    // Something the copy holds changed, or the feed lost track: time to sync.
    void doorChanged();
    // The server saw `ticketId` admitted twice, and one of the admissions is this device's.
    void admittedTwice(const QString& ticketId);

private:
    void onFrame(const wire::LiveFrame& frame);

    std::string m_deviceId;
    std::unique_ptr<client::LiveFeed> m_feed;
};

} // namespace sbor::kiosk
