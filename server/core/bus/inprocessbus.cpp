#include "bus/inprocessbus.h"

#include "log/logger.h"

#include <algorithm>
#include <chrono>

namespace sbor::bus {
namespace {
constexpr int kParkAfterFailures = 100; // 500 ms apart: about a minute of trying
}

InProcessBus::~InProcessBus() { stop(); }

std::vector<std::pair<InProcessBus::Subscription*, std::uint64_t>> InProcessBus::enqueue(
    const std::vector<Message>& messages)
{
    std::vector<std::pair<Subscription*, std::uint64_t>>
        awaited; // the subscription, and its count once the batch is handled
    std::lock_guard lock(m_mutex);
    for (auto& subscription : m_subscriptions) {
        std::lock_guard queueLock(subscription->mutex);
        bool any = false;
        for (const auto& message : messages) {
            if (std::find(subscription->topics.begin(), subscription->topics.end(), message.topic) !=
                subscription->topics.end()) {
                subscription->queue.push_back(message);
                ++subscription->enqueued;
                any = true;
            }
        }
        // Only consumers that got some of the batch are waited for: a stuck one holds up its own topics.
        if (any && subscription->delivery == Delivery::AtLeastOnce)
            awaited.emplace_back(subscription.get(), subscription->enqueued);
        subscription->wake.notify_one();
    }
    return awaited;
}

bool InProcessBus::publish(const std::vector<Message>& messages)
{
    const auto awaited = enqueue(messages);
    const auto deadline = std::chrono::steady_clock::now() + m_handlingTimeout;
    for (auto [subscription, target] : awaited) {
        std::unique_lock queueLock(subscription->mutex);
        if (!subscription->progress.wait_until(
                queueLock, deadline, [&] { return subscription->handled >= target || subscription->stopping; }))
            return false;
        if (subscription->handled < target)
            return false; // stopped first: not handled, so not sent
    }
    return true;
}

bool InProcessBus::publishThen(const std::vector<Message>& messages, std::function<void()> handled)
{
    {
        // Registered before the messages are queued, so a consumer that is quick cannot finish
        // them unseen; the targets are filled in under the same lock the consumers check under.
        std::lock_guard completionLock(m_completionMutex);
        m_completions.push_back({enqueue(messages), std::move(handled)});
    }
    runFinishedCompletions();
    return true;
}

void InProcessBus::runFinishedCompletions()
{
    std::vector<std::function<void()>> finished;
    {
        std::lock_guard lock(m_completionMutex);
        for (auto it = m_completions.begin(); it != m_completions.end();) {
            const bool done = std::all_of(it->targets.begin(), it->targets.end(), [](const auto& target) {
                return target.first->handled.load() >= target.second;
            });
            if (done) {
                finished.push_back(std::move(it->handled));
                it = m_completions.erase(it);
            } else {
                ++it;
            }
        }
    }
    for (auto& callback : finished) {
        try {
            callback();
        } catch (const std::exception& e) {
            log::warn("marking relayed messages failed; they will be relayed again", {{"error", e.what()}});
        }
    }
}

void InProcessBus::subscribe(const std::string& group, const std::vector<std::string>& topics, Handler handler,
                             Delivery delivery)
{
    auto subscription = std::make_unique<Subscription>();
    subscription->group = group;
    subscription->topics = topics;
    subscription->handler = std::move(handler);
    subscription->delivery = delivery;
    Subscription* raw = subscription.get();
    raw->worker = std::thread([this, raw] { deliver(*raw); });
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
        // A reference: the queue only grows at its back meanwhile, which keeps it valid, and only
        // this thread takes from the front.
        const Message& message = subscription.queue.front();
        lock.unlock();
        bool handled = false;
        try {
            handled = subscription.handler(message);
        } catch (const std::exception& e) {
            log::warn("a bus consumer failed; the message comes again",
                      {{"group", subscription.group}, {"type", message.type}, {"error", e.what()}});
        }
        if (handled) {
            subscription.failures = 0;
        } else if (++subscription.failures >= kParkAfterFailures) {
            // A message that fails for ever must not stop everything behind it: it is logged as
            // an error with its id (the row stays in its outbox) and passed over.
            log::error("a bus message was parked after failing again and again",
                       {{"group", subscription.group},
                        {"message_id", message.id},
                        {"type", message.type},
                        {"failures", subscription.failures}});
            subscription.failures = 0;
            handled = true;
        }
        lock.lock();
        if (handled) {
            subscription.queue.pop_front();
            ++subscription.handled;
            // A publisher waits for its batch's last message, not for each: woken when the queue
            // is empty or every 64 messages, it learns of its target at most 63 messages late
            // (what follows its batch is handled, or the queue empties), instead of being woken
            // for every message of a busy topic.
            if (subscription.queue.empty() || subscription.handled % 64 == 0)
                subscription.progress.notify_all();
            if (subscription.delivery == Delivery::AtLeastOnce) {
                lock.unlock();
                runFinishedCompletions();
                lock.lock();
            }
        } else {
            subscription.progress.notify_all(); // whoever waits for what was handled before this one
            subscription.wake.wait_for(lock, std::chrono::milliseconds(500), [&] { return subscription.stopping; });
        }
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

std::vector<ConsumerState> InProcessBus::consumerStates() const
{
    std::vector<ConsumerState> states;
    const std::lock_guard lock(m_mutex);
    for (const auto& subscription : m_subscriptions) {
        const std::lock_guard queueLock(subscription->mutex);
        states.push_back({subscription->group, subscription->topics,
                          static_cast<std::int64_t>(subscription->enqueued - subscription->handled.load())});
    }
    return states;
}

} // namespace sbor::bus
