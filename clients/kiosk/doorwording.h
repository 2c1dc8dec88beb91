#pragma once
// What the door says, in the staff member's language: a redeem answer worded as a verdict (the
// reason, the guest, where the ticket was first admitted) and the texts of conflicts. One place,
// so the server's and the kiosk's own decisions read the same.

#include "kiosksettings.h"
#include "verdict.h"

#include "sbor/wire/door.h"

#include <QCoreApplication>

namespace sbor::kiosk {

class DoorStore;

class DoorWording {
    Q_DECLARE_TR_FUNCTIONS(sbor::kiosk::DoorWording)

public:
    // Reads names from `store`; `enrollment` says which kiosk and entrance "here" is. Both outlive this.
    DoorWording(const DoorStore& store, const Enrollment& enrollment);

    // `exit`: the scan let a guest out. `shownAt` is now.
    Verdict verdictFor(const wire::RedeemAnswer& answer, bool offline, bool exit) const;
    QString reason(const QString& result, bool exit) const;

    // Conflicts: the server refused, on upload, a scan admitted here offline…
    QString refusedOnUpload(const wire::RedeemAnswer& answer, bool exit) const;
    // …or did not take an offline scan at all (`problem`: its words)…
    QString notTaken(const QString& problem) const;
    // …or the live feed says the ticket was admitted at two entrances.
    QString admittedTwice() const;

    QString holderOf(const std::string& ticketId) const; // "" when the copy does not know it

private:
    const DoorStore& m_store;
    const Enrollment& m_enrollment;
};

// "HH:mm" in local time of an RFC 3339 time; "" when it is not one.
QString localTime(const std::string& rfc3339);

} // namespace sbor::kiosk
