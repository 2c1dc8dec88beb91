#include "consolewindow.h"

#include "audit/auditlogpage.h"
#include "consolepage.h"
#include "disputes/disputedeskpage.h"
#include "health/healthdock.h"
#include "logs/tracelogspage.h"
#include "reports/reportspage.h"
#include "settings/settingspage.h"
#include "settings/templatespage.h"
#include "support/supportqueuepage.h"
#include "users/userspage.h"

#include "accountsession.h"
#include "messagebar.h"

#include <QAction>
#include <QApplication>
#include <QCloseEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QMenuBar>
#include <QSettings>
#include <QStackedWidget>
#include <QStatusBar>
#include <QToolButton>
#include <QVBoxLayout>

#include <algorithm>

namespace sbor::admin {
namespace {

bool hasRole(const wire::User& user, const char* role)
{
    return std::find(user.roles.begin(), user.roles.end(), role) != user.roles.end();
}

} // namespace

ConsoleWindow::ConsoleWindow(desktop::AccountSession& session, int healthIntervalMs, QWidget* parent)
    : QMainWindow(parent), m_session(session)
{
    setObjectName("consoleWindow");
    setWindowTitle(tr("Sbor Admin"));
    setMinimumSize(1024, 640);
    const bool admin = hasRole(session.user(), "admin");

    auto* central = new QWidget(this);
    m_banner = new widgets::MessageBar(central);
    m_banner->setObjectName("connectionBanner");
    m_navigation = new QListWidget(central);
    m_navigation->setObjectName("navigation");
    m_navigation->setFixedWidth(170);
    m_navigation->setSpacing(2);
    m_pages = new QStackedWidget(central);
    auto* body = new QHBoxLayout;
    body->addWidget(m_navigation);
    body->addWidget(m_pages, 1);
    auto* layout = new QVBoxLayout(central);
    layout->addWidget(m_banner);
    layout->addLayout(body, 1);
    setCentralWidget(central);

    addPage(new SupportQueuePage(session, central), tr("Support queue"));
    addPage(new DisputeDeskPage(session, central), tr("Disputes"));
    addPage(new UsersPage(session, admin, central), admin ? tr("Users") : tr("User lookup"));
    if (admin) {
        addPage(new SettingsPage(session, central), tr("Settings"));
        addPage(new TemplatesPage(session, central), tr("Templates"));
        addPage(new ReportsPage(session, central), tr("Reports"));
        addPage(new AuditLogPage(session, central), tr("Audit log"));
        addPage(new TraceLogsPage(session, central), tr("Logs by trace"));
        m_health = new HealthDock(session, healthIntervalMs, this);
        addDockWidget(Qt::RightDockWidgetArea, m_health);
        // The light in the status bar is always there; the dock opens from it (or View).
        m_healthLight = new QToolButton(this);
        m_healthLight->setObjectName("healthIndicator");
        m_healthLight->setAutoRaise(true);
        m_healthLight->setToolButtonStyle(Qt::ToolButtonTextOnly);
        connect(m_healthLight, &QToolButton::clicked, this, [this] {
            m_health->setVisible(!m_health->isVisible());
            if (m_health->isVisible())
                m_health->raise();
        });
        connect(m_health, &HealthDock::statusChanged, this, &ConsoleWindow::showHealth);
        statusBar()->addWidget(m_healthLight);
        showHealth(m_health->status());
    }
    connect(m_navigation, &QListWidget::currentRowChanged, this, [this](int row) {
        m_pages->setCurrentIndex(row);
        if (ConsolePage* page = currentPage())
            page->reload();
    });

    m_who = new QLabel(this);
    m_who->setObjectName("signedInAs");
    m_who->setText(tr("Signed in as %1 (%2)")
                       .arg(QString::fromStdString(session.user().email), admin ? tr("admin") : tr("support agent")));
    statusBar()->addPermanentWidget(m_who);
    buildMenus();
    connect(&session, &desktop::AccountSession::onlineChanged, this, &ConsoleWindow::showConnection);

    QSettings settings;
    if (!restoreGeometry(settings.value("consoleWindow/geometry").toByteArray()))
        resize(1366, 768);
    // First run: the dock opens by itself only where it leaves the pages room; after that, as left.
    if (!restoreState(settings.value("consoleWindow/state").toByteArray()) && m_health)
        m_health->setVisible(width() >= 1600);
    const QString last = settings.value("consoleWindow/page").toString();
    showPage(page(last) ? last : m_pages->widget(0)->objectName());
}

ConsoleWindow::~ConsoleWindow() = default;

void ConsoleWindow::addPage(ConsolePage* page, const QString& title)
{
    m_pages->addWidget(page);
    m_navigation->addItem(title);
}

ConsolePage* ConsoleWindow::page(const QString& objectName) const
{
    for (int i = 0; i < m_pages->count(); ++i)
        if (m_pages->widget(i)->objectName() == objectName)
            return static_cast<ConsolePage*>(m_pages->widget(i));
    return nullptr;
}

ConsolePage* ConsoleWindow::currentPage() const { return static_cast<ConsolePage*>(m_pages->currentWidget()); }

void ConsoleWindow::showPage(const QString& objectName)
{
    for (int i = 0; i < m_pages->count(); ++i)
        if (m_pages->widget(i)->objectName() == objectName) {
            if (m_navigation->currentRow() == i)
                currentPage()->reload();
            m_navigation->setCurrentRow(i);
        }
}

void ConsoleWindow::buildMenus()
{
    QMenu* file = menuBar()->addMenu(tr("&File"));
    QAction* signOut = file->addAction(tr("Sign &out"));
    signOut->setObjectName("signOutAction");
    connect(signOut, &QAction::triggered, this, &ConsoleWindow::signOutRequested);
    file->addSeparator();
    QAction* quit = file->addAction(tr("&Quit"));
    quit->setShortcut(QKeySequence::Quit);
    connect(quit, &QAction::triggered, qApp, &QApplication::quit);

    QMenu* go = menuBar()->addMenu(tr("&Go"));
    for (int i = 0; i < m_navigation->count(); ++i) {
        QAction* action = go->addAction(m_navigation->item(i)->text());
        action->setShortcut(QKeySequence(Qt::CTRL | static_cast<Qt::Key>(Qt::Key_1 + i)));
        connect(action, &QAction::triggered, this, [this, i] { m_navigation->setCurrentRow(i); });
    }
    go->addSeparator();
    QAction* find = go->addAction(tr("&Find"));
    find->setShortcut(QKeySequence::Find);
    connect(find, &QAction::triggered, this, [this] {
        if (ConsolePage* page = currentPage())
            page->focusSearch();
    });
    QAction* reload = go->addAction(tr("&Reload"));
    reload->setShortcut(QKeySequence::Refresh);
    connect(reload, &QAction::triggered, this, [this] {
        if (ConsolePage* page = currentPage())
            page->reload();
    });

    QMenu* view = menuBar()->addMenu(tr("&View"));
    if (m_health)
        view->addAction(m_health->toggleViewAction());
    QMenu* language = view->addMenu(tr("&Language"));
    connect(language->addAction("English"), &QAction::triggered, this, [this] { emit languageRequested("en"); });
    connect(language->addAction("Русский"), &QAction::triggered, this, [this] { emit languageRequested("ru"); });
}

void ConsoleWindow::showHealth(const QString& status)
{
    const QString colour = status == "ok" ? "#2e7d32"
        : status == "amber"               ? "#f9a825"
        : status == "red"                 ? "#c62828"
                                          : "#9e9e9e";
    const QString words = status == "ok" ? tr("Platform: all is well")
        : status == "amber"              ? tr("Platform: something grows")
        : status == "red"                ? tr("Platform: something is down")
                                         : tr("Platform: no report yet");
    m_healthLight->setText(QStringLiteral("● ") + words);
    m_healthLight->setStyleSheet(QStringLiteral("color: %1; font-weight: bold;").arg(colour));
    m_healthLight->setProperty("status", status);
}

void ConsoleWindow::showConnection(bool online)
{
    if (online)
        m_banner->hideMessage();
    else
        m_banner->showMessage(widgets::MessageBar::Kind::Warning,
                              tr("The server cannot be reached. What is shown may be out of date; the console "
                                 "reconnects by itself."));
}

void ConsoleWindow::closeEvent(QCloseEvent* event)
{
    QSettings settings;
    settings.setValue("consoleWindow/geometry", saveGeometry());
    settings.setValue("consoleWindow/state", saveState());
    if (ConsolePage* page = currentPage())
        settings.setValue("consoleWindow/page", page->objectName());
    QMainWindow::closeEvent(event);
}

} // namespace sbor::admin
