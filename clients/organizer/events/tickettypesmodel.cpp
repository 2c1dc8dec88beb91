#include "tickettypesmodel.h"

#include "wallclock.h"

#include "app/wording.h"

#include <QBrush>
#include <QColor>
#include <QLocale>
#include <QRegularExpression>
#include <QTimeZone>

#include <cmath>

namespace sbor::organizer {
namespace {

QString text(const std::string& value) { return QString::fromStdString(value); }

// Prices travel in minor units; every currency the server takes has two decimals.
constexpr double kMinorPerMajor = 100.0;

std::optional<qint64> minorUnitsOf(const QVariant& value)
{
    double major = 0;
    bool readable = false;
    if (value.typeId() == QMetaType::QString) {
        QString typed = value.toString();
        typed.remove(QRegularExpression(QStringLiteral("[^0-9,.\\s\\x{00A0}\\x{202F}-]")));
        major = QLocale().toDouble(typed.trimmed(), &readable);
        if (!readable)
            major = QLocale::c().toDouble(typed.trimmed(), &readable);
    } else {
        major = value.toDouble(&readable);
    }
    if (!readable || !std::isfinite(major))
        return std::nullopt;
    return static_cast<qint64>(std::llround(major * kMinorPerMajor));
}

const QStringList& fieldNames()
{
    static const QStringList names{"name",        "price",     "currency",      "quota",         "sold",  "available",
                                   "sales_start", "sales_end", "min_per_order", "max_per_order", "active"};
    return names;
}

} // namespace

TicketTypesModel::TicketTypesModel(QObject* parent) : QAbstractTableModel(parent) {}

bool TicketTypesModel::isCell(const QModelIndex& index) const
{
    return index.isValid() && index.model() == this && index.row() < rowCount() && index.column() < ColumnCount;
}

int TicketTypesModel::columnOfField(const QString& field) { return static_cast<int>(fieldNames().indexOf(field)); }

void TicketTypesModel::setTicketTypes(const std::vector<wire::TicketType>& types, const QString& timezone)
{
    beginResetModel();
    m_timezone = timezone;
    m_rows.clear();
    for (const auto& type : types) {
        Row row;
        row.saved = type;
        row.edited = {type.name,     type.price,       type.currency,    type.quota, type.salesStart,
                      type.salesEnd, type.minPerOrder, type.maxPerOrder, type.active};
        m_rows.push_back(std::move(row));
    }
    endResetModel();
    rowChanged(-1);
}

int TicketTypesModel::addRow(const QString& currency, const QDateTime& salesEnd)
{
    const int at = rowCount();
    beginInsertRows({}, at, at);
    Row row;
    row.edited.currency = currency.toStdString();
    // From the start of this minute, so the start is never judged to be in the future by the time it arrives.
    QDateTime now = QDateTime::currentDateTimeUtc();
    now.setTime(QTime(now.time().hour(), now.time().minute()));
    row.edited.salesStart = now.toString(Qt::ISODate).toStdString();
    row.edited.salesEnd = salesEnd.toUTC().toString(Qt::ISODate).toStdString();
    row.edited.quota = 100;
    m_rows.push_back(std::move(row));
    endInsertRows();
    rowChanged(at);
    return at;
}

void TicketTypesModel::removeNewRow(int row)
{
    if (!isNew(row))
        return;
    beginRemoveRows({}, row, row);
    m_rows.erase(m_rows.begin() + row);
    endRemoveRows();
    rowChanged(-1);
}

bool TicketTypesModel::isNew(int row) const
{
    return row >= 0 && row < rowCount() && !m_rows[static_cast<std::size_t>(row)].saved;
}

bool TicketTypesModel::isChanged(int row) const
{
    if (row < 0 || row >= rowCount())
        return false;
    if (isNew(row))
        return true;
    return !changesOf(row).empty();
}

bool TicketTypesModel::hasUnsavedWork() const
{
    for (int row = 0; row < rowCount(); ++row)
        if (isChanged(row))
            return true;
    return false;
}

std::pair<int, int> TicketTypesModel::firstProblem() const
{
    for (int row = 0; row < rowCount(); ++row)
        for (int column = 0; column < ColumnCount; ++column)
            if (!problemAt(row, column).isEmpty())
                return {row, column};
    return {-1, -1};
}

QString TicketTypesModel::problemAt(int row, int column) const
{
    if (row < 0 || row >= rowCount())
        return {};
    return problemOf(m_rows[static_cast<std::size_t>(row)], column);
}

QString TicketTypesModel::problemOf(const Row& row, int column) const
{
    if (const QString local = localProblem(row, column); !local.isEmpty())
        return local;
    return row.serverProblems.value(column);
}

QString TicketTypesModel::localProblem(const Row& row, int column) const
{
    const auto& edited = row.edited;
    switch (column) {
    case Name:
        if (QString::fromStdString(edited.name).trimmed().isEmpty())
            return tr("A ticket type needs a name.");
        break;
    case Price:
        if (edited.price < 0)
            return tr("A price cannot be negative.");
        break;
    case Currency:
        if (!QRegularExpression(QStringLiteral("^[A-Z]{3}$")).match(text(edited.currency)).hasMatch())
            return tr("A currency is three capital letters, such as RUB or EUR.");
        break;
    case Quota:
        if (row.saved && edited.quota < row.saved->sold)
            return tr("Already sold: %1. The quota cannot be lower.").arg(QLocale().toString(row.saved->sold));
        if (edited.quota < 0)
            return tr("A quota cannot be negative.");
        break;
    case SalesEnd:
        if (wallClock(edited.salesEnd) <= wallClock(edited.salesStart))
            return tr("Sales must end after they start.");
        break;
    case MinPerOrder:
        if (edited.minPerOrder < 1 || edited.minPerOrder > 1000)
            return tr("Between 1 and 1000.");
        break;
    case MaxPerOrder:
        if (edited.maxPerOrder < edited.minPerOrder)
            return tr("At least the minimum per order (%1).").arg(edited.minPerOrder);
        if (edited.maxPerOrder > 1000)
            return tr("Between 1 and 1000.");
        break;
    default:
        break;
    }
    return {};
}

QString TicketTypesModel::idOf(int row) const
{
    if (row < 0 || row >= rowCount() || isNew(row))
        return {};
    return text(m_rows[static_cast<std::size_t>(row)].saved->id);
}

wire::TicketTypeChanges TicketTypesModel::changesOf(int row) const
{
    wire::TicketTypeChanges changes;
    if (row < 0 || row >= rowCount() || isNew(row))
        return changes;
    const Row& current = m_rows[static_cast<std::size_t>(row)];
    const wire::TicketType& saved = *current.saved;
    const wire::TicketTypeDraft& edited = current.edited;
    if (edited.name != saved.name)
        changes.name = edited.name;
    if (edited.price != saved.price)
        changes.price = edited.price;
    if (edited.currency != saved.currency)
        changes.currency = edited.currency;
    if (edited.quota != saved.quota)
        changes.quota = edited.quota;
    if (wallClock(edited.salesStart) != wallClock(saved.salesStart))
        changes.salesStart = edited.salesStart;
    if (wallClock(edited.salesEnd) != wallClock(saved.salesEnd))
        changes.salesEnd = edited.salesEnd;
    if (edited.minPerOrder != saved.minPerOrder)
        changes.minPerOrder = edited.minPerOrder;
    if (edited.maxPerOrder != saved.maxPerOrder)
        changes.maxPerOrder = edited.maxPerOrder;
    if (edited.active != saved.active)
        changes.active = edited.active;
    return changes;
}

wire::TicketTypeDraft TicketTypesModel::draftOf(int row) const
{
    if (row < 0 || row >= rowCount())
        return {};
    wire::TicketTypeDraft draft = m_rows[static_cast<std::size_t>(row)].edited;
    draft.name = QString::fromStdString(draft.name).trimmed().toStdString();
    return draft;
}

void TicketTypesModel::markSaved(int row, const wire::TicketType& saved)
{
    if (row < 0 || row >= rowCount())
        return;
    Row& current = m_rows[static_cast<std::size_t>(row)];
    current.saved = saved;
    current.edited = {saved.name,     saved.price,       saved.currency,    saved.quota, saved.salesStart,
                      saved.salesEnd, saved.minPerOrder, saved.maxPerOrder, saved.active};
    current.serverProblems.clear();
    rowChanged(row);
}

void TicketTypesModel::setServerProblem(int row, const QString& field, const QString& problem)
{
    if (row < 0 || row >= rowCount())
        return;
    const int column = columnOfField(field);
    m_rows[static_cast<std::size_t>(row)].serverProblems.insert(column < 0 ? int(Name) : column, problem);
    rowChanged(row);
}

QDateTime TicketTypesModel::wallClock(const std::string& rfc3339) const
{
    return wallClockOf(text(rfc3339), m_timezone);
}

std::string TicketTypesModel::instant(const QDateTime& wallClock) const
{
    return instantOf(wallClock, m_timezone).toStdString();
}

void TicketTypesModel::rowChanged(int row)
{
    if (row >= 0)
        emit dataChanged(index(row, 0), index(row, ColumnCount - 1));
    if (row >= 0)
        emit headerDataChanged(Qt::Vertical, row, row);
    const bool unsaved = hasUnsavedWork();
    if (unsaved != m_unsaved) {
        m_unsaved = unsaved;
        emit unsavedWorkChanged(unsaved);
    }
}

int TicketTypesModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_rows.size());
}

