#include "auditlogpage.h"

#include "app/consoletext.h"

#include "accountsession.h"
#include "livefeed.h"
#include "messagebar.h"

#include <QCheckBox>
#include <QDateEdit>
#include <QDateTime>
#include <QGridLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QTableWidget>
#include <QVBoxLayout>

namespace sbor::admin {
namespace {

// 00:00 of `day` in the console's zone, as the server reads times.
QString startOf(const QDate& day) { return QDateTime(day, QTime(0, 0)).toUTC().toString(Qt::ISODate); }

} // namespace

AuditLogPage::AuditLogPage(desktop::AccountSession& session, QWidget* parent) : ConsolePage(parent), m_session(session)
{
    setObjectName("auditPage");
    m_message = new widgets::MessageBar(this);
    m_message->setObjectName("auditMessage");
    m_action = new QLineEdit(this);
    m_action->setObjectName("auditAction");
    m_action->setPlaceholderText(tr("Action, e.g. user.blocked"));
    m_actor = new QLineEdit(this);
    m_actor->setObjectName("auditActor");
    m_actor->setPlaceholderText(tr("Who: a user id"));
    m_target = new QLineEdit(this);
    m_target->setObjectName("auditTarget");
    m_target->setPlaceholderText(tr("To whom: a user id"));
    m_from = new QDateEdit(QDate::currentDate().addDays(-30), this);
    m_from->setObjectName("auditFrom");
    m_from->setCalendarPopup(true);
    m_to = new QDateEdit(QDate::currentDate(), this);
    m_to->setObjectName("auditTo");
    m_to->setCalendarPopup(true);
    m_live = new QCheckBox(tr("&Live: show new entries as they come"), this);
    m_live->setObjectName("auditLive");
    m_live->setChecked(true);
    m_table = new QTableWidget(0, 5, this);
    m_table->setObjectName("auditTable");
    m_table->setHorizontalHeaderLabels({tr("When"), tr("Who"), tr("Action"), tr("To whom"), tr("Details")});
    m_table->verticalHeader()->hide();
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setWordWrap(false);
    m_table->horizontalHeader()->setSectionResizeMode(4, QHeaderView::Stretch);
    for (int column = 0; column < 4; ++column)
        m_table->horizontalHeader()->setSectionResizeMode(column, QHeaderView::ResizeToContents);

    auto* filters = new QGridLayout;
    filters->addWidget(m_action, 0, 0);
    filters->addWidget(m_actor, 0, 1);
    filters->addWidget(m_target, 0, 2);
    auto* range = new QHBoxLayout;
    range->addWidget(new QLabel(tr("From:"), this));
    range->addWidget(m_from);
    range->addWidget(new QLabel(tr("to:"), this));
    range->addWidget(m_to);
    range->addStretch();
    range->addWidget(m_live);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_message);
    layout->addLayout(filters);
    layout->addLayout(range);
    layout->addWidget(m_table, 1);

    for (QLineEdit* field : {m_action, m_actor, m_target})
        connect(field, &QLineEdit::returnPressed, this, &AuditLogPage::reload);
    connect(m_from, &QDateEdit::dateChanged, this, &AuditLogPage::reload);
    connect(m_to, &QDateEdit::dateChanged, this, &AuditLogPage::reload);
    session.live().subscribe("system");
    connect(&session.live(), &client::LiveFeed::frameReceived, this, [this](const wire::LiveFrame& frame) {
        if (frame.topic != "system" || frame.type != "audit.recorded" || !m_live->isChecked())
            return;
        try {
            const auto entry = wire::decode<wire::AuditEntry>(frame.data);
            if (!passesFilters(entry))
                return;
            for (const auto& known : m_entries)
                if (known.id == entry.id)
                    return;
            m_entries.insert(m_entries.begin(), entry);
            show();
        } catch (const wire::DecodeError&) {
            // A frame of another version: the next reload shows the entry.
        }
    });
}

void AuditLogPage::focusSearch()
{
    m_action->setFocus();
    m_action->selectAll();
}

bool AuditLogPage::passesFilters(const wire::AuditEntry& entry) const
{
    const auto matches = [](const QLineEdit* field, const std::string& value) {
        const QString wanted = field->text().trimmed();
        return wanted.isEmpty() || wanted == QString::fromStdString(value);
    };
    return matches(m_action, entry.action) && matches(m_actor, entry.actorId) && matches(m_target, entry.targetId) &&
        m_to->date() >= QDate::currentDate();
}

void AuditLogPage::reload()
{
    client::AuditQuery query;
    query.action = m_action->text().trimmed();
    query.actor = m_actor->text().trimmed();
    query.target = m_target->text().trimmed();
    query.from = startOf(m_from->date());
    query.to = startOf(m_to->date().addDays(1));
    query.limit = 200;
    const int generation = ++m_generation;
    m_session.api().auditLog(query).then(this,
                                         [this, generation](client::ApiResult<wire::Page<wire::AuditEntry>> page) {
                                             if (generation != m_generation)
                                                 return;
                                             if (!page) {
                                                 const QString problem = refusalText(page.error());
                                                 m_message->showMessage(widgets::MessageBar::Kind::Error, problem);
                                                 return;
                                             }
                                             m_message->hideMessage();
                                             m_entries = std::move(page->items);
                                             show();
                                         });
}

void AuditLogPage::show()
{
    m_table->setRowCount(entryCount());
    for (int i = 0; i < entryCount(); ++i) {
        const wire::AuditEntry& entry = m_entries[i];
        const QStringList cells = {localTime(entry.at), shortId(entry.actorId), QString::fromStdString(entry.action),
                                   shortId(entry.targetId), auditDetailsText(entry.details)};
        for (int column = 0; column < cells.size(); ++column) {
            auto* item = new QTableWidgetItem(cells[column]);
            if (column == 1 || column == 3)
                item->setToolTip(QString::fromStdString(column == 1 ? entry.actorId : entry.targetId));
            if (column == 4)
                item->setToolTip(QString::fromStdString(entry.details.dump(2)) + "\n" +
                                 tr("trace %1").arg(QString::fromStdString(entry.traceId)));
            m_table->setItem(i, column, item);
        }
    }
    emit entriesShown();
}

} // namespace sbor::admin
