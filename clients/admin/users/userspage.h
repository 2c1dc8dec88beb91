#pragma once
// Users: search as you type (email, name) with role and status filters, and the chosen person's
// page (PersonPanel) below the list. Support agents see the same lookup, read-only.

#include "app/consolepage.h"

#include "sbor/wire/account.h"

#include <vector>

class QComboBox;
class QLineEdit;
class QTableWidget;
class QTimer;

namespace sbor::desktop {
class AccountSession;
}
namespace sbor::widgets {
class MessageBar;
}

namespace sbor::admin {

class PersonPanel;

class UsersPage : public ConsolePage {
    Q_OBJECT
public:
    UsersPage(desktop::AccountSession& session, bool mayChange, QWidget* parent = nullptr);
    void reload() override;
    void focusSearch() override;

    int resultCount() const { return static_cast<int>(m_users.size()); }
    void selectUser(const QString& userId);
    PersonPanel* personPanel() const { return m_person; }

private:
    void showUsers(std::vector<wire::User> users);
    void showSelected();

    desktop::AccountSession& m_session;
    const bool m_mayChange;
    widgets::MessageBar* m_message;
    QLineEdit* m_search;
    QComboBox* m_role;
    QComboBox* m_status;
    QTableWidget* m_table;
    PersonPanel* m_person;
    QTimer* m_typing;
    std::vector<wire::User> m_users;
    int m_generation = 0; // answers to older searches are dropped
    bool m_searchFailed = false;
};

} // namespace sbor::admin
