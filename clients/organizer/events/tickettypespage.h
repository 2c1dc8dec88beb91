#pragma once
// An event's ticket types, edited in a table (TicketTypesModel): add rows, type over cells, save
// them all at once. Cells the model or the server refuse are marked with the reason, the first
// one is selected, and nothing typed is lost — not on a refusal, not when the server is away.

#include <QWidget>

class QPushButton;
class QTableView;

namespace sbor::widgets {
class MessageBar;
}

namespace sbor::desktop {
class AccountSession;
}

namespace sbor::organizer {

class TicketTypesModel;

class TicketTypesPage : public QWidget {
    Q_OBJECT
public:
    TicketTypesPage(desktop::AccountSession& session, const QString& eventId, const QString& timezone,
                    QWidget* parent = nullptr);

    // Loads the server's types; asks first when typed changes would be dropped.
    void reload();
    TicketTypesModel* model() const { return m_model; }
    QTableView* table() const { return m_table; }
    // Adds a row and starts editing its name.
    void addTicketType();
    void save();

signals:
    void saved();

private:
    void load();
    void saveRow(int row, std::shared_ptr<int> pending);
    void finishSaving(int refused);
    void selectFirstProblem();

    desktop::AccountSession& m_session;
    QString m_eventId;
    QString m_timezone;
    QString m_eventStartsAt;
    TicketTypesModel* m_model;
    widgets::MessageBar* m_message;
    QTableView* m_table;
    QPushButton* m_add;
    QPushButton* m_remove;
    QPushButton* m_discard;
    QPushButton* m_save;
    int m_refusedRows = 0;
    bool m_unreachable = false;
};

} // namespace sbor::organizer
