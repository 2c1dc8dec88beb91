#include "kioskapp.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QGuiApplication>
#include <QQmlApplicationEngine>
#include <QQmlContext>
#include <QQuickWindow>
#include <QStandardPaths>
#include <QTimer>

namespace sbor::kiosk {

std::optional<KioskOptions> parseKioskOptions(const QStringList& arguments, QString* error)
{
    QCommandLineParser parser;
    parser.setApplicationDescription("Sbor check-in kiosk");
    parser.addHelpOption();
    const QCommandLineOption server("server", "Server URL to enroll with (with --enroll).", "URL");
    const QCommandLineOption enroll("enroll", "Enroll at start with this one-time code, no typing.", "CODE");
    const QCommandLineOption pin("pin", "PIN that guards exit and settings (with --enroll).", "PIN");
    const QCommandLineOption scanFile("scan-file", "Scan the QR code in this image once ready (repeatable).", "IMAGE");
    const QCommandLineOption dataDir("data-dir", "Where the kiosk keeps its settings and offline copy.", "DIR");
    const QCommandLineOption language("language", "ru or en.", "LANG");
    const QCommandLineOption live("live", "Live feed URL (default: the server's host, port 8081).", "URL");
    const QCommandLineOption windowed("windowed", "A window instead of fullscreen (development).");
    const QCommandLineOption size("size", "Window size when windowed, e.g. 1920x1080.", "WxH");
    parser.addOptions({server, enroll, pin, scanFile, dataDir, language, live, windowed, size});
    if (!parser.parse(arguments)) {
        *error = parser.errorText();
        return std::nullopt;
    }
    if (parser.isSet("help")) {
        *error = parser.helpText();
        return std::nullopt;
    }
    KioskOptions options;
    options.server = parser.value(server);
    options.enrollCode = parser.value(enroll);
    options.pin = parser.value(pin);
    options.scanFiles = parser.values(scanFile);
    options.dataDir = parser.value(dataDir);
    options.language = parser.value(language);
    options.liveUrl = parser.value(live);
    options.windowed = parser.isSet(windowed);
    if (parser.isSet(size)) {
        const QStringList parts = parser.value(size).split('x');
        const int width = parts.value(0).toInt(), height = parts.value(1).toInt();
        if (parts.size() != 2 || width < 320 || height < 240) {
            *error = "--size must look like 1024x600";
            return std::nullopt;
        }
        options.size = QSize(width, height);
    }
    if (!options.enrollCode.isEmpty() && options.server.isEmpty()) {
        *error = "--enroll needs --server URL";
        return std::nullopt;
    }
    if (!options.language.isEmpty() && options.language != "ru" && options.language != "en") {
        *error = "--language must be ru or en";
        return std::nullopt;
    }
    for (const QString& file : options.scanFiles) {
        if (!QFileInfo(file).isReadable()) {
            *error = "--scan-file " + file + ": no such readable file";
            return std::nullopt;
        }
    }
    return options;
}

KioskApp::KioskApp(KioskOptions options, DoorController::Settings behaviour, QObject* parent)
    : QObject(parent), m_options(std::move(options))
{
    if (m_options.dataDir.isEmpty())
        m_options.dataDir = QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
    m_settings = std::make_unique<KioskSettings>(m_options.dataDir);
    if (!m_options.liveUrl.isEmpty())
        behaviour.liveUrl = m_options.liveUrl;
    m_door = std::make_unique<DoorController>(*m_settings, behaviour);
    m_camera = std::make_unique<CameraScanner>();
    m_wedge = std::make_unique<KeyboardWedge>(m_settings->wedge());
    m_feedback = std::make_unique<ScanFeedback>(QDir(m_options.dataDir).filePath("sounds"));
    connect(m_camera.get(), &CameraScanner::codeRead, m_door.get(),
            [this](const QString& text) { m_door->submitCode(text, "camera"); });
    connect(m_wedge.get(), &KeyboardWedge::scanned, m_door.get(),
            [this](const QString& text) { m_door->submitCode(text, "keyboard"); });
    connect(m_door.get(), &DoorController::verdictShown, m_feedback.get(), [this](const QString& tone) {
        if (tone == "admitted")
            m_feedback->admitted();
        else
            m_feedback->refused();
    });
    setLanguage(m_options.language.isEmpty() ? m_settings->language() : m_options.language);
}

KioskApp::~KioskApp()
{
    // The window goes before the objects its bindings read.
    m_engine.reset();
}

void KioskApp::setLanguage(const QString& language)
{
    if (language == m_language)
        return;
    QCoreApplication::removeTranslator(&m_translator);
    if (language == "ru" && m_translator.load(":/i18n/sbor-kiosk_ru.qm"))
        QCoreApplication::installTranslator(&m_translator);
    m_language = language;
    m_settings->setLanguage(language);
    if (m_engine)
        m_engine->retranslate();
    emit languageChanged();
}

bool KioskApp::start()
{
    m_engine = std::make_unique<QQmlApplicationEngine>();
    m_engine->rootContext()->setContextProperty("kiosk", this);
    m_engine->rootContext()->setContextProperty("door", m_door.get());
    m_engine->rootContext()->setContextProperty("camera", m_camera.get());
    m_engine->rootContext()->setContextProperty("initialSize", m_options.size);
    m_engine->load(QUrl("qrc:/qml/kiosk/Main.qml"));
    QQuickWindow* shown = window();
    if (!shown)
        return false;
    shown->installEventFilter(m_wedge.get());
    m_pendingFiles = m_options.scanFiles;
    if (!m_options.enrollCode.isEmpty() && !m_door->isEnrolled()) {
        // Scripted set-up: enroll, then scan the files once the first sync has the door's copy.
        m_door->enrollment()->enroll(m_options.server, m_options.enrollCode, m_options.pin);
    }
    if (!m_pendingFiles.isEmpty()) {
        auto* ready = new QTimer(this);
        ready->setInterval(200);
        connect(ready, &QTimer::timeout, this, [this, ready] {
            if (m_door->isEnrolled() && m_door->store()->list()) {
                ready->deleteLater();
                scanNextFile();
            }
        });
        ready->start();
    }
    return true;
}

void KioskApp::scanNextFile()
{
    if (m_pendingFiles.isEmpty()) {
        emit scanFilesDone();
        return;
    }
    const QString file = m_pendingFiles.takeFirst();
    m_door->scanImageFile(file);
    // The next file after the verdict has been seen, as at a real door.
    QTimer::singleShot(1500, this, &KioskApp::scanNextFile);
}

QQuickWindow* KioskApp::window() const
{
    if (!m_engine || m_engine->rootObjects().isEmpty())
        return nullptr;
    return qobject_cast<QQuickWindow*>(m_engine->rootObjects().first());
}

void KioskApp::quit() { QCoreApplication::quit(); }

} // namespace sbor::kiosk
