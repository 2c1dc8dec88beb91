#pragma once
// The audit log: who did what to whom and when, newest first, filtered by action, actor, target
// and a date range, with a live tail — entries recorded while the page is open appear at the top
// as they happen (audit.recorded on the system topic), if they pass the filters.

#include "app/consolepage.h"

#include "sbor/wire/audit.h"

#include <vector>

class QCheckBox;
class QDateEdit;
class QLineEdit;
class QTableWidget;

namespace sbor::desktop {
class AccountSession;
}
namespace sbor::widgets {
class MessageBar;
}

namespace sbor::admin {

class AuditLogPage : public ConsolePage {
    Q_OBJECT
public:
    explicit AuditLogPage(desktop::AccountSession& session, QWidget* parent = nullptr);
    void reload() override;
    void focusSearch() override;

    int entryCount() const { return static_cast<int>(m_entries.size()); }

signals:
    void entriesShown();

private:
    void show();
    bool passesFilters(const wire::AuditEntry& entry) const;

    desktop::AccountSession& m_session;
    widgets::MessageBar* m_message;
    QLineEdit* m_action;
    QLineEdit* m_actor;
    QLineEdit* m_target;
    QDateEdit* m_from;
    QDateEdit* m_to;
    QCheckBox* m_live;
    QTableWidget* m_table;
    std::vector<wire::AuditEntry> m_entries;
    int m_generation = 0;
};

} // namespace sbor::admin
