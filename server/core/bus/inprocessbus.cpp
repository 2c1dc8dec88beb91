#include "bus/inprocessbus.h"

#include "log/logger.h"

#include <algorithm>
#include <chrono>

namespace sbor::bus {

InProcessBus::~InProcessBus() { stop(); }

bool InProcessBus::publish(const std::vector<Message>& messages)
{
    std::vector<std::pair<Subscription*, std::uint64_t>> awaited; // the subscription, and its count once the batch is handled
    {
        std::lock_guard lock(m_mutex);
        for (auto& subscription : m_subscriptions) {
            std::lock_guard queueLock(subscription->mutex);
            for (const auto& message : messages) {
                if (std::find(subscription->topics.begin(), subscription->topics.end(), message.topic) != subscription->topics.end()) {
                    subscription->queue.push_back(message);
                    ++subscription->enqueued;
                }
            }
            awaited.emplace_back(subscription.get(), subscription->enqueued);
            subscription->wake.notify_one();
        }
    }
    const auto deadline = std::chrono::steady_clock::now() + m_handlingTimeout;
    for (auto [subscription, target] : awaited) {
        std::unique_lock queueLock(subscription->mutex);
        if (!subscription->progress.wait_until(queueLock, deadline, [&] { return subscription->handled >= target || subscription->stopping; }))
            return false;
        if (subscription->handled < target)
            return false; // stopped first: not handled, so not sent
    }
    return true;
}

void InProcessBus::subscribe(const std::string& group, const std::vector<std::string>& topics, Handler handler)
{
    auto subscription = std::make_unique<Subscription>();
    subscription->group = group;
    subscription->topics = topics;
    subscription->handler = std::move(handler);
    Subscription* raw = subscription.get();
    raw->worker = std::thread([raw] { deliver(*raw); });
    std::lock_guard lock(m_mutex);
    m_subscriptions.push_back(std::move(subscription));
}

void InProcessBus::deliver(Subscription& subscription)
{
    std::unique_lock lock(subscription.mutex);
    for (;;) {
        subscription.wake.wait(lock, [&] { return subscription.stopping || !subscription.queue.empty(); });
        if (subscription.stopping)
            return;
        const Message message = subscription.queue.front();
        lock.unlock();
        bool handled = false;
        try {
            handled = subscription.handler(message);
        } catch (const std::exception& e) {
            log::warn("a bus consumer failed; the message comes again", {{"group", subscription.group}, {"type", message.type}, {"error", e.what()}});
        }
        lock.lock();
        if (handled) {
            subscription.queue.pop_front();
            ++subscription.handled;
            subscription.progress.notify_all();
        } else
            subscription.wake.wait_for(lock, std::chrono::milliseconds(500), [&] { return subscription.stopping; });
    }
}

void InProcessBus::stop()
{
    std::vector<Subscription*> subscriptions;
    {
        std::lock_guard lock(m_mutex);
        for (auto& subscription : m_subscriptions)
            subscriptions.push_back(subscription.get());
    }
    for (Subscription* subscription : subscriptions) {
        {
            std::lock_guard lock(subscription->mutex);
            subscription->stopping = true;
        }
        subscription->wake.notify_all();
        subscription->progress.notify_all();
        if (subscription->worker.joinable())
            subscription->worker.join();
    }
}

} // namespace sbor::bus
