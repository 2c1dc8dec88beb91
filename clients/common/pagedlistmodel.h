#pragma once
// A list of the API (GET … → {"items", "next_cursor"}) as a Qt item model for Widgets and QML.
// Rows are the items' wire JSON (the shared codec), one role per field named like the field
// ("holder_name"), so a QML delegate reads `model.holder_name` and a QTableView shows the
// display field. The next page is fetched when a view scrolls to the end (canFetchMore /
// fetchMore) or on fetchMore() from QML; reload() starts over and drops answers still on the way.

#include "apiclient.h"

#include "sbor/wire/decoding.h"

#include <QAbstractListModel>
#include <QFuture>
#include <QStringList>
#include <QVariantMap>

#include <functional>
#include <optional>
#include <vector>

namespace sbor::client {

class PagedListModel : public QAbstractListModel {
    Q_OBJECT
    Q_PROPERTY(int count READ count NOTIFY countChanged)
    Q_PROPERTY(bool loading READ isLoading NOTIFY loadingChanged)
    Q_PROPERTY(bool hasMore READ hasMore NOTIFY loadingChanged)
    Q_PROPERTY(QString errorText READ errorText NOTIFY errorChanged)

public:
    using JsonPage = wire::Page<nlohmann::json>;
    using PageSource = std::function<QFuture<ApiResult<JsonPage>>(const QString& cursor)>;

    // `fields`: the roles, in order; `displayField`: what Qt::DisplayRole shows.
    PagedListModel(QStringList fields, QString displayField, QObject* parent = nullptr);

    // A typed list call as a page source: `call(cursor)` answers wire::Page<T>.
    template <typename T>
    static PageSource sourceOf(std::function<QFuture<ApiResult<wire::Page<T>>>(const QString&)> call)
    {
        return [call = std::move(call)](const QString& cursor) {
            return call(cursor).then([](ApiResult<wire::Page<T>> page) -> ApiResult<JsonPage> {
                if (!page)
                    return page.error();
                JsonPage rows;
                rows.nextCursor = page->nextCursor;
                for (const auto& item : page->items)
                    rows.items.push_back(toJson(item));
                return rows;
            });
        };
    }

    void setSource(PageSource source);
    Q_INVOKABLE void reload();
    Q_INVOKABLE void fetchMore() { fetchMore(QModelIndex()); }
    Q_INVOKABLE QVariantMap get(int row) const;

    int count() const { return static_cast<int>(m_rows.size()); }
    bool isLoading() const { return m_loading; }
    bool hasMore() const { return m_nextCursor.has_value(); }
    QString errorText() const { return m_errorText; }
    // The last failure, for callers that branch on its code.
    const std::optional<ApiError>& lastError() const { return m_lastError; }

    int rowCount(const QModelIndex& parent = QModelIndex()) const override;
    QVariant data(const QModelIndex& index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;
    bool canFetchMore(const QModelIndex& parent) const override;
    void fetchMore(const QModelIndex& parent) override;

signals:
    void countChanged();
    void loadingChanged();
    void errorChanged();

private:
    void load(const QString& cursor);
    void setLoading(bool loading);

    QStringList m_fields;
    int m_displayRole = -1;
    PageSource m_source;
    std::vector<QVariantMap> m_rows;
    std::optional<QString> m_nextCursor; // nullopt: no further page (or nothing loaded yet)
    bool m_started = false;
    bool m_loading = false;
    quint64 m_generation = 0;
    QString m_errorText;
    std::optional<ApiError> m_lastError;
};

} // namespace sbor::client
