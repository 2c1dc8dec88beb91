#include "applanguage.h"

#include <QCoreApplication>
#include <QLocale>
#include <QSettings>

namespace sbor::desktop {

AppLanguage::AppLanguage(QString catalog) : m_catalog(std::move(catalog)) {}

AppLanguage::~AppLanguage()
{
    QCoreApplication::removeTranslator(&m_app);
    QCoreApplication::removeTranslator(&m_shared);
}

QString AppLanguage::chosen(const QString& wanted)
{
    QString language = wanted;
    if (language.isEmpty())
        language = QSettings().value("language", QLocale::system().name().left(2)).toString();
    return language == "ru" ? "ru" : "en";
}

void AppLanguage::apply(const QString& language)
{
    QCoreApplication::removeTranslator(&m_app);
    QCoreApplication::removeTranslator(&m_shared);
    m_language = language == "ru" ? "ru" : "en";
    QLocale::setDefault(QLocale(m_language == "ru" ? QLocale::Russian : QLocale::English,
                                m_language == "ru" ? QLocale::Russia : QLocale::UnitedKingdom));
    if (m_language == "ru") {
        if (m_shared.load(":/i18n/sbor-desktop_ru.qm"))
            QCoreApplication::installTranslator(&m_shared);
        if (m_app.load(":/i18n/" + m_catalog + "_ru.qm"))
            QCoreApplication::installTranslator(&m_app);
    }
    QSettings().setValue("language", m_language);
}

} // namespace sbor::desktop
