#pragma once
// Search at the door by name, email or order code: the server is asked while it answers; the
// copy is searched by name when it does not (and rather than showing nothing when it fails).

#include "searchresultmodel.h"

#include "sbor/wire/door.h"

#include <QObject>
#include <QtQmlIntegration/qqmlintegration.h>

namespace sbor::client {
class SborApi;
}

namespace sbor::kiosk {

class DoorStore;
class DoorSync;

class GuestSearch : public QObject {
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("the door's search: Door.guestSearch")
    Q_PROPERTY(sbor::kiosk::SearchResultModel* results READ results CONSTANT)

public:
    // `sync` says whether the server answers and hears when it does not; both outlive this.
    GuestSearch(const DoorStore& store, DoorSync& sync, QObject* parent = nullptr);

    SearchResultModel* results() { return &m_results; }

    // The server to ask (the door's quick client) for `listId`; nullptr: none, the copy only.
    void setServer(client::SborApi* api, const QString& listId);

    // Fewer than two characters: no results. A slower answer to an older search is dropped.
    Q_INVOKABLE void find(const QString& text);

private:
    void publish(const std::vector<wire::DoorSearchHit>& hits, bool offline);

    const DoorStore& m_store;
    DoorSync& m_sync;
    client::SborApi* m_api = nullptr;
    QString m_listId;
    quint64 m_generation = 0;
    SearchResultModel m_results;
};

} // namespace sbor::kiosk
