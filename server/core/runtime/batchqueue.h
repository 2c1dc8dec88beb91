#pragma once
// A bounded queue between the threads that produce items and the one thread that handles them a
// batch at a time (the access log's writer, the log shipper). Producers never wait: an item that
// finds the queue full is refused and the producer counts it. The consumer is woken only to start
// a batch or when one is full, then gathers for a short while: one wake-up (a thread switch) per
// batch, not per item, at the rate of every request.

#include <algorithm>
#include <chrono>
#include <condition_variable>
#include <cstddef>
#include <deque>
#include <limits>
#include <mutex>
#include <vector>

namespace sbor {

template <typename Item> class BatchQueue {
public:
    // `fullBatch` items wake the consumer at once; fewer wait at most `gatherFor` after the first.
    BatchQueue(std::size_t capacity, std::size_t fullBatch, std::chrono::milliseconds gatherFor)
        : m_capacity(capacity), m_fullBatch(fullBatch), m_gatherFor(gatherFor)
    {}

    // How many of `items` found no room (they are dropped).
    std::size_t push(std::vector<Item>& items)
    {
        std::size_t refused = 0;
        bool wake = false;
        {
            std::lock_guard lock(m_mutex);
            const std::size_t before = m_queue.size();
            for (auto& item : items) {
                if (m_queue.size() >= m_capacity) {
                    ++refused;
                    continue;
                }
                m_queue.push_back(std::move(item));
            }
            // A batch starts, or one is now full.
            wake = (before == 0 && !m_queue.empty()) || (before < m_fullBatch && m_queue.size() >= m_fullBatch);
        }
        if (wake)
            m_wake.notify_one();
        return refused;
    }

    // False when the queue was full (the item is dropped).
    bool push(Item item)
    {
        {
            std::lock_guard lock(m_mutex);
            if (m_queue.size() >= m_capacity)
                return false;
            m_queue.push_back(std::move(item));
            if (m_queue.size() != 1 && m_queue.size() != m_fullBatch)
                return true;
        }
        m_wake.notify_one();
        return true;
    }

    // The consumer's: waits for an item, gathers, and takes at most `most`. Empty only once
    // stop() was called and everything queued before it has been taken.
    std::vector<Item> take(std::size_t most = std::numeric_limits<std::size_t>::max())
    {
        std::unique_lock lock(m_mutex);
        m_wake.wait(lock, [this] { return m_stopping || !m_queue.empty(); });
        m_wake.wait_for(lock, m_gatherFor, [this] { return m_stopping || m_queue.size() >= m_fullBatch; });
        std::vector<Item> batch;
        const std::size_t count = std::min(most, m_queue.size());
        batch.reserve(count);
        for (std::size_t i = 0; i < count; ++i) {
            batch.push_back(std::move(m_queue.front()));
            m_queue.pop_front();
        }
        return batch;
    }

    // take() no longer waits; what is queued is still handed out.
    void stop()
    {
        {
            std::lock_guard lock(m_mutex);
            m_stopping = true;
        }
        m_wake.notify_all();
    }

private:
    const std::size_t m_capacity;
    const std::size_t m_fullBatch;
    const std::chrono::milliseconds m_gatherFor;
    std::mutex m_mutex;
    std::condition_variable m_wake;
    std::deque<Item> m_queue;
    bool m_stopping = false;
};

} // namespace sbor
