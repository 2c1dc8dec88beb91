#include "conflictmodel.h"

#include <QDateTime>

#include <algorithm>

namespace sbor::kiosk {

ConflictModel::ConflictModel(QObject* parent) : QAbstractListModel(parent) {}

int ConflictModel::rowCount(const QModelIndex& parent) const { return parent.isValid() ? 0 : int(m_conflicts.size()); }

QVariant ConflictModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Conflict& conflict = at(index.row());
    switch (role) {
    case Qt::DisplayRole:
    case HolderNameRole:
        return conflict.holderName;
    case TicketIdRole:
        return conflict.ticketId;
    case DetailRole:
        return conflict.detail;
    case AtRole:
        return conflict.at;
    default:
        return {};
    }
}

QHash<int, QByteArray> ConflictModel::roleNames() const
{
    return {{TicketIdRole, "ticketId"}, {HolderNameRole, "holderName"}, {DetailRole, "detail"}, {AtRole, "at"}};
}

void ConflictModel::add(const QString& ticketId, const QString& holderName, const QString& detail)
{
    const bool listed = std::any_of(m_conflicts.begin(), m_conflicts.end(),
                                    [&ticketId](const Conflict& conflict) { return conflict.ticketId == ticketId; });
    if (listed)
        return;
    beginInsertRows({}, 0, 0);
    m_conflicts.insert(m_conflicts.begin(),
                       Conflict{ticketId, holderName, detail, QDateTime::currentDateTime().toString("HH:mm")});
    endInsertRows();
    emit countChanged();
}

void ConflictModel::dismiss(int row)
{
    if (row < 0 || row >= rowCount())
        return;
    beginRemoveRows({}, row, row);
    m_conflicts.erase(m_conflicts.begin() + row);
    endRemoveRows();
    emit countChanged();
}

void ConflictModel::nameGuests(const std::function<QString(const QString& ticketId)>& holderOf)
{
    for (int row = 0; row < rowCount(); ++row) {
        Conflict& conflict = m_conflicts[std::size_t(row)];
        if (!conflict.holderName.isEmpty())
            continue;
        if (const QString holder = holderOf(conflict.ticketId); !holder.isEmpty()) {
            conflict.holderName = holder;
            emit dataChanged(index(row), index(row), {Qt::DisplayRole, HolderNameRole});
        }
    }
}

void ConflictModel::clear()
{
    if (m_conflicts.empty())
        return;
    beginResetModel();
    m_conflicts.clear();
    endResetModel();
    emit countChanged();
}

} // namespace sbor::kiosk
