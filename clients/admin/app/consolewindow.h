#pragma once
// The console's main window: the pages the signed-in person's roles allow in a list on the left
// (admins: the support queue, disputes, users, settings, templates, the audit log; support agents: the support
// queue, disputes and a read-only user lookup), the health dock for admins, a banner while the server cannot be
// reached, the standard shortcuts (Ctrl+1… a page, Ctrl+F find, F5 reload, Ctrl+Q quit) and the
// window's size, place and page kept between runs.

#include <QMainWindow>

class QLabel;
class QListWidget;
class QStackedWidget;
class QToolButton;

namespace sbor::desktop {
class AccountSession;
}
namespace sbor::widgets {
class MessageBar;
}

namespace sbor::admin {

class ConsolePage;
class HealthDock;

class ConsoleWindow : public QMainWindow {
    Q_OBJECT
public:
    ConsoleWindow(desktop::AccountSession& session, int healthIntervalMs, QWidget* parent = nullptr);
    ~ConsoleWindow() override;

    // The page of that objectName ("usersPage", "supportPage" …), null when the roles hide it.
    ConsolePage* page(const QString& objectName) const;
    void showPage(const QString& objectName);
    HealthDock* healthDock() const { return m_health; }
    QListWidget* navigation() const { return m_navigation; }

signals:
    void languageRequested(const QString& language);
    void signOutRequested();

protected:
    void closeEvent(QCloseEvent* event) override;

private:
    void addPage(ConsolePage* page, const QString& title);
    void buildMenus();
    void showConnection(bool online);
    void showHealth(const QString& status);
    ConsolePage* currentPage() const;

    desktop::AccountSession& m_session;
    QListWidget* m_navigation;
    QStackedWidget* m_pages;
    widgets::MessageBar* m_banner;
    HealthDock* m_health = nullptr;
    QToolButton* m_healthLight = nullptr;
    QLabel* m_who;
};

} // namespace sbor::admin
