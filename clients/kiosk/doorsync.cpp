#include "doorsync.h"

#include "sborapi.h"

#include <QDateTime>

namespace sbor::kiosk {

namespace {
constexpr int kPageSize = 500;
constexpr int kPagesPerSync = 20;
constexpr int kSoonMs = 300;
} // namespace

DoorSync::DoorSync(DoorStore& store, Settings settings, QObject* parent) : QObject(parent), m_store(store)
{
    m_probeTimer.setInterval(settings.probeIntervalMs);
    connect(&m_probeTimer, &QTimer::timeout, this, &DoorSync::now);
    m_syncTimer.setInterval(settings.syncIntervalMs);
    connect(&m_syncTimer, &QTimer::timeout, this, &DoorSync::now);
    m_soon.setSingleShot(true);
    m_soon.setInterval(kSoonMs);
    connect(&m_soon, &QTimer::timeout, this, &DoorSync::now);
}

DoorSync::~DoorSync() = default;

void DoorSync::start(client::SborApi& api, const std::string& deviceId)
{
    m_api = &api;
    m_uploader = std::make_unique<QueueUploader>(m_store, api, deviceId);
    connect(m_uploader.get(), &QueueUploader::reachabilityLearned, this, &DoorSync::setOnline);
    connect(m_uploader.get(), &QueueUploader::queueChanged, this, [this] {
        emit copyChanged();
        emit queueChanged();
    });
    connect(m_uploader.get(), &QueueUploader::annulmentSettled, this, &DoorSync::copyChanged);
    m_syncTimer.start();
    now();
}

void DoorSync::stop()
{
    m_syncTimer.stop();
    m_probeTimer.stop();
    m_soon.stop();
    m_uploader.reset();
    m_api = nullptr;
    m_syncing = false;
    setOnline(true);
}

void DoorSync::setOnline(bool online)
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

int DoorSync::queueLength() const { return m_store.queueLength(); }

void DoorSync::soon() { m_soon.start(); }

void DoorSync::now()
{
    if (!m_api || m_syncing || m_uploader->isUploading())
        return;
    m_syncing = true;
    syncPages(m_store.cursor(), kPagesPerSync);
}

void DoorSync::syncPages(const QString& cursor, int pages)
{
    m_api->syncDoor(cursor, kPageSize)
        .then(m_uploader.get(), [this, pages](client::ApiResult<wire::DoorSyncPage> page) {
            if (!page) {
                m_syncing = false;
                const auto& failure = page.error();
                if (failure.isTransport() || failure.kind == client::ApiError::Kind::BadAnswer ||
                    failure.httpStatus >= 500)
                    setOnline(false);
                return;
            }
            setOnline(true);
            m_store.apply(*page);
            if (page->hasMore && pages > 1) {
                syncPages(QString::fromStdString(page->nextCursor), pages - 1);
                return;
            }
            m_syncing = false;
            m_lastSync = QDateTime::currentDateTime().toString("HH:mm:ss");
            emit copyChanged();
            emit queueChanged();
            m_uploader->settleAnnulments();
            if (m_store.queueLength() > 0 && m_uploader->mayUpload())
                m_uploader->upload();
        });
}

} // namespace sbor::kiosk
