#include "personpanel.h"

#include "erasedialog.h"
#include "roleseditor.h"
#include "userwording.h"

#include "app/consoletext.h"
#include "app/stepup.h"

#include "accountsession.h"
#include "messagebar.h"

#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPointer>
#include <QPushButton>
#include <QScrollArea>
#include <QSplitter>
#include <QTabWidget>
#include <QTableWidget>
#include <QVBoxLayout>

namespace sbor::admin {
namespace {

QTableWidget* readOnlyTable(const QStringList& headers, QWidget* parent)
{
    auto* table = new QTableWidget(0, static_cast<int>(headers.size()), parent);
    table->setHorizontalHeaderLabels(headers);
    table->verticalHeader()->hide();
    table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    table->setSelectionBehavior(QAbstractItemView::SelectRows);
    table->setWordWrap(false);
    for (int column = 0; column + 1 < headers.size(); ++column)
        table->horizontalHeader()->setSectionResizeMode(column, QHeaderView::ResizeToContents);
    table->horizontalHeader()->setStretchLastSection(true);
    return table;
}

void fill(QTableWidget* table, int row, const QStringList& cells)
{
    for (int column = 0; column < cells.size(); ++column)
        table->setItem(row, column, new QTableWidgetItem(cells[column]));
}

} // namespace

PersonPanel::PersonPanel(desktop::AccountSession& session, bool mayChange, widgets::MessageBar* message,
                         QWidget* parent)
    : QWidget(parent), m_session(session), m_mayChange(mayChange), m_message(message)
{
    setObjectName("personPanel");
    m_profile = new QLabel(this);
    m_profile->setObjectName("userDetails");
    m_profile->setWordWrap(true);
    m_profile->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_profile->setAlignment(Qt::AlignTop | Qt::AlignLeft);

    auto* rolesBox = new QGroupBox(tr("Roles"), this);
    m_roles = new RolesEditor(rolesBox);
    m_saveRoles = new QPushButton(tr("&Save roles"), rolesBox);
    m_saveRoles->setObjectName("saveRolesButton");
    auto* rolesLayout = new QVBoxLayout(rolesBox);
    rolesLayout->addWidget(m_roles);
    rolesLayout->addWidget(m_saveRoles, 0, Qt::AlignLeft);

    auto* accountBox = new QGroupBox(tr("Account"), this);
    m_reason = new QLineEdit(accountBox);
    m_reason->setObjectName("blockReason");
    m_reason->setPlaceholderText(tr("Why (kept in the audit log)"));
    m_block = new QPushButton(tr("&Block"), accountBox);
    m_block->setObjectName("blockButton");
    m_unblock = new QPushButton(tr("&Unblock"), accountBox);
    m_unblock->setObjectName("unblockButton");
    m_endSessions = new QPushButton(tr("Sign out &everywhere"), accountBox);
    m_endSessions->setObjectName("endSessionsButton");
    m_endSessions->setToolTip(tr("Ends every session of this person; they sign in again with their password."));
    m_resetTwoFactor = new QPushButton(tr("Reset &two-factor"), accountBox);
    m_resetTwoFactor->setObjectName("resetTwoFactorButton");
    m_resetTwoFactor->setToolTip(tr("For a person who lost their authenticator: they sign in with the password "
                                    "alone and set it up again."));
    m_erase = new QPushButton(tr("E&rase…"), accountBox);
    m_erase->setObjectName("erasePersonButton");
    auto* blocking = new QHBoxLayout;
    blocking->addWidget(m_reason, 1);
    blocking->addWidget(m_block);
    blocking->addWidget(m_unblock);
    auto* more = new QHBoxLayout;
    more->addWidget(m_endSessions);
    more->addWidget(m_resetTwoFactor);
    more->addStretch();
    more->addWidget(m_erase);
    auto* accountLayout = new QVBoxLayout(accountBox);
    accountLayout->addLayout(blocking);
    accountLayout->addLayout(more);

    auto* profileColumn = new QWidget(this);
    auto* profileLayout = new QVBoxLayout(profileColumn);
    profileLayout->setContentsMargins(0, 0, 0, 0);
    profileLayout->addWidget(m_profile);
    if (m_mayChange) {
        profileLayout->addWidget(rolesBox);
        profileLayout->addWidget(accountBox);
    } else {
        rolesBox->hide();
        accountBox->hide();
        auto* readOnly = new QLabel(tr("Support agents look people up; admins change them."), profileColumn);
        readOnly->setWordWrap(true);
        profileLayout->addWidget(readOnly);
    }
    profileLayout->addStretch();
    // A small window scrolls the column instead of squeezing the buttons.
    auto* scroll = new QScrollArea(this);
    scroll->setWidget(profileColumn);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);

