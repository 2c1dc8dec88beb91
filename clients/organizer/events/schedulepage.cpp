#include "schedulepage.h"

#include "wallclock.h"

#include "accountsession.h"

#include "messagebar.h"

#include <QBrush>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QRegularExpression>
#include <QStyledItemDelegate>
#include <QTableWidget>
#include <QVBoxLayout>

namespace sbor::organizer {
namespace {

QString text(const std::string& value) { return QString::fromStdString(value); }

constexpr int kProblemRole = Qt::UserRole + 1;

class ScheduleDelegate : public QStyledItemDelegate {
public:
    using QStyledItemDelegate::QStyledItemDelegate;
    QWidget* createEditor(QWidget* parent, const QStyleOptionViewItem& option, const QModelIndex& index) const override
    {
        if (index.column() == SchedulePage::Starts || index.column() == SchedulePage::Ends)
            return wallClockEdit(parent, false);
        return QStyledItemDelegate::createEditor(parent, option, index);
    }
    QString displayText(const QVariant& value, const QLocale& locale) const override
    {
        if (value.typeId() == QMetaType::QDateTime)
            return locale.toString(value.toDateTime(), QLocale::ShortFormat);
        return QStyledItemDelegate::displayText(value, locale);
    }
};

std::optional<std::string> optionalText(const QTableWidgetItem* item)
{
    const QString value = item ? item->text().trimmed() : QString();
    if (value.isEmpty())
        return std::nullopt;
    return value.toStdString();
}

} // namespace

SchedulePage::SchedulePage(desktop::AccountSession& session, const QString& eventId, const QString& timezone,
                           QWidget* parent)
    : QWidget(parent), m_session(session), m_eventId(eventId), m_timezone(timezone)
{
    setObjectName("schedulePage");
    m_message = new widgets::MessageBar(this);
    m_message->setObjectName("scheduleMessage");
    m_table = new QTableWidget(0, ColumnCount, this);
    m_table->setObjectName("scheduleTable");
    m_table->setHorizontalHeaderLabels({tr("Starts"), tr("Ends"), tr("Title"), tr("Speaker"), tr("Room")});
    m_table->setItemDelegate(new ScheduleDelegate(m_table));
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setEditTriggers(QAbstractItemView::DoubleClicked | QAbstractItemView::EditKeyPressed |
                             QAbstractItemView::AnyKeyPressed);
    m_table->setTabKeyNavigation(true);
    m_table->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    m_table->horizontalHeader()->setSectionResizeMode(Title, QHeaderView::Stretch);
    m_table->setColumnWidth(Starts, 150);
    m_table->setColumnWidth(Ends, 150);
    m_table->setColumnWidth(Speaker, 200);
    m_table->setColumnWidth(Room, 140);

    auto* hint = new QLabel(
        tr("The programme guests see on the event's page. Times are the event's own (%1) and lie within the event.")
            .arg(timezone),
        this);
    hint->setWordWrap(true);
    hint->setStyleSheet("color: palette(dark);");
    m_add = new QPushButton(tr("Add &item"), this);
    m_add->setObjectName("addScheduleItemButton");
    m_add->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_N));
    m_remove = new QPushButton(tr("Remove item"), this);
    m_remove->setObjectName("removeScheduleItemButton");
    m_discard = new QPushButton(tr("Discard changes"), this);
    m_save = new QPushButton(tr("Save programme"), this);
    m_save->setObjectName("saveScheduleButton");
    m_save->setShortcut(QKeySequence::Save);
    m_save->setDefault(true);
    auto* buttons = new QHBoxLayout;
    buttons->addWidget(m_add);
    buttons->addWidget(m_remove);
    buttons->addStretch(1);
    buttons->addWidget(m_discard);
    buttons->addWidget(m_save);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_message);
    layout->addWidget(hint);
    layout->addWidget(m_table, 1);
    layout->addLayout(buttons);

    connect(m_table, &QTableWidget::itemChanged, this, [this](QTableWidgetItem* item) {
        if (m_filling)
            return;
        if (!item->data(kProblemRole).toString().isEmpty())
            markProblem(item->row(), item->column(), {});
        setUnsaved(true);
    });
    connect(m_table, &QTableWidget::currentCellChanged, this, [this](int row, int column) {
        m_remove->setEnabled(row >= 0);
        if (const QString problem = problemAt(row, column); !problem.isEmpty())
            m_message->showMessage(widgets::MessageBar::Kind::Error, problem);
    });
    connect(m_add, &QPushButton::clicked, this, &SchedulePage::addItem);
    connect(m_remove, &QPushButton::clicked, this, [this] {
        if (m_table->currentRow() < 0)
            return;
        m_table->removeRow(m_table->currentRow());
        setUnsaved(true);
    });
    connect(m_discard, &QPushButton::clicked, this, &SchedulePage::load);
    connect(m_save, &QPushButton::clicked, this, &SchedulePage::save);
    setUnsaved(false);
    m_remove->setEnabled(false);
}

