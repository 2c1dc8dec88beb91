#include "http/clientratelimit.h"

#include <cmath>
#include <functional>

namespace sbor::http {
namespace {
// Past this many clients in one shard, buckets that have refilled completely are forgotten
// (a full bucket is what a new client gets anyway), so memory stays bounded under a flood of
// distinct addresses.
constexpr std::size_t kPruneAbove = 4096;
} // namespace

std::optional<double> TokenBuckets::take(const std::string& key, std::chrono::steady_clock::time_point now)
{
    Shard& shard = m_shards[std::hash<std::string>{}(key) % m_shards.size()];
    std::lock_guard lock(shard.mutex);
    if (shard.buckets.size() > kPruneAbove)
        prune(shard, now);
    auto [it, inserted] = shard.buckets.try_emplace(key, Bucket{m_burst, now});
    Bucket& bucket = it->second;
    if (!inserted) {
        const double elapsed = std::chrono::duration<double>(now - bucket.refilled).count();
        bucket.tokens = std::min(m_burst, bucket.tokens + elapsed * m_perSecond);
        bucket.refilled = now;
    }
    if (bucket.tokens >= 1.0) {
        bucket.tokens -= 1.0;
        return std::nullopt;
    }
    return (1.0 - bucket.tokens) / m_perSecond;
}

void TokenBuckets::prune(Shard& shard, std::chrono::steady_clock::time_point now)
{
    for (auto it = shard.buckets.begin(); it != shard.buckets.end();) {
        const double elapsed = std::chrono::duration<double>(now - it->second.refilled).count();
        if (it->second.tokens + elapsed * m_perSecond >= m_burst)
            it = shard.buckets.erase(it);
        else
            ++it;
    }
}

HttpResponse ClientRateLimit::handle(HttpRequest& request, const Next& next)
{
    if (request.path.rfind("/api/", 0) != 0)
        return next(request);
    const auto wait = m_buckets.take(request.clientAddress, std::chrono::steady_clock::now());
    if (!wait)
        return next(request);
    const auto seconds = static_cast<std::int64_t>(std::ceil(*wait));
    return errorResponse(Error(ErrorCode::RateLimited, "too many requests from this client; slow down",
                               {{"retry_after_seconds", std::max<std::int64_t>(1, seconds)}}),
                         request.traceId);
}

} // namespace sbor::http
