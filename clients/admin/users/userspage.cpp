#include "userspage.h"

#include "personpanel.h"
#include "userwording.h"

#include "app/consoletext.h"

#include "accountsession.h"
#include "messagebar.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLineEdit>
#include <QSplitter>
#include <QTableWidget>
#include <QTimer>
#include <QVBoxLayout>

namespace sbor::admin {

UsersPage::UsersPage(desktop::AccountSession& session, bool mayChange, QWidget* parent)
    : ConsolePage(parent), m_session(session), m_mayChange(mayChange)
{
    setObjectName("usersPage");
    m_message = new widgets::MessageBar(this);
    m_message->setObjectName("usersMessage");
    m_search = new QLineEdit(this);
    m_search->setObjectName("userSearch");
    m_search->setPlaceholderText(tr("Find by email or name"));
    m_search->setClearButtonEnabled(true);
    m_role = new QComboBox(this);
    m_role->setObjectName("roleFilter");
    m_role->addItem(tr("Any role"), QString());
    for (const char* role : kRoles)
        m_role->addItem(roleName(role), QString(role));
    m_status = new QComboBox(this);
    m_status->setObjectName("statusFilter");
    m_status->addItem(tr("Any status"), QString());
    for (const char* status : {"active", "blocked", "deleted"})
        m_status->addItem(statusName(status), QString(status));

    m_table = new QTableWidget(0, 5, this);
    m_table->setObjectName("usersTable");
    m_table->setHorizontalHeaderLabels({tr("Email"), tr("Name"), tr("Roles"), tr("Status"), tr("Registered")});
    m_table->verticalHeader()->hide();
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->horizontalHeader()->setSectionResizeMode(0, QHeaderView::Stretch);
    m_table->horizontalHeader()->setSectionResizeMode(1, QHeaderView::Stretch);
    for (int column = 2; column < 5; ++column)
        m_table->horizontalHeader()->setSectionResizeMode(column, QHeaderView::ResizeToContents);

    m_person = new PersonPanel(session, m_mayChange, m_message, this);

    auto* filters = new QHBoxLayout;
    filters->addWidget(m_search, 1);
    filters->addWidget(m_role);
    filters->addWidget(m_status);
    auto* splitter = new QSplitter(Qt::Vertical, this);
    splitter->addWidget(m_table);
    splitter->addWidget(m_person);
    splitter->setStretchFactor(0, 2);
    splitter->setStretchFactor(1, 3);
    splitter->setChildrenCollapsible(false);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_message);
    layout->addLayout(filters);
    layout->addWidget(splitter, 1);

    m_typing = new QTimer(this);
    m_typing->setSingleShot(true);
    m_typing->setInterval(250); // a search per pause in typing, not per key
    connect(m_typing, &QTimer::timeout, this, &UsersPage::reload);
    connect(m_search, &QLineEdit::textChanged, m_typing, qOverload<>(&QTimer::start));
    connect(m_role, &QComboBox::currentIndexChanged, this, &UsersPage::reload);
    connect(m_status, &QComboBox::currentIndexChanged, this, &UsersPage::reload);
    connect(m_table, &QTableWidget::itemSelectionChanged, this, &UsersPage::showSelected);
    connect(m_person, &PersonPanel::personChanged, this, &UsersPage::reload);
    showSelected();
}

void UsersPage::focusSearch()
{
    m_search->setFocus();
    m_search->selectAll();
}

void UsersPage::reload()
{
    client::UserSearch search;
    search.text = m_search->text().trimmed();
    search.role = m_role->currentData().toString();
    search.status = m_status->currentData().toString();
    search.limit = 100;
    const int generation = ++m_generation;
    m_session.api().searchUsers(search).then(this, [this, generation](client::ApiResult<wire::Page<wire::User>> page) {
        if (generation != m_generation)
            return;
        if (!page) {
            m_searchFailed = true;
            m_message->showMessage(widgets::MessageBar::Kind::Error, errorText(page.error()));
            return;
        }
        if (m_searchFailed) // a change's own message stays; a failed search's goes once it works
            m_message->hideMessage();
        m_searchFailed = false;
        showUsers(std::move(page->items));
    });
}

void UsersPage::showUsers(std::vector<wire::User> users)
{
    const int row = m_table->currentRow();
    const QString selected = row >= 0 && row < resultCount() ? QString::fromStdString(m_users[row].id) : QString();
    m_users = std::move(users);
    m_table->setRowCount(resultCount());
    for (int i = 0; i < resultCount(); ++i) {
        const wire::User& user = m_users[i];
        const QStringList cells = {QString::fromStdString(user.email), QString::fromStdString(user.name),
                                   rolesText(user.roles), statusName(user.status), localDate(user.createdAt)};
        for (int column = 0; column < cells.size(); ++column)
            m_table->setItem(i, column, new QTableWidgetItem(cells[column]));
    }
    if (!selected.isEmpty())
        selectUser(selected);
    showSelected();
}

void UsersPage::selectUser(const QString& userId)
{
    for (int i = 0; i < resultCount(); ++i)
        if (QString::fromStdString(m_users[i].id) == userId)
            m_table->selectRow(i);
}

void UsersPage::showSelected()
{
    const int row = m_table->currentRow();
    if (row >= 0 && row < resultCount() && m_table->selectionModel()->hasSelection())
        m_person->showPerson(m_users[row]);
    else
        m_person->clear();
}

} // namespace sbor::admin
