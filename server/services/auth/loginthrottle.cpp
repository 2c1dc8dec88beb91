#include "loginthrottle.h"

namespace sbor::auth {
namespace {
// Beyond this many tracked keys, ended windows are dropped (memory stays bounded under a flood).
constexpr std::size_t kPruneAbove = 100000;
} // namespace

std::optional<std::int64_t> LoginThrottle::blockedLocked(const std::string& key, int limit, Clock::time_point now)
{
    const auto it = m_windows.find(key);
    if (it == m_windows.end() || now - it->second.start >= m_window || it->second.failures < limit)
        return std::nullopt;
    const auto left = std::chrono::duration_cast<std::chrono::seconds>(it->second.start + m_window - now).count();
    return std::max<std::int64_t>(1, left + 1);
}

std::optional<std::int64_t> LoginThrottle::blockedFor(const std::string& account, const std::string& client)
{
    std::lock_guard lock(m_mutex);
    const auto now = Clock::now();
    const auto byClient = blockedLocked("c:" + client, m_perClient, now);
    const auto byAccount = blockedLocked("a:" + account, m_perAccount, now);
    if (byClient && byAccount)
        return std::max(*byClient, *byAccount);
    return byClient ? byClient : byAccount;
}

void LoginThrottle::countLocked(const std::string& key, Clock::time_point now)
{
    Window& window = m_windows[key];
    if (window.failures == 0 || now - window.start >= m_window)
        window = Window{now, 0};
    ++window.failures;
}

void LoginThrottle::recordFailure(const std::string& account, const std::string& client)
{
    std::lock_guard lock(m_mutex);
    const auto now = Clock::now();
    if (m_windows.size() > kPruneAbove)
        pruneLocked(now);
    countLocked("a:" + account, now);
    countLocked("c:" + client, now);
}

void LoginThrottle::recordSuccess(const std::string& account)
{
    std::lock_guard lock(m_mutex);
    m_windows.erase("a:" + account);
}

void LoginThrottle::pruneLocked(Clock::time_point now)
{
    for (auto it = m_windows.begin(); it != m_windows.end();) {
        if (now - it->second.start >= m_window)
            it = m_windows.erase(it);
        else
            ++it;
    }
}

} // namespace sbor::auth
