#include "userspage.h"

#include "app/stepup.h"

#include "app/consoletext.h"

#include "accountsession.h"
#include "messagebar.h"

#include <QComboBox>
#include <QDateTime>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPushButton>
#include <QSplitter>
#include <QTableWidget>
#include <QTimer>
#include <QVBoxLayout>

namespace sbor::admin {
namespace {

QString roleName(const std::string& role)
{
    if (role == "admin")
        return UsersPage::tr("admin");
    if (role == "support")
        return UsersPage::tr("support");
    if (role == "organizer")
        return UsersPage::tr("organizer");
    if (role == "staff")
        return UsersPage::tr("staff");
    return UsersPage::tr("attendee");
}

QString statusName(const std::string& status)
{
    if (status == "blocked")
        return UsersPage::tr("blocked");
    if (status == "deleted")
        return UsersPage::tr("erased");
    return UsersPage::tr("active");
}

QString rolesOf(const wire::User& user)
{
    QStringList names;
    for (const auto& role : user.roles)
        names << roleName(role);
    return names.join(", ");
}

} // namespace

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
    for (const char* role : {"attendee", "organizer", "staff", "support", "admin"})
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

    auto* detailsBox = new QGroupBox(tr("Person"), this);
    m_details = new QLabel(tr("Choose a person in the list."), detailsBox);
    m_details->setObjectName("userDetails");
    m_details->setWordWrap(true);
    m_details->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_reason = new QLineEdit(detailsBox);
    m_reason->setObjectName("blockReason");
    m_reason->setPlaceholderText(tr("Why (kept in the audit log)"));
    m_block = new QPushButton(tr("&Block"), detailsBox);
    m_block->setObjectName("blockButton");
    m_unblock = new QPushButton(tr("&Unblock"), detailsBox);
    m_unblock->setObjectName("unblockButton");
    auto* actions = new QHBoxLayout;
    actions->addWidget(m_reason, 1);
    actions->addWidget(m_block);
    actions->addWidget(m_unblock);
    auto* detailsLayout = new QVBoxLayout(detailsBox);
    detailsLayout->addWidget(m_details);
    detailsLayout->addStretch();
    if (m_mayChange)
        detailsLayout->addLayout(actions);
    else {
        m_reason->hide();
        m_block->hide();
        m_unblock->hide();
        auto* readOnly = new QLabel(tr("Support agents look people up; admins change them."), detailsBox);
        readOnly->setWordWrap(true);
        detailsLayout->addWidget(readOnly);
    }

    auto* filters = new QHBoxLayout;
    filters->addWidget(m_search, 1);
    filters->addWidget(m_role);
    filters->addWidget(m_status);
    auto* splitter = new QSplitter(Qt::Vertical, this);
    splitter->addWidget(m_table);
    splitter->addWidget(detailsBox);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 1);
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
    connect(m_block, &QPushButton::clicked, this, [this] { changeBlocking(true); });
    connect(m_unblock, &QPushButton::clicked, this, [this] { changeBlocking(false); });
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
        const QStringList cells = {QString::fromStdString(user.email), QString::fromStdString(user.name), rolesOf(user),
                                   statusName(user.status), localDate(user.createdAt)};
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
    const bool chosen = row >= 0 && row < resultCount() && m_table->selectionModel()->hasSelection();
    m_block->setEnabled(chosen && m_users[row].status == "active");
    m_unblock->setEnabled(chosen && m_users[row].status == "blocked");
    m_reason->setEnabled(chosen && m_users[row].status == "active");
    if (!chosen) {
        m_details->setText(tr("Choose a person in the list."));
        return;
    }
    const wire::User& user = m_users[row];
    m_details->setText(tr("<b>%1</b> &lt;%2&gt;<br>Roles: %3<br>Status: %4<br>Two-factor sign-in: %5<br>Registered: %6")
                           .arg(QString::fromStdString(user.name).toHtmlEscaped(),
                                QString::fromStdString(user.email).toHtmlEscaped(), rolesOf(user),
                                statusName(user.status), user.twoFactorEnabled ? tr("on") : tr("off"),
                                localDate(user.createdAt)));
}

void UsersPage::changeBlocking(bool block)
{
    const int row = m_table->currentRow();
    if (row < 0 || row >= resultCount())
        return;
    const QString userId = QString::fromStdString(m_users[row].id);
    const QString email = QString::fromStdString(m_users[row].email);
    const QString reason = m_reason->text().trimmed();
    m_block->setEnabled(false);
    m_unblock->setEnabled(false);
    runWithStepUp<client::Done>(
        m_session, this,
        [this, block, userId, reason] {
            return block ? m_session.api().blockUser(userId, reason) : m_session.api().unblockUser(userId);
        },
        [this, block, email](const client::ApiResult<client::Done>& done) {
            if (!done) {
                m_message->showMessage(widgets::MessageBar::Kind::Error,
                                       done.error().is(ErrorCode::ReauthenticationRequired)
                                           ? tr("Not changed: the password was not confirmed.")
                                           : errorText(done.error()));
                showSelected();
                return;
            }
            m_reason->clear();
            m_message->showMessage(widgets::MessageBar::Kind::Positive,
                                   block ? tr("%1 is blocked and signed out everywhere.").arg(email)
                                         : tr("%1 may sign in again.").arg(email));
            reload();
        });
}

} // namespace sbor::admin
