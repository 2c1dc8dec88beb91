// The outbox relay against a real PostgreSQL and the in-process bus: committed rows go out in
// order with the §4 envelope and are marked sent; a bus that refuses leaves them for later; two
// relays on one schema (two processes) never send a row twice or out of order.
#include "bus/inbox.h"
#include "bus/inprocessbus.h"
#include "bus/outboxrelay.h"
#include "db/connectionpool.h"
#include "outbox/outbox.h"
#include "testdatabase.h"

#include <pqxx/pqxx>
#include <QtTest>

#include <thread>

#include <future>
#include <mutex>

using namespace sbor;
using namespace sbor::test;

namespace {

// The bus being down (a broker unreachable): it takes nothing.
class UnreachableBus : public bus::Bus {
public:
    bool publish(const std::vector<bus::Message>&) override { return false; }
    void subscribe(const std::string&, const std::vector<std::string>&, bus::Handler, bus::Delivery) override {}
    void stop() override {}
};

struct Received {
    std::mutex mutex;
    std::vector<bus::Message> messages;
    std::size_t size()
    {
        std::lock_guard lock(mutex);
        return messages.size();
    }
};

} // namespace

class TestOutboxRelay : public QObject {
    Q_OBJECT
private slots:
    void initTestCase()
    {
        QVERIFY2(m_database.valid(), m_database.problem().c_str());
        m_database.query("CREATE SCHEMA shop; " + outbox::createOutboxSql("shop") + "; SELECT 1");
    }

    void committedRowsGoOutInOrderOnce()
    {
        db::ConnectionPool pool(db::PoolOptions{m_database.connectionString(), 4});
        append(pool, 3, "first");
        append(pool, 2, "second");
        bus::InProcessBus eventBus;
        Received received;
        subscribe(eventBus, received);
        bus::OutboxRelay relay(pool, "shop", eventBus);
        QCOMPARE(relay.relayOnce(), 5);
        QTRY_COMPARE(received.size(), std::size_t(5));
        for (std::size_t i = 0; i < received.messages.size(); ++i) {
            const auto& message = received.messages[i];
            QCOMPARE(message.topic, std::string("orders"));
            const auto envelope = nlohmann::json::parse(message.payload);
            QCOMPARE(envelope["id"].get<std::string>(), message.id);
            QCOMPARE(envelope["type"].get<std::string>(), std::string("order.created"));
            QCOMPARE(envelope["producer"].get<std::string>(), std::string("shop"));
            QCOMPARE(envelope["trace_id"].get<std::string>(), std::string(i < 3 ? "first" : "second"));
            QCOMPARE(envelope["data"]["n"].get<int>(), static_cast<int>(i < 3 ? i : i - 3));
            QVERIFY(envelope.contains("occurred_at"));
        }
        // Handled, so confirmed: the next round marks them sent, and sends nothing twice.
        QCOMPARE(relay.relayOnce(), 0);
        QCOMPARE(m_database.query("SELECT count(*) FROM shop.outbox WHERE published_at IS NULL"), std::string("0"));
        QCOMPARE(relay.inFlight(), std::size_t(0));
        QCOMPARE(relay.relayOnce(), 0);
        QCOMPARE(received.size(), std::size_t(5));
        eventBus.stop();
        m_database.query("DELETE FROM shop.outbox RETURNING 1");
    }

    void aSlowConsumerHoldsNothingUp()
    {
        // One consumer that must see everything is stuck; the live one gets every new row anyway,
        // and nothing is marked sent until the stuck one handled it.
        db::ConnectionPool pool(db::PoolOptions{m_database.connectionString(), 4});
        bus::InProcessBus eventBus;
        std::atomic<bool> stuck = true;
        std::atomic<int> durable = 0;
        eventBus.subscribe("slow", {"orders"}, [&](const bus::Message&) {
            while (stuck)
                std::this_thread::sleep_for(std::chrono::milliseconds(5));
            ++durable;
            return true;
        });
        Received live;
        eventBus.subscribe(
            "live", {"orders"},
            [&](const bus::Message& message) {
                std::lock_guard lock(live.mutex);
                live.messages.push_back(message);
                return true;
            },
            bus::Delivery::Live);
        bus::OutboxRelay relay(pool, "shop", eventBus);
        append(pool, 2, "a");
        QCOMPARE(relay.relayOnce(), 2);
        append(pool, 3, "b");
        QCOMPARE(relay.relayOnce(), 3); // not held up by the first batch
        QTRY_COMPARE(live.size(), std::size_t(5));
        QCOMPARE(relay.relayOnce(), 0); // in flight: not sent again
        QCOMPARE(relay.inFlight(), std::size_t(5));
        QCOMPARE(m_database.query("SELECT count(*) FROM shop.outbox WHERE published_at IS NULL"), std::string("5"));
        stuck = false;
        QTRY_COMPARE(durable.load(), 5);
        QTRY_VERIFY((relay.relayOnce(),
                     m_database.query("SELECT count(*) FROM shop.outbox WHERE published_at IS NULL") == "0"));
        QCOMPARE(live.size(), std::size_t(5));
        eventBus.stop();
        m_database.query("DELETE FROM shop.outbox RETURNING 1");
    }

