#include "doorcontroller.h"

#include "codereader.h"
#include "doorlivefeed.h"
#include "onlinescandecider.h"

#include "sborapi.h"

#include "sbor/rfc3339.h"
#include "sbor/ticketcode.h"
#include "sbor/doorresult.h"

#include <QImageReader>
#include <QUrl>

namespace sbor::kiosk {

namespace {
QString q(const std::string& text) { return QString::fromStdString(text); }
} // namespace

DoorController::DoorController(KioskSettings& settings, Settings behaviour, QObject* parent)
    : QObject(parent),
      m_settings(settings),
      m_behaviour(std::move(behaviour)),
      m_enrollment(settings.enrollment()),
      m_store(std::make_unique<DoorStore>(settings.storePath())),
      m_wording(*m_store, m_enrollment),
      m_offlineDecider(*m_store, m_enrollment, m_wording),
      m_enrollmentFlow(this),
      m_sync(*m_store, {m_behaviour.probeIntervalMs, m_behaviour.syncIntervalMs}, this),
      m_counters(*m_store, this),
      m_conflicts(this),
      m_guestSearch(*m_store, m_sync, this)
{
    if (!m_store->isOpen())
        qWarning("%s", qPrintable(m_store->error()));
    m_verdictTimer.setSingleShot(true);
    connect(&m_verdictTimer, &QTimer::timeout, this, &DoorController::dismissVerdict);
    connect(&m_enrollmentFlow, &DeviceEnrollment::enrolled, this, &DoorController::adopt);
    connect(&m_sync, &DoorSync::copyChanged, this, &DoorController::refreshCounts);
    connect(&m_counters, &DoorCounters::changed, this, &DoorController::exitsAllowedChanged);
    if (isEnrolled())
        connectToServer();
}

DoorController::~DoorController() = default;

// ---- enrollment

void DoorController::adopt(const Enrollment& enrollment, const QString& pin)
{
    resetState();
    m_store->reset();
    m_enrollment = enrollment;
    m_settings.setEnrollment(m_enrollment);
    m_settings.setPin(pin);
    emit enrollmentChanged();
    connectToServer();
}

void DoorController::connectToServer()
{
    const QUrl server(m_enrollment.serverUrl);
    m_patient = std::make_unique<ServerSession>(server, ServerSession::kPatient, m_enrollment.deviceToken);
    m_quick = std::make_unique<ServerSession>(server, ServerSession::quick(m_behaviour.onlineTimeoutMs),
                                              m_enrollment.deviceToken);
    m_onlineDecider = std::make_unique<OnlineScanDecider>(m_quick->api(), m_wording);
    m_guestSearch.setServer(&m_quick->api(), m_enrollment.listId);

    QString liveUrl = m_behaviour.liveUrl;
    if (liveUrl.isEmpty())
        liveUrl = m_enrollment.liveUrl.isEmpty() ? defaultLiveUrl(m_enrollment.serverUrl) : m_enrollment.liveUrl;
    m_live = std::make_unique<DoorLiveFeed>(m_enrollment, liveUrl);
    connect(m_live.get(), &DoorLiveFeed::doorChanged, &m_sync, &DoorSync::soon);
    connect(m_live.get(), &DoorLiveFeed::admittedTwice, this,
            [this](const QString& ticketId) { addConflict(ticketId, {}, m_wording.admittedTwice()); });

    m_sync.start(m_patient->api(), m_enrollment.deviceId.toStdString());
    QueueUploader* uploader = m_sync.uploader();
    connect(uploader, &QueueUploader::refusedAfterAdmission, this,
            [this](const QueuedScan& local, const wire::RedeemAnswer& answer) {
                addConflict(q(local.ticketId), answer.ticket ? q(answer.ticket->holderName) : QString(),
                            m_wording.refusedOnUpload(answer, m_exitMode));
            });
    connect(uploader, &QueueUploader::setAside, this, [this](const QString& ticketId, const QString& problem) {
        addConflict(ticketId, {}, m_wording.notTaken(problem));
    });
}

void DoorController::unenroll()
{
    resetState();
    m_store->reset();
    m_settings.forgetEnrollment();
    m_settings.setPin({});
    m_enrollment = {};
    refreshCounts();
    emit enrollmentChanged();
    m_sync.announceQueue();
}

void DoorController::resetState()
{
    // Answers still on their way die with their clients; nothing of the old device's work may
    // hold the new one back (a "sync running" flag that no answer will ever clear).
    m_live.reset();
    m_sync.stop();
    m_verdictTimer.stop();
    m_guestSearch.setServer(nullptr, {});
    m_onlineDecider.reset();
    m_quick.reset();
    m_patient.reset();
    setBusy(false);
    m_lastAdmission.clear();
    m_lastCode.clear();
    m_conflicts.clear();
    m_verdict = {};
    emit undoChanged();
    emit verdictChanged();
}

// ---- scanning

wire::ScanSubmission DoorController::newScan() const
{
    const std::string scanId = "k" + m_enrollment.deviceId.left(8).toStdString() + "-" +
        client::newRequestKey().toStdString();
    return wire::ScanSubmission{{},
                                m_enrollment.listId.toStdString(),
                                scanId,
                                formatRfc3339(unixNowMicroseconds()),
                                m_exitMode ? wire::ScanKind::Exit : wire::ScanKind::Entry,
                                std::nullopt};
}

void DoorController::submitCode(const QString& text, const QString& source)
{
    Q_UNUSED(source);
    const QString trimmed = text.trimmed();
    if (!isEnrolled()) {
        // Before enrollment the only code worth reading is the organizer's enrollment QR.
        if (!m_enrollmentFlow.enrollFromHandshake(trimmed))
            emit scanIgnored("not_enrolled");
        return;
    }
    const std::string code = canonicalTicketCode(trimmed.toStdString());
    if (!readTicketCode(code)) {
        // Not a Sbor ticket at all (another barcode, a mistyped burst): say so without asking.
        show(m_wording.verdictFor({"unknown_ticket", std::nullopt, std::nullopt, {}, std::nullopt}, !m_sync.isOnline(),
                                  m_exitMode));
        emit scanIgnored("not_a_ticket_code");
        return;
    }
    if (q(code) == m_lastCode && m_lastCodeAt.isValid() && m_lastCodeAt.elapsed() < m_behaviour.duplicateWindowMs) {
        // A ticket held up to the camera is read many times a second: the window slides, so it
        // counts once however long it is held.
        m_lastCodeAt.start();
        emit scanIgnored("repeat");
        return;
    }
    m_lastCode = q(code);
    m_lastCodeAt.start();
    wire::ScanSubmission scan = newScan();
    scan.code = code;
    judge(scan);
}

bool DoorController::scanImageFile(const QString& pathOrUrl)
{
    const QUrl url(pathOrUrl);
    const QString path = url.isLocalFile() ? url.toLocalFile() : pathOrUrl;
    QImageReader reader(path);
    reader.setAutoTransform(true);
    const QString text = readCode(reader.read());
    if (text.isEmpty()) {
        show(m_wording.verdictFor({"unreadable", std::nullopt, std::nullopt, {}, std::nullopt}, !m_sync.isOnline(),
                                  m_exitMode));
        return false;
    }
    submitCode(text, "file");
    return true;
}

void DoorController::checkInTicket(const QString& ticketId)
{
    if (!isEnrolled())
        return;
    wire::ScanSubmission scan = newScan();
    scan.ticketId = ticketId.toStdString();
    judge(scan);
}

void DoorController::judge(const wire::ScanSubmission& scan)
{
    if (!m_sync.isOnline()) {
        decideOffline(scan);
        return;
    }
    setBusy(true);
    m_onlineDecider->decide(scan, [this, scan](std::optional<Verdict> verdict) {
        setBusy(false);
        if (!verdict) {
            m_sync.setOnline(false);
            decideOffline(scan);
            return;
        }
        show(*verdict);
        m_sync.soon(); // bring the copy up to date for the next offline decision
    });
}

void DoorController::decideOffline(const wire::ScanSubmission& scan)
{
    m_offlineDecider.decide(scan, [this](std::optional<Verdict> verdict) {
        m_sync.announceQueue();
        refreshCounts();
        show(*verdict);
    });
}

void DoorController::show(const Verdict& verdict)
{
    if (verdict.result == QLatin1String(doorResultName(DoorResult::Ok))) {
        m_lastAdmission = verdict.scanId;
        m_lastAdmissionQueued = verdict.offline; // decided here: it waits in the queue
        emit undoChanged();
    }
    m_verdict = verdict;
    emit verdictChanged();
    emit verdictShown(verdict.tone, verdict.result);
    m_verdictTimer.start(m_behaviour.verdictMs);
}

void DoorController::dismissVerdict()
{
    m_verdictTimer.stop();
    if (!m_verdict.isShown())
        return;
    m_verdict = {};
    emit verdictChanged();
}

void DoorController::setBusy(bool busy)
{
    if (m_busy == busy)
        return;
    m_busy = busy;
    emit busyChanged();
}

// ---- undo

void DoorController::undoLastAdmission()
{
    if (m_lastAdmission.isEmpty())
        return;
    const std::string scanId = m_lastAdmission.toStdString();
    m_lastAdmission.clear();
    emit undoChanged();
    if (m_lastAdmissionQueued && m_store->annulQueued(scanId)) {
        refreshCounts();
        m_sync.announceQueue();
        show(m_wording.verdictFor({"annulled", std::nullopt, std::nullopt, scanId, std::nullopt}, true, m_exitMode));
        m_verdict.headline = tr("Admission taken back");
        m_verdict.tone = "warning";
        emit verdictChanged();
        return;
    }
    m_patient->api().annul(q(scanId)).then(this, [this, scanId](client::ApiResult<wire::AnnulAnswer> annulled) {
        Verdict verdict;
        verdict.result = annulled ? "annulled" : "error";
        verdict.tone = annulled ? "warning" : "refused";
        verdict.headline = annulled ? tr("Admission taken back") : tr("Could not take the admission back");
        verdict.detail = annulled ? QString() : q(annulled.error().error.message);
        m_verdict = verdict;
        emit verdictChanged();
        m_verdictTimer.start(m_behaviour.verdictMs);
        if (annulled) {
            m_store->annulSynced(scanId);
            refreshCounts();
        }
    });
}

// ---- counters, conflicts

void DoorController::refreshCounts()
{
    m_counters.refresh();
    // A conflict about a ticket the copy did not have yet gets its guest's name once it does.
    m_conflicts.nameGuests([this](const QString& ticketId) { return m_wording.holderOf(ticketId.toStdString()); });
}

void DoorController::addConflict(const QString& ticketId, const QString& holder, const QString& detail)
{
    m_conflicts.add(ticketId, holder.isEmpty() ? m_wording.holderOf(ticketId.toStdString()) : holder, detail);
}

bool DoorController::exitsAllowed() const
{
    const auto list = m_store->list();
    return list && list->exitsAllowed;
}

void DoorController::setExitMode(bool exit)
{
    if (m_exitMode == exit)
        return;
    m_exitMode = exit;
    emit exitModeChanged();
}

} // namespace sbor::kiosk
