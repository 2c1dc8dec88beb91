#pragma once
// The event bus (architecture.md §4): what services tell each other after the fact. Messages
// come from the services' outboxes (OutboxRelay), carry the §4 envelope as their payload and are
// keyed by aggregate id, so one aggregate's messages keep their order. Delivery is at least once;
// consumers make it exactly once with an inbox of processed message ids.
// Two implementations will sit behind this interface: in-process (the embedded default) and
// Kafka through librdkafka (distributed mode).

#include <functional>
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

class Bus {
public:
    virtual ~Bus() = default;
    // All or nothing, in order: false when the bus cannot take them now (nothing to mark as sent).
    virtual bool publish(const std::vector<Message>& messages) = 0;
    // Every message of `topics` published from now on reaches `handler`, one at a time, in
    // publishing order; a consumer group shares the work (in-process: one handler per group).
    virtual void subscribe(const std::string& group, const std::vector<std::string>& topics, Handler handler) = 0;
    // Ends every subscription (a handler running now finishes first); publish may still be called.
    virtual void stop() = 0;
};

// The topic of an outbox aggregate type ("order" -> "orders"); "" for an unknown one.
std::string topicOf(const std::string& aggregateType);

} // namespace sbor::bus
