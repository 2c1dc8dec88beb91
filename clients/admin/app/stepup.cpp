#include "stepup.h"

#include "messagebar.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace sbor::admin {

ReauthenticateDialog::ReauthenticateDialog(desktop::AccountSession& session, QWidget* parent)
    : QDialog(parent), m_session(session)
{
    setObjectName("reauthenticateDialog");
    setWindowTitle(tr("Confirm it is you"));
    setMinimumWidth(420);
    auto* intro = new QLabel(
        tr("This change decides who may do what. Enter your password to confirm it; you will not be asked again "
           "for five minutes."),
        this);
    intro->setWordWrap(true);
    m_message = new widgets::MessageBar(this);
    m_password = new QLineEdit(this);
    m_password->setObjectName("reauthenticatePassword");
    m_password->setEchoMode(QLineEdit::Password);
    m_otp = new QLineEdit(this);
    m_otp->setObjectName("reauthenticateOtp");
    m_otp->setPlaceholderText(tr("6 digits from your app"));
    auto* form = new QFormLayout;
    form->addRow(tr("&Password:"), m_password);
    if (session.isSignedIn() && session.user().twoFactorEnabled)
        form->addRow(tr("Two-factor &code:"), m_otp);
    else
        m_otp->hide();
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, this);
    m_confirm = buttons->addButton(tr("Confirm"), QDialogButtonBox::AcceptRole);
    m_confirm->setObjectName("reauthenticateConfirm");
    m_confirm->setDefault(true);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addWidget(m_message);
    layout->addLayout(form);
    layout->addWidget(buttons);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_confirm, &QPushButton::clicked, this, &ReauthenticateDialog::submit);
    m_password->setFocus();
}

void ReauthenticateDialog::submit()
{
    if (m_password->text().isEmpty()) {
        m_message->showMessage(widgets::MessageBar::Kind::Error, tr("Enter your password."));
        return;
    }
    m_confirm->setEnabled(false);
    m_session.api()
        .reauthenticate(m_password->text(), m_otp->isVisible() ? m_otp->text().trimmed() : QString())
        .then(this, [this](client::ApiResult<client::Done> proved) {
            m_confirm->setEnabled(true);
            if (proved) {
                accept();
                return;
            }
            m_password->clear();
            m_password->setFocus();
            m_message->showMessage(widgets::MessageBar::Kind::Error,
                                   proved.error().isTransport()
                                       ? tr("The server does not answer; try again in a moment.")
                                       : tr("That is not the password (or the code) of this account."));
        });
}

} // namespace sbor::admin
