#include "eventworkspace.h"

#include "dashboard/dashboardpage.h"
#include "door/doorpage.h"
#include "events/eventeditor.h"
#include "sales/salestablepage.h"

namespace sbor::organizer {

EventWorkspace::EventWorkspace(OrganizerSession& session, const QString& eventId, const QString& timezone,
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
    addTab(m_dashboard, tr("&Dashboard"));
    addTab(m_orders, tr("&Orders"));
    addTab(m_attendees, tr("&Attendees"));
    addTab(m_door, tr("Doo&r"));
    addTab(m_editor, tr("&Settings"));
    m_orders->reload();
    m_attendees->reload();
    m_door->reload();
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
}

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
