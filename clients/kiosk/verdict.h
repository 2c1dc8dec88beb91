#pragma once
// A verdict: what the staff member sees after a scan, whoever decided it (the server, or this
// kiosk from its synced copy). A value, made by a ScanDecider and shown by the VerdictOverlay;
// pretix's CheckResult is the model. No verdict on screen: `tone` is empty.

#include <QMetaType>
#include <QString>
#include <QtQmlIntegration/qqmlintegration.h>

namespace sbor::kiosk {

class Verdict {
    Q_GADGET
    QML_VALUE_TYPE(verdict)
    Q_PROPERTY(bool shown READ isShown)
    Q_PROPERTY(QString result MEMBER result)
    Q_PROPERTY(QString tone MEMBER tone)
    Q_PROPERTY(QString headline MEMBER headline)
    Q_PROPERTY(QString holderName MEMBER holderName)
    Q_PROPERTY(QString ticketType MEMBER ticketType)
    Q_PROPERTY(QString detail MEMBER detail)
    Q_PROPERTY(bool offline MEMBER offline)
    Q_PROPERTY(bool exit MEMBER exit)
    Q_PROPERTY(QString previousAt MEMBER previousAt)
    Q_PROPERTY(QString previousWhere MEMBER previousWhere)
    Q_PROPERTY(QString shownAt MEMBER shownAt)

public:
    bool isShown() const { return !tone.isEmpty(); }

    QString result;     // the redeem's result ("ok", "already_redeemed", …) or the kiosk's own
                        // ("unreadable", "annulled", "error")
    QString tone;       // "admitted" | "warning" | "refused"
    QString headline;   // the reason in plain words
    QString holderName; // the guest, when the ticket is known
    QString ticketType;
    QString detail;
    bool offline = false; // decided here, without the server
    bool exit = false;    // the scan let a guest out
    // The previous admission of the ticket, when it was already admitted: when ("HH:mm") and
    // where ("at this kiosk", …).
    QString previousAt;
    QString previousWhere;
    QString shownAt; // "HH:mm:ss"
    QString scanId;  // of the scan judged (undo takes it back); not shown
};

} // namespace sbor::kiosk
