#pragma once
// Step-up sign-in, asked only when the server wants it: a change that answers
// reauthentication_required (the password was last proved over 5 minutes ago) opens a dialog for
// the password (and the two-factor code where enabled), proves it, and sends the change once
// more. Nothing is asked before the server asks.

#include "accountsession.h"
#include "apierror.h"

#include <QDialog>
#include <QFuture>
#include <QPointer>

#include <functional>

class QLabel;
class QLineEdit;
class QPushButton;

namespace sbor::widgets {
class MessageBar;
}

namespace sbor::admin {

class ReauthenticateDialog : public QDialog {
    Q_OBJECT
public:
    ReauthenticateDialog(desktop::AccountSession& session, QWidget* parent);

private:
    void submit();

    desktop::AccountSession& m_session;
    widgets::MessageBar* m_message;
    QLineEdit* m_password;
    QLineEdit* m_otp;
    QPushButton* m_confirm;
};

// Runs `change`; on reauthentication_required asks as above and runs it again; `done` gets the
// last answer (a cancelled dialog: the refusal). `context` ends the wait when it goes away.
template <typename T>
void runWithStepUp(desktop::AccountSession& session, QWidget* context,
                   std::function<QFuture<client::ApiResult<T>>()> change,
                   std::function<void(const client::ApiResult<T>&)> done)
{
    QPointer<QWidget> guard(context);
    change().then(context, [&session, guard, change, done](client::ApiResult<T> result) {
        if (result || !result.error().is(ErrorCode::ReauthenticationRequired) || !guard) {
            done(result);
            return;
        }
        auto* dialog = new ReauthenticateDialog(session, guard);
        dialog->setAttribute(Qt::WA_DeleteOnClose);
        QObject::connect(dialog, &QDialog::accepted, guard, [guard, change, done] {
            if (guard)
                change().then(guard, [done](client::ApiResult<T> again) { done(again); });
        });
        QObject::connect(dialog, &QDialog::rejected, guard, [done, result] { done(result); });
        dialog->open();
    });
}

} // namespace sbor::admin
