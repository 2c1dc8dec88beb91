#pragma once
// One event, open in its own tab: its dashboard, orders, attendees, ticket types, door, team,
// programme and settings, each a tab of its own. Several workspaces can be open side by side.

#include <QTabWidget>

namespace sbor::desktop {
class AccountSession;
}

namespace sbor::organizer {

class DashboardPage;
class DoorPage;
class EventEditor;
class SalesTablePage;
class SchedulePage;
class TeamPage;
class TicketTypesPage;

class EventWorkspace : public QTabWidget {
    Q_OBJECT
public:
    EventWorkspace(desktop::AccountSession& session, const QString& eventId, const QString& timezone,
                   QWidget* parent = nullptr);

    QString eventId() const { return m_eventId; }
    void reloadCurrent();
    void focusSearch();

    DashboardPage* dashboard() const { return m_dashboard; }
    SalesTablePage* orders() const { return m_orders; }
    SalesTablePage* attendees() const { return m_attendees; }
    DoorPage* door() const { return m_door; }
    EventEditor* editor() const { return m_editor; }
    TicketTypesPage* ticketTypes() const { return m_ticketTypes; }
    TeamPage* team() const { return m_team; }
    SchedulePage* schedule() const { return m_schedule; }
    void showTicketTypes();
    void showSettings();

signals:
    void titleChanged(const QString& title);

private:
    QString m_eventId;
    DashboardPage* m_dashboard;
    SalesTablePage* m_orders;
    SalesTablePage* m_attendees;
    DoorPage* m_door;
    EventEditor* m_editor;
    TicketTypesPage* m_ticketTypes;
    TeamPage* m_team;
    SchedulePage* m_schedule;
};

} // namespace sbor::organizer
