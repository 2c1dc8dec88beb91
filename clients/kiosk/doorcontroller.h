#pragma once
// The check-in kiosk's behaviour, for its QML screens: enrollment, scanning (camera, keyboard
// wedge, files, search), the verdict, the offline queue and sync, live counters, undo.
//
// Online or offline is decided here, never by staff: a redeem that gets no answer within
// `onlineTimeoutMs` is decided locally at once (same rules, the event's public keys, the synced
// copy), queued with its scan id, and the kiosk goes offline; while offline it asks the server
// every `probeIntervalMs`, and the first answer uploads the queue (idempotent scan ids) and
// brings it back online. Conflicts the server reports (a ticket admitted here offline and also
// elsewhere) are shown to the staff member at once.

#include "doorstore.h"
#include "kiosksettings.h"

#include "apiclient.h"
#include "livefeed.h"
#include "sborapi.h"

#include <QElapsedTimer>
#include <QHash>
#include <QObject>
#include <QTimer>
#include <QVariantList>
#include <QVariantMap>

#include <memory>
#include <optional>

namespace sbor::kiosk {

class DoorController : public QObject {
    Q_OBJECT
    Q_PROPERTY(bool enrolled READ isEnrolled NOTIFY enrollmentChanged)
    Q_PROPERTY(QString eventTitle READ eventTitle NOTIFY enrollmentChanged)
    Q_PROPERTY(QString listName READ listName NOTIFY enrollmentChanged)
    Q_PROPERTY(QString serverUrl READ serverUrl NOTIFY enrollmentChanged)
    Q_PROPERTY(bool enrolling READ isEnrolling NOTIFY enrollingChanged)
    Q_PROPERTY(QString enrollError READ enrollError NOTIFY enrollingChanged)
    Q_PROPERTY(bool online READ isOnline NOTIFY onlineChanged)
    Q_PROPERTY(int queueLength READ queueLength NOTIFY queueChanged)
    Q_PROPERTY(bool exitsAllowed READ exitsAllowed NOTIFY countsChanged)
    Q_PROPERTY(bool exitMode READ exitMode WRITE setExitMode NOTIFY exitModeChanged)
    Q_PROPERTY(int checkedIn READ checkedIn NOTIFY countsChanged)
    Q_PROPERTY(int expected READ expected NOTIFY countsChanged)
    Q_PROPERTY(int inside READ inside NOTIFY countsChanged)
    Q_PROPERTY(QVariantMap verdict READ verdict NOTIFY verdictChanged)
    Q_PROPERTY(bool busy READ isBusy NOTIFY busyChanged)
    Q_PROPERTY(bool canUndo READ canUndo NOTIFY undoChanged)
    Q_PROPERTY(QVariantList conflicts READ conflicts NOTIFY conflictsChanged)
    Q_PROPERTY(QVariantList searchResults READ searchResults NOTIFY searchResultsChanged)
    Q_PROPERTY(bool pinSet READ pinSet NOTIFY enrollmentChanged)
    Q_PROPERTY(QString lastSync READ lastSync NOTIFY queueChanged)

public:
    struct Settings {
        int onlineTimeoutMs = 1500;   // a redeem slower than this is decided here
        int probeIntervalMs = 3000;   // while offline: how often the server is asked
        int syncIntervalMs = 15000;   // while online: how often the copy is brought up to date
        int verdictMs = 4000;         // how long a verdict stays before the kiosk is ready again
        int duplicateWindowMs = 3000; // the same code again within this is one scan
        QString liveUrl;              // empty: the enrollment's, or the server's host on 8081
    };

    DoorController(KioskSettings& settings, Settings behaviour, QObject* parent = nullptr);
    ~DoorController() override;

    bool isEnrolled() const { return m_enrollment.isValid(); }
    QString eventTitle() const { return m_enrollment.eventTitle; }
    QString listName() const { return m_enrollment.listName; }
    QString serverUrl() const { return m_enrollment.serverUrl; }
    bool isEnrolling() const { return m_enrolling; }
    QString enrollError() const { return m_enrollError; }
    bool isOnline() const { return m_online; }
    int queueLength() const;
    bool exitsAllowed() const;
    bool exitMode() const { return m_exitMode; }
    void setExitMode(bool exit);
    int checkedIn() const { return m_counts.checkedIn; }
    int expected() const { return m_counts.expected; }
    int inside() const { return m_counts.inside; }
    QVariantMap verdict() const { return m_verdict; }
    bool isBusy() const { return m_busy; }
    bool canUndo() const { return !m_lastAdmission.isEmpty(); }
    QVariantList conflicts() const { return m_conflicts; }
    QVariantList searchResults() const { return m_searchResults; }
    bool pinSet() const { return m_settings.hasPin(); }
    QString lastSync() const { return m_lastSync; }
    DoorStore* store() const { return m_store.get(); }

