#include "guestsearch.h"

#include "doorstore.h"
#include "doorsync.h"

#include "sborapi.h"

namespace sbor::kiosk {

namespace {
constexpr int kMostResults = 50;
QString q(const std::string& text) { return QString::fromStdString(text); }
} // namespace

GuestSearch::GuestSearch(const DoorStore& store, DoorSync& sync, QObject* parent)
    : QObject(parent), m_store(store), m_sync(sync)
{}

void GuestSearch::setServer(client::SborApi* api, const QString& listId)
{
    m_api = api;
    m_listId = listId;
    ++m_generation; // an answer from the old server is not for this one
    m_results.setResults({});
}

void GuestSearch::find(const QString& text)
{
    const QString needle = text.trimmed();
    const quint64 generation = ++m_generation;
    if (needle.size() < 2) {
        m_results.setResults({});
        return;
    }
    if (!m_sync.isOnline() || !m_api) {
        publish(m_store.searchByName(needle, kMostResults), true);
        return;
    }
    m_api->searchDoor(m_listId, needle, kMostResults)
        .then(this, [this, needle, generation](client::ApiResult<std::vector<wire::DoorSearchHit>> hits) {
            if (generation != m_generation)
                return; // staff typed on: a newer search is on its way
            if (hits)
                publish(*hits, false);
            else
                publish(m_store.searchByName(needle, kMostResults), true); // the copy rather than nothing
            if (!hits && hits.error().isTransport())
                m_sync.setOnline(false);
        });
}

void GuestSearch::publish(const std::vector<wire::DoorSearchHit>& hits, bool offline)
{
    std::vector<SearchResult> results;
    results.reserve(hits.size());
    for (const auto& hit : hits)
        results.push_back(SearchResult{q(hit.ticketId), q(hit.holderName), q(m_store.ticketTypeName(hit.ticketTypeId)),
                                       q(hit.orderId), q(hit.status), hit.blocked, hit.checkedIn, offline});
    m_results.setResults(std::move(results));
}

} // namespace sbor::kiosk
