#include "offlinescandecider.h"

#include "doorstore.h"

#include "sbor/rfc3339.h"

namespace sbor::kiosk {

OfflineScanDecider::OfflineScanDecider(DoorStore& store, const Enrollment& enrollment, const DoorWording& wording)
    : m_store(store), m_enrollment(enrollment), m_wording(wording)
{}

void OfflineScanDecider::decide(const wire::ScanSubmission& scan, Decided decided)
{
    std::optional<wire::TicketSummary> ticket;
    const std::string deviceId = m_enrollment.deviceId.toStdString();
    DoorFacts facts = scan.ticketId
        ? m_store.factsForTicket(*scan.ticketId, scan.kind, unixNowMicroseconds(), deviceId, &ticket)
        : m_store.factsFor(scan.code, scan.kind, unixNowMicroseconds(), deviceId, &ticket);
    // Judged as the server will judge it on upload: an exit must follow this kiosk's own entry.
    facts.offline = true;
    const DoorVerdict verdict = judgeScan(facts);
    wire::RedeemAnswer answer{doorResultText(verdict.result), ticket, std::nullopt, scan.scanId, std::nullopt};
    if (verdict.previous)
        answer.previous = wire::PreviousAdmission{formatRfc3339(verdict.previous->at), verdict.previous->listId,
                                                  verdict.previous->deviceId};
    m_store.enqueue(QueuedScan{scan, ticket ? ticket->id : std::string(), doorResultText(verdict.result)});
    decided(m_wording.verdictFor(answer, true, scan.kind == wire::ScanKind::Exit));
}

} // namespace sbor::kiosk
