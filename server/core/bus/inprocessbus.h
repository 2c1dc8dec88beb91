#pragma once
// The embedded default's bus: in one process, still fed from the outboxes, so services behave as
// they will over Kafka. Each subscription has its own thread and queue; a handler that fails gets
// the same message again after a pause. publish returns once every at-least-once subscription has
// handled the batch — the in-process twin of Kafka's acknowledgement: the relay marks rows sent only then, so
// a crash with messages still queued loses nothing (they go out again; inboxes drop the repeats).
// A consumer that does not finish in time makes publish answer false, and the relay retries.

#include "bus/bus.h"

#include <atomic>
#include <chrono>
#include <functional>
#include <condition_variable>
#include <cstdint>
#include <deque>
#include <memory>
#include <mutex>
#include <thread>

namespace sbor::bus {

class InProcessBus : public Bus {
public:
    explicit InProcessBus(std::chrono::milliseconds handlingTimeout = std::chrono::seconds(10))
        : m_handlingTimeout(handlingTimeout)
    {}
    ~InProcessBus() override;
    InProcessBus(const InProcessBus&) = delete;
    InProcessBus& operator=(const InProcessBus&) = delete;

    bool publish(const std::vector<Message>& messages) override;
    bool publishThen(const std::vector<Message>& messages, std::function<void()> handled) override;
    bool handsBackLater() const override { return true; }
    void subscribe(const std::string& group, const std::vector<std::string>& topics, Handler handler,
                   Delivery delivery = Delivery::AtLeastOnce) override;
    // Stops every subscription's thread; what is still queued is dropped (it is in the outbox).
    void stop() override;
    std::vector<ConsumerState> consumerStates() const override;

private:
    struct Subscription {
        std::string group;
        std::vector<std::string> topics;
        Handler handler;
        Delivery delivery = Delivery::AtLeastOnce;
        std::mutex mutex;
        std::condition_variable wake;
        std::condition_variable progress;
        std::deque<Message> queue;
        std::uint64_t enqueued = 0; // messages ever queued, and handled, by this subscription
        std::atomic<std::uint64_t> handled{0};
        int failures = 0; // of the message at the front
        bool stopping = false;
        std::thread worker;
    };
    // A batch waiting for its at-least-once consumers: done when each has handled its target count.
    struct Completion {
        std::vector<std::pair<Subscription*, std::uint64_t>> targets;
        std::function<void()> handled;
    };
    void deliver(Subscription& subscription);
    std::vector<std::pair<Subscription*, std::uint64_t>> enqueue(const std::vector<Message>& messages);
    void runFinishedCompletions();

    std::chrono::milliseconds m_handlingTimeout;
    std::mutex m_completionMutex;
    std::deque<Completion> m_completions;
    mutable std::mutex m_mutex;
    std::vector<std::unique_ptr<Subscription>> m_subscriptions;
};

} // namespace sbor::bus
