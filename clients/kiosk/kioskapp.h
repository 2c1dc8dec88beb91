#pragma once
// The kiosk as one object: settings and store in its data dir, the door controller, the camera,
// the keyboard wedge, the sounds, the translations and the QML window. main() makes one; the GUI
// tests make one too, so they drive exactly what staff use. Its QML (the Sbor.Kiosk module) sees
// the app, the door and the camera as the singletons Kiosk, Door and CameraScanner (kioskqmltypes.h).

#include "camerascanner.h"
#include "doorcontroller.h"
#include "keyboardwedge.h"
#include "kiosksettings.h"
#include "scanfeedback.h"

#include <QObject>
#include <QSize>
#include <QStringList>
#include <QTranslator>

#include <memory>

class QQmlApplicationEngine;
class QQuickWindow;

namespace sbor::kiosk {

struct KioskOptions {
    QString dataDir;       // default: the platform's app data dir
    QString server;        // --server URL
    QString enrollCode;    // --enroll CODE: enroll at start, no typing
    QString pin;           // --pin PIN: set with the scripted enrollment
    QStringList scanFiles; // --scan-file IMAGE (repeatable), scanned once the kiosk is ready
    QString language;      // --language ru|en
    QString liveUrl;       // --live URL (ws://…/api/v1/live)
    bool windowed = false; // --windowed: not fullscreen (development)
    QSize size{1024, 600}; // --size WxH of the window when windowed
};

// Parses the kiosk's command line; nullopt (and `error`) when it cannot.
std::optional<KioskOptions> parseKioskOptions(const QStringList& arguments, QString* error);

class KioskApp : public QObject {
    Q_OBJECT
    Q_PROPERTY(QString language READ language WRITE setLanguage NOTIFY languageChanged)
    Q_PROPERTY(bool fullscreen READ fullscreen CONSTANT)
    // The window's size when windowed: two numbers, as Qt 6.4's qmllint knows no QSize.
    Q_PROPERTY(int initialWidth READ initialWidth CONSTANT)
    Q_PROPERTY(int initialHeight READ initialHeight CONSTANT)

public:
    KioskApp(KioskOptions options, DoorController::Settings behaviour, QObject* parent = nullptr);
    ~KioskApp() override;

    // Loads the QML and shows the window; false when the QML did not load.
    bool start();

    QQuickWindow* window() const;
    DoorController& door() { return *m_door; }
    CameraScanner& camera() { return *m_camera; }
    KeyboardWedge& wedge() { return *m_wedge; }
    ScanFeedback& feedback() { return *m_feedback; }
    KioskSettings& settings() { return *m_settings; }

    QString language() const { return m_language; }
    void setLanguage(const QString& language);
    bool fullscreen() const { return !m_options.windowed; }
    int initialWidth() const { return m_options.size.width(); }
    int initialHeight() const { return m_options.size.height(); }
    Q_INVOKABLE void quit();

signals:
    void languageChanged();
    void scanFilesDone();

private:
    void scanNextFile();

    KioskOptions m_options;
    std::unique_ptr<KioskSettings> m_settings;
    std::unique_ptr<DoorController> m_door;
    std::unique_ptr<CameraScanner> m_camera;
    std::unique_ptr<KeyboardWedge> m_wedge;
    std::unique_ptr<ScanFeedback> m_feedback;
    std::unique_ptr<QQmlApplicationEngine> m_engine;
    QTranslator m_translator;
    QString m_language;
    QStringList m_pendingFiles;
};

} // namespace sbor::kiosk