    m_sessions = readOnlyTable({tr("Signed in"), tr("Last active"), tr("Address"), tr("Device")}, this);
    m_sessions->setObjectName("personSessions");
    m_activity = readOnlyTable({tr("When"), tr("Action"), tr("By"), tr("Details")}, this);
    m_activity->setObjectName("personActivity");
    m_tabs = new QTabWidget(this);
    m_tabs->setObjectName("personTabs");
    m_tabs->addTab(m_sessions, tr("Sessions"));
    if (m_mayChange) // the audit log is the admins'
        m_tabs->addTab(m_activity, tr("Recent activity"));
    else
        m_activity->hide();

    auto* splitter = new QSplitter(Qt::Horizontal, this);
    splitter->addWidget(scroll);
    splitter->addWidget(m_tabs);
    splitter->setStretchFactor(0, 1);
    splitter->setStretchFactor(1, 1);
    splitter->setChildrenCollapsible(false);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(splitter);

    connect(m_roles, &RolesEditor::edited, this, &PersonPanel::enableActions);
    connect(m_saveRoles, &QPushButton::clicked, this, &PersonPanel::saveRoles);
    connect(m_block, &QPushButton::clicked, this, [this] { changeBlocking(true); });
    connect(m_unblock, &QPushButton::clicked, this, [this] { changeBlocking(false); });
    connect(m_endSessions, &QPushButton::clicked, this, &PersonPanel::endSessions);
    connect(m_resetTwoFactor, &QPushButton::clicked, this, &PersonPanel::resetTwoFactor);
    connect(m_erase, &QPushButton::clicked, this, &PersonPanel::erase);
    clear();
}

int PersonPanel::sessionCount() const { return m_sessions->rowCount(); }
int PersonPanel::activityCount() const { return m_activity->rowCount(); }

void PersonPanel::clear()
{
    ++m_generation;
    m_user.reset();
    m_dossier.reset();
    m_profile->setText(tr("Choose a person in the list."));
    m_roles->setStoredRoles({});
    m_sessions->setRowCount(0);
    m_activity->setRowCount(0);
    enableActions();
}

void PersonPanel::showPerson(const wire::User& user)
{
    const bool samePerson = m_user && m_user->id == user.id;
    m_user = user;
    if (!samePerson) {
        ++m_generation;
        m_dossier.reset();
        m_roles->setStoredRoles(user.roles);
        m_sessions->setRowCount(0);
        m_activity->setRowCount(0);
    }
    showProfile();
    enableActions();
    loadDossier();
}

void PersonPanel::loadDossier()
{
    if (!m_user)
        return;
    const int generation = m_generation;
    m_session.api()
        .userDossier(QString::fromStdString(m_user->id))
        .then(this, [this, generation](client::ApiResult<wire::UserDossier> dossier) {
            if (generation != m_generation)
                return;
            if (!dossier) {
                m_message->showMessage(widgets::MessageBar::Kind::Error, errorText(dossier.error()));
                return;
            }
            showDossier(std::move(*dossier));
        });
}

void PersonPanel::showDossier(wire::UserDossier dossier)
{
    // A role edit in progress is kept; otherwise the boxes follow what is stored now.
    const bool editing = m_roles->isSavable();
    m_user = dossier.user;
    m_dossier = std::move(dossier);
    if (!editing)
        m_roles->setStoredRoles(m_user->roles);
    showProfile();
    showSessions();
    showActivity();
    enableActions();
    emit dossierShown();
}

void PersonPanel::showProfile()
{
    const wire::User& user = *m_user;
    const auto count = [this](const std::optional<std::int64_t> wire::UserDossier::*field) {
        if (!m_dossier)
            return QStringLiteral("…");
        const auto& value = (*m_dossier).*field;
        return value ? QLocale().toString(static_cast<qlonglong>(*value)) : tr("unknown (the service did not answer)");
    };
    m_profile->setText(tr("<b>%1</b> &lt;%2&gt;<br>Roles: %3<br>Status: %4<br>Two-factor sign-in: %5<br>"
                          "Registered: %6<br>Orders placed: %7<br>Events organized: %8")
                           .arg(QString::fromStdString(user.name).toHtmlEscaped(),
                                QString::fromStdString(user.email).toHtmlEscaped(), rolesText(user.roles),
                                statusName(user.status), user.twoFactorEnabled ? tr("on") : tr("off"),
                                localDate(user.createdAt), count(&wire::UserDossier::ordersCount),
                                count(&wire::UserDossier::eventsCount)));
}

void PersonPanel::showSessions()
{
    const auto& sessions = m_dossier->sessions;
    m_sessions->setRowCount(static_cast<int>(sessions.size()));
    for (int row = 0; row < m_sessions->rowCount(); ++row) {
        const wire::Session& session = sessions[row];
        fill(m_sessions, row,
             {localTime(session.createdAt), localTime(session.lastUsedAt), QString::fromStdString(session.ip),
              QString::fromStdString(session.userAgent)});
        m_sessions->item(row, 3)->setToolTip(QString::fromStdString(session.userAgent));
    }
    m_tabs->setTabText(0, tr("Sessions (%1)").arg(sessions.size()));
}