    void anUnreachableBusLosesNothing()
    {
        db::ConnectionPool pool(db::PoolOptions{m_database.connectionString(), 2});
        append(pool, 4, "down");
        UnreachableBus down;
        bus::OutboxRelay refused(pool, "shop", down);
        QCOMPARE(refused.relayOnce(), 0);
        QCOMPARE(refused.relayOnce(), 0); // backing off
        QCOMPARE(m_database.query("SELECT count(*) FROM shop.outbox WHERE published_at IS NULL"), std::string("4"));
        // The bus is back (here: another process's relay with a working bus).
        bus::InProcessBus eventBus;
        Received received;
        subscribe(eventBus, received);
        bus::OutboxRelay relay(pool, "shop", eventBus);
        QCOMPARE(relay.relayOnce(), 4);
        QTRY_COMPARE(received.size(), std::size_t(4));
        eventBus.stop();
        m_database.query("DELETE FROM shop.outbox RETURNING 1");
    }

    void twoRelaysNeverSendARowTwice()
    {
        db::ConnectionPool pool(db::PoolOptions{m_database.connectionString(), 6});
        bus::InProcessBus eventBus;
        Received received;
        subscribe(eventBus, received);
        bus::OutboxRelay first(pool, "shop", eventBus), second(pool, "shop", eventBus);
        std::atomic<bool> writing = true;
        auto writer = std::async(std::launch::async, [&] {
            for (int i = 0; i < 40; ++i)
                append(pool, 5, "w" + std::to_string(i));
            writing = false;
        });
        auto relayUntilDone = [&](bus::OutboxRelay& relay) {
            int sent = 0;
            while (writing || m_database.query("SELECT count(*) FROM shop.outbox WHERE published_at IS NULL") != "0")
                sent += relay.relayOnce(7);
            return sent;
        };
        auto a = std::async(std::launch::async, relayUntilDone, std::ref(first));
        auto b = std::async(std::launch::async, relayUntilDone, std::ref(second));
        writer.get();
        QCOMPARE(a.get() + b.get(), 200);
        QTRY_COMPARE(received.size(), std::size_t(200));
        // In commit order: the payload counters of each writer transaction ascend, transactions in turn.
        std::vector<std::string> ids;
        for (const auto& message : received.messages)
            ids.push_back(message.id);
        std::vector<std::string> sequenceOrder;
        const std::string listed = m_database.query(
            "SELECT string_agg(id::text, ',' ORDER BY sequence) FROM shop.outbox");
        QCOMPARE(QString::fromStdString(listed).split(',').size(), 200);
        std::string joined;
        for (std::size_t i = 0; i < ids.size(); ++i)
            joined += (i ? "," : "") + ids[i];
        QCOMPARE(joined, listed);
        eventBus.stop();
        m_database.query("DELETE FROM shop.outbox RETURNING 1");
    }

    void aConsumerWithAnInboxHandlesEachMessageOnce()
    {
        // Relayed twice (a crash between publishing and marking sent), consumed once.
        db::ConnectionPool pool(db::PoolOptions{m_database.connectionString(), 4});
        m_database.query(bus::createInboxSql("shop") +
                         "; CREATE TABLE shop.effects (message_id uuid, n int); SELECT 1");
        append(pool, 3, "inbox");
        bus::InProcessBus eventBus;
        std::atomic<int> deliveries = 0;
        eventBus.subscribe("effects", {"orders"}, [&](const bus::Message& message) {
            ++deliveries;
            pool.transact([&](db::Transaction& tx) {
                if (bus::firstDelivery(tx, "shop", message.id))
                    tx.sql().exec_params("INSERT INTO shop.effects VALUES ($1::uuid, $2)", message.id,
                                         nlohmann::json::parse(message.payload)["data"]["n"].get<int>());
            });
            return true;
        });
        bus::OutboxRelay relay(pool, "shop", eventBus);
        QCOMPARE(relay.relayOnce(), 3);
        QTRY_COMPARE(deliveries.load(), 3);
        // Confirmed by the consumer: the next round marks them sent.
        QTRY_VERIFY((relay.relayOnce(),
                     m_database.query("SELECT count(*) FROM shop.outbox WHERE published_at IS NULL") == "0"));
        QCOMPARE(relay.inFlight(), std::size_t(0));
        m_database.query("UPDATE shop.outbox SET published_at = NULL RETURNING 1"); // the mark was lost
        QCOMPARE(relay.relayOnce(), 3);
        QTRY_COMPARE(deliveries.load(), 6);
        QCOMPARE(m_database.query("SELECT count(*) FROM shop.effects"), std::string("3"));
        QCOMPARE(m_database.query("SELECT count(DISTINCT message_id) FROM shop.effects"), std::string("3"));
        eventBus.stop();
    }

private:
    void append(db::ConnectionPool& pool, int count, const std::string& traceId)
    {
        pool.transact([&](db::Transaction& tx) {
            for (int i = 0; i < count; ++i)
                outbox::append(tx, "shop", {"order", "order-" + traceId, "order.created", {{"n", i}}, traceId});
        });
    }

    static void subscribe(bus::InProcessBus& eventBus, Received& received)
    {
        eventBus.subscribe("test", {"orders"}, [&received](const bus::Message& message) {
            std::lock_guard lock(received.mutex);
            received.messages.push_back(message);
            return true;
        });
    }

    TestDatabase m_database;
};

QTEST_GUILESS_MAIN(TestOutboxRelay)
#include "test_outboxrelay.moc"
