#include "bus/kafkabus.h"

#include "log/logger.h"

#include <librdkafka/rdkafka.h>

#include <algorithm>
#include <chrono>
#include <stdexcept>

namespace sbor::bus {
namespace {

void set(rd_kafka_conf_t* conf, const char* name, const std::string& value)
{
    char error[512];
    if (rd_kafka_conf_set(conf, name, value.c_str(), error, sizeof error) != RD_KAFKA_CONF_OK)
        throw std::runtime_error(std::string("kafka setting ") + name + ": " + error);
}

struct BatchOutcome {
    int acknowledged = 0;
    int failed = 0;
};

void onDelivery(rd_kafka_t*, const rd_kafka_message_t* message, void*)
{
    auto* outcome = static_cast<BatchOutcome*>(message->_private);
    if (message->err)
        ++outcome->failed;
    else
        ++outcome->acknowledged;
}

} // namespace

struct KafkaBus::Consumer {
    std::string group;
    std::vector<std::string> topics;
    Handler handler;
    rd_kafka_t* kafka = nullptr;
    std::atomic<bool> stopping = false;
    std::atomic<bool> assigned = false; // has partitions of its topics
    std::thread worker;
};

KafkaBus::KafkaBus(KafkaSettings settings) : m_settings(std::move(settings))
{
    rd_kafka_conf_t* conf = rd_kafka_conf_new();
    set(conf, "bootstrap.servers", m_settings.brokers);
    set(conf, "enable.idempotence", "true");
    set(conf, "acks", "all");
    set(conf, "delivery.timeout.ms", std::to_string(m_settings.deliveryTimeoutMs));
    rd_kafka_conf_set_dr_msg_cb(conf, onDelivery);
    char error[512];
    m_producer = rd_kafka_new(RD_KAFKA_PRODUCER, conf, error, sizeof error);
    if (!m_producer)
        throw std::runtime_error(std::string("kafka producer: ") + error);
}

KafkaBus::~KafkaBus()
{
    stop();
    if (m_producer) {
        rd_kafka_flush(m_producer, 5000);
        rd_kafka_destroy(m_producer);
    }
}

bool KafkaBus::publish(const std::vector<Message>& messages)
{
    std::lock_guard lock(m_producerMutex);
    BatchOutcome outcome;
    int queued = 0;
    for (const auto& message : messages) {
        const rd_kafka_resp_err_t queuedError = rd_kafka_producev(
            m_producer, RD_KAFKA_V_TOPIC(message.topic.c_str()), RD_KAFKA_V_KEY(message.key.data(), message.key.size()),
            RD_KAFKA_V_VALUE(const_cast<char*>(message.payload.data()), message.payload.size()),
            RD_KAFKA_V_MSGFLAGS(RD_KAFKA_MSG_F_COPY),
            RD_KAFKA_V_HEADER("id", message.id.c_str(), static_cast<ssize_t>(message.id.size())),
            RD_KAFKA_V_HEADER("type", message.type.c_str(), static_cast<ssize_t>(message.type.size())),
            RD_KAFKA_V_OPAQUE(&outcome), RD_KAFKA_V_END);
        if (queuedError) {
            log::warn("kafka refused a message", {{"topic", message.topic}, {"error", rd_kafka_err2str(queuedError)}});
            break;
        }
        ++queued;
    }
    // All or nothing for the relay: wait for every acknowledgement of what was queued.
    const auto deadline = std::chrono::steady_clock::now() +
        std::chrono::milliseconds(m_settings.deliveryTimeoutMs + 1000);
    while (outcome.acknowledged + outcome.failed < queued && std::chrono::steady_clock::now() < deadline)
        rd_kafka_poll(m_producer, 50);
    if (outcome.acknowledged + outcome.failed < queued)
        rd_kafka_flush(m_producer, 1000); // callbacks must not outlive `outcome`
    return queued == static_cast<int>(messages.size()) && outcome.acknowledged == queued;
}

void KafkaBus::subscribe(const std::string& group, const std::vector<std::string>& topics, Handler handler,
                         Delivery delivery)
{
    rd_kafka_conf_t* conf = rd_kafka_conf_new();
    set(conf, "bootstrap.servers", m_settings.brokers);
    set(conf, "group.id", group);
    set(conf, "auto.offset.reset", delivery == Delivery::Live ? "latest" : "earliest");
    set(conf, "enable.auto.offset.store", "false"); // stored after the handler, below
    set(conf, "session.timeout.ms", std::to_string(m_settings.sessionTimeoutMs));
    char error[512];
    rd_kafka_t* kafka = rd_kafka_new(RD_KAFKA_CONSUMER, conf, error, sizeof error);
    if (!kafka)
        throw std::runtime_error(std::string("kafka consumer: ") + error);
    rd_kafka_poll_set_consumer(kafka);
    rd_kafka_topic_partition_list_t* list = rd_kafka_topic_partition_list_new(static_cast<int>(topics.size()));
    for (const auto& topic : topics)
        rd_kafka_topic_partition_list_add(list, topic.c_str(), RD_KAFKA_PARTITION_UA);
    rd_kafka_subscribe(kafka, list);
    rd_kafka_topic_partition_list_destroy(list);
    auto consumer = std::make_unique<Consumer>();
    consumer->group = group;
    consumer->topics = topics;
    consumer->handler = std::move(handler);
    consumer->kafka = kafka;
    Consumer* raw = consumer.get();
    raw->worker = std::thread([raw] { consume(*raw); });
    const std::lock_guard lock(m_consumersMutex);
    m_consumers.push_back(std::move(consumer));
}

std::vector<ConsumerState> KafkaBus::consumerStates() const
{
    std::vector<ConsumerState> states;
    const std::lock_guard lock(m_consumersMutex);
    for (const auto& consumer : m_consumers) {
        ConsumerState state{consumer->group, consumer->topics, std::nullopt};
        rd_kafka_topic_partition_list_t* assignment = nullptr;
        if (rd_kafka_assignment(consumer->kafka, &assignment) == RD_KAFKA_RESP_ERR_NO_ERROR && assignment) {
            // The position is the next offset to hand to the handler; the high watermark (as the
            // last fetch saw it) the next offset to be written: the lag is what lies between.
            if (rd_kafka_position(consumer->kafka, assignment) == RD_KAFKA_RESP_ERR_NO_ERROR) {
                for (int i = 0; i < assignment->cnt; ++i) {
                    const rd_kafka_topic_partition_t& partition = assignment->elems[i];
                    std::int64_t low = 0;
                    std::int64_t high = 0;
                    if (partition.offset < 0 ||
                        rd_kafka_get_watermark_offsets(consumer->kafka, partition.topic, partition.partition, &low,
                                                       &high) != RD_KAFKA_RESP_ERR_NO_ERROR ||
                        high < 0)
                        continue;
                    state.lag = state.lag.value_or(0) + std::max<std::int64_t>(0, high - partition.offset);
                }
            }
            rd_kafka_topic_partition_list_destroy(assignment);
        }
        states.push_back(std::move(state));
    }
    return states;
}

bool KafkaBus::awaitConsumers(std::chrono::milliseconds timeout)
{
    const auto deadline = std::chrono::steady_clock::now() + timeout;
    for (const auto& consumer : m_consumers) {
        while (!consumer->assigned) {
            if (std::chrono::steady_clock::now() > deadline) {
                log::warn("a kafka consumer group has no partitions yet", {{"group", consumer->group}});
                return false;
            }
            std::this_thread::sleep_for(std::chrono::milliseconds(20));
        }
    }
    return true;
}

void KafkaBus::consume(Consumer& consumer)
{
    while (!consumer.stopping) {
        rd_kafka_message_t* record = rd_kafka_consumer_poll(consumer.kafka, 200);
        if (!consumer.assigned) {
            rd_kafka_topic_partition_list_t* assignment = nullptr;
            if (rd_kafka_assignment(consumer.kafka, &assignment) == RD_KAFKA_RESP_ERR_NO_ERROR && assignment) {
                consumer.assigned = assignment->cnt > 0;
                rd_kafka_topic_partition_list_destroy(assignment);
            }
        }
        if (!record)
            continue;
        if (record->err) {
            if (record->err != RD_KAFKA_RESP_ERR__PARTITION_EOF)
                log::warn("kafka consumer error",
                          {{"group", consumer.group}, {"error", rd_kafka_message_errstr(record)}});
            rd_kafka_message_destroy(record);
            continue;
        }
        Message message;
        message.topic = rd_kafka_topic_name(record->rkt);
        message.key.assign(static_cast<const char*>(record->key), record->key_len);
        message.payload.assign(static_cast<const char*>(record->payload), record->len);
        rd_kafka_headers_t* headers = nullptr;
        if (rd_kafka_message_headers(record, &headers) == RD_KAFKA_RESP_ERR_NO_ERROR) {
            const void* value = nullptr;
            size_t size = 0;
            if (rd_kafka_header_get_last(headers, "id", &value, &size) == RD_KAFKA_RESP_ERR_NO_ERROR)
                message.id.assign(static_cast<const char*>(value), size);
            if (rd_kafka_header_get_last(headers, "type", &value, &size) == RD_KAFKA_RESP_ERR_NO_ERROR)
                message.type.assign(static_cast<const char*>(value), size);
        }
        // Until handled, the same message again (after a pause): the partition's order holds.
        for (bool handled = false; !handled && !consumer.stopping;) {
            try {
                handled = consumer.handler(message);
            } catch (const std::exception& e) {
                log::warn("a bus consumer failed; the message comes again",
                          {{"group", consumer.group}, {"type", message.type}, {"error", e.what()}});
            }
            if (!handled)
                std::this_thread::sleep_for(std::chrono::milliseconds(500));
        }
        if (!consumer.stopping) {
            rd_kafka_topic_partition_list_t* position = rd_kafka_topic_partition_list_new(1);
            rd_kafka_topic_partition_list_add(position, message.topic.c_str(), record->partition)->offset =
                record->offset + 1;
            rd_kafka_offsets_store(consumer.kafka, position);
            rd_kafka_topic_partition_list_destroy(position);
        }
        rd_kafka_message_destroy(record);
    }
}

void KafkaBus::stop()
{
    const std::lock_guard lock(m_consumersMutex);
    for (auto& consumer : m_consumers) {
        consumer->stopping = true;
        if (consumer->worker.joinable())
            consumer->worker.join();
        rd_kafka_consumer_close(consumer->kafka);
        rd_kafka_destroy(consumer->kafka);
    }
    m_consumers.clear();
}

} // namespace sbor::bus
