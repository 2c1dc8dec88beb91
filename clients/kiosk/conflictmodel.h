#pragma once
// The conflicts staff must see at once, newest first: a ticket admitted here offline that the
// server refused on upload, an offline scan it did not take, a ticket admitted at two entrances.
// Each stays until staff dismiss it.

#include <QAbstractListModel>
#include <QtQmlIntegration/qqmlintegration.h>

#include <functional>
#include <vector>

namespace sbor::kiosk {

struct Conflict {
    QString ticketId;
    QString holderName; // "" while the copy does not know the guest
    QString detail;
    QString at; // "HH:mm", when it was reported
};

class ConflictModel : public QAbstractListModel {
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("the door's conflicts: Door.conflicts")
    Q_PROPERTY(int count READ rowCount NOTIFY countChanged)

public:
    enum Role { TicketIdRole = Qt::UserRole + 1, HolderNameRole, DetailRole, AtRole };

    explicit ConflictModel(QObject* parent = nullptr);

    int rowCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;

    const Conflict& at(int row) const { return m_conflicts.at(std::size_t(row)); }

    // On top, reported now; a second one about a ticket already listed is not added.
    void add(const QString& ticketId, const QString& holderName, const QString& detail);
    Q_INVOKABLE void dismiss(int row);
    // Conflicts about guests the copy did not know get their names once it does.
    void nameGuests(const std::function<QString(const QString& ticketId)>& holderOf);
    void clear();

signals:
    void countChanged();

private:
    std::vector<Conflict> m_conflicts;
};

} // namespace sbor::kiosk
