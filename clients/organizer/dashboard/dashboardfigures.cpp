#include "dashboardfigures.h"

#include "sborapi.h"

#include <algorithm>
#include <numeric>

namespace sbor::organizer {
namespace {

QString text(const std::string& value) { return QString::fromStdString(value); }

QString field(const nlohmann::json& data, const char* key)
{
    const auto found = data.find(key);
    return found != data.end() && found->is_string() ? text(found->get<std::string>()) : QString();
}

QDateTime timeOf(const QString& rfc3339) { return QDateTime::fromString(rfc3339, Qt::ISODateWithMs); }

SeriesFigures figuresOf(const wire::StatsSeries& series)
{
    SeriesFigures figures;
    for (const auto& point : series.points) {
        figures.at.push_back(timeOf(text(point.at)));
        figures.values.push_back(point.value);
    }
    return figures;
}

} // namespace

void SeriesFigures::bump(const QDateTime& when, qint64 delta, qint64 bucketSeconds)
{
    if (!when.isValid())
        return;
    for (std::size_t i = at.size(); i-- > 0;) {
        if (at[i] <= when && when < at[i].addSecs(bucketSeconds)) {
            values[i] += delta;
            return;
        }
    }
    // A new bucket after the last one (the chart moves on with the clock).
    if (!at.empty() && when >= at.back().addSecs(bucketSeconds)) {
        const qint64 buckets = at.back().secsTo(when) / bucketSeconds;
        at.push_back(at.back().addSecs(buckets * bucketSeconds));
        values.push_back(delta);
    }
}

DashboardFigures::DashboardFigures(client::SborApi& api, QString eventId, QObject* parent)
    : QObject(parent), m_api(api), m_eventId(std::move(eventId))
{}

int DashboardFigures::sold() const
{
    return std::accumulate(m_types.begin(), m_types.end(), 0,
                           [](int sum, const TypeFigures& t) { return sum + t.sold; });
}

int DashboardFigures::capacity() const
{
    return std::accumulate(m_types.begin(), m_types.end(), 0,
                           [](int sum, const TypeFigures& t) { return sum + t.quota; });
}

int DashboardFigures::checkedIn() const
{
    return std::accumulate(m_gates.begin(), m_gates.end(), 0,
                           [](int sum, const GateFigures& g) { return sum + g.admitted; });
}

int DashboardFigures::insideNow() const
{
    return std::accumulate(m_gates.begin(), m_gates.end(), 0,
                           [](int sum, const GateFigures& g) { return sum + g.inside; });
}

bool DashboardFigures::isOnline(const KioskFigures& kiosk, const QDateTime& now) const
{
    return kiosk.lastContact.isValid() && kiosk.lastContact.secsTo(now) <= kOnlineWithinSeconds;
}

int DashboardFigures::kiosksOnline(const QDateTime& now) const
{
    return static_cast<int>(
        std::count_if(m_kiosks.begin(), m_kiosks.end(), [&](const KioskFigures& k) { return isOnline(k, now); }));
}

QString DashboardFigures::gateName(const QString& listId) const
{
    for (const auto& gate : m_gates)
        if (gate.listId == listId)
            return gate.name;
    return listId.left(8);
}

void DashboardFigures::reload()
{
    m_api.eventStatistics(m_eventId).then(this, [this](client::ApiResult<wire::EventStatistics> statistics) {
        if (!statistics) {
            emit loadFailed(text(statistics.error().error.message));
            return;
        }
        m_types.clear();
        for (const auto& type : statistics->sales)
            m_types.push_back({text(type.ticketTypeId), text(type.name), type.sold, type.quota});
        m_gates.clear();
        for (const auto& list : statistics->lists)
            m_gates.push_back({text(list.listId), text(list.name), list.admitted, list.inside()});
        m_revenue = statistics->revenue.empty() ? 0 : statistics->revenue.front().paid;
        m_currency = statistics->revenue.empty() ? QStringLiteral("RUB") : text(statistics->revenue.front().currency);
        m_loaded = true;
        emit changed();
        loadSeries();
    });
    m_api.ticketTypes(m_eventId).then(this, [this](client::ApiResult<std::vector<wire::TicketType>> types) {
        if (!types)
            return;
        for (const auto& type : *types)
            m_prices[text(type.id)] = type.price;
    });
    reloadKiosks();
}

void DashboardFigures::reloadKiosks()
{
    if (m_kiosksLoading)
        return;
    m_kiosksLoading = true;
    m_api.devices(m_eventId).then(this, [this](client::ApiResult<std::vector<wire::Device>> devices) {
        m_kiosksLoading = false;
        if (!devices) {
            // Not the caller's to read (door staff), or the server is away: the tile says so
            // rather than "none", and scans of unknown kiosks do not ask again.
            if (!devices.error().isTransport())
                m_kiosksKnown = false;
            emit changed();
            return;
        }
        m_kiosksKnown = true;
        std::vector<KioskFigures> kiosks;
        for (const auto& device : *devices) {
            if (device.revokedAt)
                continue;
            KioskFigures kiosk{text(device.id), text(device.name), text(device.listId),
                               device.lastSeenAt ? timeOf(text(*device.lastSeenAt)) : QDateTime()};
            // A scan on the feed may be newer than the server's last contact as this answer read it.
            for (const auto& known : m_kiosks)
                if (known.deviceId == kiosk.deviceId && known.lastContact > kiosk.lastContact)
                    kiosk.lastContact = known.lastContact;
            kiosks.push_back(std::move(kiosk));
        }
        m_kiosks = std::move(kiosks);
        emit changed();
    });
}

void DashboardFigures::loadSeries()
{
    m_api.statsSeries(m_eventId, {"tickets_sold", "hour", {}, {}, {}, {}})
        .then(this, [this](client::ApiResult<wire::StatsSeries> series) {
            if (!series)
                return;
            m_soldPerHour = figuresOf(*series);
            emit changed();
        });
    m_api.statsSeries(m_eventId, {"admissions", "minute", {}, {}, {}, {}})
        .then(this, [this](client::ApiResult<wire::StatsSeries> series) {
            if (!series)
                return;
            m_admissionsPerMinute = figuresOf(*series);
            emit changed();
        });
}

void DashboardFigures::apply(const wire::LiveFrame& frame)
{
    const nlohmann::json& data = frame.data;
    const QDateTime at = timeOf(text(frame.at));
    if (frame.type == "ticket.purchased" || frame.type == "ticket.cancelled") {
        const int delta = frame.type == "ticket.purchased" ? 1 : -1;
        const QString typeId = field(data, "ticket_type_id");
        for (auto& type : m_types)
            if (type.ticketTypeId == typeId)
                type.sold += delta;
        const qint64 price = data.contains("unit_price") && data["unit_price"].is_number_integer()
            ? data["unit_price"].get<qint64>()
            : m_prices[typeId];
        m_revenue += delta * price;
        m_soldPerHour.bump(at.isValid() ? at : QDateTime::currentDateTimeUtc(), delta, 3600);
    } else if (frame.type == "ticket.checkin") {
        const QString kind = field(data, "kind");
        const QString listId = field(data, "list_id");
        if (const QString deviceId = field(data, "device_id"); !deviceId.isEmpty()) {
            const auto kiosk = std::find_if(m_kiosks.begin(), m_kiosks.end(),
                                            [&](const KioskFigures& k) { return k.deviceId == deviceId; });
            // The scan's own time, on the server's clock like the last contacts (a replayed scan
            // is old, not "now").
            const QDateTime contact = at.isValid() ? at : QDateTime::currentDateTimeUtc();
            if (kiosk == m_kiosks.end()) {
                if (m_kiosksKnown)
                    reloadKiosks(); // enrolled since the dashboard was loaded
            } else {
                kiosk->lastContact = std::max(kiosk->lastContact, contact);
            }
        }
        for (auto& gate : m_gates) {
            if (gate.listId != listId)
                continue;
            if (kind == "entry") {
                ++gate.admitted;
                ++gate.inside;
            } else if (kind == "exit") {
                --gate.inside;
            } else if (kind == "annulled") {
                --gate.admitted;
                --gate.inside;
            }
        }
        if (kind == "entry" || kind == "annulled") {
            const QDateTime scanned = timeOf(field(data, "scanned_at"));
            m_admissionsPerMinute.bump(scanned.isValid() ? scanned : QDateTime::currentDateTimeUtc(),
                                       kind == "entry" ? 1 : -1, 60);
        }
    } else if (frame.type == "checkin.conflict") {
        const auto scan = [&](const char* which) -> nlohmann::json {
            return data.contains(which) && data[which].is_object() ? data[which] : nlohmann::json::object();
        };
        ConflictAlert alert{field(data, "ticket_id"),
                            field(data, "holder_name"),
                            gateName(field(scan("first"), "list_id")),
                            field(scan("first"), "at"),
                            gateName(field(scan("second"), "list_id")),
                            field(scan("second"), "at")};
        m_conflicts.insert(m_conflicts.begin(), alert);
        emit conflictRaised(alert);
    } else {
        return;
    }
    emit changed();
}

} // namespace sbor::organizer
