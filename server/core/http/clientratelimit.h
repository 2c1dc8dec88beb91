#pragma once
// The gateway's general per-client request limit (seed 002's rate limiter): a token bucket per
// client address, refilled at `perSecond` up to `burst`. A client over its limit gets 429
// rate_limited with Retry-After; other clients are not affected. Only /api/ paths count, so
// health probes and metrics scrapes are never limited.

#include "http/requestpipeline.h"

#include <array>
#include <chrono>
#include <mutex>
#include <string>
#include <unordered_map>

namespace sbor::http {

class TokenBuckets {
public:
    TokenBuckets(double perSecond, double burst) : m_perSecond(perSecond), m_burst(burst) {}
    // Takes one token for `key`; nullopt when allowed, else the seconds until a token is back.
    std::optional<double> take(const std::string& key, std::chrono::steady_clock::time_point now);

private:
    struct Bucket {
        double tokens = 0;
        std::chrono::steady_clock::time_point refilled;
    };
    struct Shard {
        std::mutex mutex;
        std::unordered_map<std::string, Bucket> buckets;
    };
    void prune(Shard& shard, std::chrono::steady_clock::time_point now);

    double m_perSecond;
    double m_burst;
    std::array<Shard, 16> m_shards;
};

class ClientRateLimit : public Middleware {
public:
    ClientRateLimit(double perSecond, double burst) : m_buckets(perSecond, burst) {}
    HttpResponse handle(HttpRequest& request, const Next& next) override;

private:
    TokenBuckets m_buckets;
};

} // namespace sbor::http
