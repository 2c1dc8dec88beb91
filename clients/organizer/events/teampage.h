#pragma once
// An event's team: who else works on it — co-organizers (the organizer's rights on this event
// only) and door staff (its gates and live counters) — added by the email of their account,
// seen with who added them and when, and removed (after saying what they lose).

#include "sbor/wire/event.h"

#include <QWidget>

#include <vector>

class QComboBox;
class QLineEdit;
class QPushButton;
class QTableWidget;

namespace sbor::widgets {
class MessageBar;
}

namespace sbor::desktop {
class AccountSession;
}

namespace sbor::organizer {

class TeamPage : public QWidget {
    Q_OBJECT
public:
    TeamPage(desktop::AccountSession& session, const QString& eventId, const QString& timezone,
             QWidget* parent = nullptr);

    void reload();
    int memberCount() const { return static_cast<int>(m_members.size()); }
    void addMember();
    // Removes the selected person; `confirmed` skips the question (tests).
    void removeSelected(bool confirmed = false);

private:
    void show(const std::vector<wire::TeamMember>& members);

    desktop::AccountSession& m_session;
    QString m_eventId;
    QString m_timezone;
    std::vector<wire::TeamMember> m_members;
    widgets::MessageBar* m_message;
    QTableWidget* m_table;
    QLineEdit* m_email;
    QComboBox* m_role;
    QPushButton* m_add;
    QPushButton* m_remove;
};

} // namespace sbor::organizer
