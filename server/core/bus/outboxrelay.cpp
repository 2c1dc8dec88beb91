#include "bus/outboxrelay.h"
#include "db/sqlvalues.h"

#include "db/sqlfragments.h"
#include "log/logger.h"
#include "outbox/outbox.h"

#include <algorithm>
#include <functional>
#include <map>

namespace sbor::bus {
namespace {
constexpr auto kLongestPause = std::chrono::seconds(30);
}

namespace {
constexpr std::size_t kMostInFlight = 20000; // beyond this a stuck consumer stops the relay, not memory

std::string selectUnsentSql(const std::string& schema)
{
    return "SELECT id::text, aggregatetype, aggregateid, type, payload::text, COALESCE(trace_id, ''), " +
        db::rfc3339Sql("occurred_at") + " FROM " + schema +
        ".outbox WHERE published_at IS NULL AND NOT (id = ANY ($2::uuid[])) ORDER BY sequence LIMIT $1";
}

Message messageOf(const pqxx::row& row, const std::string& schema)
{
    Message message;
    message.id = row[0].as<std::string>();
    message.topic = topicOf(row[1].as<std::string>());
    message.key = row[2].as<std::string>();
    message.type = row[3].as<std::string>();
    message.payload = outbox::envelope(message.id, message.type, row[6].as<std::string>(), schema,
                                       row[5].as<std::string>(), nlohmann::json::parse(row[4].as<std::string>()))
                          .dump();
    return message;
}

std::string idArrayOf(const std::vector<Message>& messages)
{
    std::vector<std::string> ids;
    for (const Message& message : messages)
        ids.push_back(message.id);
    return db::arrayLiteral(ids);
}
} // namespace

struct OutboxRelay::Flight {
    std::mutex mutex;
    std::set<std::string> inFlight;     // handed to the bus, not confirmed
    std::vector<std::string> confirmed; // confirmed, not yet marked sent
};

namespace {
std::shared_ptr<void> flightOf(const std::string& schema, const std::function<std::shared_ptr<void>()>& make)
{
    static std::mutex mutex;
    static std::map<std::string, std::weak_ptr<void>> flights;
    std::lock_guard lock(mutex);
    auto shared = flights[schema].lock();
    if (!shared) {
        shared = make();
        flights[schema] = shared;
    }
    return shared;
}
} // namespace

OutboxRelay::OutboxRelay(db::ConnectionPool& database, std::string schema, Bus& bus)
    : m_database(database),
      m_schema(std::move(schema)),
      m_bus(bus),
      m_flight(std::static_pointer_cast<Flight>(
          flightOf(m_schema, [] { return std::static_pointer_cast<void>(std::make_shared<Flight>()); })))
{}

std::size_t OutboxRelay::inFlight() const
{
    std::lock_guard lock(m_flight->mutex);
    return m_flight->inFlight.size();
}

int OutboxRelay::relayOnce(int batch)
{
    const auto now = std::chrono::steady_clock::now();
    if (now < m_pausedUntil)
        return 0;
    const auto sent = m_bus.handsBackLater() ? relayConfirmedLater(batch) : relayAcknowledged(batch);
    if (!sent) {
        ++m_failures;
        const auto pause = std::min<std::chrono::steady_clock::duration>(
            std::chrono::milliseconds(100LL << std::min(m_failures, 10)), kLongestPause);
        m_pausedUntil = now + pause;
        log::warn("the bus refused the outbox; retrying later",
                  {{"schema", m_schema},
                   {"failures", m_failures},
                   {"pause_ms", std::chrono::duration_cast<std::chrono::milliseconds>(pause).count()}});
        return 0;
    }
    m_failures = 0;
    return *sent;
}

std::optional<int> OutboxRelay::relayAcknowledged(int batch)
{
    return m_database.transact([&](db::Transaction& tx) -> std::optional<int> {
        // One relay per schema across every process, held for this round only.
        if (!tx.tryHoldLock("sbor.outbox-relay." + m_schema))
            return 0;
        std::vector<Message> messages;
        for (const auto& row : tx.sql().exec_params(selectUnsentSql(m_schema), batch, db::arrayLiteral({})))
            messages.push_back(messageOf(row, m_schema));
        if (messages.empty())
            return 0;
        if (!m_bus.publish(messages))
            return std::nullopt; // nothing marked: the same rows go out next time
        tx.sql().exec_params("UPDATE " + m_schema + ".outbox SET published_at = now() WHERE id = ANY ($1::uuid[])",
                             idArrayOf(messages));
        return static_cast<int>(messages.size());
    });
}

std::optional<int> OutboxRelay::relayConfirmedLater(int batch)
{
    std::vector<std::string> confirmed;
    try {
        return relayConfirmedLaterRound(batch, confirmed);
    } catch (...) {
        // Not marked after all: they stay confirmed (never sent again) for the next round.
        std::lock_guard lock(m_flight->mutex);
        m_flight->confirmed.insert(m_flight->confirmed.end(), confirmed.begin(), confirmed.end());
        throw;
    }
}

std::optional<int> OutboxRelay::relayConfirmedLaterRound(int batch, std::vector<std::string>& confirmed)
{
    return m_database.transact([&](db::Transaction& tx) -> std::optional<int> {
        if (!tx.tryHoldLock("sbor.outbox-relay." + m_schema))
            return 0;
        // What the consumers confirmed since the last round is marked sent first.
        std::vector<std::string> excluded;
        {
            std::lock_guard lock(m_flight->mutex);
            confirmed.swap(m_flight->confirmed);
            if (m_flight->inFlight.size() >= kMostInFlight && confirmed.empty())
                return 0;
            // Confirmed ids are not in flight any more but must not be selected either.
            excluded = confirmed;
            excluded.insert(excluded.end(), m_flight->inFlight.begin(), m_flight->inFlight.end());
        }
        if (!confirmed.empty())
            tx.sql().exec_params("UPDATE " + m_schema + ".outbox SET published_at = now() WHERE id = ANY ($1::uuid[])",
                                 db::arrayLiteral(confirmed));
        std::vector<Message> messages;
        for (const auto& row : tx.sql().exec_params(selectUnsentSql(m_schema), batch, db::arrayLiteral(excluded)))
            messages.push_back(messageOf(row, m_schema));
        if (!messages.empty()) {
            std::vector<std::string> ids;
            {
                std::lock_guard lock(m_flight->mutex);
                for (const auto& message : messages) {
                    m_flight->inFlight.insert(message.id);
                    ids.push_back(message.id);
                }
            }
            // Published under the lock, so two relays of the schema keep commit order; the
            // confirmation only moves ids (no database work on a consumer's thread).
            std::shared_ptr<Flight> flight = m_flight;
            const bool taken = m_bus.publishThen(messages, [flight, ids] {
                std::lock_guard lock(flight->mutex);
                for (const auto& id : ids) {
                    flight->inFlight.erase(id);
                    flight->confirmed.push_back(id);
                }
            });
            if (!taken) {
                std::lock_guard lock(m_flight->mutex);
                for (const auto& id : ids)
                    m_flight->inFlight.erase(id);
                tx.commit(); // the confirmed marks still count
                return std::nullopt;
            }
        }
        return static_cast<int>(messages.size());
    });
}

} // namespace sbor::bus
