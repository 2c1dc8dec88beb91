#include "organizerapp.h"

#include "mainwindow.h"
#include "organizersession.h"
#include "signindialog.h"

#include <QApplication>
#include <QComboBox>
#include <QLocale>
#include <QSettings>

namespace sbor::organizer {

OrganizerApp::OrganizerApp(Options options, QObject* parent)
    : QObject(parent), m_options(std::move(options)), m_session(std::make_unique<OrganizerSession>())
{
    QString language = m_options.language;
    if (language.isEmpty())
        language = QSettings().value("language", QLocale::system().name().left(2)).toString();
    setLanguage(language == "ru" ? "ru" : "en");
    m_session->setLiveUrl(m_options.liveUrl);
    connect(m_session.get(), &OrganizerSession::signedOut, this, [this] {
        m_window.reset();
        showSignIn();
    });
}

OrganizerApp::~OrganizerApp()
{
    m_window.reset();
    m_signIn.reset();
}

void OrganizerApp::setLanguage(const QString& language)
{
    QApplication::removeTranslator(&m_translator);
    m_language = language;
    QLocale::setDefault(QLocale(language == "ru" ? QLocale::Russian : QLocale::English,
                                language == "ru" ? QLocale::Russia : QLocale::UnitedKingdom));
    if (language == "ru" && m_translator.load(":/i18n/sbor-organizer_ru.qm"))
        QApplication::installTranslator(&m_translator);
    QSettings().setValue("language", language);
    // Every page writes its words when it is made: a new language makes the window again, with
    // the same events open.
    if (m_window)
        showMainWindow();
}

void OrganizerApp::start()
{
    showSignIn();
    if (m_options.tryKeptSignIn)
        m_signIn->tryKeptSignIn();
}

void OrganizerApp::showSignIn()
{
    m_signIn = std::make_unique<SignInDialog>(*m_session);
    if (!m_options.server.isEmpty()) {
        auto* server = m_signIn->findChild<QComboBox*>("serverField");
        server->setCurrentText(m_options.server.toString());
    }
    connect(m_signIn.get(), &QDialog::accepted, this, &OrganizerApp::showMainWindow);
    connect(m_signIn.get(), &QDialog::rejected, qApp, &QApplication::quit);
    m_signIn->show();
}

void OrganizerApp::showMainWindow()
{
    if (m_signIn)
        m_signIn->hide();
    m_window = std::make_unique<MainWindow>(*m_session);
    connect(m_window.get(), &MainWindow::languageRequested, this, &OrganizerApp::setLanguage);
    connect(m_window.get(), &MainWindow::signOutRequested, m_session.get(), &OrganizerSession::signOut);
    m_window->show();
    emit mainWindowShown();
}

} // namespace sbor::organizer
