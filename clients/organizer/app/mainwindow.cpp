#include "mainwindow.h"

#include "eventworkspace.h"
#include "accountsession.h"

#include "events/copyeventdialog.h"
#include "events/eventeditor.h"
#include "events/eventlistpage.h"
#include "inbox/inboxpage.h"

#include "messagebar.h"

#include <QActionGroup>
#include <QApplication>
#include <QCloseEvent>
#include <QLabel>
#include <QMenuBar>
#include <QSettings>
#include <QStatusBar>
#include <QTabBar>
#include <QTabWidget>
#include <QVBoxLayout>

namespace sbor::organizer {

MainWindow::MainWindow(desktop::AccountSession& session, QWidget* parent) : QMainWindow(parent), m_session(session)
{
    setObjectName("organizerMainWindow");
    setWindowTitle(tr("Sbor Organizer"));
    setMinimumSize(1024, 640);
    m_banner = new widgets::MessageBar(this);
    m_banner->setObjectName("connectionBanner");
    m_banner->setClosable(false);
    m_tabs = new QTabWidget(this);
    m_tabs->setObjectName("workspaceTabs");
    m_tabs->setTabsClosable(true);
    m_tabs->setMovable(true);
    m_events = new EventListPage(session, m_tabs);
    m_inbox = new InboxPage(session, m_tabs);
    m_tabs->addTab(m_events, tr("My events"));
    m_tabs->addTab(m_inbox, tr("Inbox"));
    // The first two are the app's own pages: they stay.
    for (int i = 0; i < 2; ++i)
        m_tabs->tabBar()->setTabButton(i, QTabBar::RightSide, nullptr);
    auto* central = new QWidget(this);
    auto* layout = new QVBoxLayout(central);
    layout->setContentsMargins(6, 6, 6, 0);
    layout->addWidget(m_banner);
    layout->addWidget(m_tabs, 1);
    setCentralWidget(central);

    m_who = new QLabel(this);
    m_who->setObjectName("signedInAs");
    m_liveState = new QLabel(this);
    m_liveState->setObjectName("liveState");
    statusBar()->addWidget(m_who, 1);
    statusBar()->addPermanentWidget(m_liveState);
    if (session.isSignedIn())
        m_who->setText(
            tr("Signed in as %1 on %2").arg(QString::fromStdString(session.user().email), session.server().toString()));
    buildMenus();

    connect(m_events, &EventListPage::openRequested, this, &MainWindow::openEvent);
    connect(m_events, &EventListPage::createRequested, this, &MainWindow::newEvent);
    connect(m_events, &EventListPage::copyRequested, this, &MainWindow::copyEvent);
    connect(m_tabs, &QTabWidget::tabCloseRequested, this, [this](int index) {
        if (index < 2)
            return;
        QWidget* page = m_tabs->widget(index);
        m_tabs->removeTab(index);
        page->deleteLater();
    });
    connect(m_inbox, &InboxPage::unreadCountChanged, this, &MainWindow::updateInboxTitle);
    connect(&session, &desktop::AccountSession::onlineChanged, this, &MainWindow::showConnection);
    connect(&session, &desktop::AccountSession::liveConnectedChanged, this, [this](bool connected) {
        m_liveState->setText(connected ? tr("● live") : tr("○ live feed reconnecting"));
    });
    m_lastOnline = QDateTime::currentDateTime();
    m_liveState->setText(session.isLiveConnected() ? tr("● live") : tr("○ live feed connecting"));

    QSettings settings;
    restoreGeometry(settings.value("window/geometry").toByteArray());
    restoreState(settings.value("window/state").toByteArray());
    m_events->reload();
    m_inbox->reload();
}

MainWindow::~MainWindow() = default;

void MainWindow::buildMenus()
{
    QMenu* file = menuBar()->addMenu(tr("&File"));
    QAction* create = file->addAction(tr("&New event…"), this, &MainWindow::newEvent);
    create->setShortcut(QKeySequence::New);
    create->setObjectName("newEventAction");
    QAction* copy = file->addAction(tr("&Copy event…"), this, [this] {
        m_tabs->setCurrentWidget(m_events);
        m_events->copyCurrent();
    });
    copy->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_D));
    copy->setObjectName("copyEventAction");
    file->addSeparator();
    QAction* signOut = file->addAction(tr("Sign &out"), this, &MainWindow::signOutRequested);
    signOut->setObjectName("signOutAction");
    QAction* quit = file->addAction(tr("&Quit"), this, &QWidget::close);
    quit->setShortcut(QKeySequence::Quit);

    QMenu* view = menuBar()->addMenu(tr("&View"));
    QAction* find = view->addAction(tr("&Find"), this, &MainWindow::findInCurrent);
    find->setShortcut(QKeySequence::Find);
    QAction* reload = view->addAction(tr("&Reload"), this, &MainWindow::reloadCurrent);
    reload->setShortcut(QKeySequence::Refresh);
    reload->setObjectName("reloadAction");
    QAction* close = view->addAction(tr("&Close tab"), this, &MainWindow::closeCurrentTab);
    close->setShortcut(QKeySequence::Close);
    QAction* next = view->addAction(
        tr("Ne&xt tab"), this, [this] { m_tabs->setCurrentIndex((m_tabs->currentIndex() + 1) % m_tabs->count()); });
    next->setShortcut(QKeySequence::NextChild);

    QMenu* language = menuBar()->addMenu(tr("&Language"));
    auto* languages = new QActionGroup(this);
    const QString current = QSettings().value("language", QLocale().name().left(2)).toString();
    for (const auto& [code, name] : {std::pair{"en", "English"}, std::pair{"ru", "Русский"}}) {
        QAction* action = language->addAction(QString::fromUtf8(name));
        action->setCheckable(true);
        action->setChecked(current == code);
        action->setObjectName(QString("language_") + code);
        languages->addAction(action);
        const QString chosen = code;
        connect(action, &QAction::triggered, this, [this, chosen] { emit languageRequested(chosen); });
    }
}

