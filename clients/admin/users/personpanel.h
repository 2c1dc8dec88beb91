#pragma once
// One person's page in the console: the profile with orders and events counts, live sessions and
// recent audit entries, and for admins the changes — roles (shown as a diff before saving),
// blocking, ending every session, resetting two-factor sign-in and erasure with a typed
// confirmation. Every change goes through the step-up sign-in when the server asks for it.

#include "sbor/wire/account.h"

#include "apierror.h"

#include <QFuture>
#include <QWidget>

#include <functional>
#include <optional>

class QLabel;
class QLineEdit;
class QPushButton;
class QTabWidget;
class QTableWidget;

namespace sbor::desktop {
class AccountSession;
}
namespace sbor::widgets {
class MessageBar;
}

namespace sbor::admin {

class RolesEditor;

class PersonPanel : public QWidget {
    Q_OBJECT
public:
    // `message` is the page's bar: the panel says there what a change did.
    PersonPanel(desktop::AccountSession& session, bool mayChange, widgets::MessageBar* message,
                QWidget* parent = nullptr);

    // The person chosen in the list; their page is fetched.
    void showPerson(const wire::User& user);
    void clear();

    int sessionCount() const;
    int activityCount() const;

signals:
    void dossierShown();
    // A change landed: the list's row is stale; the page is fetched again when the list shows it.
    void personChanged();

private:
    void loadDossier();
    void showDossier(wire::UserDossier dossier);
    void showProfile();
    void showSessions();
    void showActivity();
    void enableActions();

    void saveRoles();
    void changeBlocking(bool block);
    void endSessions();
    void resetTwoFactor();
    void erase();
    // Sends `request` (with the step-up when asked), then says `success` or the refusal and
    // fetches the page again.
    template <typename T>
    void change(std::function<QFuture<client::ApiResult<T>>()> request, std::function<QString(const T&)> success);

    desktop::AccountSession& m_session;
    const bool m_mayChange;
    widgets::MessageBar* m_message;
    QLabel* m_profile;
    RolesEditor* m_roles;
    QPushButton* m_saveRoles;
    QLineEdit* m_reason;
    QPushButton* m_block;
    QPushButton* m_unblock;
    QPushButton* m_endSessions;
    QPushButton* m_resetTwoFactor;
    QPushButton* m_erase;
    QTabWidget* m_tabs;
    QTableWidget* m_sessions;
    QTableWidget* m_activity;
    std::optional<wire::User> m_user;
    std::optional<wire::UserDossier> m_dossier; // of m_user, once fetched
    int m_generation = 0;                       // answers for an earlier choice are dropped
    bool m_busy = false;                        // a change is on its way
};

} // namespace sbor::admin
