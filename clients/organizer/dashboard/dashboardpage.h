#pragma once
// An event's live dashboard: sold of capacity per ticket type, revenue, checked in of sold, who
// is inside now per gate, kiosks online, tickets sold per hour and admissions per minute as charts, and conflict
// alerts (one ticket admitted at two gates or by two devices) the moment they happen. A mark says
// whether the live feed is connected; after a reconnect it resumes, on a resync it reloads.

#include <QWidget>

class QLabel;
class QListWidget;
class QTableWidget;

namespace sbor::widgets {
class MessageBar;
class TimeSeriesChart;
} // namespace sbor::widgets

namespace sbor::desktop {
class AccountSession;
}

namespace sbor::organizer {

class DashboardFigures;

class DashboardPage : public QWidget {
    Q_OBJECT
public:
    DashboardPage(desktop::AccountSession& session, const QString& eventId, QWidget* parent = nullptr);

    DashboardFigures& figures() { return *m_figures; }
    void reload();

private:
    void redraw();
    QLabel* tile(const QString& name);

    desktop::AccountSession& m_session;
    QString m_eventId;
    DashboardFigures* m_figures;
    widgets::MessageBar* m_alert;
    QLabel* m_sold;
    QLabel* m_revenue;
    QLabel* m_checkedIn;
    QLabel* m_inside;
    QLabel* m_kiosks;
    QLabel* m_live;
    QTableWidget* m_types;
    QTableWidget* m_gates;
    QListWidget* m_conflicts;
    widgets::TimeSeriesChart* m_soldChart;
    widgets::TimeSeriesChart* m_admissionsChart;
};

} // namespace sbor::organizer
