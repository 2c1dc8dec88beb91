#pragma once
// Scanning with the camera: Qt Multimedia delivers frames to the viewfinder's video sink; each
// frame that arrives while the decoder is idle goes to a worker thread, where ZXing looks for a
// code. Frames that arrive while it is busy are dropped — never queued, never decoded on the GUI
// thread — so the viewfinder stays smooth and a verdict always comes from a recent frame.

#include <QImage>
#include <QObject>
#include <QVideoFrame>
#include <QVideoSink>
#include <QPointer>
#include <QThread>

#include <atomic>
#include <memory>

class QCamera;
class QMediaCaptureSession;

namespace sbor::kiosk {

class FrameDecoder : public QObject {
    Q_OBJECT
public:
    explicit FrameDecoder(std::atomic<bool>& busy) : m_busy(busy) {}
public slots:
    void decode(const QVideoFrame& frame);
signals:
    void decoded(const QString& text);

private:
    std::atomic<bool>& m_busy;
};

class CameraScanner : public QObject {
    Q_OBJECT
    Q_PROPERTY(bool available READ isAvailable NOTIFY availableChanged)
    Q_PROPERTY(bool active READ isActive NOTIFY activeChanged)
    Q_PROPERTY(QVideoSink* videoSink READ videoSink WRITE setVideoSink NOTIFY videoSinkChanged)

public:
    explicit CameraScanner(QObject* parent = nullptr);
    ~CameraScanner() override;

    bool isAvailable() const;
    bool isActive() const { return m_active; }
    QVideoSink* videoSink() const { return m_sink; }
    void setVideoSink(QVideoSink* sink);
    Q_INVOKABLE void start();
    Q_INVOKABLE void stop();
    int droppedFrames() const { return m_dropped; }

signals:
    void codeRead(const QString& text);
    void availableChanged();
    void activeChanged();
    void videoSinkChanged();
    void frameForDecoder(const QVideoFrame& frame);

private:
    void onFrame(const QVideoFrame& frame);

    QPointer<QVideoSink> m_sink;
    std::unique_ptr<QCamera> m_camera;
    std::unique_ptr<QMediaCaptureSession> m_session;
    QThread m_worker;
    FrameDecoder* m_decoder = nullptr;
    std::atomic<bool> m_busy{false};
    bool m_active = false;
    int m_dropped = 0;
};

} // namespace sbor::kiosk
