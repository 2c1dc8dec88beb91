#pragma once
// The bus over Kafka (distributed mode; architecture.md §4) through librdkafka: an idempotent
// producer with acks=all, whose publish waits until every message of the batch is acknowledged
// (else it answers false and the relay sends the batch again: duplicates, never gaps); consumer
// groups whose offsets are stored only after the handler returned true, so a consumer that dies
// mid-message gets it again. Messages are keyed by aggregate id; the topic is the message's.

#include "bus/bus.h"

#include <atomic>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

typedef struct rd_kafka_s rd_kafka_t;

namespace sbor::bus {

struct KafkaSettings {
    std::string brokers;
    int sessionTimeoutMs = 10000;
    int deliveryTimeoutMs = 10000;
};

class KafkaBus : public Bus {
public:
    explicit KafkaBus(KafkaSettings settings);
    ~KafkaBus() override;
    KafkaBus(const KafkaBus&) = delete;
    KafkaBus& operator=(const KafkaBus&) = delete;

    bool publish(const std::vector<Message>& messages) override;
    void subscribe(const std::string& group, const std::vector<std::string>& topics, Handler handler,
                   Delivery delivery = Delivery::AtLeastOnce) override;
    bool awaitConsumers(std::chrono::milliseconds timeout) override;
    void stop() override;
    std::vector<ConsumerState> consumerStates() const override;

private:
    struct Consumer;
    static void consume(Consumer& consumer);

    KafkaSettings m_settings;
    std::mutex m_producerMutex; // one batch at a time: its acknowledgements are counted alone
    rd_kafka_t* m_producer = nullptr;
    mutable std::mutex m_consumersMutex; // the list, not the consumers: the health report reads it
    std::vector<std::unique_ptr<Consumer>> m_consumers;
};

} // namespace sbor::bus
