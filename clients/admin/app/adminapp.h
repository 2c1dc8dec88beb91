#pragma once
// The admins' console put together: one session, the sign-in (admins and support agents only),
// the main window, the language. Its main() only makes this and runs it, so the GUI tests drive
// exactly what admins use.

#include "applanguage.h"

#include <QObject>
#include <QString>
#include <QUrl>

#include <memory>

namespace sbor::desktop {
class AccountSession;
class SignInDialog;
} // namespace sbor::desktop

namespace sbor::admin {

class ConsoleWindow;

class AdminApp : public QObject {
    Q_OBJECT
public:
    struct Options {
        QUrl server;      // preset in the sign-in (empty: the last one used)
        QUrl liveUrl;     // empty: the server's host, one port up
        QString language; // "en" | "ru"; empty: the saved choice, else the system's
        bool tryKeptSignIn = true;
        int healthIntervalMs = 10000; // how often the health dock asks
    };

    explicit AdminApp(Options options, QObject* parent = nullptr);
    ~AdminApp() override;

    void start();
    void setLanguage(const QString& language);
    QString language() const { return m_language.current(); }

    desktop::AccountSession& session() { return *m_session; }
    desktop::SignInDialog* signInDialog() const { return m_signIn.get(); }
    ConsoleWindow* mainWindow() const { return m_window.get(); }

    // Why `roles` may not use the console; empty when they may (admins and support agents).
    static QString refusalFor(const std::vector<std::string>& roles);

signals:
    void mainWindowShown();

private:
    void showSignIn();
    void showMainWindow();

    Options m_options;
    std::unique_ptr<desktop::AccountSession> m_session;
    std::unique_ptr<desktop::SignInDialog> m_signIn;
    std::unique_ptr<ConsoleWindow> m_window;
    desktop::AppLanguage m_language;
};

} // namespace sbor::admin
