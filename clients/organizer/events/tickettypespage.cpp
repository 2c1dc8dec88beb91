#include "tickettypespage.h"

#include "tickettypesmodel.h"
#include "wallclock.h"

#include "accountsession.h"

#include "messagebar.h"

#include <QComboBox>
#include <QDateTimeEdit>
#include <QDoubleSpinBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QKeyEvent>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QSpinBox>
#include <QStyledItemDelegate>
#include <QTableView>
#include <QVBoxLayout>

#include <memory>

namespace sbor::organizer {
namespace {

QString text(const std::string& value) { return QString::fromStdString(value); }

// The editors a ticket type's cells need: money with its decimals, a quota that may be typed
// below what is sold (so the model can say why it is refused), times as the event's wall clock.
class TicketTypeDelegate : public QStyledItemDelegate {
public:
    using QStyledItemDelegate::QStyledItemDelegate;

    QWidget* createEditor(QWidget* parent, const QStyleOptionViewItem& option, const QModelIndex& index) const override
    {
        switch (index.column()) {
        case TicketTypesModel::Price: {
            auto* editor = new QDoubleSpinBox(parent);
            editor->setFrame(false);
            editor->setDecimals(2);
            editor->setRange(0, 1e9);
            editor->setGroupSeparatorShown(true);
            editor->setSuffix(" " +
                              index.sibling(index.row(), TicketTypesModel::Currency).data(Qt::EditRole).toString());
            return editor;
        }
        case TicketTypesModel::Currency: {
            auto* editor = new QComboBox(parent);
            editor->setEditable(true);
            editor->addItems({"RUB", "EUR", "USD", "KZT", "BYN", "GBP", "CHF"});
            return editor;
        }
        case TicketTypesModel::Quota:
        case TicketTypesModel::MinPerOrder:
        case TicketTypesModel::MaxPerOrder: {
            auto* editor = new QSpinBox(parent);
            editor->setFrame(false);
            editor->setRange(0, index.column() == TicketTypesModel::Quota ? 10000000 : 1000);
            editor->setGroupSeparatorShown(true);
            return editor;
        }
        case TicketTypesModel::SalesStart:
        case TicketTypesModel::SalesEnd: {
            return wallClockEdit(parent, false);
        }
        default:
            return QStyledItemDelegate::createEditor(parent, option, index);
        }
    }

    void setEditorData(QWidget* editor, const QModelIndex& index) const override
    {
        if (auto* combo = qobject_cast<QComboBox*>(editor)) {
            combo->setCurrentText(index.data(Qt::EditRole).toString());
            return;
        }
        QStyledItemDelegate::setEditorData(editor, index);
    }

    void setModelData(QWidget* editor, QAbstractItemModel* model, const QModelIndex& index) const override
    {
        if (auto* combo = qobject_cast<QComboBox*>(editor)) {
            model->setData(index, combo->currentText(), Qt::EditRole);
            return;
        }
        if (auto* spin = qobject_cast<QDoubleSpinBox*>(editor)) {
            spin->interpretText();
            model->setData(index, spin->value(), Qt::EditRole);
            return;
        }
        QStyledItemDelegate::setModelData(editor, model, index);
    }
};

} // namespace

TicketTypesPage::TicketTypesPage(desktop::AccountSession& session, const QString& eventId, const QString& timezone,
                                 QWidget* parent)
    : QWidget(parent), m_session(session), m_eventId(eventId), m_timezone(timezone)
{
    setObjectName("ticketTypesPage");
    m_model = new TicketTypesModel(this);
    m_message = new widgets::MessageBar(this);
    m_message->setObjectName("ticketTypesMessage");
    m_table = new QTableView(this);
    m_table->setObjectName("ticketTypesTable");
    m_table->setModel(m_model);
    m_table->setItemDelegate(new TicketTypeDelegate(m_table));
    m_table->setSelectionBehavior(QAbstractItemView::SelectItems);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setEditTriggers(QAbstractItemView::DoubleClicked | QAbstractItemView::EditKeyPressed |
                             QAbstractItemView::AnyKeyPressed);
    m_table->setTabKeyNavigation(true);
    m_table->setWordWrap(false);
    // Every figure and date whole; the name takes what is left.
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_table->horizontalHeader()->setSectionResizeMode(TicketTypesModel::Name, QHeaderView::Stretch);
    m_table->horizontalHeader()->setMinimumSectionSize(70);
    m_table->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);

