#pragma once
// The organizer's in-app notifications, newest first, with the unread count kept live from the
// feed of their own topic (user:<id>): a new one appears without a reload.

#include <QWidget>

class QLabel;
class QListView;
class QPushButton;

namespace sbor::client {
class PagedListModel;
}

namespace sbor::desktop {
class AccountSession;
}

namespace sbor::organizer {

class InboxPage : public QWidget {
    Q_OBJECT
public:
    explicit InboxPage(desktop::AccountSession& session, QWidget* parent = nullptr);
    void reload();
    int unreadCount() const { return m_unread; }

signals:
    void unreadCountChanged(int count);

private:
    void countUnread();

    desktop::AccountSession& m_session;
    client::PagedListModel* m_model;
    QListView* m_list;
    QLabel* m_empty;
    QPushButton* m_markAll;
    int m_unread = 0;
};

} // namespace sbor::organizer
