#include "tickettyperepository.h"

#include "db/sqlfragments.h"

#include <pqxx/pqxx>

namespace sbor::tickets {
namespace {

using db::rfc3339Sql;

std::string columns(bool withSold = true)
{
    return "t.id::text, t.event_id::text, t.name, t.price, t.currency, t.quota, " +
        std::string(
               withSold
                   ? "(SELECT coalesce(sum(sold), 0)::int FROM tickets.quota_shards s WHERE s.ticket_type_id = t.id), "
                   : "0, ") +
        rfc3339Sql("t.sales_start") + ", " + rfc3339Sql("t.sales_end") +
        ", t.min_per_order, t.max_per_order, t.active, t.version, " + rfc3339Sql("t.created_at") + ", " +
        rfc3339Sql("t.updated_at");
}

TicketType typeFrom(const pqxx::row& row)
{
    TicketType type;
    type.id = row[0].as<std::string>();
    type.eventId = row[1].as<std::string>();
    type.name = row[2].as<std::string>();
    type.price = row[3].as<std::int64_t>();
    type.currency = row[4].as<std::string>();
    type.quota = row[5].as<int>();
    type.sold = row[6].as<int>();
    type.salesStart = row[7].as<std::string>();
    type.salesEnd = row[8].as<std::string>();
    type.minPerOrder = row[9].as<int>();
    type.maxPerOrder = row[10].as<int>();
    type.active = row[11].as<bool>();
    type.version = row[12].as<int>();
    type.createdAt = row[13].as<std::string>();
    type.updatedAt = row[14].as<std::string>();
    return type;
}

} // namespace

TicketType TicketTypeRepository::insert(const std::string& eventId, const TicketTypeDraft& draft)
{
    const std::string id =
        m_tx.sql()
            .exec_params1(
                // The insert's own moment, not the transaction's: types made together (a copied
                // event's) keep the order they were made in.
                "INSERT INTO tickets.ticket_types (event_id, name, price, currency, quota, sales_start, sales_end, "
                "min_per_order, max_per_order, active, created_at, updated_at) VALUES ($1::uuid, $2, $3, $4, $5, "
                "$6::timestamptz, $7::timestamptz, $8, $9, $10, clock_timestamp(), clock_timestamp()) "
                "RETURNING id::text",
                eventId, draft.name, draft.price, draft.currency, draft.quota, draft.salesStart, draft.salesEnd,
                draft.minPerOrder, draft.maxPerOrder, draft.active)[0]
            .as<std::string>();
    m_tx.sql().exec_params("INSERT INTO tickets.quota_shards (ticket_type_id, shard, capacity) "
                           "SELECT $1::uuid, shard, 0 FROM generate_series(0, $2 - 1) AS shard",
                           id, kQuotaShards);
    distributeQuota(id, draft.quota);
    return *find(id);
}

std::optional<TicketType> TicketTypeRepository::find(const std::string& id, bool lock)
{
    const pqxx::result rows =
        // NO KEY UPDATE: buyers' order lines reference the type (FOR KEY SHARE) and must not wait.
        m_tx.sql().exec_params("SELECT " + columns() + " FROM tickets.ticket_types t WHERE t.id = $1::uuid" +
                                   (lock ? " FOR NO KEY UPDATE" : ""),
                               id);
    if (rows.empty())
        return std::nullopt;
    return typeFrom(rows[0]);
}

std::optional<TicketType> TicketTypeRepository::findForSale(const std::string& id)
{
    // FOR KEY SHARE (the lock the order line's foreign key takes anyway, taken earlier): taking a
    // type off sale locks it FOR UPDATE, so it waits for every order that read it as on sale, and
    // orders after it read it off sale.
    const pqxx::result rows = m_tx.sql().exec_params(
        "SELECT " + columns(false) + " FROM tickets.ticket_types t WHERE t.id = $1::uuid FOR KEY SHARE", id);
    if (rows.empty())
        return std::nullopt;
    return typeFrom(rows[0]);
}

std::vector<TicketType> TicketTypeRepository::listForEvent(const std::string& eventId, bool activeOnly)
{
    std::vector<TicketType> types;
    for (const auto& row :
         m_tx.sql().exec_params("SELECT " + columns() +
                                    " FROM tickets.ticket_types t WHERE t.event_id = $1::uuid AND (NOT $2 OR t.active) "
                                    "ORDER BY t.created_at, t.id",
                                eventId, activeOnly))
        types.push_back(typeFrom(row));
    return types;
}

TicketType TicketTypeRepository::update(const std::string& id, const TicketTypeChanges& changes)
{
    const auto text = [](const std::optional<std::string>& value) { return value ? value->c_str() : nullptr; };
    const auto number = [](const auto& value) { return value ? std::to_string(*value) : std::string(); };
    m_tx.sql().exec_params(
        "UPDATE tickets.ticket_types SET name = coalesce($2, name), price = coalesce(NULLIF($3, '')::bigint, price), "
        "currency = coalesce($4, currency), quota = coalesce(NULLIF($5, '')::int, quota), "
        "sales_start = coalesce($6::timestamptz, sales_start), sales_end = coalesce($7::timestamptz, sales_end), "
        "min_per_order = coalesce(NULLIF($8, '')::int, min_per_order), max_per_order = coalesce(NULLIF($9, '')::int, max_per_order), "
        "active = coalesce(NULLIF($10, '')::boolean, active), version = version + 1, updated_at = now() WHERE id = $1::uuid",
        id, text(changes.name), number(changes.price), text(changes.currency), number(changes.quota),
        text(changes.salesStart), text(changes.salesEnd), number(changes.minPerOrder), number(changes.maxPerOrder),
        changes.active ? (*changes.active ? "true" : "false") : "");
    if (changes.quota)
        distributeQuota(id, *changes.quota);
    return *find(id);
}

int TicketTypeRepository::lockShardsAndCountSold(const std::string& id)
{
    int sold = 0;
    for (const auto& row : m_tx.sql().exec_params(
             "SELECT sold FROM tickets.quota_shards WHERE ticket_type_id = $1::uuid ORDER BY shard FOR UPDATE", id))
        sold += row[0].as<int>();
    return sold;
}

int TicketTypeRepository::activeCount(const std::string& eventId)
{
    return m_tx.sql()
        .exec_params1("SELECT count(*)::int FROM tickets.ticket_types WHERE event_id = $1::uuid AND active", eventId)[0]
        .as<int>();
}

void TicketTypeRepository::distributeQuota(const std::string& id, int quota)
{
    // Shards are locked in order (the same order purchases use), so this never deadlocks.
    const pqxx::result shards = m_tx.sql().exec_params(
        "SELECT shard, sold FROM tickets.quota_shards WHERE ticket_type_id = $1::uuid ORDER BY shard FOR UPDATE", id);
    int sold = 0;
    for (const auto& row : shards)
        sold += row[1].as<int>();
    const int left = std::max(0, quota - sold);
    const int count = static_cast<int>(shards.size());
    for (int i = 0; i < count; ++i) {
        const int share = left / count + (i < left % count ? 1 : 0);
        m_tx.sql().exec_params(
            "UPDATE tickets.quota_shards SET capacity = sold + $3 WHERE ticket_type_id = $1::uuid AND shard = $2", id,
            shards[i][0].as<int>(), share);
    }
}

void TicketTypeRepository::deactivateAllOfEvent(const std::string& eventId)
{
    // In id order, the order buyers take them in (see findForSale).
    m_tx.sql().exec_params("SELECT id FROM tickets.ticket_types WHERE event_id = $1::uuid ORDER BY id FOR UPDATE",
                           eventId);
    m_tx.sql().exec_params(
        "UPDATE tickets.ticket_types SET active = false, version = version + 1, updated_at = now() WHERE event_id = $1::uuid AND active",
        eventId);
}

} // namespace sbor::tickets