    auto* hint = new QLabel(
        tr("Type over a cell to change it (F2 or Enter edits, Tab moves on); changes are sent when you save. "
           "Times are the event's own (%1).")
            .arg(timezone),
        this);
    hint->setObjectName("ticketTypesHint");
    hint->setWordWrap(true);
    hint->setStyleSheet("color: palette(dark);");

    m_add = new QPushButton(tr("&Add ticket type"), this);
    m_add->setObjectName("addTicketTypeButton");
    m_add->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_N));
    m_add->setToolTip(m_add->shortcut().toString(QKeySequence::NativeText));
    m_remove = new QPushButton(tr("Remove new row"), this);
    m_remove->setObjectName("removeTicketTypeButton");
    m_discard = new QPushButton(tr("Discard changes"), this);
    m_discard->setObjectName("discardTicketTypesButton");
    m_save = new QPushButton(tr("Save ticket types"), this);
    m_save->setObjectName("saveTicketTypesButton");
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

    const auto updateButtons = [this] {
        const bool unsaved = m_model->hasUnsavedWork();
        m_save->setEnabled(unsaved);
        m_discard->setEnabled(unsaved);
        m_remove->setEnabled(m_model->isNew(m_table->currentIndex().row()));
    };
    connect(m_model, &TicketTypesModel::unsavedWorkChanged, this, updateButtons);
    connect(m_model, &QAbstractItemModel::modelReset, this, updateButtons);
    connect(m_model, &QAbstractItemModel::rowsInserted, this, updateButtons);
    connect(m_model, &QAbstractItemModel::rowsRemoved, this, updateButtons);
    connect(m_table->selectionModel(), &QItemSelectionModel::currentChanged, this, updateButtons);
    // A refused cell says why in the message bar when it becomes current, not only in its tooltip.
    connect(m_table->selectionModel(), &QItemSelectionModel::currentChanged, this, [this](const QModelIndex& current) {
        const QString problem = m_model->problemAt(current.row(), current.column());
        if (!problem.isEmpty())
            m_message->showMessage(widgets::MessageBar::Kind::Error, problem);
    });
    connect(m_model, &QAbstractItemModel::dataChanged, this, [this](const QModelIndex& from) {
        const QModelIndex current = m_table->currentIndex();
        if (current.row() != from.row())
            return;
        const QString problem = m_model->problemAt(current.row(), current.column());
        if (!problem.isEmpty())
            m_message->showMessage(widgets::MessageBar::Kind::Error, problem);
        else if (m_message->kind() == widgets::MessageBar::Kind::Error && m_model->firstProblem().first < 0)
            m_message->hideMessage();
    });
    connect(m_add, &QPushButton::clicked, this, &TicketTypesPage::addTicketType);
    connect(m_remove, &QPushButton::clicked, this, [this] { m_model->removeNewRow(m_table->currentIndex().row()); });
    connect(m_discard, &QPushButton::clicked, this, &TicketTypesPage::load);
    connect(m_save, &QPushButton::clicked, this, &TicketTypesPage::save);
    updateButtons();
}

void TicketTypesPage::reload()
{
    if (!m_model->hasUnsavedWork()) {
        load();
        return;
    }
    m_message->showMessage(widgets::MessageBar::Kind::Warning,
                           tr("You have changes that are not saved. Reloading would drop them."), tr("Reload anyway"),
                           [this] { load(); });
}

void TicketTypesPage::load()
{
    m_session.api().event(m_eventId).then(this, [this](client::ApiResult<wire::Event> event) {
        if (event)
            m_eventStartsAt = text(event->startsAt);
    });
    m_session.api().ticketTypes(m_eventId).then(this, [this](client::ApiResult<std::vector<wire::TicketType>> types) {
        if (!types) {
            m_message->showMessage(
                widgets::MessageBar::Kind::Warning,
                tr("The ticket types could not be loaded: %1").arg(text(types.error().error.message)), tr("Try again"),
                [this] { load(); });
            return;
        }
        m_model->setTicketTypes(*types, m_timezone);
        if (m_message->kind() != widgets::MessageBar::Kind::Positive)
            m_message->hideMessage();
        if (types->empty())
            m_message->showMessage(widgets::MessageBar::Kind::Information,
                                   tr("No ticket types yet: an event needs at least one before it is published."),
                                   tr("Add one"), [this] { addTicketType(); });
    });
}

