#pragma once
// Per topic, a sequence number and the last frames sent, so a client that reconnects resumes
// where it stopped: frames after its `since` are sent again; if they are no longer all kept (or
// the server restarted and counts from zero again), the client is told to resync. Bounded: at
// most `framesPerTopic` frames per topic and `topics` topics (the longest quiet go first).

#include <cstdint>
#include <deque>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

namespace sbor::live {

// Each topic's numbering has an epoch — this process's start and the topic's creation — so a
// client resuming with numbers from another epoch (a restart, or a topic forgotten and begun
// again) is told to resync instead of being sent the wrong frames.
class TopicLog {
public:
    TopicLog(std::size_t framesPerTopic, std::size_t topics, std::string processEpoch)
        : m_framesPerTopic(framesPerTopic), m_topicLimit(topics), m_processEpoch(std::move(processEpoch))
    {}

    // Numbers a frame for `topic` and keeps it; returns the number. `render(seq, epoch)` makes the
    // frame text.
    template <typename Render> std::uint64_t append(const std::string& topic, Render&& render)
    {
        Topic& log = topicFor(topic);
        const std::uint64_t seq = ++log.lastSeq;
        log.frames.emplace_back(seq, render(seq, log.epoch));
        if (log.frames.size() > m_framesPerTopic)
            log.frames.pop_front();
        log.touched = ++m_clock;
        return seq;
    }

    std::uint64_t lastSeq(const std::string& topic) const;
    // The topic's epoch (the topic is begun if it was not kept).
    const std::string& epoch(const std::string& topic);
    // The frames after `since`, in order; null when some of them are gone, or `epoch` (when
    // given) is not the topic's: resync.
    std::optional<std::vector<std::string>> since(const std::string& topic, std::uint64_t since,
                                                  const std::string& epoch = {}) const;

private:
    struct Topic {
        std::uint64_t lastSeq = 0;
        std::deque<std::pair<std::uint64_t, std::string>> frames;
        std::uint64_t touched = 0;
        std::string epoch;
    };
    Topic& topicFor(const std::string& topic);

    std::size_t m_framesPerTopic;
    std::size_t m_topicLimit;
    std::string m_processEpoch;
    std::uint64_t m_clock = 0;
    std::uint64_t m_begun = 0;
    std::unordered_map<std::string, Topic> m_topics;
};

} // namespace sbor::live
