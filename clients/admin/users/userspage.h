#pragma once
// Users: search as you type (email, name) with role and status filters, the person's details, and
// for admins blocking and unblocking (with the step-up sign-in when the server asks for it).
// Support agents see the same lookup, read-only.

#include "app/consolepage.h"

#include "sbor/wire/account.h"

#include <vector>

class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QTableWidget;
class QTimer;

namespace sbor::desktop {
class AccountSession;
}
namespace sbor::widgets {
class MessageBar;
}

namespace sbor::admin {

class UsersPage : public ConsolePage {
    Q_OBJECT
public:
    UsersPage(desktop::AccountSession& session, bool mayChange, QWidget* parent = nullptr);
    void reload() override;
    void focusSearch() override;

    int resultCount() const { return static_cast<int>(m_users.size()); }
    void selectUser(const QString& userId);

private:
    void showUsers(std::vector<wire::User> users);
    void showSelected();
    void changeBlocking(bool block);

    desktop::AccountSession& m_session;
    const bool m_mayChange;
    widgets::MessageBar* m_message;
    QLineEdit* m_search;
    QComboBox* m_role;
    QComboBox* m_status;
    QTableWidget* m_table;
    QLabel* m_details;
    QLineEdit* m_reason;
    QPushButton* m_block;
    QPushButton* m_unblock;
    QTimer* m_typing;
    std::vector<wire::User> m_users;
    int m_generation = 0; // answers to older searches are dropped
    bool m_searchFailed = false;
};

} // namespace sbor::admin
