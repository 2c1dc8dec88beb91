#include "signindialog.h"

#include "accountsession.h"

#include "messagebar.h"

#include <QCheckBox>
#include <QComboBox>
#include <QEvent>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSettings>
#include <QVBoxLayout>

namespace sbor::desktop {
namespace {

constexpr const char* kServersKey = "signIn/servers";
constexpr const char* kEmailKey = "signIn/email";
constexpr const char* kKeptKey = "signIn/kept";

QString describeFailure(const client::ApiError& error)
{
    if (error.isTransport())
        return SignInDialog::tr("The server does not answer. Check the address and the network, then try again.");
    if (error.is(ErrorCode::InvalidCredentials) || error.httpStatus == 401)
        return SignInDialog::tr("The email or the password is wrong.");
    if (error.httpStatus == 429)
        return SignInDialog::tr("Too many attempts: wait a minute, then try again.");
    if (error.httpStatus == 403)
        return SignInDialog::tr("This account is blocked. Ask the platform's support.");
    return QString::fromStdString(error.error.message);
}

} // namespace

SignInDialog::SignInDialog(AccountSession& session, std::function<QString()> intro, QWidget* parent)
    : QDialog(parent), m_session(session), m_introText(std::move(intro))
{
    setObjectName("signInDialog");
    setMinimumWidth(440);
    m_message = new widgets::MessageBar(this);
    m_message->setObjectName("signInMessage");
    m_intro = new QLabel(this);
    m_intro->setWordWrap(true);
    m_server = new QComboBox(this);
    m_server->setObjectName("serverField");
    m_server->setEditable(true);
    m_email = new QLineEdit(this);
    m_email->setObjectName("emailField");
    m_password = new QLineEdit(this);
    m_password->setObjectName("passwordField");
    m_password->setEchoMode(QLineEdit::Password);
    m_otp = new QLineEdit(this);
    m_otp->setObjectName("otpField");
    m_otp->setMaxLength(16);
    m_keep = new QCheckBox(this);
    m_keep->setObjectName("keepSignedIn");
    m_signIn = new QPushButton(this);
    m_signIn->setObjectName("signInButton");
    m_signIn->setDefault(true);
    m_serverLabel = new QLabel(this);
    m_emailLabel = new QLabel(this);
    m_passwordLabel = new QLabel(this);
    m_otpLabel = new QLabel(this);
    m_serverLabel->setBuddy(m_server);
    m_emailLabel->setBuddy(m_email);
    m_passwordLabel->setBuddy(m_password);
    m_otpLabel->setBuddy(m_otp);

    auto* form = new QFormLayout;
    form->addRow(m_serverLabel, m_server);
    form->addRow(m_emailLabel, m_email);
    form->addRow(m_passwordLabel, m_password);
    form->addRow(m_otpLabel, m_otp);
    form->addRow(QString(), m_keep);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_intro);
    layout->addWidget(m_message);
    layout->addLayout(form);
    layout->addWidget(m_signIn, 0, Qt::AlignRight);
    m_otp->hide();
    m_otpLabel->hide();

    QSettings settings;
    QStringList servers = settings.value(kServersKey).toStringList();
    if (servers.isEmpty())
        servers << QStringLiteral("http://127.0.0.1:8080");
    m_server->addItems(servers);
    m_email->setText(settings.value(kEmailKey).toString());
    m_keep->setChecked(settings.value(kKeptKey, false).toBool());
    setTabOrder(m_server, m_email);
    setTabOrder(m_email, m_password);
    setTabOrder(m_password, m_otp);
    setTabOrder(m_otp, m_keep);
    setTabOrder(m_keep, m_signIn);
    (m_email->text().isEmpty() ? m_email : m_password)->setFocus();

    connect(m_signIn, &QPushButton::clicked, this, &SignInDialog::submit);
    retranslate();
}

void SignInDialog::retranslate()
{
    setWindowTitle(tr("Sign in to Sbor"));
    m_intro->setText(m_introText ? m_introText() : QString());
    m_serverLabel->setText(tr("&Server:"));
    m_emailLabel->setText(tr("&Email:"));
    m_passwordLabel->setText(tr("&Password:"));
    m_otpLabel->setText(tr("Two-factor &code:"));
    m_otp->setPlaceholderText(tr("6 digits from your app, or a recovery code"));
    m_keep->setText(tr("&Keep me signed in on this computer"));
    m_signIn->setText(tr("Sign in"));
}

