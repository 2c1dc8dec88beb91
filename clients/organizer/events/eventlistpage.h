#pragma once
// "My events": the organizer's events (and those they co-organize) in every status, with search as
// you type and a status filter, newest start first. Opening one (Enter, double click) opens its
// workspace beside the others.

#include <QWidget>

class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QTableView;
class QTimer;

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

class EventListPage : public QWidget {
    Q_OBJECT
public:
    EventListPage(desktop::AccountSession& session, QWidget* parent = nullptr);

    void reload();
    void focusSearch();
    int rowCount() const;

signals:
    void openRequested(const QString& eventId, const QString& title, const QString& timezone);
    void createRequested();
    void copyRequested(const QString& eventId, const QString& title, const QString& startsAt, const QString& endsAt,
                       const QString& timezone);

public:
    // Asks to copy the selected event (copyRequested); nothing when none is selected.
    void copyCurrent();

private:
    void openCurrent();
    void retranslate();
    void changeEvent(QEvent* event) override;

    desktop::AccountSession& m_session;
    client::PagedListModel* m_model;
    widgets::RoleColumnsModel* m_columns;
    widgets::MessageBar* m_message;
    QLabel* m_heading;
    QLineEdit* m_search;
    QComboBox* m_status;
    QPushButton* m_create;
    QPushButton* m_copy;
    QTableView* m_table;
    QLabel* m_empty;
    QTimer* m_debounce;
};

} // namespace sbor::organizer
