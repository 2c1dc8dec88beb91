#include "queueuploader.h"

#include "sborapi.h"

#include "sbor/jsonvalue.h"
#include "sbor/doorresult.h"

#include <QDateTime>

#include <cstdlib>

namespace sbor::kiosk {

namespace {
constexpr int kBatchSize = 500;
constexpr qint64 kPauseAfterRefusalMs = 30000;
QString q(const std::string& text) { return QString::fromStdString(text); }
} // namespace

QueueUploader::QueueUploader(DoorStore& store, client::SborApi& api, std::string deviceId)
    : m_store(store), m_api(api), m_deviceId(std::move(deviceId))
{}

bool QueueUploader::mayUpload() const { return QDateTime::currentMSecsSinceEpoch() >= m_pausedUntil; }

void QueueUploader::upload()
{
    if (m_uploading)
        return;
    const auto queued = m_store.queued(kBatchSize);
    if (queued.empty())
        return;
    m_uploading = true;
    std::vector<wire::ScanSubmission> scans;
    for (const auto& item : queued)
        scans.push_back(item.scan);
    m_api.redeemBatch(scans).then(this, [this, queued](client::ApiResult<std::vector<wire::RedeemAnswer>> answers) {
        m_uploading = false;
        if (!answers) {
            const auto& failure = answers.error();
            if (failure.isTransport()) {
                emit reachabilityLearned(false);
                return;
            }
            m_pausedUntil = QDateTime::currentMSecsSinceEpoch() + kPauseAfterRefusalMs;
            setAsideRefused(queued, failure);
            return;
        }
        emit reachabilityLearned(true);
        std::vector<std::pair<QueuedScan, std::string>> accepted;
        for (std::size_t i = 0; i < answers->size() && i < queued.size(); ++i) {
            const auto& answer = (*answers)[i];
            const auto& local = queued[i];
            if (answer.error && answer.error->code != ErrorCode::Conflict)
                continue; // kept for the next upload
            accepted.emplace_back(local, answer.error ? std::string() : answer.result);
            const std::string admitted = doorResultText(DoorResult::Ok);
            if (local.localResult == admitted && answer.result != admitted && !answer.error)
                emit refusedAfterAdmission(local, answer);
        }
        m_store.acceptUploaded(accepted, m_deviceId);
        emit queueChanged();
        if (!accepted.empty() && m_store.queueLength() > 0)
            upload(); // the next batch
    });
}

void QueueUploader::setAsideRefused(const std::vector<QueuedScan>& queued, const client::ApiError& failure)
{
    // A batch the server refuses names the scans it cannot take (a scanned_at far from its
    // clock, say). Those are set aside, and shown, so the rest of the queue is not held up by them.
    std::vector<std::string> refused;
    const auto fields = failure.error.details.find("fields");
    if (fields != failure.error.details.end() && fields->is_array()) {
        for (const auto& field : *fields) {
            const std::string name = field.is_object() ? stringField(field, "field") : std::string();
            if (name.rfind("scans[", 0) != 0)
                continue;
            const std::size_t index = std::strtoul(name.c_str() + 6, nullptr, 10);
            if (index < queued.size()) {
                refused.push_back(queued[index].scan.scanId);
                emit setAside(q(queued[index].ticketId), q(stringField(field, "problem")));
            }
        }
    }
    if (!refused.empty()) {
        m_store.markRejected(refused, q(failure.error.message));
        m_pausedUntil = 0;
        emit queueChanged();
    }
}

void QueueUploader::settleAnnulments()
{
    for (const std::string& scanId : m_store.annulledQueued()) {
        m_api.annul(q(scanId)).then(this, [this, scanId](client::ApiResult<wire::AnnulAnswer> annulled) {
            if (annulled ||
                (annulled.error().kind == client::ApiError::Kind::Answered && annulled.error().httpStatus == 404)) {
                m_store.forgetQueued(scanId);
                m_store.annulSynced(scanId);
                emit annulmentSettled();
            }
        });
    }
}

} // namespace sbor::kiosk
