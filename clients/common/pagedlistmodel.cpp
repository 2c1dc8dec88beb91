#include "pagedlistmodel.h"

#include <QJsonDocument>
#include <QJsonObject>

namespace sbor::client {

namespace {

QVariantMap rowOf(const nlohmann::json& item)
{
    return QJsonDocument::fromJson(QByteArray::fromStdString(item.dump())).object().toVariantMap();
}

} // namespace

PagedListModel::PagedListModel(QStringList fields, QString displayField, QObject* parent)
    : QAbstractListModel(parent), m_fields(std::move(fields))
{
    const int index = m_fields.indexOf(displayField);
    m_displayRole = index < 0 ? -1 : Qt::UserRole + index;
}

void PagedListModel::setSource(PageSource source)
{
    m_source = std::move(source);
    reload();
}

void PagedListModel::reload()
{
    ++m_generation;
    beginResetModel();
    m_rows.clear();
    m_nextCursor.reset();
    endResetModel();
    emit countChanged();
    m_started = true;
    setLoading(false);
    load(QString());
}

void PagedListModel::load(const QString& cursor)
{
    if (!m_source || m_loading)
        return;
    setLoading(true);
    const quint64 generation = m_generation;
    m_source(cursor).then(this, [this, generation](ApiResult<JsonPage> page) {
        if (generation != m_generation)
            return; // reloaded meanwhile: this page belongs to the old list
        setLoading(false);
        if (!page) {
            m_lastError = page.error();
            m_errorText = QString::fromStdString(page.error().error.message);
            emit errorChanged();
            return;
        }
        if (m_lastError) {
            m_lastError.reset();
            m_errorText.clear();
            emit errorChanged();
        }
        if (!page->items.empty()) {
            const int first = count();
            beginInsertRows(QModelIndex(), first, first + static_cast<int>(page->items.size()) - 1);
            for (const auto& item : page->items)
                m_rows.push_back(rowOf(item));
            endInsertRows();
            emit countChanged();
        }
        m_nextCursor = page->nextCursor ? std::optional<QString>(QString::fromStdString(*page->nextCursor))
                                        : std::nullopt;
        emit loadingChanged();
    });
}

void PagedListModel::setLoading(bool loading)
{
    if (m_loading == loading)
        return;
    m_loading = loading;
    emit loadingChanged();
}

QVariantMap PagedListModel::get(int row) const
{
    return row >= 0 && row < count() ? m_rows[static_cast<std::size_t>(row)] : QVariantMap();
}

int PagedListModel::rowCount(const QModelIndex& parent) const { return parent.isValid() ? 0 : count(); }

QVariant PagedListModel::data(const QModelIndex& index, int role) const
{
    if (!index.isValid() || index.row() >= count())
        return {};
    if (role == Qt::DisplayRole && m_displayRole >= 0)
        role = m_displayRole;
    const int field = role - Qt::UserRole;
    if (field < 0 || field >= m_fields.size())
        return {};
    return m_rows[static_cast<std::size_t>(index.row())].value(m_fields[field]);
}

QHash<int, QByteArray> PagedListModel::roleNames() const
{
    QHash<int, QByteArray> names;
    for (int i = 0; i < m_fields.size(); ++i)
        names.insert(Qt::UserRole + i, m_fields[i].toUtf8());
    return names;
}

bool PagedListModel::canFetchMore(const QModelIndex& parent) const
{
    return !parent.isValid() && m_started && m_nextCursor && !m_loading;
}

void PagedListModel::fetchMore(const QModelIndex& parent)
{
    if (canFetchMore(parent))
        load(*m_nextCursor);
}

} // namespace sbor::client
