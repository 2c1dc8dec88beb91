#pragma once
// The guests a search at the door found: from the server, or from this kiosk's copy when the
// server cannot be asked (`offline`).

#include <QAbstractListModel>
#include <QtQmlIntegration/qqmlintegration.h>

#include <vector>

namespace sbor::kiosk {

struct SearchResult {
    QString ticketId;
    QString holderName;
    QString ticketType; // its name, "" when the copy does not know it
    QString orderId;
    QString status; // the ticket's status ("valid", "cancelled", …)
    bool blocked = false;
    bool checkedIn = false;
    bool offline = false; // found in the copy
};

class SearchResultModel : public QAbstractListModel {
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("the door's search results: Door.guestSearch.results")
    Q_PROPERTY(int count READ rowCount NOTIFY countChanged)

public:
    enum Role {
        TicketIdRole = Qt::UserRole + 1,
        HolderNameRole,
        TicketTypeRole,
        OrderIdRole,
        StatusRole,
        BlockedRole,
        CheckedInRole,
        OfflineRole
    };

    explicit SearchResultModel(QObject* parent = nullptr);

    int rowCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;

    const SearchResult& at(int row) const { return m_results.at(std::size_t(row)); }
    void setResults(std::vector<SearchResult> results);

signals:
    void countChanged();

private:
    std::vector<SearchResult> m_results;
};

} // namespace sbor::kiosk
