#pragma once
// The organizer app put together: one session, the sign-in, the main window, the language. Its
// main() only makes this and runs it, so the GUI tests drive exactly what organizers use.

#include "applanguage.h"

#include <QObject>
#include <QString>
#include <QUrl>

#include <memory>

namespace sbor::desktop {
class AccountSession;
class SignInDialog;
} // namespace sbor::desktop

namespace sbor::organizer {

class MainWindow;

class OrganizerApp : public QObject {
    Q_OBJECT
public:
    struct Options {
        QUrl server;      // preset in the sign-in (empty: the last one used)
        QUrl liveUrl;     // empty: the server's host, one port up
        QString language; // "en" | "ru"; empty: the saved choice, else the system's
        bool tryKeptSignIn = true;
    };

    explicit OrganizerApp(Options options, QObject* parent = nullptr);
    ~OrganizerApp() override;

    // Shows the sign-in (or goes straight on with a kept one).
    void start();
    void setLanguage(const QString& language);
    QString language() const { return m_language.current(); }

    desktop::AccountSession& session() { return *m_session; }
    desktop::SignInDialog* signInDialog() const { return m_signIn.get(); }
    MainWindow* mainWindow() const { return m_window.get(); }

signals:
    void mainWindowShown();

private:
    void showSignIn();
    void showMainWindow();

    Options m_options;
    std::unique_ptr<desktop::AccountSession> m_session;
    std::unique_ptr<desktop::SignInDialog> m_signIn;
    std::unique_ptr<MainWindow> m_window;
    desktop::AppLanguage m_language;
};

} // namespace sbor::organizer
