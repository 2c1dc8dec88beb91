#include "http/clientaddress.h"

#include <arpa/inet.h>

#include <cstring>

namespace sbor::http {
namespace {

std::string trim(const std::string& text)
{
    const auto first = text.find_first_not_of(" \t");
    if (first == std::string::npos)
        return {};
    const auto last = text.find_last_not_of(" \t");
    return text.substr(first, last - first + 1);
}

bool prefixMatches(const std::vector<std::uint8_t>& address, const std::vector<std::uint8_t>& network, int bits)
{
    for (int i = 0; i < 16 && bits > 0; ++i, bits -= 8) {
        const std::uint8_t mask = bits >= 8 ? 0xff : static_cast<std::uint8_t>(0xff << (8 - bits));
        if ((address[i] & mask) != (network[i] & mask))
            return false;
    }
    return true;
}

} // namespace

std::optional<std::vector<std::uint8_t>> parseIpAddress(const std::string& text)
{
    std::vector<std::uint8_t> bytes(16, 0);
    in_addr v4{};
    if (inet_pton(AF_INET, text.c_str(), &v4) == 1) {
        bytes[10] = 0xff;
        bytes[11] = 0xff;
        std::memcpy(bytes.data() + 12, &v4, 4);
        return bytes;
    }
    std::string v6text = text;
    if (v6text.size() > 2 && v6text.front() == '[' && v6text.back() == ']')
        v6text = v6text.substr(1, v6text.size() - 2);
    in6_addr v6{};
    if (inet_pton(AF_INET6, v6text.c_str(), &v6) == 1) {
        std::memcpy(bytes.data(), &v6, 16);
        return bytes;
    }
    return std::nullopt;
}

std::string normalizeIpAddress(const std::string& text)
{
    constexpr const char* kMappedPrefix = "::ffff:";
    if (text.rfind(kMappedPrefix, 0) == 0 && text.find('.') != std::string::npos)
        return text.substr(std::strlen(kMappedPrefix));
    return text;
}

std::optional<TrustedProxies> TrustedProxies::parse(const std::vector<std::string>& entries, std::string* problem)
{
    TrustedProxies proxies;
    for (const auto& raw : entries) {
        const std::string entry = trim(raw);
        if (entry.empty())
            continue;
        const auto slash = entry.find('/');
        const std::string addressText = entry.substr(0, slash);
        auto address = parseIpAddress(addressText);
        const bool isV4 = addressText.find(':') == std::string::npos;
        int bits = 128;
        bool ok = address.has_value();
        if (ok && slash != std::string::npos) {
            try {
                std::size_t used = 0;
                const int given = std::stoi(entry.substr(slash + 1), &used);
                ok = used == entry.size() - slash - 1 && given >= 0 && given <= (isV4 ? 32 : 128);
                bits = isV4 ? given + 96 : given;
            } catch (const std::exception&) {
                ok = false;
            }
        }
        if (!ok) {
            if (problem)
                *problem = "'" + entry + "' is not an IP address or CIDR range";
            return std::nullopt;
        }
        proxies.m_ranges.push_back({*address, bits});
    }
    return proxies;
}

bool TrustedProxies::contains(const std::string& address) const
{
    const auto parsed = parseIpAddress(address);
    if (!parsed)
        return false;
    for (const auto& range : m_ranges) {
        if (prefixMatches(*parsed, range.network, range.prefixBits))
            return true;
    }
    return false;
}

std::string resolveClientAddress(const std::string& peer, const std::string& forwardedFor,
                                 const TrustedProxies& trusted)
{
    const std::string direct = normalizeIpAddress(peer);
    if (forwardedFor.empty() || !trusted.contains(direct))
        return direct;
    // Walk from the nearest hop outwards; stop at the first one no trusted proxy stands for.
    std::string client = direct;
    std::size_t end = forwardedFor.size();
    for (;;) {
        const std::size_t comma = forwardedFor.rfind(',', end == 0 ? 0 : end - 1);
        const std::size_t start = comma == std::string::npos ? 0 : comma + 1;
        const std::string hop = normalizeIpAddress(trim(forwardedFor.substr(start, end - start)));
        if (!parseIpAddress(hop))
            return client; // garbage: trust nothing beyond the last proxy we know
        client = hop;
        if (!trusted.contains(hop) || comma == std::string::npos)
            return client;
        end = comma;
    }
}

} // namespace sbor::http