EventWorkspace* MainWindow::workspace(const QString& eventId) const
{
    for (int i = 2; i < m_tabs->count(); ++i)
        if (auto* open = qobject_cast<EventWorkspace*>(m_tabs->widget(i)); open && open->eventId() == eventId)
            return open;
    return nullptr;
}

EventWorkspace* MainWindow::openEvent(const QString& eventId, const QString& title, const QString& timezone)
{
    if (EventWorkspace* open = workspace(eventId)) {
        m_tabs->setCurrentWidget(open);
        return open;
    }
    auto* created = new EventWorkspace(m_session, eventId, timezone, m_tabs);
    const int index = m_tabs->addTab(created, title);
    m_tabs->setTabToolTip(index, title);
    m_tabs->setCurrentIndex(index);
    connect(created, &EventWorkspace::titleChanged, this, [this, created](const QString& changed) {
        m_tabs->setTabText(m_tabs->indexOf(created), changed);
        m_events->reload();
    });
    return created;
}

void MainWindow::newEvent()
{
    auto* editor = new EventEditor(m_session, QString(), m_tabs);
    const int index = m_tabs->addTab(editor, tr("New event"));
    m_tabs->setCurrentIndex(index);
    connect(editor, &EventEditor::saved, this, [this, editor](const wire::Event& event) {
        // The draft exists now: its workspace takes the editor's place.
        const int at = m_tabs->indexOf(editor);
        m_tabs->removeTab(at);
        editor->deleteLater();
        m_events->reload();
        openEvent(QString::fromStdString(event.id), QString::fromStdString(event.title),
                  QString::fromStdString(event.timezone))
            ->showTicketTypes();
    });
}

void MainWindow::copyEvent(const QString& eventId, const QString& title, const QString& startsAt, const QString& endsAt,
                           const QString& timezone)
{
    auto* dialog = new CopyEventDialog(m_session, eventId, title, startsAt, endsAt, timezone, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &CopyEventDialog::copied, this,
            [this](const QString& copyId, const QString& copyTitle, const QString& copyZone) {
                m_events->reload();
                openEvent(copyId, copyTitle, copyZone)->showSettings();
            });
    dialog->open();
}

void MainWindow::closeCurrentTab()
{
    const int index = m_tabs->currentIndex();
    if (index >= 2)
        emit m_tabs->tabCloseRequested(index);
}

void MainWindow::reloadCurrent()
{
    QWidget* page = m_tabs->currentWidget();
    if (page == m_events)
        m_events->reload();
    else if (page == m_inbox)
        m_inbox->reload();
    else if (auto* open = qobject_cast<EventWorkspace*>(page))
        open->reloadCurrent();
}

void MainWindow::findInCurrent()
{
    QWidget* page = m_tabs->currentWidget();
    if (page == m_events)
        m_events->focusSearch();
    else if (auto* open = qobject_cast<EventWorkspace*>(page))
        open->focusSearch();
}

void MainWindow::showConnection(bool online)
{
    if (online) {
        m_lastOnline = QDateTime::currentDateTime();
        m_banner->hideMessage();
        return;
    }
    m_banner->showMessage(widgets::MessageBar::Kind::Warning,
                          tr("The server cannot be reached. What you see is from %1 and may be out of date; nothing "
                             "you typed is lost, and the app reconnects by itself.")
                              .arg(QLocale().toString(m_lastOnline.time(), QLocale::ShortFormat)),
                          tr("Try now"), [this] { reloadCurrent(); });
}

void MainWindow::updateInboxTitle(int unread)
{
    m_tabs->setTabText(m_tabs->indexOf(m_inbox), unread > 0 ? tr("Inbox (%1)").arg(unread) : tr("Inbox"));
}

void MainWindow::closeEvent(QCloseEvent* event)
{
    QSettings settings;
    settings.setValue("window/geometry", saveGeometry());
    settings.setValue("window/state", saveState());
    QMainWindow::closeEvent(event);
}

} // namespace sbor::organizer
