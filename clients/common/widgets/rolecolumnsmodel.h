#pragma once
// A list model's roles as the columns of a table (PagedListModel keeps one row per item with a
// role per field; a QTableView wants columns). Each column names a role and how to show it; the
// source's rows, resets and fetchMore pass through, so paging by scrolling still works. Sorting
// is the server's: a click on a header asks for another order (sortRequested), it does not sort
// the page in memory.

#include <QAbstractTableModel>
#include <QPointer>
#include <QString>
#include <QVariant>

#include <functional>
#include <vector>

namespace sbor::widgets {

class RoleColumnsModel : public QAbstractTableModel {
    Q_OBJECT
public:
    struct Column {
        QString title;
        QByteArray role;
        // What the cell shows; by default the role's value as text.
        std::function<QVariant(const QVariant&)> format = {};
        Qt::Alignment alignment = Qt::AlignLeft | Qt::AlignVCenter;
        QString sortName = {}; // the server's sort of this column ("" : not sortable)
        // A cell made of several fields (an amount and its currency): used instead of `format`.
        std::function<QVariant(const QVariantMap& row)> formatRow = {};
    };

    RoleColumnsModel(QAbstractItemModel* source, std::vector<Column> columns, QObject* parent = nullptr);

    void setColumnTitle(int column, const QString& title);
    const Column& column(int index) const { return m_columns.at(static_cast<std::size_t>(index)); }
    // The row's whole item (every role), for detail panes and copying.
    QVariantMap rowValues(int row) const;
    // The visible text of `rows`, tab separated with a header line: what a spreadsheet pastes.
    QString rowsAsText(const QList<int>& rows) const;

    int rowCount(const QModelIndex& parent = QModelIndex()) const override;
    int columnCount(const QModelIndex& parent = QModelIndex()) const override;
    QVariant data(const QModelIndex& index, int role) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;
    bool canFetchMore(const QModelIndex& parent) const override;
    void fetchMore(const QModelIndex& parent) override;
    void sort(int column, Qt::SortOrder order) override;

signals:
    // The server's sort word: "holder_name" ascending, "-holder_name" descending.
    void sortRequested(const QString& sort);

private:
    int roleOf(const QByteArray& name) const;

    QPointer<QAbstractItemModel> m_source;
    std::vector<Column> m_columns;
};

} // namespace sbor::widgets
