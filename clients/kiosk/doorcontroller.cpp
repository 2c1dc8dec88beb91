#include "doorcontroller.h"

#include "codereader.h"

#include "sbor/jsonvalue.h"
#include "sbor/rfc3339.h"
#include "sbor/ticketcode.h"

#include <QDateTime>
#include <QFileInfo>
#include <QImageReader>
#include <QRandomGenerator>
#include <QUrl>

namespace sbor::kiosk {

namespace {

QString q(const std::string& text) { return QString::fromStdString(text); }

// What the staff member sees, by the result's weight: come in, look closer, stop.
QString toneOf(const std::string& result)
{
    if (result == "ok")
        return "admitted";
    if (result == "already_redeemed")
        return "warning";
    return "refused";
}

QString localTime(const std::string& rfc3339)
{
    const auto micros = parseRfc3339(rfc3339);
    if (!micros)
        return {};
    return QDateTime::fromMSecsSinceEpoch(*micros / 1000).toLocalTime().toString("HH:mm");
}

} // namespace

DoorController::DoorController(KioskSettings& settings, Settings behaviour, QObject* parent)
    : QObject(parent),
      m_settings(settings),
      m_behaviour(std::move(behaviour)),
      m_enrollment(settings.enrollment()),
      m_store(std::make_unique<DoorStore>(settings.storePath()))
{
    if (!m_store->isOpen())
        qWarning("%s", qPrintable(m_store->error()));
    m_verdictTimer.setSingleShot(true);
    connect(&m_verdictTimer, &QTimer::timeout, this, &DoorController::dismissVerdict);
    m_probeTimer.setInterval(m_behaviour.probeIntervalMs);
    connect(&m_probeTimer, &QTimer::timeout, this, &DoorController::probe);
    m_syncTimer.setInterval(m_behaviour.syncIntervalMs);
    connect(&m_syncTimer, &QTimer::timeout, this, &DoorController::syncNow);
    m_liveSyncDebounce.setSingleShot(true);
    m_liveSyncDebounce.setInterval(300);
    connect(&m_liveSyncDebounce, &QTimer::timeout, this, &DoorController::syncNow);
    refreshCounts();
    if (isEnrolled())
        connectToServer();
}

DoorController::~DoorController() = default;

void DoorController::connectToServer()
{
    const QUrl server(m_enrollment.serverUrl);
    m_client = std::make_unique<client::ApiClient>(client::ApiClient::Settings{server, 10000, 3, 250});
    m_doorClient = std::make_unique<client::ApiClient>(
        client::ApiClient::Settings{server, m_behaviour.onlineTimeoutMs, 1, 0});
    for (auto* client : {m_client.get(), m_doorClient.get()}) {
        client->setStaticToken(m_enrollment.deviceToken);
        client->setBaseUrl(server);
    }
    m_api = std::make_unique<client::SborApi>(*m_client);
    m_doorApi = std::make_unique<client::SborApi>(*m_doorClient);
    QString liveUrl = m_behaviour.liveUrl;
    if (liveUrl.isEmpty())
        liveUrl = m_enrollment.liveUrl.isEmpty() ? defaultLiveUrl(m_enrollment.serverUrl) : m_enrollment.liveUrl;
    const QString token = m_enrollment.deviceToken;
    m_live = std::make_unique<client::LiveFeed>(client::LiveFeed::Settings{QUrl(liveUrl)}, [token] { return token; });
    connect(m_live.get(), &client::LiveFeed::frameReceived, this, &DoorController::onLiveFrame);
    connect(m_live.get(), &client::LiveFeed::resyncRequired, this, [this] { m_liveSyncDebounce.start(); });
    m_live->subscribe("event:" + m_enrollment.eventId);
    m_live->start();
    m_syncTimer.start();
    syncNow();
}

// ---- enrollment

void DoorController::enroll(const QString& serverUrl, const QString& code, const QString& pin)
{
    const QUrl server = QUrl::fromUserInput(serverUrl.trimmed());
    if (!server.isValid() || (server.scheme() != "http" && server.scheme() != "https") || code.trimmed().isEmpty()) {
        m_enrollError = tr("Enter the server address and the code from the organizer's screen.");
        emit enrollingChanged();
        return;
    }
    if (m_enrolling)
        return;
    m_enrolling = true;
    m_enrollError.clear();
    emit enrollingChanged();
    // Kept as members and released later: the answer arrives inside the client's own signal.
    m_enrollClient = std::make_unique<client::ApiClient>(client::ApiClient::Settings{server, 10000, 3, 250});
    m_enrollApi = std::make_unique<client::SborApi>(*m_enrollClient);
    m_enrollApi->enrollDevice(code.trimmed())
        .then(this, [this, server, pin](client::ApiResult<wire::EnrolledDevice> enrolled) {
            m_enrolling = false;
            m_enrollClient.release()->deleteLater();
            m_enrollApi.reset();
            if (!enrolled) {
                const auto& failure = enrolled.error();
                m_enrollError = failure.isTransport()
                    ? tr("Cannot reach %1. Check the address and the network.").arg(server.toString())
                    : failure.httpStatus == 401
                    ? tr("This code is not valid (any more). Ask the organizer for a new one.")
                    : q(failure.error.message);
                emit enrollingChanged();
                return;
            }
            resetState();
            m_store->reset();
            m_enrollment = Enrollment{server.toString(QUrl::StripTrailingSlash),
                                      {},
                                      q(enrolled->deviceToken),
                                      q(enrolled->deviceId),
                                      q(enrolled->eventId),
                                      q(enrolled->eventTitle),
                                      q(enrolled->listId),
                                      q(enrolled->listName)};
            m_settings.setEnrollment(m_enrollment);
            m_settings.setPin(pin);
            emit enrollingChanged();
            emit enrollmentChanged();
            connectToServer();
        });
}

bool DoorController::enrollFromHandshake(const QString& text, const QString& pin)
{
    const auto handshake = wire::parseEnrollmentHandshake(text.toStdString());
    if (!handshake)
        return false;
    enroll(q(handshake->server), q(handshake->code), pin);
    return true;
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
    emit queueChanged();
}

void DoorController::resetState()
{
    // Answers still on their way die with their clients; nothing of the old device's work may
    // hold the new one back (a "sync running" flag that no answer will ever clear).
    if (m_live)
        m_live->stop();
    m_syncTimer.stop();
    m_probeTimer.stop();
    m_verdictTimer.stop();
    m_liveSyncDebounce.stop();
    m_live.reset();
    m_doorApi.reset();
    m_api.reset();
    m_doorClient.reset();
    m_client.reset();
    m_syncing = m_uploading = false;
    m_uploadPausedUntil = 0;
    setBusy(false);
    setOnline(true);
    m_lastAdmission.clear();
    m_lastCode.clear();
    m_conflicts.clear();
    m_searchResults.clear();
    m_verdict.clear();
    emit undoChanged();
    emit conflictsChanged();
    emit searchResultsChanged();
    emit verdictChanged();
}

// ---- scanning

std::string DoorController::newScanId() const
{
    return "k" + m_enrollment.deviceId.left(8).toStdString() + "-" + client::newRequestKey().toStdString();
}

void DoorController::submitCode(const QString& text, const QString& source)
{
    const QString trimmed = text.trimmed();
    if (!isEnrolled()) {
        // Before enrollment the only code worth reading is the organizer's enrollment QR.
        if (!enrollFromHandshake(trimmed))
            emit scanIgnored("not_enrolled");
        return;
    }
    const std::string code = canonicalTicketCode(trimmed.toStdString());
    if (!readTicketCode(code)) {
        // Not a Sbor ticket at all (another barcode, a mistyped burst): say so without asking.
        show(wire::RedeemAnswer{"unknown_ticket", std::nullopt, std::nullopt, {}, std::nullopt}, !m_online);
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
    Q_UNUSED(source);
    wire::ScanSubmission scan{code,
                              m_enrollment.listId.toStdString(),
                              newScanId(),
                              formatRfc3339(unixNowMicroseconds()),
                              m_exitMode ? wire::ScanKind::Exit : wire::ScanKind::Entry,
                              std::nullopt};
    judge(scan, {});
}

bool DoorController::scanImageFile(const QString& pathOrUrl)
{
    const QUrl url(pathOrUrl);
    const QString path = url.isLocalFile() ? url.toLocalFile() : pathOrUrl;
    QImageReader reader(path);
    reader.setAutoTransform(true);
    const QString text = readCode(reader.read());
    if (text.isEmpty()) {
        show(wire::RedeemAnswer{"unreadable", std::nullopt, std::nullopt, {}, std::nullopt}, !m_online);
        return false;
    }
    submitCode(text, "file");
    return true;
}

void DoorController::checkInTicket(const QString& ticketId)
{
    if (!isEnrolled())
        return;
    wire::ScanSubmission scan{{},
                              m_enrollment.listId.toStdString(),
                              newScanId(),
                              formatRfc3339(unixNowMicroseconds()),
                              m_exitMode ? wire::ScanKind::Exit : wire::ScanKind::Entry,
                              ticketId.toStdString()};
    judge(scan, ticketId);
}

void DoorController::judge(const wire::ScanSubmission& scan, const QString& ticketIdForManual)
{
    if (!m_online) {
        decideLocally(scan, ticketIdForManual, true);
        return;
    }
    setBusy(true);
    QElapsedTimer clock;
    clock.start();
    m_doorApi->redeem(scan).then(this, [this, scan, ticketIdForManual](client::ApiResult<wire::RedeemAnswer> answer) {
        setBusy(false);
        const bool serverTrouble = !answer &&
            (answer.error().isTransport() || answer.error().kind == client::ApiError::Kind::BadAnswer ||
             answer.error().httpStatus >= 500 || answer.error().httpStatus == 429);
        if (serverTrouble) {
            // No answer in time, or a server (or proxy) in trouble: the guest is not kept waiting.
            // The scan id makes it harmless if the server did store the scan after all.
            setOnline(false);
            decideLocally(scan, ticketIdForManual, true);
            return;
        }
        if (!answer) {
            wire::RedeemAnswer failed{"error", std::nullopt, std::nullopt, scan.scanId, answer.error().error};
            show(failed, false);
            return;
        }
        if (answer->result == "ok") {
            m_lastAdmission = q(scan.scanId);
            m_lastAdmissionQueued = false;
            emit undoChanged();
        }
        show(*answer, false);
        m_liveSyncDebounce.start(); // bring the copy up to date for the next offline decision
    });
}

void DoorController::decideLocally(const wire::ScanSubmission& scan, const QString& ticketIdForManual, bool queue)
{
    std::optional<wire::TicketSummary> ticket;
    DoorFacts facts;
    if (!ticketIdForManual.isEmpty()) {
        facts = m_store->factsForTicket(ticketIdForManual.toStdString(), scan.kind, unixNowMicroseconds(),
                                        m_enrollment.deviceId.toStdString(), &ticket);
    } else {
        facts = m_store->factsFor(scan.code, scan.kind, unixNowMicroseconds(), m_enrollment.deviceId.toStdString(),
                                  &ticket);
    }
    // Judged as the server will judge it on upload: an exit must follow this kiosk's own entry.
    facts.offline = true;
    const DoorVerdict verdict = judgeScan(facts);
    wire::RedeemAnswer answer{verdict.result, ticket, std::nullopt, scan.scanId, std::nullopt};
    if (verdict.previous)
        answer.previous = wire::PreviousAdmission{formatRfc3339(verdict.previous->at), verdict.previous->listId,
                                                  verdict.previous->deviceId};
    if (queue) {
        m_store->enqueue(QueuedScan{scan, ticket ? ticket->id : std::string(), verdict.result});
        emit queueChanged();
    }
    if (verdict.result == "ok") {
        m_lastAdmission = q(scan.scanId);
        m_lastAdmissionQueued = queue;
        emit undoChanged();
    }
    refreshCounts();
    show(answer, true);
}

QString DoorController::holderOf(const std::string& ticketId) const
{
    const auto ticket = m_store->ticket(ticketId);
    return ticket ? q(ticket->holderName) : QString();
}

QString DoorController::reasonText(const QString& result) const
{
    if (result == "ok")
        return tr("Welcome!");
    if (result == "already_redeemed")
        return tr("Already checked in");
    if (result == "unknown_ticket")
        return tr("Unknown ticket");
    if (result == "invalid_signature")
        return tr("Forged or damaged code");
    if (result == "revoked")
        return tr("This ticket was replaced by a newer one");
    if (result == "blocked")
        return tr("Ticket blocked — send the guest to the info desk");
    if (result == "cancelled")
        return tr("Ticket cancelled");
    if (result == "unpaid")
        return tr("Order not paid");
    if (result == "wrong_event")
        return tr("Ticket for another event");
    if (result == "not_allowed_on_list")
        return m_exitMode ? tr("Exit not possible for this ticket here")
                          : tr("This ticket is not valid at this entrance");
    if (result == "too_early")
        return tr("Too early: this ticket is not valid yet");
    if (result == "too_late")
        return tr("This ticket is no longer valid");
    if (result == "unreadable")
        return tr("No code found in the picture");
    return tr("Could not check the ticket");
}

void DoorController::show(const wire::RedeemAnswer& answer, bool offline)
{
    const QString result = q(answer.result);
    QVariantMap verdict;
    verdict["result"] = result;
    verdict["tone"] = toneOf(answer.result);
    verdict["headline"] = reasonText(result);
    verdict["offline"] = offline;
    verdict["exit"] = m_exitMode;
    if (answer.ticket) {
        QString holder = q(answer.ticket->holderName);
        if (holder.isEmpty())
            holder = holderOf(answer.ticket->id);
        verdict["holderName"] = holder;
        verdict["ticketType"] = q(m_store->ticketTypeName(answer.ticket->ticketTypeId));
    }
    if (answer.previous) {
        const bool here = answer.previous->deviceId && q(*answer.previous->deviceId) == m_enrollment.deviceId;
        const bool thisList = q(answer.previous->listId) == m_enrollment.listId;
        verdict["previousAt"] = localTime(answer.previous->at);
        verdict["previousWhere"] = here ? tr("at this kiosk")
            : thisList                  ? tr("at %1, another kiosk").arg(m_enrollment.listName)
                                        : tr("at another entrance");
        verdict["detail"] =
            tr("First admitted at %1 %2").arg(verdict["previousAt"].toString(), verdict["previousWhere"].toString());
    } else if (answer.error) {
        verdict["detail"] = q(answer.error->message);
    } else if (answer.result == "ok" && m_exitMode) {
        verdict["headline"] = tr("Goodbye!");
    }
    verdict["shownAt"] = QDateTime::currentDateTime().toString("HH:mm:ss");
    m_verdict = verdict;
    emit verdictChanged();
    emit verdictShown(verdict["tone"].toString(), result);
    m_verdictTimer.start(m_behaviour.verdictMs);
}

void DoorController::dismissVerdict()
{
    m_verdictTimer.stop();
    if (m_verdict.isEmpty())
        return;
    m_verdict.clear();
    emit verdictChanged();
}

// ---- undo, search

void DoorController::undoLastAdmission()
{
    if (m_lastAdmission.isEmpty())
        return;
    const std::string scanId = m_lastAdmission.toStdString();
    m_lastAdmission.clear();
    emit undoChanged();
    if (m_lastAdmissionQueued && m_store->annulQueued(scanId)) {
        refreshCounts();
        emit queueChanged();
        show(wire::RedeemAnswer{"annulled", std::nullopt, std::nullopt, scanId, std::nullopt}, true);
        m_verdict["headline"] = tr("Admission taken back");
        m_verdict["tone"] = "warning";
        emit verdictChanged();
        return;
    }
    m_api->annul(q(scanId)).then(this, [this, scanId](client::ApiResult<wire::AnnulAnswer> annulled) {
        QVariantMap verdict;
        verdict["result"] = annulled ? "annulled" : "error";
        verdict["tone"] = annulled ? "warning" : "refused";
        verdict["headline"] = annulled ? tr("Admission taken back") : tr("Could not take the admission back");
        verdict["detail"] = annulled ? QString() : q(annulled.error().error.message);
        m_verdict = verdict;
        emit verdictChanged();
        m_verdictTimer.start(m_behaviour.verdictMs);
        if (annulled) {
            m_store->annulSynced(scanId);
            refreshCounts();
        }
    });
}

void DoorController::search(const QString& text)
{
    const QString needle = text.trimmed();
    if (needle.size() < 2) {
        ++m_searchGeneration;
        m_searchResults.clear();
        emit searchResultsChanged();
        return;
    }
    const auto publish = [this](const std::vector<wire::DoorSearchHit>& hits, bool offline) {
        m_searchResults.clear();
        for (const auto& hit : hits) {
            QVariantMap row;
            row["ticketId"] = q(hit.ticketId);
            row["holderName"] = q(hit.holderName);
            row["ticketType"] = q(m_store->ticketTypeName(hit.ticketTypeId));
            row["orderId"] = q(hit.orderId);
            row["status"] = q(hit.status);
            row["blocked"] = hit.blocked;
            row["checkedIn"] = hit.checkedIn;
            row["offline"] = offline;
            m_searchResults.append(row);
        }
        emit searchResultsChanged();
    };
    const quint64 generation = ++m_searchGeneration;
    if (!m_online || !m_doorApi) {
        publish(m_store->searchByName(needle, 50), true);
        return;
    }
    m_doorApi->searchDoor(m_enrollment.listId, needle, 50)
        .then(this, [this, needle, publish, generation](client::ApiResult<std::vector<wire::DoorSearchHit>> hits) {
            if (generation != m_searchGeneration)
                return; // staff typed on: a newer search is on its way
            if (hits)
                publish(*hits, false);
            else
                publish(m_store->searchByName(needle, 50), true); // search the copy rather than show nothing
            if (!hits && hits.error().isTransport())
                setOnline(false);
        });
}

void DoorController::dismissConflict(int index)
{
    if (index < 0 || index >= m_conflicts.size())
        return;
    m_conflicts.removeAt(index);
    emit conflictsChanged();
}

void DoorController::addConflict(const QString& ticketId, const QString& holder, const QString& detail)
{
    for (const auto& existing : m_conflicts)
        if (existing.toMap().value("ticketId") == ticketId)
            return;
    QVariantMap conflict;
    conflict["ticketId"] = ticketId;
    conflict["holderName"] = holder.isEmpty() ? holderOf(ticketId.toStdString()) : holder;
    conflict["detail"] = detail;
    conflict["at"] = QDateTime::currentDateTime().toString("HH:mm");
    m_conflicts.prepend(conflict);
    emit conflictsChanged();
}

// ---- connectivity, sync, queue

void DoorController::setOnline(bool online)
{
    if (m_online == online)
        return;
    m_online = online;
    if (online)
        m_probeTimer.stop();
    else
        m_probeTimer.start();
    emit onlineChanged();
}

void DoorController::setBusy(bool busy)
{
    if (m_busy == busy)
        return;
    m_busy = busy;
    emit busyChanged();
}

void DoorController::probe()
{
    // The sync is the probe: any answer means the server is back, and it brings the copy along.
    syncNow();
}

void DoorController::syncNow()
{
    if (!m_api || m_syncing || m_uploading)
        return;
    m_syncing = true;
    syncPages(m_store->cursor(), 20);
}

void DoorController::syncPages(const QString& cursor, int pages)
{
    m_api->syncDoor(cursor, 500).then(this, [this, pages](client::ApiResult<wire::DoorSyncPage> page) {
        if (!page) {
            m_syncing = false;
            const auto& failure = page.error();
            if (failure.isTransport() || failure.kind == client::ApiError::Kind::BadAnswer || failure.httpStatus >= 500)
                setOnline(false);
            return;
        }
        setOnline(true);
        m_store->apply(*page);
        if (page->hasMore && pages > 1) {
            syncPages(q(page->nextCursor), pages - 1);
            return;
        }
        m_syncing = false;
        m_lastSync = QDateTime::currentDateTime().toString("HH:mm:ss");
        refreshCounts();
        emit queueChanged();
        settleAnnulments();
        // After a refused batch, wait a while before the next try: a struggling server is not
        // helped by the same request in a loop.
        if (m_store->queueLength() > 0 && QDateTime::currentMSecsSinceEpoch() >= m_uploadPausedUntil)
            uploadQueue();
    });
}

void DoorController::uploadQueue()
{
    if (!m_api || m_uploading)
        return;
    const auto queued = m_store->queued(500);
    if (queued.empty())
        return;
    m_uploading = true;
    std::vector<wire::ScanSubmission> scans;
    for (const auto& item : queued)
        scans.push_back(item.scan);
    m_api->redeemBatch(scans).then(this, [this, queued](client::ApiResult<std::vector<wire::RedeemAnswer>> answers) {
        m_uploading = false;
        if (!answers) {
            const auto& failure = answers.error();
            if (failure.isTransport()) {
                setOnline(false);
                return;
            }
            m_uploadPausedUntil = QDateTime::currentMSecsSinceEpoch() + 30000;
            setAsideRefused(queued, failure);
            return;
        }
        setOnline(true);
        std::vector<std::pair<QueuedScan, std::string>> accepted;
        for (std::size_t i = 0; i < answers->size() && i < queued.size(); ++i) {
            const auto& answer = (*answers)[i];
            const auto& local = queued[i];
            if (answer.error && answer.error->code != ErrorCode::Conflict)
                continue; // kept for the next upload
            accepted.emplace_back(local, answer.error ? std::string() : answer.result);
            // Admitted here while offline, but the server knew better: the guest is inside, so
            // the staff member must hear of it now.
            if (local.localResult == "ok" && answer.result != "ok" && !answer.error) {
                QString detail = reasonText(q(answer.result));
                if (answer.previous)
                    detail = tr("Admitted here offline, but already admitted at %1 %2")
                                 .arg(localTime(answer.previous->at),
                                      answer.previous->deviceId &&
                                              q(*answer.previous->deviceId) == m_enrollment.deviceId
                                          ? tr("at this kiosk")
                                          : tr("at another kiosk"));
                addConflict(q(local.ticketId), answer.ticket ? q(answer.ticket->holderName) : QString(), detail);
            }
        }
        m_store->acceptUploaded(accepted, m_enrollment.deviceId.toStdString());
        refreshCounts();
        emit queueChanged();
        if (!accepted.empty() && m_store->queueLength() > 0)
            uploadQueue(); // the next 500
    });
}

void DoorController::setAsideRefused(const std::vector<QueuedScan>& queued, const client::ApiError& failure)
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
                addConflict(q(queued[index].ticketId), {},
                            tr("The server did not take this offline scan: %1").arg(q(stringField(field, "problem"))));
            }
        }
    }
    if (!refused.empty()) {
        m_store->markRejected(refused, q(failure.error.message));
        m_uploadPausedUntil = 0;
        emit queueChanged();
    }
}

