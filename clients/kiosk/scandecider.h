#pragma once
// One way of judging a scan, after pretix's TicketCheckProvider: ask the server
// (OnlineScanDecider), or decide here from the synced copy by the same rules (OfflineScanDecider).
// Both answer with a Verdict; a refused ticket is a verdict like any other, not a failure.

#include "verdict.h"

#include "sbor/wire/door.h"

#include <functional>
#include <optional>

namespace sbor::kiosk {

class ScanDecider {
public:
    // nullopt: this decider could not judge the scan (the server did not answer in time); the
    // caller asks another one.
    using Decided = std::function<void(std::optional<Verdict>)>;

    virtual ~ScanDecider() = default;

    // Judges `scan` (a code, or with `ticketId` a ticket staff picked by name) and calls `decided`
    // once, on the GUI thread — perhaps before returning. `exit`: the scan lets a guest out.
    virtual void decide(const wire::ScanSubmission& scan, Decided decided) = 0;
};

} // namespace sbor::kiosk
