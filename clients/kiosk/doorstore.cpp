#include "doorstore.h"

#include "sbor/rfc3339.h"
#include "sbor/ticketcode.h"
#include "sbor/uuid.h"

#include <QSqlError>
#include <QSqlQuery>
#include <QUuid>
#include <QVariant>

#include <limits>

namespace sbor::kiosk {

namespace {

QString q(const std::string& text) { return QString::fromStdString(text); }
std::string s(const QVariant& value) { return value.toString().toStdString(); }

const char* const kSchema[] = {
    "CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)",
    "CREATE TABLE IF NOT EXISTS public_keys (key_id INTEGER PRIMARY KEY, public_key TEXT NOT NULL)",
    "CREATE TABLE IF NOT EXISTS ticket_types (id TEXT PRIMARY KEY, name TEXT NOT NULL)",
    "CREATE TABLE IF NOT EXISTS tickets (id TEXT PRIMARY KEY, ticket_type_id TEXT NOT NULL, holder_name TEXT NOT NULL, "
    "status TEXT NOT NULL, blocked INTEGER NOT NULL)",
    "CREATE TABLE IF NOT EXISTS revoked_codes (code TEXT PRIMARY KEY, ticket_id TEXT NOT NULL, reason TEXT NOT NULL)",
    "CREATE TABLE IF NOT EXISTS scans (scan_id TEXT NOT NULL, device_id TEXT NOT NULL, ticket_id TEXT NOT NULL, list_id TEXT NOT NULL, "
    "kind TEXT NOT NULL, at_us INTEGER NOT NULL, annulled INTEGER NOT NULL, PRIMARY KEY (device_id, scan_id))",
    "CREATE INDEX IF NOT EXISTS scans_by_ticket ON scans (ticket_id)",
    "CREATE TABLE IF NOT EXISTS queue (scan_id TEXT PRIMARY KEY, code TEXT NOT NULL, ticket_id TEXT NOT NULL, list_id TEXT NOT NULL, "
    "kind TEXT NOT NULL, scanned_at TEXT NOT NULL, scanned_at_us INTEGER NOT NULL, local_result TEXT NOT NULL, annulled INTEGER NOT NULL DEFAULT 0, "
    "rejected TEXT NOT NULL DEFAULT '')",
};

bool prefixMatches(const std::string& id, const IdPrefix& prefix)
{
    const auto bytes = uuidBytes(id);
    return bytes && idPrefix(*bytes) == prefix;
}

} // namespace

DoorStore::DoorStore(const QString& path) : m_connection("door-" + QUuid::createUuid().toString(QUuid::WithoutBraces))
{
    QSqlDatabase database = QSqlDatabase::addDatabase("QSQLITE", m_connection);
    database.setDatabaseName(path);
    if (!database.open()) {
        m_error = "cannot open the kiosk's store " + path + ": " + database.lastError().text();
        return;
    }
    // A kiosk may lose power at any moment: the queue must be on disk when the guest walks in.
    exec("PRAGMA journal_mode=WAL");
    exec("PRAGMA synchronous=FULL");
    for (const char* statement : kSchema) {
        if (!exec(statement)) {
            m_error = "cannot prepare the kiosk's store: " + QSqlDatabase::database(m_connection).lastError().text();
            return;
        }
    }
}

DoorStore::~DoorStore()
{
    QSqlDatabase::database(m_connection).close();
    QSqlDatabase::removeDatabase(m_connection);
}

bool DoorStore::exec(const QString& sql) const
{
    QSqlQuery query(QSqlDatabase::database(m_connection));
    return query.exec(sql);
}

bool DoorStore::apply(const wire::DoorSyncPage& page)
{
    QSqlDatabase database = QSqlDatabase::database(m_connection);
    if (!database.transaction())
        return false;
    QSqlQuery query(database);
    bool ok = true;
    const auto run = [&](const QString& sql, const QVariantList& values) {
        if (!ok)
            return;
        query.prepare(sql);
        for (const auto& value : values)
            query.addBindValue(value);
        ok = query.exec();
    };
    run("DELETE FROM public_keys", {});
    for (const auto& key : page.publicKeys)
        run("INSERT INTO public_keys (key_id, public_key) VALUES (?, ?)", {key.keyId, q(key.publicKeyHex)});
    if (!page.ticketTypes.empty())
        run("DELETE FROM ticket_types", {});
    for (const auto& type : page.ticketTypes)
        run("INSERT INTO ticket_types (id, name) VALUES (?, ?)", {q(type.id), q(type.name)});
    for (const auto& ticket : page.tickets)
        run("INSERT OR REPLACE INTO tickets (id, ticket_type_id, holder_name, status, blocked) VALUES (?, ?, ?, ?, ?)",
            {q(ticket.id), q(ticket.ticketTypeId), q(ticket.holderName), q(ticket.status), ticket.blocked ? 1 : 0});
    for (const auto& revoked : page.revocations)
        run("INSERT OR REPLACE INTO revoked_codes (code, ticket_id, reason) VALUES (?, ?, ?)",
            {q(revoked.code), q(revoked.ticketId), q(revoked.reason)});
    for (const auto& scan : page.scans)
        run("INSERT OR REPLACE INTO scans (scan_id, device_id, ticket_id, list_id, kind, at_us, annulled) VALUES (?, ?, ?, ?, ?, ?, ?)",
            {q(scan.scanId), q(scan.deviceId.value_or("")), q(scan.ticketId), q(scan.listId),
             wire::scanKindName(scan.kind), QVariant::fromValue<qint64>(parseRfc3339(scan.at).value_or(0)),
             scan.annulled ? 1 : 0});
    run("INSERT OR REPLACE INTO meta (key, value) VALUES ('cursor', ?)", {q(page.nextCursor)});
    run("INSERT OR REPLACE INTO meta (key, value) VALUES ('event_id', ?)", {q(page.eventId)});
    if (page.list)
        run("INSERT OR REPLACE INTO meta (key, value) VALUES ('list', ?)", {q(wire::toJson(*page.list).dump())});
    if (!ok) {
        database.rollback();
        return false;
    }
    return database.commit();
}

namespace {

QString metaValue(const QString& connection, const QString& key)
{
    QSqlQuery query(QSqlDatabase::database(connection));
    query.prepare("SELECT value FROM meta WHERE key = ?");
    query.addBindValue(key);
    return query.exec() && query.next() ? query.value(0).toString() : QString();
}

} // namespace

QString DoorStore::cursor() const { return metaValue(m_connection, "cursor"); }
std::string DoorStore::eventId() const { return metaValue(m_connection, "event_id").toStdString(); }

std::optional<wire::CheckInList> DoorStore::list() const
{
    const QString text = metaValue(m_connection, "list");
    if (text.isEmpty())
        return std::nullopt;
    try {
        return wire::decode<wire::CheckInList>(nlohmann::json::parse(text.toStdString()));
    } catch (const std::exception&) {
        return std::nullopt;
    }
}

std::vector<VerifyingKey> DoorStore::keys() const
{
    std::vector<VerifyingKey> keys;
    QSqlQuery query("SELECT key_id, public_key FROM public_keys", QSqlDatabase::database(m_connection));
    while (query.next())
        if (const auto key = verifyingKeyOf({query.value(0).toInt(), s(query.value(1))}))
            keys.push_back(*key);
    return keys;
}

int DoorStore::ticketCount() const
{
    QSqlQuery query("SELECT count(*) FROM tickets", QSqlDatabase::database(m_connection));
    return query.next() ? query.value(0).toInt() : 0;
}

std::string DoorStore::ticketTypeName(const std::string& ticketTypeId) const
{
    QSqlQuery query(QSqlDatabase::database(m_connection));
    query.prepare("SELECT name FROM ticket_types WHERE id = ?");
    query.addBindValue(q(ticketTypeId));
    return query.exec() && query.next() ? s(query.value(0)) : std::string();
}

std::optional<wire::CheckInList> DoorStore::beginFacts(DoorFacts& facts, wire::ScanKind kind, std::int64_t nowMicros,
                                                       const std::string& deviceId) const
{
    facts.now = nowMicros;
    facts.kind = kind;
    facts.scannedBy = deviceId;
    auto list = this->list();
    if (list) {
        facts.multiEntry = list->multiEntry;
        facts.exitsAllowed = list->exitsAllowed;
    }
    return list;
}

std::optional<wire::SyncedTicket> DoorStore::ticket(const std::string& ticketId) const
{
    QSqlQuery query(QSqlDatabase::database(m_connection));
    query.prepare("SELECT ticket_type_id, holder_name, status, blocked FROM tickets WHERE id = ?");
    query.addBindValue(q(ticketId));
    if (!query.exec() || !query.next())
        return std::nullopt;
    return wire::SyncedTicket{ticketId, s(query.value(0)), s(query.value(1)), s(query.value(2)),
                              query.value(3).toInt() != 0};
}

namespace {

std::int64_t listFrom(const wire::CheckInList& list)
{
    return list.validFrom ? parseRfc3339(*list.validFrom).value_or(0) : 0;
}

std::int64_t listUntil(const wire::CheckInList& list)
{
    constexpr auto never = std::numeric_limits<std::int64_t>::max();
    return list.validUntil ? parseRfc3339(*list.validUntil).value_or(never) : never;
}

} // namespace

DoorFacts DoorStore::factsFor(const std::string& code, wire::ScanKind kind, std::int64_t nowMicros,
                              const std::string& deviceId, std::optional<wire::TicketSummary>* ticket) const
{
    DoorFacts facts;
    const auto list = beginFacts(facts, kind, nowMicros, deviceId);
    const std::string event = eventId();
    if (!list || event.empty())
        return facts; // never synced: nothing can be judged
    const CodeCheck check = checkTicketCode(code, event, keys());
    facts.codeReadable = check.readable;
    facts.sameEventPrefix = check.sameEventPrefix;
    facts.signatureValid = check.signatureValid;
    if (!check.ticketId)
        return facts;
    const auto read = readTicketCode(code);
    const std::string& ticketId = *check.ticketId;
    // A signed ticket the copy does not know yet (sold while this kiosk was offline) is let in on
    // its signature: that is what signing codes is for.
    facts.ticketFound = true;
    facts.codeCurrent = true; // a replaced code is on the revocation list
    QSqlQuery query(QSqlDatabase::database(m_connection));
    query.prepare("SELECT 1 FROM revoked_codes WHERE code = ?");
    query.addBindValue(q(code));
    facts.revoked = query.exec() && query.next();
    const auto stored = this->ticket(ticketId);
    if (stored) {
        facts.cancelled = stored->status == "cancelled";
        facts.blocked = stored->blocked;
    }
    if (ticket)
        *ticket = wire::TicketSummary{ticketId, event, stored ? stored->ticketTypeId : std::string(),
                                      stored ? stored->holderName : std::string()};
    const auto micros = [](std::uint32_t seconds) { return static_cast<std::int64_t>(seconds) * 1000000; };
    facts.validFrom = std::max(micros(read->fields.validFrom), listFrom(*list));
    facts.validUntil = std::min(micros(read->fields.validUntil), listUntil(*list));
    facts.typeAllowed = list->ticketTypeIds.empty() ||
        std::any_of(list->ticketTypeIds.begin(), list->ticketTypeIds.end(), [&](const std::string& allowed) {
                            return stored ? allowed == stored->ticketTypeId
                                          : prefixMatches(allowed, read->fields.ticketTypePrefix);
                        });
    if (!list->multiEntry)
        facts.admissions = admissionsOf(ticketId, deviceId);
    return facts;
}

std::vector<Admission> DoorStore::admissionsOf(const std::string& ticketId, const std::string& deviceId) const
{
    std::vector<Admission> admissions;
    QSqlQuery query(QSqlDatabase::database(m_connection));
    query.prepare(
        "SELECT kind, at_us, list_id, device_id, scan_id FROM scans WHERE ticket_id = ? AND annulled = 0 ORDER BY at_us");
    query.addBindValue(q(ticketId));
    if (query.exec())
        while (query.next())
            admissions.push_back({query.value(0).toString() == "exit" ? ScanKind::Exit : ScanKind::Entry,
                                  query.value(1).toLongLong(), s(query.value(2)),
                                  query.value(3).toString().isEmpty() ? std::nullopt : std::optional(s(query.value(3))),
                                  s(query.value(3)), s(query.value(4))});
    query.prepare(
        "SELECT kind, scanned_at_us, list_id, scan_id FROM queue WHERE ticket_id = ? AND local_result = 'ok' AND annulled = 0 "
        "ORDER BY scanned_at_us");
    query.addBindValue(q(ticketId));
    if (query.exec())
        while (query.next())
            admissions.push_back({query.value(0).toString() == "exit" ? ScanKind::Exit : ScanKind::Entry,
                                  query.value(1).toLongLong(), s(query.value(2)), deviceId, deviceId,
                                  s(query.value(3))});
    return admissions;
}

DoorFacts DoorStore::factsForTicket(const std::string& ticketId, wire::ScanKind kind, std::int64_t nowMicros,
                                    const std::string& deviceId, std::optional<wire::TicketSummary>* ticket) const
{
    DoorFacts facts;
    const auto list = beginFacts(facts, kind, nowMicros, deviceId);
    if (!list)
        return facts;
    // Picked from the copy, which came from the server: no code, nothing to forge.
    facts.codeReadable = facts.sameEventPrefix = facts.signatureValid = true;
    const auto stored = this->ticket(ticketId);
    if (!stored)
        return facts; // ticketFound stays false: unknown_ticket
    facts.ticketFound = true;
    facts.codeCurrent = true;
    facts.cancelled = stored->status == "cancelled";
    facts.blocked = stored->blocked;
    if (ticket)
        *ticket = wire::TicketSummary{ticketId, eventId(), stored->ticketTypeId, stored->holderName};
    facts.validFrom = listFrom(*list);
    facts.validUntil = listUntil(*list);
    facts.typeAllowed = list->ticketTypeIds.empty() ||
        std::find(list->ticketTypeIds.begin(), list->ticketTypeIds.end(), stored->ticketTypeId) !=
            list->ticketTypeIds.end();
    if (!list->multiEntry)
        facts.admissions = admissionsOf(ticketId, deviceId);
    return facts;
}

bool DoorStore::enqueue(const QueuedScan& queued)
{
    QSqlQuery query(QSqlDatabase::database(m_connection));
    query.prepare(
        "INSERT OR IGNORE INTO queue (scan_id, code, ticket_id, list_id, kind, scanned_at, scanned_at_us, local_result) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?)");
    for (const QVariant& value :
         QVariantList{q(queued.scan.scanId), q(queued.scan.code), q(queued.ticketId), q(queued.scan.listId),
                      wire::scanKindName(queued.scan.kind), q(queued.scan.scannedAt.value_or("")),
                      QVariant::fromValue<qint64>(parseRfc3339(queued.scan.scannedAt.value_or("")).value_or(0)),
                      q(queued.localResult)})
        query.addBindValue(value);
    return query.exec();
}

std::vector<QueuedScan> DoorStore::queued(int limit) const
{
    std::vector<QueuedScan> scans;
    QSqlQuery query(QSqlDatabase::database(m_connection));
    query.prepare(
        "SELECT scan_id, code, ticket_id, list_id, kind, scanned_at, local_result FROM queue WHERE annulled = 0 AND rejected = '' "
        "ORDER BY scanned_at_us, scan_id LIMIT ?");
    query.addBindValue(limit);
    if (query.exec())
        while (query.next()) {
            // A scan picked from a search has no code: it names its ticket instead.
            const std::string code = s(query.value(1));
            const std::string ticketId = s(query.value(2));
            scans.push_back({{code, s(query.value(3)), s(query.value(0)), s(query.value(5)),
                              query.value(4).toString() == "exit" ? wire::ScanKind::Exit : wire::ScanKind::Entry,
                              code.empty() ? std::optional(ticketId) : std::nullopt},
                             ticketId,
                             s(query.value(6))});
        }
    return scans;
}

int DoorStore::queueLength() const
{
    QSqlQuery query("SELECT count(*) FROM queue WHERE annulled = 0 AND rejected = ''",
                    QSqlDatabase::database(m_connection));
    return query.next() ? query.value(0).toInt() : 0;
}

int DoorStore::rejectedCount() const
{
    QSqlQuery query("SELECT count(*) FROM queue WHERE rejected <> ''", QSqlDatabase::database(m_connection));
    return query.next() ? query.value(0).toInt() : 0;
}

bool DoorStore::markRejected(const std::vector<std::string>& scanIds, const QString& reason)
{
    QSqlQuery query(QSqlDatabase::database(m_connection));
    bool ok = true;
    for (const auto& id : scanIds) {
        query.prepare("UPDATE queue SET rejected = ? WHERE scan_id = ?");
        query.addBindValue(reason.isEmpty() ? QStringLiteral("refused") : reason);
        query.addBindValue(q(id));
        ok = query.exec() && ok;
    }
    return ok;
}

bool DoorStore::acceptUploaded(const std::vector<std::pair<QueuedScan, std::string>>& answered,
                               const std::string& deviceId)
{
    QSqlDatabase database = QSqlDatabase::database(m_connection);
    if (!database.transaction())
        return false;
    QSqlQuery query(database);
    for (const auto& [queued, result] : answered) {
        query.prepare("DELETE FROM queue WHERE scan_id = ? AND annulled = 0");
        query.addBindValue(q(queued.scan.scanId));
        bool ok = query.exec();
        if (ok && query.numRowsAffected() > 0 && result == "ok") {
            query.prepare(
                "INSERT OR REPLACE INTO scans (scan_id, device_id, ticket_id, list_id, kind, at_us, annulled) VALUES (?, ?, ?, ?, ?, ?, 0)");
            for (const QVariant& value : QVariantList{
                     q(queued.scan.scanId), q(deviceId), q(queued.ticketId), q(queued.scan.listId),
                     wire::scanKindName(queued.scan.kind),
                     QVariant::fromValue<qint64>(parseRfc3339(queued.scan.scannedAt.value_or("")).value_or(0))})
                query.addBindValue(value);
            ok = query.exec();
        }
        if (!ok) {
            database.rollback();
            return false;
        }
    }
    return database.commit();
}

bool DoorStore::annulQueued(const std::string& scanId)
{
    QSqlQuery query(QSqlDatabase::database(m_connection));
    query.prepare("UPDATE queue SET annulled = 1 WHERE scan_id = ?");
    query.addBindValue(q(scanId));
    return query.exec() && query.numRowsAffected() > 0;
}

std::vector<std::string> DoorStore::annulledQueued() const
{
    std::vector<std::string> ids;
    QSqlQuery query("SELECT scan_id FROM queue WHERE annulled = 1", QSqlDatabase::database(m_connection));
    while (query.next())
        ids.push_back(s(query.value(0)));
    return ids;
}

bool DoorStore::forgetQueued(const std::string& scanId)
{
    QSqlQuery query(QSqlDatabase::database(m_connection));
    query.prepare("DELETE FROM queue WHERE scan_id = ?");
    query.addBindValue(q(scanId));
    return query.exec();
}

bool DoorStore::annulSynced(const std::string& scanId)
{
    QSqlQuery query(QSqlDatabase::database(m_connection));
    query.prepare("UPDATE scans SET annulled = 1 WHERE scan_id = ?");
    query.addBindValue(q(scanId));
    return query.exec();
}

std::vector<wire::DoorSearchHit> DoorStore::searchByName(const QString& text, int limit) const
{
    std::vector<wire::DoorSearchHit> hits;
    const auto list = this->list();
    QSqlQuery query(QSqlDatabase::database(m_connection));
    // SQLite's LIKE folds only ASCII case: fold in C++ so "анна" finds "Анна".
    query.prepare(
        "SELECT id, ticket_type_id, holder_name, status, blocked, "
        "EXISTS (SELECT 1 FROM scans s WHERE s.ticket_id = t.id AND s.kind = 'entry' AND s.annulled = 0) OR "
        "EXISTS (SELECT 1 FROM queue u WHERE u.ticket_id = t.id AND u.kind = 'entry' AND u.local_result = 'ok' AND u.annulled = 0) "
        "FROM tickets t ORDER BY holder_name");
    const QString needle = text.trimmed().toCaseFolded();
    if (query.exec())
        while (query.next() && static_cast<int>(hits.size()) < limit)
            if (query.value(2).toString().toCaseFolded().contains(needle))
                hits.push_back({s(query.value(0)),
                                s(query.value(1)),
                                s(query.value(2)),
                                std::nullopt,
                                {},
                                s(query.value(3)),
                                query.value(4).toInt() != 0,
                                query.value(5).toBool()});
    return hits;
}

DoorCounts DoorStore::counts() const
{
    DoorCounts counts;
    const auto list = this->list();
    if (!list)
        return counts;
    QSqlDatabase database = QSqlDatabase::database(m_connection);
    QString typeFilter;
    if (!list->ticketTypeIds.empty()) {
        QStringList quoted;
        for (const auto& id : list->ticketTypeIds)
            if (isUuid(id))
                quoted << "'" + q(id) + "'";
        typeFilter = " AND ticket_type_id IN (" + quoted.join(',') + ")";
    }
    QSqlQuery query("SELECT count(*) FROM tickets WHERE status = 'valid'" + typeFilter, database);
    counts.expected = query.next() ? query.value(0).toInt() : 0;
    query.prepare(
        "SELECT count(DISTINCT ticket_id) FROM (SELECT ticket_id FROM scans WHERE list_id = ? AND kind = 'entry' AND annulled = 0 "
        "UNION SELECT ticket_id FROM queue WHERE list_id = ? AND kind = 'entry' AND local_result = 'ok' AND annulled = 0)");
    query.addBindValue(q(list->id));
    query.addBindValue(q(list->id));
    counts.checkedIn = query.exec() && query.next() ? query.value(0).toInt() : 0;
    query.prepare(
        "SELECT (SELECT count(*) FROM scans WHERE list_id = ? AND annulled = 0 AND kind = 'entry') - "
        "(SELECT count(*) FROM scans WHERE list_id = ? AND annulled = 0 AND kind = 'exit') + "
        "(SELECT count(*) FROM queue WHERE list_id = ? AND annulled = 0 AND local_result = 'ok' AND kind = 'entry') - "
        "(SELECT count(*) FROM queue WHERE list_id = ? AND annulled = 0 AND local_result = 'ok' AND kind = 'exit')");
    for (int i = 0; i < 4; ++i)
        query.addBindValue(q(list->id));
    counts.inside = query.exec() && query.next() ? std::max(0, query.value(0).toInt()) : 0;
    return counts;
}

bool DoorStore::reset()
{
    bool ok = true;
    for (const char* table : {"meta", "public_keys", "ticket_types", "tickets", "revoked_codes", "scans", "queue"})
        ok = exec(QString("DELETE FROM ") + table) && ok;
    return ok;
}

} // namespace sbor::kiosk
