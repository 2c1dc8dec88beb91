#include "webhookdestination.h"

#include <arpa/inet.h>
#include <curl/curl.h>
#include <idn2.h>
#include <netdb.h>

#include <algorithm>
#include <cctype>
#include <optional>
#include <array>
#include <cstdint>
#include <cstring>
#include <memory>

namespace sbor::notifications {
namespace {

Error badUrl(const std::string& why) { return Error(ErrorCode::ValidationFailed, "url " + why, {{"field", "url"}}); }

std::string urlPart(CURLU* url, CURLUPart part, unsigned int flags = 0)
{
    char* value = nullptr;
    const CURLUcode code = curl_url_get(url, part, &value, flags);
    // libcurl 7.88 may hand back a string with a failure too: it is ours to free either way.
    std::string text = code == CURLUE_OK && value ? std::string(value) : std::string();
    curl_free(value);
    return text;
}

bool inV4Range(std::uint32_t address, std::uint32_t network, int prefix)
{
    const std::uint32_t mask = prefix == 0 ? 0 : ~std::uint32_t(0) << (32 - prefix);
    return (address & mask) == (network & mask);
}

bool nonPublicV4(std::uint32_t address)
{
    static const std::array<std::pair<std::uint32_t, int>, 12> ranges = {{
        {0x00000000, 8},  // "this network"
        {0x0a000000, 8},  // private
        {0x64400000, 10}, // carrier-grade NAT
        {0x7f000000, 8},  // loopback
        {0xa9fe0000, 16}, // link-local (cloud metadata lives here)
        {0xac100000, 12}, // private
        {0xc0000000, 24}, // IETF protocol assignments
        {0xc0a80000, 16}, // private
        {0xc6120000, 15}, // benchmarking
        {0xe0000000, 4},  // multicast
        {0xf0000000, 4},  // reserved, broadcast
        {0xc0000200, 24}, // documentation
    }};
    for (const auto& [network, prefix] : ranges)
        if (inV4Range(address, network, prefix))
            return true;
    return false;
}

// An internationalised name in its ASCII form, mapped as UTS #46 maps it (NFKC, case folding):
// "①②⑦.0.0.1" and "１２７.0.0.1" are "127.0.0.1". The same flags as libcurl's, so both agree.
std::optional<std::string> asciiHost(const std::string& host)
{
    for (const int flags : {int(IDN2_NFC_INPUT | IDN2_NONTRANSITIONAL), int(IDN2_TRANSITIONAL)}) {
        char* converted = nullptr;
        if (idn2_to_ascii_8z(host.c_str(), &converted, flags) == IDN2_OK && converted) {
            std::string ascii(converted);
            idn2_free(converted);
            return ascii;
        }
    }
    return std::nullopt;
}

// The host as the resolver will see it, so that what is judged is what is reached: in ASCII
// (above), lower case, without the root's trailing dot, and an IPv4 address in any form the C
// library's resolver accepts ("127.1", "0x7f.0.0.1", "2130706433") in dotted quads.
std::optional<std::string> resolverHost(CURLU* url)
{
    std::string host = urlPart(url, CURLUPART_HOST);
    if (host.empty())
        return std::nullopt;
    if (host.front() == '[')
        return host; // an IPv6 literal: curl has already checked and normalised it
    if (std::any_of(host.begin(), host.end(), [](char c) { return static_cast<unsigned char>(c) >= 0x80; })) {
        auto ascii = asciiHost(host);
        if (!ascii)
            return std::nullopt;
        host = std::move(*ascii);
    }
    for (char& c : host)
        c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    if (!host.empty() && host.back() == '.')
        host.pop_back(); // the root: "example.org." is "example.org" (IDNA may have mapped the rest to nothing)
    if (host.empty() || host.find("..") != std::string::npos || host.front() == '.' || host.back() == '.')
        return std::nullopt;
    for (unsigned char c : host)
        if (!(std::isalnum(c) || c == '.' || c == '-' || c == '_'))
            return std::nullopt;
    in_addr v4{};
    if (inet_aton(host.c_str(), &v4) != 0) {
        char dotted[INET_ADDRSTRLEN] = {0};
        inet_ntop(AF_INET, &v4, dotted, sizeof dotted);
        host = dotted;
    }
    return host;
}

} // namespace

Result<WebhookUrl> parseWebhookUrl(const std::string& text)
{
    if (text.empty() || text.size() > 2000)
        return badUrl("must be an http or https URL of at most 2000 characters");
    if (text.find('\0') != std::string::npos)
        return badUrl("must not contain NUL"); // libcurl would read only what comes before it
    // libcurl reads "https:///host" as "https://host"; an organizer who typed that made a mistake.
    if (const auto separator = text.find("://");
        separator == std::string::npos || text.compare(separator, 4, ":///") == 0)
        return badUrl("is not a valid absolute URL (scheme://host/path)");
    std::unique_ptr<CURLU, decltype(&curl_url_cleanup)> url(curl_url(), curl_url_cleanup);
    if (curl_url_set(url.get(), CURLUPART_URL, text.c_str(), 0) != CURLUE_OK)
        return badUrl("is not a valid absolute URL");
    WebhookUrl parsed;
    parsed.scheme = urlPart(url.get(), CURLUPART_SCHEME);
    if (parsed.scheme != "http" && parsed.scheme != "https")
        return badUrl("must use http or https");
    if (!urlPart(url.get(), CURLUPART_USER).empty() || !urlPart(url.get(), CURLUPART_PASSWORD).empty())
        return badUrl("must not carry a user name or password (put a secret in the path or check the signature)");
    if (urlPart(url.get(), CURLUPART_HOST).empty())
        return badUrl("has no host");
    const auto host = resolverHost(url.get());
    if (!host)
        return badUrl("has a host that is not a valid name or address");
    // The URL kept and delivered to names the normalised host: the address pinned for a delivery
    // must be the one libcurl connects to.
    if (curl_url_set(url.get(), CURLUPART_HOST, host->c_str(), 0) != CURLUE_OK)
        return badUrl("has a host that is not a valid name or address");
    parsed.host = *host;
    if (parsed.host.front() == '[' && parsed.host.back() == ']')
        parsed.host = parsed.host.substr(1, parsed.host.size() - 2);
    const std::string port = urlPart(url.get(), CURLUPART_PORT);
    parsed.port = port.empty() ? (parsed.scheme == "https" ? 443 : 80) : std::stoi(port);
    if (parsed.port < 1 || parsed.port > 65535)
        return badUrl("must have a port from 1 to 65535");
    if (!urlPart(url.get(), CURLUPART_FRAGMENT).empty())
        return badUrl("must not have a fragment");
    parsed.text = urlPart(url.get(), CURLUPART_URL);
    return parsed;
}

bool isNonPublicAddress(const std::string& numericAddress)
{
    in_addr v4{};
    if (inet_pton(AF_INET, numericAddress.c_str(), &v4) == 1)
        return nonPublicV4(ntohl(v4.s_addr));
    in6_addr v6{};
    if (inet_pton(AF_INET6, numericAddress.c_str(), &v6) != 1)
        return true; // not an address at all: never reach it
    const unsigned char* b = v6.s6_addr;
    static const unsigned char zeros[16] = {0};
    if (std::memcmp(b, zeros, 15) == 0 && (b[15] == 0 || b[15] == 1))
        return true;                                                      // :: and ::1
    if (std::memcmp(b, zeros, 10) == 0 && b[10] == 0xff && b[11] == 0xff) // ::ffff:a.b.c.d
        return nonPublicV4((std::uint32_t(b[12]) << 24) | (std::uint32_t(b[13]) << 16) | (std::uint32_t(b[14]) << 8) |
                           b[15]);
    if (b[0] == 0 && b[1] == 0x64 && b[2] == 0xff && b[3] == 0x9b) // NAT64 well-known prefix 64:ff9b::/96
        return nonPublicV4((std::uint32_t(b[12]) << 24) | (std::uint32_t(b[13]) << 16) | (std::uint32_t(b[14]) << 8) |
                           b[15]);
    if (std::memcmp(b, zeros, 12) == 0) // IPv4-compatible ::a.b.c.d (deprecated, still routed by some stacks)
        return nonPublicV4((std::uint32_t(b[12]) << 24) | (std::uint32_t(b[13]) << 16) | (std::uint32_t(b[14]) << 8) |
                           b[15]);
    if (b[0] == 0 && b[1] == 0x64 && b[2] == 0xff && b[3] == 0x9b && b[4] == 0 && b[5] == 1)
        return true;                  // NAT64 local-use 64:ff9b:1::/48
    if (b[0] == 0x20 && b[1] == 0x02) // 6to4 2002:a.b.c.d::/48 carries an IPv4 address
        return nonPublicV4((std::uint32_t(b[2]) << 24) | (std::uint32_t(b[3]) << 16) | (std::uint32_t(b[4]) << 8) |
                           b[5]);
    if (b[0] == 0x20 && b[1] == 0x01 && b[2] == 0 && b[3] == 0)
        return true; // Teredo 2001::/32 tunnels to addresses we cannot check
    if (b[0] == 0xfe && (b[1] & 0xc0) == 0xc0)
        return true; // site-local fec0::/10 (deprecated)
    if ((b[0] & 0xfe) == 0xfc)
        return true; // unique local fc00::/7
    if (b[0] == 0xfe && (b[1] & 0xc0) == 0x80)
        return true; // link-local fe80::/10
    if (b[0] == 0xff)
        return true; // multicast
    if (b[0] == 0x20 && b[1] == 0x01 && b[2] == 0x0d && b[3] == 0xb8)
        return true; // documentation 2001:db8::/32
    return false;
}

Result<std::vector<std::string>> reachableAddresses(const WebhookUrl& url, bool allowPrivateAddresses)
{
    addrinfo hints{};
    hints.ai_family = AF_UNSPEC;
    hints.ai_socktype = SOCK_STREAM;
    addrinfo* found = nullptr;
    if (const int status = getaddrinfo(url.host.c_str(), nullptr, &hints, &found); status != 0)
        return Error(ErrorCode::ValidationFailed, "url host " + url.host + " does not resolve: " + gai_strerror(status),
                     {{"field", "url"}});
    std::vector<std::string> addresses;
    bool refused = false;
    for (addrinfo* entry = found; entry; entry = entry->ai_next) {
        char text[INET6_ADDRSTRLEN] = {0};
        const void* raw = entry->ai_family == AF_INET
            ? static_cast<const void*>(&reinterpret_cast<sockaddr_in*>(entry->ai_addr)->sin_addr)
            : static_cast<const void*>(&reinterpret_cast<sockaddr_in6*>(entry->ai_addr)->sin6_addr);
        if (!inet_ntop(entry->ai_family, raw, text, sizeof text))
            continue;
        if (!allowPrivateAddresses && isNonPublicAddress(text)) {
            refused = true;
            continue;
        }
        if (std::find(addresses.begin(), addresses.end(), text) == addresses.end())
            addresses.emplace_back(text);
    }
    freeaddrinfo(found);
    if (addresses.empty())
        return Error(
            ErrorCode::ValidationFailed,
            refused ? "url " + url.host +
                    " is a private, loopback or otherwise non-public address; webhooks go to public addresses only"
                    : "url host " + url.host + " has no usable address",
            {{"field", "url"}, {"non_public", refused}});
    return addresses;
}

} // namespace sbor::notifications
