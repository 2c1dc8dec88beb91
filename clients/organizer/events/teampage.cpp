#include "teampage.h"

#include "accountsession.h"
#include "app/wording.h"

#include "messagebar.h"

#include <QComboBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>

namespace sbor::organizer {
namespace {

QString text(const std::string& value) { return QString::fromStdString(value); }

// The server's words about one field of a 422, "" when it names another.
QString fieldProblem(const client::ApiError& error, const std::string& field)
{
    for (const auto& [name, problem] : error.fieldProblems())
        if (name == field)
            return QString::fromStdString(problem);
    return {};
}

} // namespace

TeamPage::TeamPage(desktop::AccountSession& session, const QString& eventId, const QString& timezone, QWidget* parent)
    : QWidget(parent), m_session(session), m_eventId(eventId), m_timezone(timezone)
{
    setObjectName("teamPage");
    m_message = new widgets::MessageBar(this);
    m_message->setObjectName("teamMessage");
    m_table = new QTableWidget(this);
    m_table->setObjectName("teamTable");
    m_table->setColumnCount(4);
    m_table->setHorizontalHeaderLabels({tr("Name"), tr("Email"), tr("Role"), tr("Added")});
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setSectionResizeMode(0, QHeaderView::Stretch);
    m_table->horizontalHeader()->setSectionResizeMode(1, QHeaderView::Stretch);
    m_table->horizontalHeader()->setStretchLastSection(false);

    m_email = new QLineEdit(this);
    m_email->setObjectName("teamEmailField");
    m_email->setPlaceholderText(tr("Their account's email, e.g. anna@example.org"));
    m_role = new QComboBox(this);
    m_role->setObjectName("teamRoleField");
    m_role->addItem(wording::teamRole("door"), "door");
    m_role->addItem(wording::teamRole("co_organizer"), "co_organizer");
    m_add = new QPushButton(tr("Add to the team"), this);
    m_add->setObjectName("addTeamMemberButton");
    m_remove = new QPushButton(tr("Remove from the team…"), this);
    m_remove->setObjectName("removeTeamMemberButton");
    m_remove->setEnabled(false);

    auto* explanation = new QLabel(
        tr("Door staff check guests in at this event's gates and see its live counters, but not its "
           "money. Co-organizers have your rights on this event only: they edit it, see its orders and "
           "attendees, and work its door. Only you change the team."),
        this);
    explanation->setWordWrap(true);
    explanation->setObjectName("teamExplanation");

    auto* adding = new QGroupBox(tr("Add someone"), this);
    auto* form = new QFormLayout(adding);
    auto* emailCaption = new QLabel(tr("&Email:"), adding);
    emailCaption->setBuddy(m_email);
    auto* roleCaption = new QLabel(tr("R&ole:"), adding);
    roleCaption->setBuddy(m_role);
    form->addRow(emailCaption, m_email);
    auto* roleRow = new QHBoxLayout;
    roleRow->addWidget(m_role);
    roleRow->addStretch(1);
    roleRow->addWidget(m_add);
    form->addRow(roleCaption, roleRow);

    auto* buttons = new QHBoxLayout;
    buttons->addStretch(1);
    buttons->addWidget(m_remove);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_message);
    layout->addWidget(explanation);
    layout->addWidget(m_table, 1);
    layout->addLayout(buttons);
    layout->addWidget(adding);
    setTabOrder(m_table, m_remove);
    setTabOrder(m_remove, m_email);
    setTabOrder(m_email, m_role);
    setTabOrder(m_role, m_add);

    connect(m_add, &QPushButton::clicked, this, &TeamPage::addMember);
    connect(m_email, &QLineEdit::returnPressed, this, &TeamPage::addMember);
    connect(m_remove, &QPushButton::clicked, this, [this] { removeSelected(); });
    connect(m_table, &QTableWidget::itemSelectionChanged, this,
            [this] { m_remove->setEnabled(m_table->currentRow() >= 0 && !m_table->selectedItems().isEmpty()); });
}

void TeamPage::reload()
{
    m_session.api().team(m_eventId).then(this, [this](client::ApiResult<wire::Page<wire::TeamMember>> team) {
        if (!team) {
            m_message->showMessage(widgets::MessageBar::Kind::Warning,
                                   tr("The team could not be loaded: %1").arg(text(team.error().error.message)),
                                   tr("Try again"), [this] { reload(); });
            return;
        }
        show(team->items);
    });
}