QDateTime SchedulePage::wallClock(const std::string& rfc3339) const { return wallClockOf(text(rfc3339), m_timezone); }

std::string SchedulePage::instant(const QDateTime& wallClock) const
{
    return instantOf(wallClock, m_timezone).toStdString();
}

void SchedulePage::setUnsaved(bool unsaved)
{
    m_unsaved = unsaved;
    m_save->setEnabled(unsaved);
    m_discard->setEnabled(unsaved);
}

QString SchedulePage::problemAt(int row, int column) const
{
    const QTableWidgetItem* item = m_table->item(row, column);
    return item ? item->data(kProblemRole).toString() : QString();
}

void SchedulePage::reload()
{
    if (!m_unsaved) {
        load();
        return;
    }
    m_message->showMessage(widgets::MessageBar::Kind::Warning,
                           tr("You have changes that are not saved. Reloading would drop them."), tr("Reload anyway"),
                           [this] { load(); });
}

void SchedulePage::load()
{
    m_session.api().event(m_eventId).then(this, [this](client::ApiResult<wire::Event> event) {
        if (event)
            m_event = *event;
    });
    m_session.api().schedule(m_eventId).then(this, [this](client::ApiResult<std::vector<wire::ScheduleItem>> items) {
        if (!items) {
            m_message->showMessage(widgets::MessageBar::Kind::Warning,
                                   tr("The programme could not be loaded: %1").arg(text(items.error().error.message)),
                                   tr("Try again"), [this] { load(); });
            return;
        }
        m_message->hideMessage();
        show(*items);
    });
}

void SchedulePage::show(const std::vector<wire::ScheduleItem>& items)
{
    m_filling = true;
    m_table->setRowCount(0);
    m_table->setRowCount(static_cast<int>(items.size()));
    for (int row = 0; row < static_cast<int>(items.size()); ++row) {
        const auto& item = items[static_cast<std::size_t>(row)];
        auto* starts = new QTableWidgetItem;
        starts->setData(Qt::EditRole, wallClock(item.startsAt));
        auto* ends = new QTableWidgetItem;
        ends->setData(Qt::EditRole, wallClock(item.endsAt));
        m_table->setItem(row, Starts, starts);
        m_table->setItem(row, Ends, ends);
        m_table->setItem(row, Title, new QTableWidgetItem(text(item.title)));
        m_table->setItem(row, Speaker, new QTableWidgetItem(item.speaker ? text(*item.speaker) : QString()));
        m_table->setItem(row, Room, new QTableWidgetItem(item.room ? text(*item.room) : QString()));
    }
    m_filling = false;
    setUnsaved(false);
    if (items.empty())
        m_message->showMessage(widgets::MessageBar::Kind::Information,
                               tr("No programme yet. It is optional: add items if guests should see one."));
}

void SchedulePage::addItem()
{
    // After the last item, or at the event's start; an hour long.
    QDateTime start;
    if (m_table->rowCount() > 0 && m_table->item(m_table->rowCount() - 1, Ends))
        start = m_table->item(m_table->rowCount() - 1, Ends)->data(Qt::EditRole).toDateTime();
    else if (m_event)
        start = wallClock(m_event->startsAt);
    if (!start.isValid())
        start = QDateTime(QDate::currentDate().addDays(1), QTime(19, 0));
    const int row = m_table->rowCount();
    m_filling = true;
    m_table->insertRow(row);
    auto* starts = new QTableWidgetItem;
    starts->setData(Qt::EditRole, start);
    auto* ends = new QTableWidgetItem;
    ends->setData(Qt::EditRole, start.addSecs(3600));
    m_table->setItem(row, Starts, starts);
    m_table->setItem(row, Ends, ends);
    for (int column : {int(Title), int(Speaker), int(Room)})
        m_table->setItem(row, column, new QTableWidgetItem);
    m_filling = false;
    setUnsaved(true);
    if (m_message->kind() == widgets::MessageBar::Kind::Information)
        m_message->hideMessage();
    m_table->setCurrentCell(row, Title);
    m_table->setFocus();
    m_table->editItem(m_table->item(row, Title));
}

