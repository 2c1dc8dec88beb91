#pragma once
// Signing in: the server's address (remembered), email and password, then the two-factor code
// when the server asks for one (otp_required), and "keep me signed in". Problems show in the
// dialog's message bar, never as another window.

#include <QDialog>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;

namespace sbor::widgets {
class MessageBar;
}

namespace sbor::organizer {

class OrganizerSession;

class SignInDialog : public QDialog {
    Q_OBJECT
public:
    explicit SignInDialog(OrganizerSession& session, QWidget* parent = nullptr);

    // Tries the sign-in kept for the last email, if any; accepts the dialog when it works.
    void tryKeptSignIn();

private:
    void submit();
    void askForCode();
    void setBusy(bool busy);
    void retranslate();
    void changeEvent(QEvent* event) override;

    OrganizerSession& m_session;
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

} // namespace sbor::organizer