void SignInDialog::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QDialog::changeEvent(event);
}

void SignInDialog::setBusy(bool busy)
{
    for (QWidget* widget :
         {static_cast<QWidget*>(m_server), static_cast<QWidget*>(m_email), static_cast<QWidget*>(m_password),
          static_cast<QWidget*>(m_otp), static_cast<QWidget*>(m_signIn)})
        widget->setEnabled(!busy);
    m_signIn->setText(busy ? tr("Signing in…") : tr("Sign in"));
}

void SignInDialog::askForCode()
{
    m_otp->show();
    m_otpLabel->show();
    m_otp->clear();
    m_otp->setFocus();
    m_message->showMessage(widgets::MessageBar::Kind::Information,
                           tr("This account has two-factor authentication: enter the code from your app."));
}

void SignInDialog::tryKeptSignIn()
{
    QSettings settings;
    if (!settings.value(kKeptKey, false).toBool() || m_email->text().isEmpty())
        return;
    m_session.setServer(QUrl(m_server->currentText().trimmed()));
    setBusy(true);
    m_session.resume(m_email->text().trimmed(), [this](bool ok, QString problem) {
        setBusy(false);
        if (ok) {
            admitOrRefuse();
            return;
        }
        m_message->showMessage(widgets::MessageBar::Kind::Information, problem);
    });
}

void SignInDialog::submit()
{
    const QUrl server(m_server->currentText().trimmed());
    if (!server.isValid() || (server.scheme() != "http" && server.scheme() != "https") || server.host().isEmpty()) {
        m_message->showMessage(widgets::MessageBar::Kind::Error,
                               tr("The server's address must look like http://sbor.example.org:8080."));
        m_server->setFocus();
        return;
    }
    if (m_email->text().trimmed().isEmpty() || m_password->text().isEmpty()) {
        m_message->showMessage(widgets::MessageBar::Kind::Error, tr("Enter your email and your password."));
        (m_email->text().trimmed().isEmpty() ? m_email : m_password)->setFocus();
        return;
    }
    m_session.setServer(server);
    setBusy(true);
    m_session.signIn(m_email->text().trimmed(), m_password->text(), m_otp->isVisible() ? m_otp->text().trimmed() : "")
        .then(this, [this, server](client::ApiResult<wire::TokenGrant> grant) {
            setBusy(false);
            if (!grant) {
                if (grant.error().is(ErrorCode::OtpRequired) && !m_otp->isVisible()) {
                    askForCode();
                    return;
                }
                m_message->showMessage(widgets::MessageBar::Kind::Error,
                                       grant.error().is(ErrorCode::OtpRequired) ||
                                               grant.error().is(ErrorCode::InvalidOtp)
                                           ? tr("The two-factor code is wrong or too old; enter the current one.")
                                           : describeFailure(grant.error()));
                return;
            }
            QSettings settings;
            QStringList servers = settings.value(kServersKey).toStringList();
            servers.removeAll(server.toString());
            servers.prepend(server.toString());
            settings.setValue(kServersKey, servers.mid(0, 8));
            settings.setValue(kEmailKey, m_email->text().trimmed());
            settings.setValue(kKeptKey, m_keep->isChecked());
            if (m_refusal && !m_refusal(grant->user).isEmpty()) {
                admitOrRefuse();
                return;
            }
            if (!m_keep->isChecked()) {
                accept();
                return;
            }
            m_session.keepSignedIn([this](bool ok, QString problem) {
                if (!ok) {
                    // Signed in all the same; the person learns why they will be asked again.
                    m_message->showMessage(widgets::MessageBar::Kind::Warning, problem, tr("Continue"),
                                           [this] { accept(); });
                    return;
                }
                accept();
            });
        });
}

void SignInDialog::admitOrRefuse()
{
    const QString refusal = m_refusal && m_session.isSignedIn() ? m_refusal(m_session.user()) : QString();
    if (refusal.isEmpty()) {
        accept();
        return;
    }
    m_session.signOut();
    m_password->clear();
    m_message->showMessage(widgets::MessageBar::Kind::Error, refusal);
    m_password->setFocus();
}

} // namespace sbor::desktop
