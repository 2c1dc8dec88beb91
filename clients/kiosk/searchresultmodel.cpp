#include "searchresultmodel.h"

namespace sbor::kiosk {

SearchResultModel::SearchResultModel(QObject* parent) : QAbstractListModel(parent) {}

int SearchResultModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_results.size());
}

QVariant SearchResultModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const SearchResult& result = at(index.row());
    switch (role) {
    case Qt::DisplayRole:
    case HolderNameRole:
        return result.holderName;
    case TicketIdRole:
        return result.ticketId;
    case TicketTypeRole:
        return result.ticketType;
    case OrderIdRole:
        return result.orderId;
    case StatusRole:
        return result.status;
    case BlockedRole:
        return result.blocked;
    case CheckedInRole:
        return result.checkedIn;
    case OfflineRole:
        return result.offline;
    default:
        return {};
    }
}

QHash<int, QByteArray> SearchResultModel::roleNames() const
{
    return {{TicketIdRole, "ticketId"},   {HolderNameRole, "holderName"}, {TicketTypeRole, "ticketType"},
            {OrderIdRole, "orderId"},     {StatusRole, "status"},         {BlockedRole, "blocked"},
            {CheckedInRole, "checkedIn"}, {OfflineRole, "offline"}};
}

void SearchResultModel::setResults(std::vector<SearchResult> results)
{
    // Every search answers with a new list: a reset, as the old rows say nothing about the new ones.
    const bool countChanges = results.size() != m_results.size();
    beginResetModel();
    m_results = std::move(results);
    endResetModel();
    if (countChanges)
        emit countChanged();
}

} // namespace sbor::kiosk