    // Enrollment: a server URL and a one-time code (typed), or the organizer's QR handshake.
    Q_INVOKABLE void enroll(const QString& serverUrl, const QString& code, const QString& pin = {});
    Q_INVOKABLE bool enrollFromHandshake(const QString& text, const QString& pin = {});
    Q_INVOKABLE void unenroll();

    // A code from any source: "camera", "keyboard", "file", "manual".
    Q_INVOKABLE void submitCode(const QString& text, const QString& source);
    // Reads the QR code in an image file (a path or a file: URL) and submits it.
    Q_INVOKABLE bool scanImageFile(const QString& pathOrUrl);
    Q_INVOKABLE void dismissVerdict();

    Q_INVOKABLE void search(const QString& text);
    Q_INVOKABLE void checkInTicket(const QString& ticketId);
    Q_INVOKABLE void undoLastAdmission();
    Q_INVOKABLE void dismissConflict(int index);
    Q_INVOKABLE bool checkPin(const QString& pin) const { return m_settings.pinMatches(pin); }
    Q_INVOKABLE void syncNow();

signals:
    void enrollmentChanged();
    void enrollingChanged();
    void onlineChanged();
    void queueChanged();
    void exitModeChanged();
    void countsChanged();
    void verdictChanged();
    void busyChanged();
    void undoChanged();
    void conflictsChanged();
    void searchResultsChanged();
    // For sounds and tests: "admitted" | "warning" | "refused".
    void verdictShown(const QString& tone, const QString& result);
    // A code was read but not judged: a repeat within the window, or not a ticket's code.
    void scanIgnored(const QString& why);

private:
    void connectToServer();
    void judge(const wire::ScanSubmission& scan, const QString& ticketIdForManual);
    void decideLocally(const wire::ScanSubmission& scan, const QString& ticketIdForManual, bool queue);
    void show(const wire::RedeemAnswer& answer, bool offline);
    void setOnline(bool online);
    void setBusy(bool busy);
    void probe();
    void uploadQueue();
    void setAsideRefused(const std::vector<QueuedScan>& queued, const client::ApiError& failure);
    void settleAnnulments();
    void resetState();
    void syncPages(const QString& cursor, int pages);
    void refreshCounts();
    void onLiveFrame(const wire::LiveFrame& frame);
    void addConflict(const QString& ticketId, const QString& holder, const QString& detail);
    QString reasonText(const QString& result) const;
    QString holderOf(const std::string& ticketId) const;
    std::string newScanId() const;

    KioskSettings& m_settings;
    Settings m_behaviour;
    Enrollment m_enrollment;
    std::unique_ptr<DoorStore> m_store;
    std::unique_ptr<client::ApiClient> m_client;     // syncs and uploads: retried, patient
    std::unique_ptr<client::ApiClient> m_doorClient; // redeems: one short attempt, then offline
    std::unique_ptr<client::SborApi> m_api;
    std::unique_ptr<client::SborApi> m_doorApi;
    std::unique_ptr<client::LiveFeed> m_live;
    QTimer m_probeTimer;
    QTimer m_syncTimer;
    QTimer m_verdictTimer;
    QTimer m_liveSyncDebounce;
    bool m_enrolling = false;
    QString m_enrollError;
    bool m_online = true;
    bool m_uploading = false;
    qint64 m_uploadPausedUntil = 0; // ms since the epoch
    quint64 m_searchGeneration = 0;
    std::unique_ptr<client::ApiClient> m_enrollClient;
    std::unique_ptr<client::SborApi> m_enrollApi;
    bool m_syncing = false;
    bool m_busy = false;
    bool m_exitMode = false;
    DoorCounts m_counts;
    QVariantMap m_verdict;
    QString m_lastAdmission; // scan id of the last admission here (undo)
    bool m_lastAdmissionQueued = false;
    QVariantList m_conflicts;
    QVariantList m_searchResults;
    QString m_lastSync;
    QString m_lastCode;
    QElapsedTimer m_lastCodeAt;
};

} // namespace sbor::kiosk
