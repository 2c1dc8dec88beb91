#include "organizerapp.h"

#include "mainwindow.h"
#include "accountsession.h"
#include "signindialog.h"

#include <QApplication>
#include <QComboBox>

namespace sbor::organizer {

OrganizerApp::OrganizerApp(Options options, QObject* parent)
    : QObject(parent),
      m_options(std::move(options)),
      m_session(std::make_unique<desktop::AccountSession>("sbor-organizer")),
      m_language("sbor-organizer")
{
    setLanguage(desktop::AppLanguage::chosen(m_options.language));
    m_session->setLiveUrl(m_options.liveUrl);
    connect(m_session.get(), &desktop::AccountSession::signedOut, this, [this] {
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
    m_language.apply(language);
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
    m_signIn = std::make_unique<desktop::SignInDialog>(*m_session, [] {
        return tr("Sign in with your organizer account to plan events, sell tickets and run the door.");
    });
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
    connect(m_window.get(), &MainWindow::signOutRequested, m_session.get(), &desktop::AccountSession::signOut);
    m_window->show();
    emit mainWindowShown();
}

} // namespace sbor::organizer
