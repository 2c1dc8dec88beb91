#pragma once
// Asks the server: one short redeem attempt. No answer in time, or a server (or proxy) in
// trouble, and it does not decide (the caller decides offline at once); any answer it words.

#include "doorwording.h"
#include "scandecider.h"

#include <QObject>

namespace sbor::client {
class SborApi;
}

namespace sbor::kiosk {

class OnlineScanDecider : public QObject, public ScanDecider {
    Q_OBJECT

public:
    // `api` redeems with the kiosk's short timeout; both outlive this. Answers still on their way
    // when this is destroyed are dropped.
    OnlineScanDecider(client::SborApi& api, const DoorWording& wording);

    void decide(const wire::ScanSubmission& scan, Decided decided) override;

private:
    client::SborApi& m_api;
    const DoorWording& m_wording;
};

} // namespace sbor::kiosk
