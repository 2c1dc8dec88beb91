#pragma once
// Signing in: the server's address (remembered), email and password, then the two-factor code
// when the server asks for one (otp_required), and "keep me signed in". Problems show in the
// dialog's message bar, never as another window.

#include "sbor/wire/account.h"

#include <QDialog>

#include <functional>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;

namespace sbor::widgets {
class MessageBar;
}

namespace sbor::desktop {

class AccountSession;

class SignInDialog : public QDialog {
    Q_OBJECT
public:
    // `intro` says, in the current language, who signs in here and what for.
    SignInDialog(AccountSession& session, std::function<QString()> intro, QWidget* parent = nullptr);
    // Who may use the app: an empty answer admits the person, any other is shown and the session
    // ends (a console for staff refuses buyers). Everyone, when not set.
    void setAdmission(std::function<QString(const wire::User&)> refusal) { m_refusal = std::move(refusal); }

    // Tries the sign-in kept for the last email, if any; accepts the dialog when it works.
    void tryKeptSignIn();

private:
    void submit();
    // The signed-in person let in (accepted), or refused with the reason and signed out.
    void admitOrRefuse();
    void askForCode();
    void setBusy(bool busy);
    void retranslate();
    void changeEvent(QEvent* event) override;

    AccountSession& m_session;
    std::function<QString()> m_introText;
    std::function<QString(const wire::User&)> m_refusal;
    widgets::MessageBar* m_message;
    QLabel* m_intro;
    QLabel* m_serverLabel;
    QLabel* m_emailLabel;
    QLabel* m_passwordLabel;
    QLabel* m_otpLabel;
    QComboBox* m_server;
    QLineEdit* m_email;
    QLineEdit* m_password;
    QLineEdit* m_otp;
    QCheckBox* m_keep;
    QPushButton* m_signIn;
};

} // namespace sbor::desktop
