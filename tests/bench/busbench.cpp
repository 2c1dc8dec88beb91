// Bus throughput benchmark (issue 5): events per second from outbox commit to consumer, through
// Sbor's relay and bus — over Kafka (librdkafka's mock cluster) and in-process — next to the
// ceiling measured in the same run: a bare librdkafka idempotent producer (acks=all) and a
// consumer group on the same mock cluster, with no database. Prints a table.
//
//   sbor-bus-bench --db URL --brokers HOST:PORT [--messages 20000] [--out FILE]
// (tests/bench/bus-bench.sh starts a private PostgreSQL and the mock cluster and runs this.)
#include "bus/inbox.h"
#include "bus/inprocessbus.h"
#include "bus/kafkabus.h"
#include "bus/outboxrelay.h"
#include "db/connectionpool.h"
#include "outbox/outbox.h"

#include <pqxx/pqxx>
#include <librdkafka/rdkafka.h>

#include <atomic>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <string>
#include <thread>
#include <vector>

using namespace sbor;
using Clock = std::chrono::steady_clock;

namespace {

std::string payloadOf(int i)
{
    // About the size of a ticket.purchased envelope.
    return nlohmann::json{{"ticket_id", "8d3c6e9a-0000-4000-8000-" + std::to_string(100000000000 + i)},
                          {"order_id", "5b1f2a7c-0000-4000-8000-000000000001"},
                          {"event_id", "0f9e8d7c-0000-4000-8000-000000000002"},
                          {"holder_name", "Анна Петрова"},
                          {"holder_email", "anna@example.org"},
                          {"n", i}}
        .dump();
}

double seconds(Clock::duration d) { return std::chrono::duration<double>(d).count(); }

void set(rd_kafka_conf_t* conf, const char* name, const std::string& value)
{
    char error[256];
    if (rd_kafka_conf_set(conf, name, value.c_str(), error, sizeof error) != RD_KAFKA_CONF_OK) {
        std::fprintf(stderr, "%s: %s\n", name, error);
        std::exit(1);
    }
}

// The ceiling: produce `count` messages and consume them in a group, nothing else.
double barePair(const std::string& brokers, int count)
{
    rd_kafka_conf_t* consumerConf = rd_kafka_conf_new();
    set(consumerConf, "bootstrap.servers", brokers);
    set(consumerConf, "group.id", "bench-bare");
    set(consumerConf, "auto.offset.reset", "earliest");
    set(consumerConf, "session.timeout.ms", "6000");
    set(consumerConf, "enable.auto.offset.store", "false");
    char error[256];
    rd_kafka_t* consumer = rd_kafka_new(RD_KAFKA_CONSUMER, consumerConf, error, sizeof error);
    rd_kafka_poll_set_consumer(consumer);
    rd_kafka_topic_partition_list_t* topics = rd_kafka_topic_partition_list_new(1);
    rd_kafka_topic_partition_list_add(topics, "sbor.selftest", RD_KAFKA_PARTITION_UA);
    rd_kafka_subscribe(consumer, topics);
    rd_kafka_topic_partition_list_destroy(topics);
    std::atomic<int> consumed{0};
    std::atomic<bool> stop{false};
    std::thread reader([&] {
        while (!stop) {
            rd_kafka_message_t* message = rd_kafka_consumer_poll(consumer, 100);
            if (!message)
                continue;
            if (!message->err) {
                rd_kafka_topic_partition_list_t* offsets = rd_kafka_topic_partition_list_new(1);
                rd_kafka_topic_partition_list_add(offsets, rd_kafka_topic_name(message->rkt), message->partition)
                    ->offset = message->offset + 1;
                rd_kafka_offsets_store(consumer, offsets); // after handling, as Sbor's consumers do
                rd_kafka_topic_partition_list_destroy(offsets);
                ++consumed;
            }
            rd_kafka_message_destroy(message);
        }
    });
    // Let the group settle before the clock starts (the first join takes seconds on the mock).
    std::this_thread::sleep_for(std::chrono::seconds(4));

    rd_kafka_conf_t* producerConf = rd_kafka_conf_new();
    set(producerConf, "bootstrap.servers", brokers);
    set(producerConf, "enable.idempotence", "true");
    set(producerConf, "acks", "all");
    set(producerConf, "linger.ms", "5");
    rd_kafka_t* producer = rd_kafka_new(RD_KAFKA_PRODUCER, producerConf, error, sizeof error);
    const auto start = Clock::now();
    for (int i = 0; i < count; ++i) {
        const std::string payload = payloadOf(i), key = std::to_string(i % 64);
        while (rd_kafka_producev(producer, RD_KAFKA_V_TOPIC("sbor.selftest"), RD_KAFKA_V_KEY(key.data(), key.size()),
                                 RD_KAFKA_V_VALUE(const_cast<char*>(payload.data()), payload.size()),
                                 RD_KAFKA_V_MSGFLAGS(RD_KAFKA_MSG_F_COPY),
                                 RD_KAFKA_V_END) == RD_KAFKA_RESP_ERR__QUEUE_FULL)
            rd_kafka_poll(producer, 10);
        rd_kafka_poll(producer, 0);
    }
    rd_kafka_flush(producer, 60000);
    while (consumed < count && seconds(Clock::now() - start) < 120)
        std::this_thread::sleep_for(std::chrono::milliseconds(2));
    const double elapsed = seconds(Clock::now() - start);
    stop = true;
    reader.join();
    rd_kafka_consumer_close(consumer);
    rd_kafka_destroy(consumer);
    rd_kafka_destroy(producer);
    return consumed == count ? count / elapsed : 0;
}

// Sbor's path: rows committed to an outbox (100 per transaction), relayed, consumed through an
// inbox (each message recorded in the consumer's transaction, as services do).
double sborPath(db::ConnectionPool& pool, bus::Bus& eventBus, const std::string& group, int count,
                Clock::duration* commitTime, bool withInbox, const std::string& aggregate)
{
    pool.transact([&](db::Transaction& tx) {
        tx.sql().exec("DROP SCHEMA IF EXISTS benchbus CASCADE");
        tx.sql().exec("CREATE SCHEMA benchbus; " + outbox::createOutboxSql("benchbus"));
        tx.sql().exec(bus::createInboxSql("benchbus"));
    });
    std::atomic<int> handled{0};
    eventBus.subscribe(group, {bus::topicOf(aggregate)}, [&](const bus::Message& message) {
        if (withInbox) {
            pool.transact([&](db::Transaction& tx) { bus::firstDelivery(tx, "benchbus", message.id); });
        }
        ++handled;
        return true;
    });
    std::this_thread::sleep_for(std::chrono::seconds(4)); // the consumer group settles (Kafka)
    bus::OutboxRelay relay(pool, "benchbus", eventBus);
    std::atomic<bool> writing{true};
    const auto start = Clock::now();
    std::thread relayThread([&] {
        while (writing || handled < count) {
            if (relay.relayOnce(500) == 0)
                std::this_thread::sleep_for(std::chrono::milliseconds(1));
        }
    });
    // Four writers, as request threads of services write side by side.
    std::vector<std::thread> writers;
    for (int w = 0; w < 4; ++w) {
        writers.emplace_back([&, w] {
            for (int i = w * 100; i < count; i += 400) {
                pool.transact([&](db::Transaction& tx) {
                    for (int j = i; j < std::min(count, i + 100); ++j)
                        outbox::append(tx, "benchbus",
                                       {aggregate, std::to_string(j % 64), aggregate + ".created",
                                        nlohmann::json::parse(payloadOf(j)), "bench"});
                });
            }
        });
    }
    for (auto& writer : writers)
        writer.join();
    *commitTime = Clock::now() - start;
    writing = false;
    while (handled < count && seconds(Clock::now() - start) < 300)
        std::this_thread::sleep_for(std::chrono::milliseconds(2));
    const double elapsed = seconds(Clock::now() - start);
    relayThread.join();
    eventBus.stop();
    return handled == count ? count / elapsed : 0;
}

} // namespace