void TeamPage::show(const std::vector<wire::TeamMember>& members)
{
    m_members = members;
    m_table->setRowCount(static_cast<int>(m_members.size()));
    for (int row = 0; row < static_cast<int>(m_members.size()); ++row) {
        const auto& member = m_members[static_cast<std::size_t>(row)];
        m_table->setItem(row, 0, new QTableWidgetItem(member.name.empty() ? tr("(no name)") : text(member.name)));
        m_table->setItem(row, 1, new QTableWidgetItem(text(member.email)));
        m_table->setItem(row, 2, new QTableWidgetItem(wording::teamRole(text(statusText(member.role)))));
        m_table->setItem(row, 3, new QTableWidgetItem(wording::time(text(member.addedAt), m_timezone)));
    }
    m_table->resizeColumnToContents(2);
    m_table->resizeColumnToContents(3);
    m_remove->setEnabled(false);
    if (m_members.empty() && m_message->kind() != widgets::MessageBar::Kind::Positive)
        m_message->showMessage(widgets::MessageBar::Kind::Information,
                               tr("Nobody else works on this event yet. Add door staff before the doors open."));
    else if (m_message->kind() == widgets::MessageBar::Kind::Information)
        m_message->hideMessage();
}

void TeamPage::addMember()
{
    const QString email = m_email->text().trimmed();
    if (email.isEmpty() || !email.contains('@')) {
        m_message->showMessage(widgets::MessageBar::Kind::Error, tr("Type the email of their Sbor account."));
        m_email->setFocus();
        return;
    }
    wire::TeamInvitation invitation;
    invitation.email = email.toStdString();
    invitation.role = *statusFromName<TeamRole>(m_role->currentData().toString().toStdString());
    m_add->setEnabled(false);
    m_session.api().addTeamMember(m_eventId, invitation).then(this, [this](client::ApiResult<wire::TeamMember> added) {
        m_add->setEnabled(true);
        if (!added) {
            const auto& error = added.error();
            QString why = text(error.error.message);
            if (error.isTransport())
                why = tr("The server cannot be reached; try again in a moment.");
            else if (const QString problem = fieldProblem(error, "email"); !problem.isEmpty())
                why = problem.startsWith("belongs to no")
                    ? tr("No Sbor account has this email. Ask them to sign up first, then add them.")
                    : problem.startsWith("is the event's organizer")
                    ? tr("That is the event's organizer, who has every right already.")
                    : tr("This email %1.").arg(problem);
            m_message->showMessage(widgets::MessageBar::Kind::Error, why);
            m_email->setFocus();
            return;
        }
        m_email->clear();
        m_message->showMessage(widgets::MessageBar::Kind::Positive,
                               tr("%1 is now on the team as %2; they were told in the app and by email.")
                                   .arg(added->name.empty() ? text(added->email) : text(added->name),
                                        wording::teamRole(text(statusText(added->role))).toLower()));
        reload();
    });
}

void TeamPage::removeSelected(bool confirmed)
{
    const int row = m_table->currentRow();
    if (row < 0 || row >= static_cast<int>(m_members.size()))
        return;
    const wire::TeamMember member = m_members[static_cast<std::size_t>(row)];
    const QString who = member.name.empty() ? text(member.email) : text(member.name);
    if (!confirmed &&
        QMessageBox::question(this, tr("Remove from the team"),
                              tr("Remove %1 from this event's team? They lose its door and its numbers at once; "
                                 "kiosks they enrolled keep working.")
                                  .arg(who)) != QMessageBox::Yes)
        return;
    m_session.api()
        .removeTeamMember(m_eventId, text(member.userId))
        .then(this, [this, who](client::ApiResult<wire::TeamMember> removed) {
            if (!removed) {
                m_message->showMessage(widgets::MessageBar::Kind::Error, text(removed.error().error.message));
                return;
            }
            m_message->showMessage(widgets::MessageBar::Kind::Positive, tr("%1 is no longer on the team.").arg(who));
            reload();
        });
}

} // namespace sbor::organizer
