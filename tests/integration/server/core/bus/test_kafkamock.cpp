// The suite's Kafka — librdkafka's mock cluster in its own process (fixture "kafka") — spoken to
// over TCP by a bare librdkafka producer and consumer, the way the Kafka bus will: an idempotent
// producer with acks=all, a consumer group storing offsets only after handling. Per key, order
// holds; nothing is lost.
#include <librdkafka/rdkafka.h>

#include <QtTest>

#include <fstream>
#include <map>
#include <string>

namespace {

std::string bootstrap()
{
    std::ifstream in(qEnvironmentVariable("SBOR_TEST_KAFKA_DIR").toStdString() + "/bootstrap");
    std::string address;
    std::getline(in, address);
    return address;
}

bool set(rd_kafka_conf_t* conf, const char* name, const std::string& value)
{
    char error[512];
    return rd_kafka_conf_set(conf, name, value.c_str(), error, sizeof error) == RD_KAFKA_CONF_OK;
}

void countDelivery(rd_kafka_t*, const rd_kafka_message_t* message, void* opaque)
{
    auto* failures = static_cast<int*>(opaque);
    if (message->err)
        ++*failures;
}

} // namespace

class TestKafkaMock : public QObject {
    Q_OBJECT
private slots:
    void producerAndConsumerGroupRoundTrip()
    {
        const std::string brokers = bootstrap();
        QVERIFY2(!brokers.empty(), "the kafka fixture wrote no bootstrap address");
        char error[512];
        int failures = 0;

        rd_kafka_conf_t* producerConf = rd_kafka_conf_new();
        QVERIFY(set(producerConf, "bootstrap.servers", brokers));
        QVERIFY(set(producerConf, "enable.idempotence", "true"));
        QVERIFY(set(producerConf, "acks", "all"));
        rd_kafka_conf_set_dr_msg_cb(producerConf, countDelivery);
        rd_kafka_conf_set_opaque(producerConf, &failures);
        rd_kafka_t* producer = rd_kafka_new(RD_KAFKA_PRODUCER, producerConf, error, sizeof error);
        QVERIFY2(producer, error);
        const int perKey = 30, keys = 10;
        for (int i = 0; i < perKey; ++i) {
            for (int k = 0; k < keys; ++k) {
                const std::string key = "k" + std::to_string(k), value = std::to_string(i);
                QCOMPARE(rd_kafka_producev(producer, RD_KAFKA_V_TOPIC("sbor.selftest"),
                                           RD_KAFKA_V_KEY(key.data(), key.size()),
                                           RD_KAFKA_V_VALUE(const_cast<char*>(value.data()), value.size()),
                                           RD_KAFKA_V_MSGFLAGS(RD_KAFKA_MSG_F_COPY), RD_KAFKA_V_END),
                         RD_KAFKA_RESP_ERR_NO_ERROR);
            }
            rd_kafka_poll(producer, 0);
        }
        QCOMPARE(rd_kafka_flush(producer, 20000), RD_KAFKA_RESP_ERR_NO_ERROR);
        QCOMPARE(failures, 0);
        rd_kafka_destroy(producer);

        rd_kafka_conf_t* consumerConf = rd_kafka_conf_new();
        QVERIFY(set(consumerConf, "bootstrap.servers", brokers));
        QVERIFY(set(consumerConf, "group.id", "selftest-" + std::to_string(QDateTime::currentMSecsSinceEpoch())));
        QVERIFY(set(consumerConf, "auto.offset.reset", "earliest"));
        QVERIFY(set(consumerConf, "session.timeout.ms", "6000")); // architecture.md §10
        QVERIFY(set(consumerConf, "enable.auto.offset.store", "false"));
        rd_kafka_t* consumer = rd_kafka_new(RD_KAFKA_CONSUMER, consumerConf, error, sizeof error);
        QVERIFY2(consumer, error);
        rd_kafka_poll_set_consumer(consumer);
        rd_kafka_topic_partition_list_t* topics = rd_kafka_topic_partition_list_new(1);
        rd_kafka_topic_partition_list_add(topics, "sbor.selftest", RD_KAFKA_PARTITION_UA);
        QCOMPARE(rd_kafka_subscribe(consumer, topics), RD_KAFKA_RESP_ERR_NO_ERROR);
        rd_kafka_topic_partition_list_destroy(topics);

        std::map<std::string, int> next;
        int received = 0, outOfOrder = 0;
        QElapsedTimer clock;
        clock.start();
        while (received < perKey * keys && clock.elapsed() < 60000) {
            rd_kafka_message_t* message = rd_kafka_consumer_poll(consumer, 200);
            if (!message)
                continue;
            if (!message->err) {
                const std::string key(static_cast<const char*>(message->key), message->key_len);
                const int value = std::stoi(std::string(static_cast<const char*>(message->payload), message->len));
                outOfOrder += value != next[key];
                next[key] = value + 1;
                ++received;
                // Handled: only now may the group's position move past it.
                rd_kafka_topic_partition_list_t* position = rd_kafka_topic_partition_list_new(1);
                rd_kafka_topic_partition_list_add(position, rd_kafka_topic_name(message->rkt), message->partition)
                    ->offset = message->offset + 1;
                QCOMPARE(rd_kafka_offsets_store(consumer, position), RD_KAFKA_RESP_ERR_NO_ERROR);
                rd_kafka_topic_partition_list_destroy(position);
            }
            rd_kafka_message_destroy(message);
        }
        rd_kafka_consumer_close(consumer);
        rd_kafka_destroy(consumer);
        QCOMPARE(received, perKey * keys);
        QCOMPARE(outOfOrder, 0);
    }
};

QTEST_GUILESS_MAIN(TestKafkaMock)
#include "test_kafkamock.moc"
