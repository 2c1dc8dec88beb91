#pragma once
// The language of a desktop app: its own catalog and the shared one (sign-in, keyring) installed
// together, the locale's number and date formats with them, and the choice remembered.

#include <QString>
#include <QTranslator>

namespace sbor::desktop {

class AppLanguage {
public:
    // `catalog`: the app's .qm under :/i18n without the language ("sbor-organizer").
    explicit AppLanguage(QString catalog);
    ~AppLanguage();

    // `wanted` "en" | "ru"; empty: the saved choice, else the system's.
    static QString chosen(const QString& wanted);
    // Installs `language` ("en" | "ru") and remembers it.
    void apply(const QString& language);
    QString current() const { return m_language; }

private:
    QString m_catalog;
    QString m_language;
    QTranslator m_app;
    QTranslator m_shared;
};

} // namespace sbor::desktop
