#pragma once
// Failed sign-ins counted per account and per client address in a fixed window (seed 002's rate
// limiter, OWASP's credential-stuffing advice). Past a limit, further attempts are refused with
// 429 and Retry-After until the window that counted them ends — before any password is hashed.
// One key's count never affects another key.

#include <chrono>
#include <mutex>
#include <optional>
#include <string>
#include <unordered_map>

namespace sbor::auth {

class LoginThrottle {
public:
    LoginThrottle(int perAccount, int perClient, std::chrono::seconds window)
        : m_perAccount(perAccount), m_perClient(perClient), m_window(window)
    {}

    // Seconds until a new attempt is allowed, or nullopt when it is allowed now.
    std::optional<std::int64_t> blockedFor(const std::string& account, const std::string& client);
    void recordFailure(const std::string& account, const std::string& client);
    void recordSuccess(const std::string& account);

private:
    struct Window {
        std::chrono::steady_clock::time_point start;
        int failures = 0;
    };
    using Clock = std::chrono::steady_clock;
    std::optional<std::int64_t> blockedLocked(const std::string& key, int limit, Clock::time_point now);
    void countLocked(const std::string& key, Clock::time_point now);
    void pruneLocked(Clock::time_point now);

    int m_perAccount;
    int m_perClient;
    std::chrono::seconds m_window;
    std::mutex m_mutex;
    std::unordered_map<std::string, Window> m_windows; // "a:<email>" and "c:<address>"
};

} // namespace sbor::auth
