#pragma once
// The door, for the kiosk's QML screens: what this kiosk is enrolled for, and a scan from any
// source (camera, keyboard wedge, image file, a guest picked by name) taken to its verdict, shown
// until dismissed or for `verdictMs`; the last admission can be taken back.
//
// Its parts, each with one job: the enrollment (DeviceEnrollment), the deciders (online, then
// offline when the server does not answer within `onlineTimeoutMs`), the link with the server
// (DoorSync: online or not, sync, the offline queue's upload), the live feed, the counters, the
// conflicts and the guest search. It lives on the GUI thread and owns them all; QML reads them as
// Door.enrollment, Door.sync, Door.counters, Door.conflicts and Door.guestSearch.

#include "conflictmodel.h"
#include "deviceenrollment.h"
#include "doorcounters.h"
#include "doorstore.h"
#include "doorsync.h"
#include "doorwording.h"
#include "guestsearch.h"
#include "kiosksettings.h"
#include "offlinescandecider.h"
#include "serversession.h"
#include "verdict.h"

#include <QElapsedTimer>
#include <QObject>
#include <QTimer>

#include <memory>

namespace sbor::kiosk {

class DoorLiveFeed;
class OnlineScanDecider;

class DoorController : public QObject {
    Q_OBJECT
    Q_PROPERTY(bool enrolled READ isEnrolled NOTIFY enrollmentChanged)
    Q_PROPERTY(QString eventTitle READ eventTitle NOTIFY enrollmentChanged)
    Q_PROPERTY(QString listName READ listName NOTIFY enrollmentChanged)
    Q_PROPERTY(QString serverUrl READ serverUrl NOTIFY enrollmentChanged)
    Q_PROPERTY(bool pinSet READ pinSet NOTIFY enrollmentChanged)
    Q_PROPERTY(bool exitsAllowed READ exitsAllowed NOTIFY exitsAllowedChanged)
    Q_PROPERTY(bool exitMode READ exitMode WRITE setExitMode NOTIFY exitModeChanged)
    Q_PROPERTY(sbor::kiosk::Verdict verdict READ verdict NOTIFY verdictChanged)
    Q_PROPERTY(bool busy READ isBusy NOTIFY busyChanged)
    Q_PROPERTY(bool canUndo READ canUndo NOTIFY undoChanged)
    Q_PROPERTY(sbor::kiosk::DeviceEnrollment* enrollment READ enrollment CONSTANT)
    Q_PROPERTY(sbor::kiosk::DoorSync* sync READ sync CONSTANT)
    Q_PROPERTY(sbor::kiosk::DoorCounters* counters READ counters CONSTANT)
    Q_PROPERTY(sbor::kiosk::ConflictModel* conflicts READ conflicts CONSTANT)
    Q_PROPERTY(sbor::kiosk::GuestSearch* guestSearch READ guestSearch CONSTANT)

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
    bool pinSet() const { return m_settings.hasPin(); }
    bool exitsAllowed() const;
    bool exitMode() const { return m_exitMode; }
    void setExitMode(bool exit);
    Verdict verdict() const { return m_verdict; }
    bool isBusy() const { return m_busy; }
    bool canUndo() const { return !m_lastAdmission.isEmpty(); }

    DeviceEnrollment* enrollment() { return &m_enrollmentFlow; }
    DoorSync* sync() { return &m_sync; }
    DoorCounters* counters() { return &m_counters; }
    ConflictModel* conflicts() { return &m_conflicts; }
    GuestSearch* guestSearch() { return &m_guestSearch; }
    DoorStore* store() const { return m_store.get(); }

    Q_INVOKABLE void unenroll();

    // A code from any source: "camera", "keyboard", "file", "manual".
    Q_INVOKABLE void submitCode(const QString& text, const QString& source);
    // Reads the QR code in an image file (a path or a file: URL) and submits it.
    Q_INVOKABLE bool scanImageFile(const QString& pathOrUrl);
    // A guest staff picked by name (the search).
    Q_INVOKABLE void checkInTicket(const QString& ticketId);
    Q_INVOKABLE void dismissVerdict();
    Q_INVOKABLE void undoLastAdmission();
    Q_INVOKABLE bool checkPin(const QString& pin) const { return m_settings.pinMatches(pin); }

signals:
    void enrollmentChanged();
    void exitModeChanged();
    void exitsAllowedChanged();
    void verdictChanged();
    void busyChanged();
    void undoChanged();
    // For sounds and tests: "admitted" | "warning" | "refused".
    void verdictShown(const QString& tone, const QString& result);
    // A code was read but not judged: a repeat within the window, or not a ticket's code.
    void scanIgnored(const QString& why);

private:
    void adopt(const Enrollment& enrollment, const QString& pin);
    void connectToServer();
    void resetState();
    wire::ScanSubmission newScan() const;
    void judge(const wire::ScanSubmission& scan);
    void decideOffline(const wire::ScanSubmission& scan);
    void show(const Verdict& verdict);
    void setBusy(bool busy);
    void refreshCounts();
    void addConflict(const QString& ticketId, const QString& holder, const QString& detail);

    KioskSettings& m_settings;
    Settings m_behaviour;
    Enrollment m_enrollment;
    std::unique_ptr<DoorStore> m_store;
    DoorWording m_wording;
    OfflineScanDecider m_offlineDecider;
    DeviceEnrollment m_enrollmentFlow;
    DoorSync m_sync;
    DoorCounters m_counters;
    ConflictModel m_conflicts;
    GuestSearch m_guestSearch;
    // While enrolled: the patient session syncs, uploads and annuls; the quick one redeems and
    // searches.
    std::unique_ptr<ServerSession> m_patient;
    std::unique_ptr<ServerSession> m_quick;
    std::unique_ptr<OnlineScanDecider> m_onlineDecider;
    std::unique_ptr<DoorLiveFeed> m_live;
    QTimer m_verdictTimer;
    bool m_busy = false;
    bool m_exitMode = false;
    Verdict m_verdict;
    QString m_lastAdmission; // scan id of the last admission here (undo)
    bool m_lastAdmissionQueued = false;
    QString m_lastCode;
    QElapsedTimer m_lastCodeAt;
};

} // namespace sbor::kiosk
