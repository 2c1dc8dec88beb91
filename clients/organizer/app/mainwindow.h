#pragma once
// The organizer's main window: "My events" and the inbox, then one tab per open event; the
// standard shortcuts (Ctrl+N new event, Ctrl+F find, F5 reload, Ctrl+W close the tab, Ctrl+Q
// quit); a banner while the server cannot be reached (what is shown stays, marked as possibly out
// of date; the app reconnects by itself); the window's size and place kept between runs.

#include <QDateTime>
#include <QMainWindow>

class QLabel;
class QTabWidget;

namespace sbor::widgets {
class MessageBar;
}

namespace sbor::desktop {
class AccountSession;
}

namespace sbor::organizer {

class EventListPage;
class EventWorkspace;
class InboxPage;

class MainWindow : public QMainWindow {
    Q_OBJECT
public:
    explicit MainWindow(desktop::AccountSession& session, QWidget* parent = nullptr);
    ~MainWindow() override;

    // Opens the event's workspace (or shows it when open already).
    EventWorkspace* openEvent(const QString& eventId, const QString& title, const QString& timezone);
    EventWorkspace* workspace(const QString& eventId) const;
    EventListPage* eventList() const { return m_events; }
    InboxPage* inbox() const { return m_inbox; }
    QTabWidget* tabs() const { return m_tabs; }
    widgets::MessageBar* connectionBanner() const { return m_banner; }

signals:
    void languageRequested(const QString& language); // "en" | "ru"
    void signOutRequested();

protected:
    void closeEvent(QCloseEvent* event) override;

private:
    void buildMenus();
    void newEvent();
    void copyEvent(const QString& eventId, const QString& title, const QString& startsAt, const QString& endsAt,
                   const QString& timezone);
    void closeCurrentTab();
    void reloadCurrent();
    void findInCurrent();
    void showConnection(bool online);
    void updateInboxTitle(int unread);

    desktop::AccountSession& m_session;
    QTabWidget* m_tabs;
    EventListPage* m_events;
    InboxPage* m_inbox;
    widgets::MessageBar* m_banner;
    QLabel* m_who;
    QLabel* m_liveState;
    QDateTime m_lastOnline;
};

} // namespace sbor::organizer