int TicketTypesModel::columnCount(const QModelIndex& parent) const { return parent.isValid() ? 0 : ColumnCount; }

QVariant TicketTypesModel::data(const QModelIndex& index, int role) const
{
    if (!isCell(index))
        return {};
    const Row& row = m_rows[static_cast<std::size_t>(index.row())];
    const auto& edited = row.edited;
    const int column = index.column();
    const QString problem = problemOf(row, column);
    switch (role) {
    case Qt::DisplayRole:
        switch (column) {
        case Name:
            return text(edited.name);
        case Price:
            return edited.price == 0 ? tr("Free") : wording::money(edited.price, text(edited.currency));
        case Currency:
            return text(edited.currency);
        case Quota:
            return QLocale().toString(edited.quota);
        case Sold:
            return row.saved ? QLocale().toString(row.saved->sold) : QStringLiteral("—");
        case Available:
            return QLocale().toString(std::max(0, edited.quota - (row.saved ? row.saved->sold : 0)));
        case SalesStart:
            return wording::time(text(edited.salesStart), m_timezone);
        case SalesEnd:
            return wording::time(text(edited.salesEnd), m_timezone);
        case MinPerOrder:
            return edited.minPerOrder;
        case MaxPerOrder:
            return edited.maxPerOrder;
        case Active:
            return {}; // the check box says it
        }
        break;
    case Qt::AccessibleTextRole:
        if (column == Active)
            return edited.active ? tr("on sale") : tr("paused");
        break;
    case Qt::EditRole:
        switch (column) {
        case Name:
            return text(edited.name);
        case Price:
            return static_cast<double>(edited.price) / kMinorPerMajor;
        case Currency:
            return text(edited.currency);
        case Quota:
            return edited.quota;
        case SalesStart:
            return wallClock(edited.salesStart);
        case SalesEnd:
            return wallClock(edited.salesEnd);
        case MinPerOrder:
            return edited.minPerOrder;
        case MaxPerOrder:
            return edited.maxPerOrder;
        case Active:
            return edited.active;
        }
        break;
    case Qt::CheckStateRole:
        if (column == Active)
            return edited.active ? Qt::Checked : Qt::Unchecked;
        break;
    case Qt::TextAlignmentRole:
        if (column == Price || column == Quota || column == Sold || column == Available || column == MinPerOrder ||
            column == MaxPerOrder)
            return QVariant(Qt::AlignRight | Qt::AlignVCenter);
        break;
    case Qt::ToolTipRole:
        return problem.isEmpty() ? QVariant() : QVariant(problem);
    case Qt::BackgroundRole:
        if (!problem.isEmpty())
            return QBrush(QColor(0xfc, 0xe8, 0xe6));
        break;
    case Qt::ForegroundRole:
        if (!problem.isEmpty())
            return QBrush(QColor(0xc5, 0x22, 0x1f));
        if (column == Sold || column == Available)
            return QBrush(QColor(0x5f, 0x63, 0x68));
        break;
    default:
        break;
    }
    return {};
}