void DoorController::settleAnnulments()
{
    // Admissions taken back while offline: the server may have stored them (a redeem whose answer
    // never came, an upload in flight), so it is told; "no such scan" means there was nothing.
    for (const std::string& scanId : m_store->annulledQueued()) {
        m_api->annul(q(scanId)).then(this, [this, scanId](client::ApiResult<wire::AnnulAnswer> annulled) {
            if (annulled ||
                (annulled.error().kind == client::ApiError::Kind::Answered && annulled.error().httpStatus == 404)) {
                m_store->forgetQueued(scanId);
                m_store->annulSynced(scanId);
                refreshCounts();
            }
        });
    }
}

void DoorController::onLiveFrame(const wire::LiveFrame& frame)
{
    if (frame.type == "checkin.conflict") {
        const auto& data = frame.data;
        const auto deviceOf = [&data](const char* which) {
            const auto scan = data.find(which);
            return scan != data.end() && scan->is_object() ? stringField(*scan, "device_id")
                                                           : std::string(); // null for a person
        };
        const std::string me = m_enrollment.deviceId.toStdString();
        if (deviceOf("first") == me || deviceOf("second") == me)
            addConflict(q(stringField(data, "ticket_id")), {}, tr("Admitted at two entrances: check the ticket"));
    }
    if (frame.type.rfind("checkin.", 0) == 0 || frame.type.rfind("ticket.", 0) == 0 ||
        frame.type.rfind("order.", 0) == 0)
        m_liveSyncDebounce.start();
}

void DoorController::refreshCounts()
{
    m_counts = m_store->counts();
    emit countsChanged();
    // A conflict about a ticket the copy did not have yet gets its guest's name once it does.
    bool named = false;
    for (auto& entry : m_conflicts) {
        QVariantMap conflict = entry.toMap();
        if (!conflict.value("holderName").toString().isEmpty())
            continue;
        if (const QString holder = holderOf(conflict.value("ticketId").toString().toStdString()); !holder.isEmpty()) {
            conflict["holderName"] = holder;
            entry = conflict;
            named = true;
        }
    }
    if (named)
        emit conflictsChanged();
}

int DoorController::queueLength() const { return m_store->queueLength(); }

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
