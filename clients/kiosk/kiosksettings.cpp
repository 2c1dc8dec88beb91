#include "kiosksettings.h"

#include <QDir>
#include <QLocale>
#include <QUrl>

#include <sodium.h>

namespace sbor::kiosk {

KioskSettings::KioskSettings(const QString& dataDir)
    : m_dataDir(dataDir), m_settings(QDir(dataDir).filePath("kiosk.ini"), QSettings::IniFormat)
{
    QDir().mkpath(dataDir);
}

QString KioskSettings::storePath() const { return QDir(m_dataDir).filePath("door.sqlite"); }

Enrollment KioskSettings::enrollment() const
{
    Enrollment enrollment;
    enrollment.serverUrl = m_settings.value("device/server_url").toString();
    enrollment.liveUrl = m_settings.value("device/live_url").toString();
    enrollment.deviceToken = m_settings.value("device/token").toString();
    enrollment.deviceId = m_settings.value("device/id").toString();
    enrollment.eventId = m_settings.value("device/event_id").toString();
    enrollment.eventTitle = m_settings.value("device/event_title").toString();
    enrollment.listId = m_settings.value("device/list_id").toString();
    enrollment.listName = m_settings.value("device/list_name").toString();
    return enrollment;
}

void KioskSettings::setEnrollment(const Enrollment& enrollment)
{
    m_settings.setValue("device/server_url", enrollment.serverUrl);
    m_settings.setValue("device/live_url", enrollment.liveUrl);
    m_settings.setValue("device/token", enrollment.deviceToken);
    m_settings.setValue("device/id", enrollment.deviceId);
    m_settings.setValue("device/event_id", enrollment.eventId);
    m_settings.setValue("device/event_title", enrollment.eventTitle);
    m_settings.setValue("device/list_id", enrollment.listId);
    m_settings.setValue("device/list_name", enrollment.listName);
    m_settings.sync();
    // The token is a key to the door: only this account may read it.
    QFile::setPermissions(m_settings.fileName(), QFileDevice::ReadOwner | QFileDevice::WriteOwner);
}

void KioskSettings::forgetEnrollment()
{
    m_settings.remove("device");
    m_settings.sync();
}

bool KioskSettings::hasPin() const { return !m_settings.value("lock/pin_hash").toString().isEmpty(); }

void KioskSettings::setPin(const QString& pin)
{
    if (pin.isEmpty()) {
        m_settings.remove("lock/pin_hash");
    } else {
        char hash[crypto_pwhash_STRBYTES];
        const QByteArray bytes = pin.toUtf8();
        if (crypto_pwhash_str(hash, bytes.constData(), static_cast<unsigned long long>(bytes.size()),
                              crypto_pwhash_OPSLIMIT_INTERACTIVE, crypto_pwhash_MEMLIMIT_INTERACTIVE) == 0)
            m_settings.setValue("lock/pin_hash", QString::fromLatin1(hash));
    }
    m_settings.sync();
}

bool KioskSettings::pinMatches(const QString& pin) const
{
    const QByteArray stored = m_settings.value("lock/pin_hash").toString().toLatin1();
    if (stored.isEmpty())
        return true;
    const QByteArray bytes = pin.toUtf8();
    return crypto_pwhash_str_verify(stored.constData(), bytes.constData(),
                                    static_cast<unsigned long long>(bytes.size())) == 0;
}

QString KioskSettings::language() const
{
    const QString stored = m_settings.value("ui/language").toString();
    if (stored == "ru" || stored == "en")
        return stored;
    return QLocale::system().language() == QLocale::Russian ? "ru" : "en";
}

void KioskSettings::setLanguage(const QString& language)
{
    m_settings.setValue("ui/language", language);
    m_settings.sync();
}

KeyboardWedge::Settings KioskSettings::wedge() const
{
    KeyboardWedge::Settings wedge;
    wedge.maxGapMs = m_settings.value("wedge/max_gap_ms", wedge.maxGapMs).toInt();
    wedge.minLength = m_settings.value("wedge/min_length", wedge.minLength).toInt();
    wedge.endPauseMs = m_settings.value("wedge/end_pause_ms", wedge.endPauseMs).toInt();
    return wedge;
}

QString defaultLiveUrl(const QString& serverUrl)
{
    const QUrl server(serverUrl);
    QUrl live;
    live.setScheme(server.scheme() == "https" ? "wss" : "ws");
    live.setHost(server.host());
    live.setPort(8081);
    live.setPath("/api/v1/live");
    return live.toString();
}

} // namespace sbor::kiosk
