#pragma once
// The kiosk's link with its server: whether the server answers, the synced copy kept up to date,
// and the queue of offline scans uploaded after each sync.
//
// Online or offline is decided here, never by staff: whoever gets no answer says so
// (setOnline(false)); while offline the server is asked every `probeIntervalMs` (the sync is the
// probe: any answer means it is back, and brings the copy along); while online the copy is synced
// every `syncIntervalMs`, and soon() after anything changed.

#include "queueuploader.h"

#include <QObject>
#include <QTimer>
#include <QtQmlIntegration/qqmlintegration.h>

#include <memory>

namespace sbor::kiosk {

class DoorSync : public QObject {
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("the door's link with its server: Door.sync")
    Q_PROPERTY(bool online READ isOnline NOTIFY onlineChanged)
    Q_PROPERTY(int queueLength READ queueLength NOTIFY queueChanged)
    Q_PROPERTY(QString lastSync READ lastSync NOTIFY queueChanged)

public:
    struct Settings {
        int probeIntervalMs = 3000;
        int syncIntervalMs = 15000;
    };

    DoorSync(DoorStore& store, Settings settings, QObject* parent = nullptr);
    ~DoorSync() override;

    // Syncs with `api` (the patient client, outliving this until stop()) as device `deviceId`,
    // starting now.
    void start(client::SborApi& api, const std::string& deviceId);
    // Forgets the server: answers still on their way are dropped, and nothing of the old
    // device's work holds a new one back. Online again (nobody has been refused yet).
    void stop();

    bool isOnline() const { return m_online; }
    void setOnline(bool online);
    int queueLength() const;
    QString lastSync() const { return m_lastSync; } // "HH:mm:ss", "" before the first

    Q_INVOKABLE void now();
    void soon(); // in a moment: several changes in a row make one sync
    // The queue changed here (a scan decided offline, an admission taken back).
    void announceQueue() { emit queueChanged(); }

    QueueUploader* uploader() const { return m_uploader.get(); }

signals:
    void onlineChanged();
    void queueChanged();
    // The copy or the queue changed: what is counted may have moved.
    void copyChanged();

private:
    void syncPages(const QString& cursor, int pages);

    DoorStore& m_store;
    client::SborApi* m_api = nullptr;
    std::unique_ptr<QueueUploader> m_uploader;
    QTimer m_probeTimer;
    QTimer m_syncTimer;
    QTimer m_soon;
    bool m_online = true;
    bool m_syncing = false;
    QString m_lastSync;
};

} // namespace sbor::kiosk
