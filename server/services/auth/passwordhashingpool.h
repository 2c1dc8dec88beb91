#pragma once
// Password hashing off the HTTP workers: bcrypt runs on threads of its own, at a lower CPU
// priority, behind a short queue. A login storm then waits here (or gets 503 overloaded when the
// queue is full) while every other request keeps its workers and its CPU time.

#include "passwordhasher.h"

#include "runtime/workerpool.h"
#include "sbor/error.h"

#include <string>

namespace sbor::auth {

class PasswordHashingPool {
public:
    PasswordHashingPool(int cost, std::size_t threads, std::size_t maxQueued);

    Result<std::string> hash(const std::string& password);
    Result<bool> verify(const std::string& password, const std::string& storedHash);
    // Verifies against a decoy when there is no account, so the answer takes as long either way.
    Result<bool> verifyOrDecoy(const std::string& password, const std::string* storedHash);
    int cost() const { return m_hasher.cost(); }

private:
    template <typename T, typename Work> Result<T> runOnPool(Work&& work);

    PasswordHasher m_hasher;
    WorkerPool m_workers;
};

} // namespace sbor::auth