int main(int argc, char** argv)
{
    std::string databaseUrl, brokers, out;
    int count = 20000;
    for (int i = 1; i + 1 < argc; i += 2) {
        if (!std::strcmp(argv[i], "--db"))
            databaseUrl = argv[i + 1];
        else if (!std::strcmp(argv[i], "--brokers"))
            brokers = argv[i + 1];
        else if (!std::strcmp(argv[i], "--messages"))
            count = std::atoi(argv[i + 1]);
        else if (!std::strcmp(argv[i], "--out"))
            out = argv[i + 1];
    }
    if (databaseUrl.empty() || brokers.empty()) {
        std::fprintf(stderr, "usage: sbor-bus-bench --db URL --brokers HOST:PORT [--messages N] [--out FILE]\n");
        return 2;
    }
    db::ConnectionPool pool({databaseUrl, 8});
    const double bare = barePair(brokers, count);
    Clock::duration kafkaCommit{}, inProcessCommit{}, unused{};
    double kafka = 0, inProcess = 0, kafkaBare = 0;
    {
        bus::KafkaBus kafkaBus(bus::KafkaSettings{brokers, 6000});
        kafkaBare = sborPath(pool, kafkaBus, "bench-sbor-counting", count, &unused, false, "order");
    }
    {
        bus::KafkaBus kafkaBus(bus::KafkaSettings{brokers, 6000});
        kafka = sborPath(pool, kafkaBus, "bench-sbor", count, &kafkaCommit, true, "payment");
    }
    {
        bus::InProcessBus inProcessBus;
        inProcess = sborPath(pool, inProcessBus, "bench-inprocess", count, &inProcessCommit, true, "ticket");
    }
    std::printf("\nbus throughput, %d messages of ~330 bytes, keys over 64 aggregates\n\n", count);
    std::printf("%-58s %12s %10s\n", "path", "events/s", "vs bare");
    std::printf("%-58s %12s %10s\n", "----------------------------------------------------------", "--------",
                "-------");
    std::printf("%-58s %12.0f %10.2f\n", "bare librdkafka: idempotent producer -> consumer group", bare, 1.0);
    std::printf("%-58s %12.0f %10.2f\n", "sbor: outbox commit -> relay -> Kafka -> counting consumer", kafkaBare,
                bare > 0 ? kafkaBare / bare : 0);
    std::printf("%-58s %12.0f %10.2f\n", "sbor: outbox commit -> relay -> Kafka -> consumer (inbox)", kafka,
                bare > 0 ? kafka / bare : 0);
    std::printf("%-58s %12.0f %10.2f\n", "sbor: outbox commit -> relay -> in-process -> consumer", inProcess,
                bare > 0 ? inProcess / bare : 0);
    std::printf("\noutbox commits alone took %.2f s (Kafka run) and %.2f s (in-process run)\n", seconds(kafkaCommit),
                seconds(inProcessCommit));
    if (!out.empty()) {
        std::ofstream file(out);
        file << nlohmann::json{{"messages", count},
                               {"bare_events_per_second", bare},
                               {"sbor_kafka_events_per_second", kafka},
                               {"sbor_kafka_counting_events_per_second", kafkaBare},
                               {"sbor_inprocess_events_per_second", inProcess}}
                    .dump(2);
    }
    return bare > 0 && kafka > 0 && inProcess > 0 && kafkaBare > 0 ? 0 : 1;
}
