#pragma once
// An event's programme: the schedule items (start, end, title, speaker, room) in a table, saved
// as a whole (PUT /events/{id}/schedule). Times are the event's wall clock and must lie within
// the event; a row that cannot be saved is marked with the reason, and nothing typed is lost.

#include "sbor/wire/event.h"

#include <QWidget>

#include <optional>

class QPushButton;
class QTableWidget;

namespace sbor::widgets {
class MessageBar;
}

namespace sbor::desktop {
class AccountSession;
}

namespace sbor::organizer {

class SchedulePage : public QWidget {
    Q_OBJECT
public:
    enum Column { Starts, Ends, Title, Speaker, Room, ColumnCount };

    SchedulePage(desktop::AccountSession& session, const QString& eventId, const QString& timezone,
                 QWidget* parent = nullptr);

    void reload();
    void addItem();
    void save();
    QTableWidget* table() const { return m_table; }
    bool hasUnsavedWork() const { return m_unsaved; }
    // The problem marked on a cell ("" when none).
    QString problemAt(int row, int column) const;

private:
    void load();
    void show(const std::vector<wire::ScheduleItem>& items);
    std::vector<wire::ScheduleItem> itemsFromTable() const;
    bool markLocalProblems();
    void markProblem(int row, int column, const QString& problem);
    void clearProblems();
    void setUnsaved(bool unsaved);
    QDateTime wallClock(const std::string& rfc3339) const;
    std::string instant(const QDateTime& wallClock) const;

    desktop::AccountSession& m_session;
    QString m_eventId;
    QString m_timezone;
    std::optional<wire::Event> m_event;
    widgets::MessageBar* m_message;
    QTableWidget* m_table;
    QPushButton* m_add;
    QPushButton* m_remove;
    QPushButton* m_discard;
    QPushButton* m_save;
    bool m_unsaved = false;
    bool m_filling = false;
};

} // namespace sbor::organizer
