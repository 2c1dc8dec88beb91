#pragma once
// Uploads the scans decided here while the server was unreachable, 500 at a time (idempotent by
// their scan ids), and tells the server of admissions taken back offline. What the server says
// about them goes to the copy in the same step; what staff must hear of is signalled.

#include "doorstore.h"

#include <QObject>

#include <vector>

namespace sbor::client {
class SborApi;
struct ApiError;
} // namespace sbor::client

namespace sbor::kiosk {

class QueueUploader : public QObject {
    Q_OBJECT

public:
    // `api` is the patient client (retried); both outlive this. `deviceId`: this device's.
    QueueUploader(DoorStore& store, client::SborApi& api, std::string deviceId);

    bool isUploading() const { return m_uploading; }
    // False for a while after the server refused a batch: the same request in a loop does not
    // help a struggling server.
    bool mayUpload() const;
    // Uploads the queue's next 500, then the next, until it is empty or the server is gone.
    void upload();
    // Admissions taken back while offline: the server may have stored them (a redeem whose answer
    // never came, an upload in flight), so it is told; "no such scan" means there was nothing.
    void settleAnnulments();

signals:
    void reachabilityLearned(bool online);
    // The queue (and with it the copy's admissions) changed.
    void queueChanged();
    // Admitted here offline, but the server knew better: the guest is inside.
    void refusedAfterAdmission(const sbor::kiosk::QueuedScan& local, const sbor::wire::RedeemAnswer& answer);
    // The server did not take this scan at all (`problem`: its words); it is set aside.
    void setAside(const QString& ticketId, const QString& problem);
    void annulmentSettled();

private:
    void setAsideRefused(const std::vector<QueuedScan>& queued, const client::ApiError& failure);

    DoorStore& m_store;
    client::SborApi& m_api;
    std::string m_deviceId;
    bool m_uploading = false;
    qint64 m_pausedUntil = 0; // ms since the epoch
};

} // namespace sbor::kiosk
