#pragma once
// The embedded default's bus: in one process, still fed from the outboxes, so services behave as
// they will over Kafka. Each subscription has its own thread and queue, so a slow consumer holds
// up only itself; a handler that fails gets the same message again after a pause.

#include "bus/bus.h"

#include <condition_variable>
#include <deque>
#include <memory>
#include <mutex>
#include <thread>

namespace sbor::bus {

class InProcessBus : public Bus {
public:
    InProcessBus() = default;
    ~InProcessBus() override;
    InProcessBus(const InProcessBus&) = delete;
    InProcessBus& operator=(const InProcessBus&) = delete;

    bool publish(const std::vector<Message>& messages) override;
    void subscribe(const std::string& group, const std::vector<std::string>& topics, Handler handler) override;
    // Stops every subscription's thread; what is still queued is dropped (it is in the outbox).
    void stop();

private:
    struct Subscription {
        std::string group;
        std::vector<std::string> topics;
        Handler handler;
        std::mutex mutex;
        std::condition_variable wake;
        std::deque<Message> queue;
        bool stopping = false;
        std::thread worker;
    };
    static void deliver(Subscription& subscription);

    std::mutex m_mutex;
    std::vector<std::unique_ptr<Subscription>> m_subscriptions;
};

} // namespace sbor::bus
