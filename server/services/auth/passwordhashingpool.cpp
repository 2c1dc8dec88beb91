#include "passwordhashingpool.h"

#include <future>
#include <memory>

namespace sbor::auth {
PasswordHashingPool::PasswordHashingPool(int cost, std::size_t threads, std::size_t maxQueued)
    : m_hasher(cost), m_workers("password-hashing", threads, maxQueued, WorkerPool::Priority::Background)
{}

template <typename T, typename Work> Result<T> PasswordHashingPool::runOnPool(Work&& work)
{
    auto task = std::make_shared<std::packaged_task<T()>>(std::forward<Work>(work));
    std::future<T> outcome = task->get_future();
    if (!m_workers.submit([task] { (*task)(); })) {
        return Error(ErrorCode::Overloaded, "too many sign-ins are being checked right now; retry shortly",
                     {{"retry_after_seconds", 1}});
    }
    return outcome.get();
}

Result<std::string> PasswordHashingPool::hash(const std::string& password)
{
    return runOnPool<std::string>([this, password] { return m_hasher.hash(password); });
}

Result<bool> PasswordHashingPool::verify(const std::string& password, const std::string& storedHash)
{
    return runOnPool<bool>([this, password, storedHash] { return m_hasher.verify(password, storedHash); });
}

Result<bool> PasswordHashingPool::verifyOrDecoy(const std::string& password, const std::string* storedHash)
{
    if (storedHash && !storedHash->empty())
        return verify(password, *storedHash);
    auto decoy = runOnPool<bool>([this, password] { return m_hasher.verify(password, m_hasher.decoyHash()); });
    if (!decoy)
        return decoy.error();
    return false;
}

} // namespace sbor::auth