void TicketTypesPage::addTicketType()
{
    QString currency = "RUB";
    if (m_model->rowCount() > 0)
        currency = m_model->index(0, TicketTypesModel::Currency).data(Qt::EditRole).toString();
    QDateTime salesEnd = QDateTime::fromString(m_eventStartsAt, Qt::ISODateWithMs);
    if (!salesEnd.isValid() || salesEnd <= QDateTime::currentDateTimeUtc())
        salesEnd = QDateTime::currentDateTimeUtc().addDays(30);
    const int row = m_model->addRow(currency, salesEnd);
    if (m_message->kind() == widgets::MessageBar::Kind::Information)
        m_message->hideMessage();
    const QModelIndex name = m_model->index(row, TicketTypesModel::Name);
    m_table->setCurrentIndex(name);
    m_table->setFocus();
    m_table->edit(name);
}

void TicketTypesPage::selectFirstProblem()
{
    const auto [row, column] = m_model->firstProblem();
    if (row < 0)
        return;
    m_table->setCurrentIndex(m_model->index(row, column));
    m_table->setFocus();
    m_message->showMessage(widgets::MessageBar::Kind::Error, tr("Not saved: %1").arg(m_model->problemAt(row, column)));
}

void TicketTypesPage::save()
{
    // An open editor holds the last thing typed: taking the focus from it commits it.
    m_table->setFocus();
    if (m_model->firstProblem().first >= 0) {
        selectFirstProblem();
        return;
    }
    std::vector<int> rows;
    for (int row = 0; row < m_model->rowCount(); ++row)
        if (m_model->isChanged(row))
            rows.push_back(row);
    if (rows.empty())
        return;
    m_save->setEnabled(false);
    m_add->setEnabled(false);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers); // rows stay where the answers expect them
    m_refusedRows = 0;
    m_unreachable = false;
    auto pending = std::make_shared<int>(static_cast<int>(rows.size()));
    for (int row : rows)
        saveRow(row, pending);
}

void TicketTypesPage::saveRow(int row, std::shared_ptr<int> pending)
{
    const auto settle = [this, row, pending](client::ApiResult<wire::TicketType> result) {
        if (result) {
            m_model->markSaved(row, *result);
        } else {
            ++m_refusedRows;
            const auto& error = result.error();
            m_unreachable = m_unreachable || error.isTransport();
            bool named = false;
            for (const auto& [field, problem] : error.fieldProblems()) {
                m_model->setServerProblem(row, QString::fromStdString(field), QString::fromStdString(problem));
                named = true;
            }
            if (!named && !error.isTransport())
                m_model->setServerProblem(row, "name", QString::fromStdString(error.error.message));
        }
        if (--*pending == 0)
            finishSaving(m_refusedRows);
    };
    if (m_model->isNew(row))
        m_session.api().createTicketType(m_eventId, m_model->draftOf(row)).then(this, settle);
    else
        m_session.api().updateTicketType(m_model->idOf(row), m_model->changesOf(row)).then(this, settle);
}

void TicketTypesPage::finishSaving(int refused)
{
    m_save->setEnabled(m_model->hasUnsavedWork());
    m_add->setEnabled(true);
    m_table->setEditTriggers(QAbstractItemView::DoubleClicked | QAbstractItemView::EditKeyPressed |
                             QAbstractItemView::AnyKeyPressed);
    if (refused == 0) {
        m_message->showMessage(widgets::MessageBar::Kind::Positive, tr("Ticket types saved."));
        emit saved();
        return;
    }
    if (m_unreachable) {
        m_message->showMessage(
            widgets::MessageBar::Kind::Warning,
            tr("The server cannot be reached; rows not saved: %1. What you typed stays here.").arg(refused),
            tr("Try again"), [this] { save(); });
        return;
    }
    selectFirstProblem();
}

} // namespace sbor::organizer
