#pragma once
// Which client sent a request. The socket's peer, unless that peer is one of the configured
// trusted proxies: then X-Forwarded-For is read from the right, skipping trusted hops, and the
// first address no trusted proxy vouches for is the client. A client talking to us directly
// cannot choose its address by sending the header itself.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace sbor::http {

class TrustedProxies {
public:
    // Entries are addresses or CIDR ranges, IPv4 or IPv6 ("10.0.0.0/8", "::1"). nullopt and a
    // problem for an entry that is neither.
    static std::optional<TrustedProxies> parse(const std::vector<std::string>& entries, std::string* problem = nullptr);
    bool contains(const std::string& address) const;
    bool empty() const { return m_ranges.empty(); }

private:
    struct Range {
        std::vector<std::uint8_t> network; // 16 bytes; IPv4 as IPv4-mapped IPv6
        int prefixBits = 128;
    };
    std::vector<Range> m_ranges;
};

// 16 bytes for an IPv4 (mapped) or IPv6 address; nullopt for anything else.
std::optional<std::vector<std::uint8_t>> parseIpAddress(const std::string& text);
// "::ffff:1.2.3.4" → "1.2.3.4"; other addresses unchanged.
std::string normalizeIpAddress(const std::string& text);

std::string resolveClientAddress(const std::string& peer, const std::string& forwardedFor,
                                 const TrustedProxies& trusted);

} // namespace sbor::http
