#include "adminapp.h"

#include "consolewindow.h"

#include "accountsession.h"
#include "signindialog.h"

#include <QApplication>
#include <QComboBox>

#include <algorithm>

namespace sbor::admin {

AdminApp::AdminApp(Options options, QObject* parent)
    : QObject(parent),
      m_options(std::move(options)),
      m_session(std::make_unique<desktop::AccountSession>("sbor-admin")),
      m_language("sbor-admin")
{
    setLanguage(desktop::AppLanguage::chosen(m_options.language));
    m_session->setLiveUrl(m_options.liveUrl);
    connect(m_session.get(), &desktop::AccountSession::signedOut, this, [this] {
        // A refused sign-in ends its session in the dialog that stays open; only a signed-in
        // window goes back to the sign-in.
        if (!m_window)
            return;
        m_window.reset();
        showSignIn();
    });
}

AdminApp::~AdminApp()
{
    m_window.reset();
    m_signIn.reset();
}

QString AdminApp::refusalFor(const std::vector<std::string>& roles)
{
    const auto has = [&roles](const char* role) { return std::find(roles.begin(), roles.end(), role) != roles.end(); };
    if (has("admin") || has("support"))
        return {};
    return tr("This console is for the platform's admins and support agents. Organizers sign in to Sbor Organizer.");
}

void AdminApp::setLanguage(const QString& language)
{
    m_language.apply(language);
    if (m_window)
        showMainWindow(); // every page writes its words when it is made
}

void AdminApp::start()
{
    showSignIn();
    if (m_options.tryKeptSignIn)
        m_signIn->tryKeptSignIn();
}

void AdminApp::showSignIn()
{
    m_signIn = std::make_unique<desktop::SignInDialog>(
        *m_session, [] { return tr("Sign in with your admin or support account to run the platform."); });
    m_signIn->setAdmission([](const wire::User& user) { return refusalFor(user.roles); });
    if (!m_options.server.isEmpty())
        m_signIn->findChild<QComboBox*>("serverField")->setCurrentText(m_options.server.toString());
    connect(m_signIn.get(), &QDialog::accepted, this, &AdminApp::showMainWindow);
    connect(m_signIn.get(), &QDialog::rejected, qApp, &QApplication::quit);
    m_signIn->show();
}

void AdminApp::showMainWindow()
{
    if (m_signIn)
        m_signIn->hide();
    m_window.reset();
    m_window = std::make_unique<ConsoleWindow>(*m_session, m_options.healthIntervalMs);
    connect(m_window.get(), &ConsoleWindow::languageRequested, this, &AdminApp::setLanguage);
    connect(m_window.get(), &ConsoleWindow::signOutRequested, m_session.get(), &desktop::AccountSession::signOut);
    m_window->show();
    emit mainWindowShown();
}

} // namespace sbor::admin
