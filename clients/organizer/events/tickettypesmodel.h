#pragma once
// An event's ticket types as an editable table: name, price, currency, quota, sales window,
// minimum and maximum per order, on sale — with sold and available beside them, read-only.
//
// What is typed stays in the model until it is saved: saved types keep their server version and
// the changed fields only are sent (a PATCH each); new rows become drafts (a POST each). A value
// the server would refuse for a reason the model can see — a quota below what is already sold, an
// empty name, a sales end before its start, a maximum below the minimum — is kept as typed and
// marked on its cell with the reason, and saving waits until it is fixed. The server's own
// problems (details.fields) land on the cell they name.
//
// Times are shown and edited as the event's wall clock; prices in the currency's major unit in
// the format of the app's language (QLocale), kept in minor units.

#include "sbor/wire/sales.h"

#include <QAbstractTableModel>
#include <QDateTime>
#include <QMap>
#include <QString>

#include <optional>
#include <vector>

namespace sbor::organizer {

class TicketTypesModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column {
        Name,
        Price,
        Currency,
        Quota,
        Sold,
        Available,
        SalesStart,
        SalesEnd,
        MinPerOrder,
        MaxPerOrder,
        Active,
        ColumnCount
    };

    explicit TicketTypesModel(QObject* parent = nullptr);

    // Replaces every row with the server's; what was typed and not saved is dropped.
    void setTicketTypes(const std::vector<wire::TicketType>& types, const QString& timezone);
    // A new row: on sale from now until the event starts (`salesEnd`), in `currency`.
    int addRow(const QString& currency, const QDateTime& salesEnd);
    void removeNewRow(int row);

    bool isNew(int row) const;
    bool isChanged(int row) const;
    bool hasUnsavedWork() const;
    // The first cell with a problem, as (row, column); (-1, -1) when there is none.
    std::pair<int, int> firstProblem() const;
    QString problemAt(int row, int column) const;

    // What saving a row sends: the changed fields of a saved type, or the whole draft of a new one.
    QString idOf(int row) const;
    wire::TicketTypeChanges changesOf(int row) const;
    wire::TicketTypeDraft draftOf(int row) const;
    // The server took the row: it becomes this saved type.
    void markSaved(int row, const wire::TicketType& saved);
    // The server refused the row: `field` is its JSON name (price, sales_end…).
    void setServerProblem(int row, const QString& field, const QString& problem);

    static int columnOfField(const QString& field);

    int rowCount(const QModelIndex& parent = QModelIndex()) const override;
    int columnCount(const QModelIndex& parent = QModelIndex()) const override;
    QVariant data(const QModelIndex& index, int role) const override;
    bool setData(const QModelIndex& index, const QVariant& value, int role) override;
    Qt::ItemFlags flags(const QModelIndex& index) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

signals:
    void unsavedWorkChanged(bool unsaved);

private:
    struct Row {
        std::optional<wire::TicketType> saved; // empty: a new row
        wire::TicketTypeDraft edited;
        QMap<int, QString> serverProblems; // column → the server's words, until the cell changes
    };

    bool isCell(const QModelIndex& index) const;
    QString localProblem(const Row& row, int column) const;
    QString problemOf(const Row& row, int column) const;
    QDateTime wallClock(const std::string& rfc3339) const;
    std::string instant(const QDateTime& wallClock) const;
    void rowChanged(int row);

    std::vector<Row> m_rows;
    QString m_timezone;
    bool m_unsaved = false;
};

} // namespace sbor::organizer
