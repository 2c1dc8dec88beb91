#pragma once
// The numbers of an event's dashboard and how they move: loaded over REST (the tickets service's
// statistics, the analytics' series) and then moved by the live feed's frames without a reload —
// a purchase adds to its type and the revenue, an entry to its gate's admissions and the minute's
// bar, an exit takes one out of "inside now", a conflict appears at once. On a resync, or after
// the feed was away, everything is loaded again. No widgets here: the dashboard page draws it, the
// tests read it.

#include "sbor/wire/live.h"
#include "sbor/wire/statistics.h"

#include <QDateTime>
#include <QObject>
#include <QString>

#include <map>
#include <vector>

namespace sbor::client {
class SborApi;
}

namespace sbor::organizer {

struct TypeFigures {
    QString ticketTypeId;
    QString name;
    int sold = 0;
    int quota = 0;
};

struct GateFigures {
    QString listId;
    QString name;
    int admitted = 0;
    int inside = 0;
};

struct ConflictAlert {
    QString ticketId;
    QString holderName;
    QString firstGate;
    QString firstAt;
    QString secondGate;
    QString secondAt;
};

// An enrolled kiosk and when it was last in touch with the server (any request of its token, or a
// scan of it on the live feed).
struct KioskFigures {
    QString deviceId;
    QString name;
    QString listId;
    QDateTime lastContact;
};

struct SeriesFigures {
    std::vector<QDateTime> at;
    std::vector<qint64> values;
    void bump(const QDateTime& when, qint64 delta, qint64 bucketSeconds);
};

class DashboardFigures : public QObject {
    Q_OBJECT
public:
    DashboardFigures(client::SborApi& api, QString eventId, QObject* parent = nullptr);

    void reload();
    // Only the kiosks: their last contact moves with time, not with frames alone.
    void reloadKiosks();
    // A frame of the event's topic (LiveFeed::frameReceived filtered to it).
    void apply(const wire::LiveFrame& frame);

    const std::vector<TypeFigures>& types() const { return m_types; }
    const std::vector<GateFigures>& gates() const { return m_gates; }
    const std::vector<ConflictAlert>& conflicts() const { return m_conflicts; }
    const std::vector<KioskFigures>& kiosks() const { return m_kiosks; }
    // A kiosk online syncs every 15 s, so one silent for a minute is offline (or switched off).
    static constexpr qint64 kOnlineWithinSeconds = 60;
    bool isOnline(const KioskFigures& kiosk, const QDateTime& now) const;
    int kiosksOnline(const QDateTime& now) const;
    // False until the kiosks were read, and when reading them failed (then the tile says nothing).
    bool kiosksKnown() const { return m_kiosksKnown; }
    const SeriesFigures& soldPerHour() const { return m_soldPerHour; }
    const SeriesFigures& admissionsPerMinute() const { return m_admissionsPerMinute; }
    int sold() const;
    int capacity() const;
    qint64 revenue() const { return m_revenue; }
    QString currency() const { return m_currency; }
    int checkedIn() const;
    int insideNow() const;
    bool isLoaded() const { return m_loaded; }

signals:
    void changed();
    void conflictRaised(const sbor::organizer::ConflictAlert& alert);
    void loadFailed(const QString& problem);

private:
    QString gateName(const QString& listId) const;
    void loadSeries();

    client::SborApi& m_api;
    QString m_eventId;
    std::vector<TypeFigures> m_types;
    std::vector<GateFigures> m_gates;
    std::vector<ConflictAlert> m_conflicts;
    std::vector<KioskFigures> m_kiosks;
    bool m_kiosksKnown = false;
    bool m_kiosksLoading = false;       // one reload at a time: a burst of scans asks once
    std::map<QString, qint64> m_prices; // the type's price, for frames of older servers without unit_price
    SeriesFigures m_soldPerHour;
    SeriesFigures m_admissionsPerMinute;
    qint64 m_revenue = 0;
    QString m_currency;
    bool m_loaded = false;
};

} // namespace sbor::organizer
