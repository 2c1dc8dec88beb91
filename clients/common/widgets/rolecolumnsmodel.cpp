#include "rolecolumnsmodel.h"

namespace sbor::widgets {

RoleColumnsModel::RoleColumnsModel(QAbstractItemModel* source, std::vector<Column> columns, QObject* parent)
    : QAbstractTableModel(parent), m_source(source), m_columns(std::move(columns))
{
    connect(source, &QAbstractItemModel::modelAboutToBeReset, this, [this] { beginResetModel(); });
    connect(source, &QAbstractItemModel::modelReset, this, [this] { endResetModel(); });
    connect(source, &QAbstractItemModel::rowsAboutToBeInserted, this,
            [this](const QModelIndex&, int first, int last) { beginInsertRows({}, first, last); });
    connect(source, &QAbstractItemModel::rowsInserted, this, [this] { endInsertRows(); });
    connect(source, &QAbstractItemModel::rowsAboutToBeRemoved, this,
            [this](const QModelIndex&, int first, int last) { beginRemoveRows({}, first, last); });
    connect(source, &QAbstractItemModel::rowsRemoved, this, [this] { endRemoveRows(); });
    connect(source, &QAbstractItemModel::dataChanged, this, [this](const QModelIndex& from, const QModelIndex& to) {
        emit dataChanged(index(from.row(), 0), index(to.row(), columnCount() - 1));
    });
}

void RoleColumnsModel::setColumnTitle(int column, const QString& title)
{
    m_columns.at(static_cast<std::size_t>(column)).title = title;
    emit headerDataChanged(Qt::Horizontal, column, column);
}

int RoleColumnsModel::roleOf(const QByteArray& name) const
{
    const auto roles = m_source->roleNames();
    for (auto it = roles.begin(); it != roles.end(); ++it)
        if (it.value() == name)
            return it.key();
    return -1;
}

QVariantMap RoleColumnsModel::rowValues(int row) const
{
    QVariantMap values;
    if (!m_source || row < 0 || row >= m_source->rowCount())
        return values;
    const auto roles = m_source->roleNames();
    for (auto it = roles.begin(); it != roles.end(); ++it)
        values.insert(QString::fromUtf8(it.value()), m_source->index(row, 0).data(it.key()));
    return values;
}

QString RoleColumnsModel::rowsAsText(const QList<int>& rows) const
{
    QStringList lines;
    QStringList header;
    for (const auto& column : m_columns)
        header << column.title;
    lines << header.join('\t');
    for (int row : rows) {
        QStringList cells;
        for (int column = 0; column < columnCount(); ++column)
            cells << data(index(row, column), Qt::DisplayRole).toString().replace('\t', ' ').replace('\n', ' ');
        lines << cells.join('\t');
    }
    return lines.join('\n') + '\n';
}

int RoleColumnsModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() || !m_source ? 0 : m_source->rowCount();
}

int RoleColumnsModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_columns.size());
}

QVariant RoleColumnsModel::data(const QModelIndex& index, int role) const
{
    if (!index.isValid() || !m_source)
        return {};
    const Column& column = m_columns.at(static_cast<std::size_t>(index.column()));
    if (role == Qt::TextAlignmentRole)
        return QVariant::fromValue(column.alignment);
    if (role != Qt::DisplayRole && role != Qt::ToolTipRole && role != Qt::UserRole)
        return {};
    const QVariant value = m_source->index(index.row(), 0).data(roleOf(column.role));
    if (role == Qt::UserRole)
        return value;
    if (column.formatRow)
        return column.formatRow(rowValues(index.row()));
    return column.format ? column.format(value) : value;
}

QVariant RoleColumnsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole || section < 0 || section >= columnCount())
        return QAbstractTableModel::headerData(section, orientation, role);
    return m_columns.at(static_cast<std::size_t>(section)).title;
}

bool RoleColumnsModel::canFetchMore(const QModelIndex& parent) const
{
    return !parent.isValid() && m_source && m_source->canFetchMore({});
}

void RoleColumnsModel::fetchMore(const QModelIndex& parent)
{
    if (!parent.isValid() && m_source)
        m_source->fetchMore({});
}

void RoleColumnsModel::sort(int column, Qt::SortOrder order)
{
    if (column < 0 || column >= columnCount())
        return;
    const QString name = m_columns.at(static_cast<std::size_t>(column)).sortName;
    if (!name.isEmpty())
        emit sortRequested(order == Qt::AscendingOrder ? name : "-" + name);
}

} // namespace sbor::widgets
