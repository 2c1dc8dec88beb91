#include "camerascanner.h"

#include "codereader.h"

#include <QCamera>
#include <QMediaCaptureSession>
#include <QMediaDevices>
#include <QVideoFrame>
#include <QVideoSink>

namespace sbor::kiosk {

void FrameDecoder::decode(const QVideoFrame& frame)
{
    const QString text = readCode(QVideoFrame(frame).toImage(), ReadOptions{false});
    m_busy = false;
    if (!text.isEmpty())
        emit decoded(text);
}

CameraScanner::CameraScanner(QObject* parent) : QObject(parent)
{
    m_decoder = new FrameDecoder(m_busy);
    m_decoder->moveToThread(&m_worker);
    connect(&m_worker, &QThread::finished, m_decoder, &QObject::deleteLater);
    connect(this, &CameraScanner::frameForDecoder, m_decoder, &FrameDecoder::decode, Qt::QueuedConnection);
    connect(m_decoder, &FrameDecoder::decoded, this, &CameraScanner::codeRead, Qt::QueuedConnection);
    m_worker.setObjectName("kiosk-frame-decoder");
    m_worker.start();
}

CameraScanner::~CameraScanner()
{
    stop();
    m_worker.quit();
    m_worker.wait();
}

bool CameraScanner::isAvailable() const { return !QMediaDevices::videoInputs().isEmpty(); }

void CameraScanner::setVideoSink(QVideoSink* sink)
{
    if (m_sink == sink)
        return;
    if (m_sink)
        disconnect(m_sink, nullptr, this, nullptr);
    m_sink = sink;
    if (m_sink)
        connect(m_sink, &QVideoSink::videoFrameChanged, this, &CameraScanner::onFrame);
    if (m_session)
        m_session->setVideoSink(m_sink);
    emit videoSinkChanged();
}

void CameraScanner::start()
{
    if (m_active || !isAvailable())
        return;
    m_camera = std::make_unique<QCamera>(QMediaDevices::defaultVideoInput());
    m_session = std::make_unique<QMediaCaptureSession>();
    m_session->setCamera(m_camera.get());
    if (m_sink)
        m_session->setVideoSink(m_sink);
    m_camera->start();
    m_active = true;
    emit activeChanged();
}

void CameraScanner::stop()
{
    if (!m_active)
        return;
    m_camera->stop();
    m_session.reset();
    m_camera.reset();
    m_active = false;
    emit activeChanged();
}

void CameraScanner::onFrame(const QVideoFrame& frame)
{
    if (!frame.isValid())
        return;
    bool idle = false;
    if (!m_busy.compare_exchange_strong(idle, true)) {
        ++m_dropped; // still decoding the last one
        return;
    }
    emit frameForDecoder(frame);
}

} // namespace sbor::kiosk
