#include "topiclog.h"

namespace sbor::live {

TopicLog::Topic& TopicLog::topicFor(const std::string& topic)
{
    auto found = m_topics.find(topic);
    if (found != m_topics.end())
        return found->second;
    if (m_topics.size() >= m_topicLimit) {
        // Forget the topic quiet for longest: its watchers, if any come back, resync.
        auto oldest = m_topics.begin();
        for (auto it = m_topics.begin(); it != m_topics.end(); ++it)
            if (it->second.touched < oldest->second.touched)
                oldest = it;
        m_topics.erase(oldest);
    }
    Topic& begun = m_topics[topic];
    begun.epoch = m_processEpoch + "." + std::to_string(++m_begun);
    return begun;
}

const std::string& TopicLog::epoch(const std::string& topic) { return topicFor(topic).epoch; }

std::uint64_t TopicLog::lastSeq(const std::string& topic) const
{
    const auto found = m_topics.find(topic);
    return found == m_topics.end() ? 0 : found->second.lastSeq;
}

std::optional<std::vector<std::string>> TopicLog::since(const std::string& topic, std::uint64_t since,
                                                        const std::string& epoch) const
{
    const auto found = m_topics.find(topic);
    if (!epoch.empty() && (found == m_topics.end() || found->second.epoch != epoch))
        return std::nullopt; // numbered in another life of this topic
    const std::uint64_t last = found == m_topics.end() ? 0 : found->second.lastSeq;
    if (since > last)
        return std::nullopt; // numbers from before a restart: they mean nothing now
    std::vector<std::string> frames;
    if (since == last)
        return frames;
    const auto& kept = found->second.frames;
    if (kept.empty() || kept.front().first > since + 1)
        return std::nullopt; // some were dropped
    for (const auto& [seq, text] : kept)
        if (seq > since)
            frames.push_back(text);
    return frames;
}

} // namespace sbor::live
