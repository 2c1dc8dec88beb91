#include "onlinescandecider.h"

#include "sborapi.h"

namespace sbor::kiosk {

OnlineScanDecider::OnlineScanDecider(client::SborApi& api, const DoorWording& wording) : m_api(api), m_wording(wording)
{}

void OnlineScanDecider::decide(const wire::ScanSubmission& scan, Decided decided)
{
    const bool exit = scan.kind == wire::ScanKind::Exit;
    m_api.redeem(scan).then(this, [this, scan, exit, decided](client::ApiResult<wire::RedeemAnswer> answer) {
        const bool serverTrouble = !answer &&
            (answer.error().isTransport() || answer.error().kind == client::ApiError::Kind::BadAnswer ||
             answer.error().httpStatus >= 500 || answer.error().httpStatus == 429);
        if (serverTrouble) {
            // The guest is not kept waiting; the scan id makes it harmless if the server did
            // store the scan after all.
            decided(std::nullopt);
            return;
        }
        if (!answer) {
            const wire::RedeemAnswer failed{"error", std::nullopt, std::nullopt, scan.scanId, answer.error().error};
            decided(m_wording.verdictFor(failed, false, exit));
            return;
        }
        decided(m_wording.verdictFor(*answer, false, exit));
    });
}

} // namespace sbor::kiosk
