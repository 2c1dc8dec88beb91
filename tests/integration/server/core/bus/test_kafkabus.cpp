// The outbox relay over Kafka (librdkafka against the mock cluster fixture, over TCP): committed
// rows reach a consumer group in order; a consumer that leaves and a new one in the same group
// carry on from the stored offsets; with an inbox, a batch relayed twice is handled once.
#include "bus/inbox.h"
#include "bus/kafkabus.h"
#include "bus/outboxrelay.h"
#include "db/connectionpool.h"
#include "outbox/outbox.h"
#include "authapi.h"
#include "httpclient.h"
#include "testdatabase.h"
#include "testserver.h"

#include <pqxx/pqxx>
#include <QtTest>

#include <fstream>
#include <atomic>
#include <memory>
#include <mutex>

using namespace sbor;
using namespace sbor::test;

namespace {

bus::KafkaSettings settings()
{
    std::ifstream in(qEnvironmentVariable("SBOR_TEST_KAFKA_DIR").toStdString() + "/bootstrap");
    bus::KafkaSettings kafka;
    std::getline(in, kafka.brokers);
    kafka.sessionTimeoutMs = 6000; // architecture.md §10: the mock cluster's group rejoin waits for it
    return kafka;
}

} // namespace

class TestKafkaBus : public QObject {
    Q_OBJECT
private slots:
    void initTestCase()
    {
        QVERIFY2(m_database.valid(), m_database.problem().c_str());
        m_database.query("CREATE SCHEMA shop; " + outbox::createOutboxSql("shop") + "; " + bus::createInboxSql("shop") +
                         "; CREATE TABLE shop.effects (message_id uuid, n int); SELECT 1");
        QVERIFY(!settings().brokers.empty());
    }

    void relayedRowsReachTheGroupOnceAndInOrder()
    {
        db::ConnectionPool pool(db::PoolOptions{m_database.connectionString(), 4});
        const std::string group = "effects-" + std::to_string(QDateTime::currentMSecsSinceEpoch());
        append(pool, 30);
        {
            bus::KafkaBus kafka(settings());
            subscribe(kafka, pool, group);
            bus::OutboxRelay relay(pool, "shop", kafka);
            QCOMPARE(relay.relayOnce(), 30);
            QTRY_COMPARE_WITH_TIMEOUT(count(), 30, 30000);
            // The mark was lost (a crash after publishing): the same rows go out again.
            m_database.query("UPDATE shop.outbox SET published_at = NULL RETURNING 1");
            QCOMPARE(relay.relayOnce(), 30);
            QTest::qWait(1500);
            QCOMPARE(count(), 30); // the inbox absorbed the duplicates
        }
        // A new consumer in the same group continues after the stored offsets.
        append(pool, 10);
        bus::KafkaBus kafka(settings());
        const auto deliveries = subscribe(kafka, pool, group);
        bus::OutboxRelay relay(pool, "shop", kafka);
        QCOMPARE(relay.relayOnce(), 10);
        QTRY_COMPARE_WITH_TIMEOUT(count(), 40, 30000);
        QTest::qWait(1000);
        QCOMPARE(deliveries->load(), 10); // not the first 60 again: the group's offsets were stored
        QCOMPARE(m_database.query("SELECT count(DISTINCT message_id) FROM shop.effects"), std::string("40"));
        // Per key (one aggregate here) in commit order.
        QCOMPARE(
            m_database.query(
                "SELECT bool_and(ordered) FROM (SELECT n >= lag(n, 1, -1) OVER (ORDER BY e.ctid) AS ordered FROM shop.effects e) o"),
            std::string("t"));
    }

    void aServerRelaysItsOutboxToKafka()
    {
        // sbor-server with kafka.brokers set: what a service commits reaches Kafka's topic, with
        // the envelope and the request's trace id.
        TestDatabase database;
        QVERIFY2(database.valid(), database.problem().c_str());
        auto server = TestServer::startOn(database.url(),
                                          {{"SBOR_KAFKA_BROKERS", QString::fromStdString(settings().brokers)}});
        QVERIFY(server);
        bus::KafkaBus kafka(settings());
        std::mutex mutex;
        std::vector<bus::Message> users;
        kafka.subscribe("watch-users-" + std::to_string(QDateTime::currentMSecsSinceEpoch()), {"users"},
                        [&](const bus::Message& message) {
                            std::lock_guard lock(mutex);
                            users.push_back(message);
                            return true;
                        });
        HttpClient client;
        AuthApi api(*server, client);
        const QString email = uniqueEmail("kafka");
        const auto registered = api.registerUser(email);
        QCOMPARE(registered.status, 201);
        const std::string traceId = registered.header("traceparent").split('-').value(1).toStdString();
        const std::string userId = registered.json().value("user").toObject().value("id").toString().toStdString();
        const auto found = [&] {
            std::lock_guard lock(mutex);
            for (const auto& message : users) {
                if (message.key == userId && message.type == "user.registered")
                    return message.payload;
            }
            return std::string();
        };
        QTRY_VERIFY2_WITH_TIMEOUT(!found().empty(), qPrintable(server->logs().right(2500)), 30000);
        const auto envelope = nlohmann::json::parse(found());
        QCOMPARE(envelope["producer"].get<std::string>(), std::string("auth"));
        QCOMPARE(envelope["trace_id"].get<std::string>(), traceId);
        QCOMPARE(envelope["data"]["user_id"].get<std::string>(), userId);
        QCOMPARE(server->stop(), 0);
    }

private:
    void append(db::ConnectionPool& pool, int count)
    {
        pool.transact([&](db::Transaction& tx) {
            const int start = std::stoi(tx.sql().exec1("SELECT count(*) FROM shop.outbox")[0].as<std::string>());
            for (int i = 0; i < count; ++i)
                outbox::append(tx, "shop", {"order", "order-1", "order.created", {{"n", start + i}}, "kafka-test"});
        });
    }

    // Returns how many messages the subscription has been handed.
    static std::shared_ptr<std::atomic<int>> subscribe(bus::KafkaBus& kafka, db::ConnectionPool& pool,
                                                       const std::string& group)
    {
        auto deliveries = std::make_shared<std::atomic<int>>(0);
        kafka.subscribe(group, {"orders"}, [&pool, deliveries](const bus::Message& message) {
            ++*deliveries;
            pool.transact([&](db::Transaction& tx) {
                if (bus::firstDelivery(tx, "shop", message.id))
                    tx.sql().exec_params("INSERT INTO shop.effects VALUES ($1::uuid, $2)", message.id,
                                         nlohmann::json::parse(message.payload)["data"]["n"].get<int>());
            });
            return true;
        });
        return deliveries;
    }

    int count() const { return std::stoi(m_database.query("SELECT count(*) FROM shop.effects")); }

    TestDatabase m_database;
};

QTEST_GUILESS_MAIN(TestKafkaBus)
#include "test_kafkabus.moc"