bool TicketTypesModel::setData(const QModelIndex& index, const QVariant& value, int role)
{
    if (!isCell(index))
        return false;
    if (!flags(index).testAnyFlags(Qt::ItemIsEditable | Qt::ItemIsUserCheckable))
        return false;
    Row& row = m_rows[static_cast<std::size_t>(index.row())];
    auto& edited = row.edited;
    const int column = index.column();
    if (column == Active) {
        if (role != Qt::CheckStateRole && role != Qt::EditRole)
            return false;
        edited.active = role == Qt::CheckStateRole ? value.toInt() == Qt::Checked : value.toBool();
    } else {
        if (role != Qt::EditRole)
            return false;
        bool readable = true;
        switch (column) {
        case Name:
            edited.name = value.toString().toStdString();
            break;
        case Price:
            if (const auto minor = minorUnitsOf(value))
                edited.price = *minor;
            else
                readable = false;
            break;
        case Currency:
            edited.currency = value.toString().trimmed().toUpper().toStdString();
            break;
        case Quota:
            edited.quota = value.toInt(&readable);
            break;
        case SalesStart:
        case SalesEnd:
            if (!value.toDateTime().isValid())
                return false;
            (column == SalesStart ? edited.salesStart : edited.salesEnd) = instant(value.toDateTime());
            break;
        case MinPerOrder:
            edited.minPerOrder = value.toInt(&readable);
            break;
        case MaxPerOrder:
            edited.maxPerOrder = value.toInt(&readable);
            break;
        default:
            return false;
        }
        if (!readable)
            return false;
    }
    row.serverProblems.remove(column);
    // A window's end is judged against its start; min and max against each other.
    if (column == SalesStart)
        row.serverProblems.remove(SalesEnd);
    if (column == MinPerOrder)
        row.serverProblems.remove(MaxPerOrder);
    rowChanged(index.row());
    return true;
}

