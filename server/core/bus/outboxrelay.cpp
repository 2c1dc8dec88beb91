#include "bus/outboxrelay.h"

#include "db/sqlfragments.h"
#include "log/logger.h"
#include "outbox/outbox.h"

#include <algorithm>

namespace sbor::bus {
namespace {
constexpr auto kLongestPause = std::chrono::seconds(30);
}

int OutboxRelay::relayOnce(int batch)
{
    const auto now = std::chrono::steady_clock::now();
    if (now < m_pausedUntil)
        return 0;
    const auto sent = m_database.run([&](pqxx::connection& connection) -> std::optional<int> {
        pqxx::work tx(connection);
        // One relay per schema across every process, held for this round only.
        if (!tx.exec_params1("SELECT pg_try_advisory_xact_lock(hashtext($1))", "sbor.outbox-relay." + m_schema)[0].as<bool>())
            return 0;
        const pqxx::result rows = tx.exec_params("SELECT id::text, aggregatetype, aggregateid, type, payload::text, COALESCE(trace_id, ''), " +
                                                     db::rfc3339Sql("occurred_at") + " FROM " + m_schema +
                                                     ".outbox WHERE published_at IS NULL ORDER BY sequence LIMIT $1",
                                                 batch);
        if (rows.empty())
            return 0;
        std::vector<Message> messages;
        std::string ids = "{";
        for (const auto& row : rows) {
            Message message;
            message.id = row[0].as<std::string>();
            message.topic = topicOf(row[1].as<std::string>());
            message.key = row[2].as<std::string>();
            message.type = row[3].as<std::string>();
            message.payload = outbox::envelope(message.id, message.type, row[6].as<std::string>(), m_schema, row[5].as<std::string>(),
                                               nlohmann::json::parse(row[4].as<std::string>()))
                                  .dump();
            ids += (messages.empty() ? "" : ",") + message.id;
            messages.push_back(std::move(message));
        }
        ids += "}";
        if (!m_bus.publish(messages))
            return std::nullopt; // nothing marked: the same rows go out next time
        tx.exec_params("UPDATE " + m_schema + ".outbox SET published_at = now() WHERE id = ANY ($1::uuid[])", ids);
        tx.commit();
        return static_cast<int>(messages.size());
    });
    if (!sent) {
        ++m_failures;
        const auto pause = std::min<std::chrono::steady_clock::duration>(std::chrono::milliseconds(100LL << std::min(m_failures, 10)), kLongestPause);
        m_pausedUntil = now + pause;
        log::warn("the bus refused the outbox; retrying later",
                  {{"schema", m_schema}, {"failures", m_failures}, {"pause_ms", std::chrono::duration_cast<std::chrono::milliseconds>(pause).count()}});
        return 0;
    }
    m_failures = 0;
    return *sent;
}

} // namespace sbor::bus
