#pragma once
// The numbers staff glance at, from the copy: how many this entrance expects, how many are
// checked in, how many are inside now.

#include "doorstore.h"

#include <QObject>
#include <QtQmlIntegration/qqmlintegration.h>

namespace sbor::kiosk {

class DoorCounters : public QObject {
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("the door's counters: Door.counters")
    Q_PROPERTY(int checkedIn READ checkedIn NOTIFY changed)
    Q_PROPERTY(int expected READ expected NOTIFY changed)
    Q_PROPERTY(int inside READ inside NOTIFY changed)

public:
    explicit DoorCounters(const DoorStore& store, QObject* parent = nullptr);

    int checkedIn() const { return m_counts.checkedIn; }
    int expected() const { return m_counts.expected; }
    int inside() const { return m_counts.inside; }

    // Counts the copy again (after a sync, an upload, a decision here).
    void refresh();

signals:
    void changed();

private:
    const DoorStore& m_store;
    DoorCounts m_counts;
};

} // namespace sbor::kiosk