void PersonPanel::showActivity()
{
    const auto& entries = m_dossier->recentAudit;
    m_activity->setRowCount(static_cast<int>(entries.size()));
    for (int row = 0; row < m_activity->rowCount(); ++row) {
        const wire::AuditEntry& entry = entries[row];
        const QString by = entry.actorId.empty() ? tr("the platform")
            : entry.actorId == m_user->id        ? tr("this person")
                                                 : shortId(entry.actorId);
        fill(m_activity, row,
             {localTime(entry.at), QString::fromStdString(entry.action), by, auditDetailsText(entry.details)});
        m_activity->item(row, 2)->setToolTip(QString::fromStdString(entry.actorId));
    }
}

void PersonPanel::enableActions()
{
    const bool present = m_user && m_user->status != "deleted" && !m_busy;
    const bool active = present && m_user->status == "active";
    m_roles->setEnabled(present);
    m_saveRoles->setEnabled(present && m_roles->isSavable());
    m_reason->setEnabled(active);
    m_block->setEnabled(active);
    m_unblock->setEnabled(present && m_user->status == "blocked");
    m_endSessions->setEnabled(present && (!m_dossier || !m_dossier->sessions.empty()));
    m_resetTwoFactor->setEnabled(present && m_user->twoFactorEnabled);
    m_erase->setEnabled(present);
}

template <typename T>
void PersonPanel::change(std::function<QFuture<client::ApiResult<T>>()> request,
                         std::function<QString(const T&)> success)
{
    m_busy = true;
    enableActions();
    QPointer<PersonPanel> self(this);
    runWithStepUp<T>(m_session, this, std::move(request), [self, success](const client::ApiResult<T>& answer) {
        if (!self)
            return;
        self->m_busy = false;
        if (!answer) {
            self->m_message->showMessage(widgets::MessageBar::Kind::Error,
                                         answer.error().is(ErrorCode::ReauthenticationRequired)
                                             ? tr("Not changed: the password was not confirmed.")
                                             : errorText(answer.error()));
        } else {
            self->m_message->showMessage(widgets::MessageBar::Kind::Positive, success(*answer));
        }
        self->enableActions();
        if (answer) // the list reloads and shows this person again, which fetches their page anew
            emit self->personChanged();
        else
            self->loadDossier();
    });
}

void PersonPanel::saveRoles()
{
    if (!m_user || !m_roles->isSavable())
        return;
    const QString userId = QString::fromStdString(m_user->id);
    const QStringList roles = m_roles->chosenRoles();
    change<wire::User>(
        [this, userId, roles] { return m_session.api().setUserRoles(userId, roles); },
        [this](const wire::User& user) {
            m_roles->setStoredRoles(user.roles);
            return tr("%1 now has the roles: %2.").arg(QString::fromStdString(user.email), rolesText(user.roles));
        });
}

void PersonPanel::changeBlocking(bool block)
{
    if (!m_user)
        return;
    const QString userId = QString::fromStdString(m_user->id);
    const QString email = QString::fromStdString(m_user->email);
    const QString reason = m_reason->text().trimmed();
    change<client::Done>(
        [this, block, userId, reason] {
            return block ? m_session.api().blockUser(userId, reason) : m_session.api().unblockUser(userId);
        },
        [this, block, email](const client::Done&) {
            m_reason->clear();
            return block ? tr("%1 is blocked and signed out everywhere.").arg(email)
                         : tr("%1 may sign in again.").arg(email);
        });
}

void PersonPanel::endSessions()
{
    if (!m_user)
        return;
    const QString userId = QString::fromStdString(m_user->id);
    const QString email = QString::fromStdString(m_user->email);
    change<qint64>([this, userId] { return m_session.api().endUserSessions(userId); },
                   [email](const qint64& ended) {
                       return tr("%n session(s) of %1 ended.", nullptr, static_cast<int>(ended)).arg(email);
                   });
}

void PersonPanel::resetTwoFactor()
{
    if (!m_user)
        return;
    const QString userId = QString::fromStdString(m_user->id);
    change<wire::User>([this, userId] { return m_session.api().resetUserTwoFactor(userId); },
                       [](const wire::User& user) {
                           return tr("Two-factor sign-in is off for %1: they sign in with the password and "
                                     "may set it up again.")
                               .arg(QString::fromStdString(user.email));
                       });
}

void PersonPanel::erase()
{
    if (!m_user)
        return;
    auto* dialog = new EraseDialog(QString::fromStdString(m_user->name), QString::fromStdString(m_user->email), this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    const QString userId = QString::fromStdString(m_user->id);
    const QString email = QString::fromStdString(m_user->email);
    connect(dialog, &QDialog::accepted, this, [this, dialog, userId, email] {
        const QString typed = dialog->typedEmail();
        change<client::Done>([this, userId, typed] { return m_session.api().eraseUser(userId, typed); },
                             [email](const client::Done&) {
                                 return tr("%1 is erased: the personal data is gone, the orders and the audit "
                                           "log stay.")
                                     .arg(email);
                             });
    });
    dialog->open();
}

} // namespace sbor::admin
