#pragma once
// A page of an event's orders or attendees: the server searches as you type (debounced) and
// filters, columns sort on the server, pages load as the table scrolls, a detail pane shows the
// selected row in full, and Ctrl+C copies the selected rows as text for a spreadsheet. The
// attendees page has the ticket actions the API offers (block, unblock, reissue, change holder).
// A purchase, a cancellation or a check-in on the live feed refreshes the page by itself.

#include <QWidget>

class QComboBox;
class QLabel;
class QLineEdit;
class QTableView;
class QTextBrowser;
class QTimer;
class QPushButton;

namespace sbor::client {
class PagedListModel;
}
namespace sbor::widgets {
class MessageBar;
class RoleColumnsModel;
} // namespace sbor::widgets

namespace sbor::desktop {
class AccountSession;
}

namespace sbor::organizer {

class SalesTablePage : public QWidget {
    Q_OBJECT
public:
    enum class Kind { Orders, Attendees };

    SalesTablePage(desktop::AccountSession& session, Kind kind, const QString& eventId, const QString& timezone,
                   QWidget* parent = nullptr);

    void reload();
    void focusSearch();
    void copySelection();
    int rowCount() const;
    client::PagedListModel& model() { return *m_model; }

protected:
    void showEvent(QShowEvent* event) override;

private:
    void showDetails();
    void ticketAction(const QString& action);
    void changeHolder();

    desktop::AccountSession& m_session;
    Kind m_kind;
    QString m_eventId;
    QString m_timezone;
    QString m_sort;
    client::PagedListModel* m_model;
    widgets::RoleColumnsModel* m_columns;
    widgets::MessageBar* m_message;
    QLineEdit* m_search;
    QComboBox* m_status;
    QComboBox* m_checkedIn = nullptr;
    QTableView* m_table;
    QTextBrowser* m_details;
    QLabel* m_count;
    QTimer* m_debounce;
    // The event's live frames mark the page stale; a visible page reloads itself shortly after.
    QTimer* m_liveRefresh;
    bool m_stale = false;
    QList<QPushButton*> m_ticketButtons;
};

} // namespace sbor::organizer
