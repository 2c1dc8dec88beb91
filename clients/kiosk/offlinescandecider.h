#pragma once
// Decides here, from the synced copy: the door rules as the server applies them (signature,
// revocations, blocks, window, list, entries so far counting this kiosk's queued scans), and
// queues the scan for upload with its scan id.

#include "doorwording.h"
#include "scandecider.h"

namespace sbor::kiosk {

class DoorStore;

class OfflineScanDecider : public ScanDecider {
public:
    // All three outlive this; `enrollment` names this device.
    OfflineScanDecider(DoorStore& store, const Enrollment& enrollment, const DoorWording& wording);

    // Always decides, at once; the scan is in the queue when `decided` runs.
    void decide(const wire::ScanSubmission& scan, Decided decided) override;

private:
    DoorStore& m_store;
    const Enrollment& m_enrollment;
    const DoorWording& m_wording;
};

} // namespace sbor::kiosk
