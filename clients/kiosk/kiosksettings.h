#pragma once
// What a kiosk keeps between starts (an INI file in its data dir): where its server is, its
// device token and what it was enrolled for, the staff PIN (hashed), the language and the
// keyboard-wedge thresholds. The offline store sits beside it.

#include "keyboardwedge.h"

#include <QSettings>
#include <QString>

namespace sbor::kiosk {

struct Enrollment {
    QString serverUrl;
    QString liveUrl;
    QString deviceToken;
    QString deviceId;
    QString eventId;
    QString eventTitle;
    QString listId;
    QString listName;
    bool isValid() const { return !serverUrl.isEmpty() && !deviceToken.isEmpty() && !listId.isEmpty(); }
};

class KioskSettings {
public:
    explicit KioskSettings(const QString& dataDir);

    QString dataDir() const { return m_dataDir; }
    QString storePath() const;

    Enrollment enrollment() const;
    void setEnrollment(const Enrollment& enrollment);
    void forgetEnrollment();

    // The PIN that guards exit and settings; none set: anyone may open them.
    bool hasPin() const;
    void setPin(const QString& pin); // empty: no PIN
    bool pinMatches(const QString& pin) const;

    QString language() const; // "ru" | "en"
    void setLanguage(const QString& language);

    KeyboardWedge::Settings wedge() const;

private:
    QString m_dataDir;
    mutable QSettings m_settings;
};

// The live feed's address for a server URL when nobody named one: the same host, port 8081.
QString defaultLiveUrl(const QString& serverUrl);

} // namespace sbor::kiosk
