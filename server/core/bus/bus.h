#pragma once
// The event bus (architecture.md §4): what services tell each other after the fact. Messages
// come from the services' outboxes (OutboxRelay), carry the §4 envelope as their payload and are
// keyed by aggregate id, so one aggregate's messages keep their order. Delivery is at least once;
// consumers make it exactly once with an inbox of processed message ids.
// Two implementations sit behind this interface: in-process (inprocessbus.h, the embedded
// default) and Kafka through librdkafka (kafkabus.h, distributed mode).

#include <chrono>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace sbor::bus {

struct Message {
    std::string topic;   // per aggregate: users, events, orders, tickets, checkins, payments, logs
    std::string key;     // the aggregate id
    std::string id;      // the outbox row's id: the message id consumers deduplicate on
    std::string type;    // "order.created"
    std::string payload; // the envelope, JSON text
};

// True when the message is handled (or may be skipped); false or an exception: deliver again later.
using Handler = std::function<bool(const Message&)>;

// What a subscription needs. AtLeastOnce: every message, also across crashes (the in-process bus
// lets the relay mark a batch sent only once such consumers handled it; Kafka starts a new group
// at the earliest offset). Live: what happens from now on, never holding anyone up (the live
// feed: a client that missed something resyncs) — a new Kafka group starts at the latest offset.
enum class Delivery { AtLeastOnce, Live };

// A subscription as the health report shows it: how many messages of its topics wait for it.
struct ConsumerState {
    std::string group;
    std::vector<std::string> topics;
    std::optional<std::int64_t> lag; // null while not known (a Kafka group before its first fetch)
};

class Bus {
public:
    virtual ~Bus() = default;
    // All or nothing, in order: false when the bus cannot take them now (nothing to mark as sent).
    virtual bool publish(const std::vector<Message>& messages) = 0;
    // Takes the messages now (false: it cannot) and calls `handled` once they are safe — for a
    // broker, acknowledged (that is publish, then `handled`); for the in-process bus, handled by
    // every at-least-once consumer, which may be much later and on another thread. The relay then
    // marks them sent, and meanwhile goes on with the next rows: a slow consumer never holds up
    // the others.
    virtual bool publishThen(const std::vector<Message>& messages, std::function<void()> handled)
    {
        if (!publish(messages))
            return false;
        handled();
        return true;
    }
    // True when publishThen's `handled` comes later (the relay then keeps the rows in flight).
    virtual bool handsBackLater() const { return false; }
    // Every message of `topics` published from now on reaches `handler`, one at a time, in
    // publishing order; a consumer group shares the work (in-process: one handler per group).
    virtual void subscribe(const std::string& group, const std::vector<std::string>& topics, Handler handler,
                           Delivery delivery = Delivery::AtLeastOnce) = 0;
    // Waits (at most `timeout`) until every subscription is consuming — for Kafka, until each
    // consumer group has its partitions, so nothing published from then on is missed by a group
    // that starts at the newest offset. False when some are not there yet.
    virtual bool awaitConsumers(std::chrono::milliseconds timeout) { return true; }
    // Ends every subscription (a handler running now finishes first); publish may still be called.
    virtual void stop() = 0;
    // Each subscription of this process and its lag; callable from any thread.
    virtual std::vector<ConsumerState> consumerStates() const { return {}; }
};

// The topic of an outbox aggregate type ("order" -> "orders"); "" for an unknown one.
std::string topicOf(const std::string& aggregateType);

} // namespace sbor::bus