std::vector<wire::ScheduleItem> SchedulePage::itemsFromTable() const
{
    std::vector<wire::ScheduleItem> items;
    for (int row = 0; row < m_table->rowCount(); ++row) {
        wire::ScheduleItem item;
        item.startsAt = instant(m_table->item(row, Starts)->data(Qt::EditRole).toDateTime());
        item.endsAt = instant(m_table->item(row, Ends)->data(Qt::EditRole).toDateTime());
        item.title = m_table->item(row, Title)->text().trimmed().toStdString();
        item.speaker = optionalText(m_table->item(row, Speaker));
        item.room = optionalText(m_table->item(row, Room));
        items.push_back(std::move(item));
    }
    return items;
}

void SchedulePage::markProblem(int row, int column, const QString& problem)
{
    QTableWidgetItem* item = m_table->item(row, column);
    if (!item)
        return;
    m_filling = true;
    item->setData(kProblemRole, problem);
    item->setData(Qt::ToolTipRole, problem.isEmpty() ? QVariant() : QVariant(problem));
    item->setData(Qt::BackgroundRole, problem.isEmpty() ? QVariant() : QVariant(QBrush(QColor(0xfc, 0xe8, 0xe6))));
    m_filling = false;
}

void SchedulePage::clearProblems()
{
    for (int row = 0; row < m_table->rowCount(); ++row)
        for (int column = 0; column < ColumnCount; ++column)
            markProblem(row, column, {});
}

// What the model can see before the server does: a title, an end after the start, inside the event.
bool SchedulePage::markLocalProblems()
{
    const QDateTime eventStart = m_event ? wallClock(m_event->startsAt) : QDateTime();
    const QDateTime eventEnd = m_event ? wallClock(m_event->endsAt) : QDateTime();
    int first = -1;
    for (int row = 0; row < m_table->rowCount(); ++row) {
        const QDateTime starts = m_table->item(row, Starts)->data(Qt::EditRole).toDateTime();
        const QDateTime ends = m_table->item(row, Ends)->data(Qt::EditRole).toDateTime();
        bool marked = true;
        if (m_table->item(row, Title)->text().trimmed().isEmpty())
            markProblem(row, Title, tr("An item needs a title."));
        else if (ends <= starts)
            markProblem(row, Ends, tr("An item must end after it starts."));
        else if (eventStart.isValid() && starts < eventStart)
            markProblem(row, Starts,
                        tr("Before the event starts (%1).").arg(QLocale().toString(eventStart, QLocale::ShortFormat)));
        else if (eventEnd.isValid() && ends > eventEnd)
            markProblem(row, Ends,
                        tr("After the event ends (%1).").arg(QLocale().toString(eventEnd, QLocale::ShortFormat)));
        else
            marked = false;
        if (marked && first < 0)
            first = row;
    }
    return first >= 0;
}

void SchedulePage::save()
{
    m_table->setFocus(); // an open editor commits what it holds
    clearProblems();
    if (markLocalProblems()) {
        for (int row = 0; row < m_table->rowCount(); ++row)
            for (int column = 0; column < ColumnCount; ++column)
                if (const QString problem = problemAt(row, column); !problem.isEmpty()) {
                    m_table->setCurrentCell(row, column);
                    m_message->showMessage(widgets::MessageBar::Kind::Error, tr("Not saved: %1").arg(problem));
                    return;
                }
    }
    m_save->setEnabled(false);
    m_session.api()
        .replaceSchedule(m_eventId, itemsFromTable())
        .then(this, [this](client::ApiResult<std::vector<wire::ScheduleItem>> stored) {
            if (stored) {
                show(*stored);
                m_message->showMessage(widgets::MessageBar::Kind::Positive, tr("Programme saved."));
                return;
            }
            setUnsaved(true);
            const auto& error = stored.error();
            if (error.isTransport()) {
                m_message->showMessage(widgets::MessageBar::Kind::Warning,
                                       tr("The server cannot be reached; nothing was saved. What you typed stays "
                                          "here."),
                                       tr("Try again"), [this] { save(); });
                return;
            }
            // "items[3].ends_at" names a cell, "items[3]" the row (its start).
            static const QRegularExpression path(QStringLiteral("^items\\[(\\d+)\\](?:\\.(\\w+))?$"));
            const QStringList fields{"starts_at", "ends_at", "title", "speaker", "room"};
            for (const auto& [field, problem] : error.fieldProblems()) {
                const auto match = path.match(QString::fromStdString(field));
                if (!match.hasMatch())
                    continue;
                const int column = std::max(0, int(fields.indexOf(match.captured(2))));
                markProblem(match.captured(1).toInt(), column, QString::fromStdString(problem));
            }
            m_message->showMessage(widgets::MessageBar::Kind::Error,
                                   tr("Not saved: %1").arg(QString::fromStdString(error.error.message)));
        });
}

} // namespace sbor::organizer
