#include "eventworkspace.h"

#include "dashboard/dashboardpage.h"
#include "door/doorpage.h"
#include "events/eventeditor.h"
#include "events/schedulepage.h"
#include "events/teampage.h"
#include "events/tickettypespage.h"
#include "sales/salestablepage.h"

namespace sbor::organizer {

EventWorkspace::EventWorkspace(desktop::AccountSession& session, const QString& eventId, const QString& timezone,
                               QWidget* parent)
    : QTabWidget(parent), m_eventId(eventId)
{
    setObjectName("eventWorkspace");
    setDocumentMode(true);
    m_dashboard = new DashboardPage(session, eventId, this);
    m_orders = new SalesTablePage(session, SalesTablePage::Kind::Orders, eventId, timezone, this);
    m_attendees = new SalesTablePage(session, SalesTablePage::Kind::Attendees, eventId, timezone, this);
    m_door = new DoorPage(session, eventId, timezone, this);
    m_editor = new EventEditor(session, eventId, this);
    m_ticketTypes = new TicketTypesPage(session, eventId, timezone, this);
    m_team = new TeamPage(session, eventId, timezone, this);
    m_schedule = new SchedulePage(session, eventId, timezone, this);
    addTab(m_dashboard, tr("&Dashboard"));
    addTab(m_orders, tr("&Orders"));
    addTab(m_attendees, tr("&Attendees"));
    addTab(m_ticketTypes, tr("&Tickets"));
    addTab(m_door, tr("Doo&r"));
    addTab(m_team, tr("Tea&m"));
    addTab(m_schedule, tr("&Programme"));
    addTab(m_editor, tr("&Settings"));
    m_orders->reload();
    m_attendees->reload();
    m_door->reload();
    m_ticketTypes->reload();
    m_team->reload();
    m_schedule->reload();
    // The door's gates name ticket types: new ones should be there to choose.
    connect(m_ticketTypes, &TicketTypesPage::saved, m_door, &DoorPage::reload);
    connect(m_ticketTypes, &TicketTypesPage::saved, m_dashboard, &DashboardPage::reload);
    connect(m_editor, &EventEditor::saved, this,
            [this](const wire::Event& event) { emit titleChanged(QString::fromStdString(event.title)); });
}

void EventWorkspace::reloadCurrent()
{
    QWidget* page = currentWidget();
    if (page == m_dashboard)
        m_dashboard->reload();
    else if (page == m_orders)
        m_orders->reload();
    else if (page == m_attendees)
        m_attendees->reload();
    else if (page == m_door)
        m_door->reload();
    else if (page == m_editor)
        m_editor->reload();
    else if (page == m_ticketTypes)
        m_ticketTypes->reload();
    else if (page == m_team)
        m_team->reload();
    else if (page == m_schedule)
        m_schedule->reload();
}

void EventWorkspace::showTicketTypes() { setCurrentWidget(m_ticketTypes); }

void EventWorkspace::showSettings() { setCurrentWidget(m_editor); }

void EventWorkspace::focusSearch()
{
    if (currentWidget() == m_attendees)
        m_attendees->focusSearch();
    else {
        setCurrentWidget(m_orders);
        m_orders->focusSearch();
    }
}

} // namespace sbor::organizer