Qt::ItemFlags TicketTypesModel::flags(const QModelIndex& index) const
{
    if (!isCell(index))
        return Qt::NoItemFlags;
    Qt::ItemFlags flags = Qt::ItemIsSelectable | Qt::ItemIsEnabled;
    switch (index.column()) {
    case Sold:
    case Available:
        return flags;
    case Active:
        return flags | Qt::ItemIsUserCheckable;
    default:
        return flags | Qt::ItemIsEditable;
    }
}

QVariant TicketTypesModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation == Qt::Vertical) {
        if (role != Qt::DisplayRole || section < 0 || section >= rowCount())
            return {};
        if (isNew(section))
            return tr("new");
        return isChanged(section) ? tr("edited") : QString();
    }
    if (role != Qt::DisplayRole)
        return {};
    switch (section) {
    case Name:
        return tr("Name");
    case Price:
        return tr("Price");
    case Currency:
        return tr("Currency");
    case Quota:
        return tr("Quota");
    case Sold:
        return tr("Sold");
    case Available:
        return tr("Available");
    case SalesStart:
        return tr("Sales start");
    case SalesEnd:
        return tr("Sales end");
    case MinPerOrder:
        return tr("Min / order");
    case MaxPerOrder:
        return tr("Max / order");
    case Active:
        return tr("On sale");
    }
    return {};
}

} // namespace sbor::organizer
