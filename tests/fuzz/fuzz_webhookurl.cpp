// The webhook URL checker: organizers type the URL that Sbor will later post to, so it is the
// guard against requests into Sbor's own network (SSRF). parseWebhookUrl and isNonPublicAddress
// must not crash or throw on any text; a URL that passes is normalised, and its normal form passes
// again to the same scheme, host and port (what is stored is what is checked at delivery).
// reachableAddresses is left out on purpose: it resolves names over DNS.
//
// Input: the first byte's low bit picks the half — a URL, or a numeric address.

#include "fuzzchecks.h"

#include "notifications/webhookdestination.h"

#include <cstdint>
#include <string>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    if (size == 0)
        return 0;
    const std::string text(sbor::fuzz::textOf(data + 1, size - 1));
    if ((data[0] & 1) != 0) {
        (void)sbor::notifications::isNonPublicAddress(text);
        return 0;
    }
    const auto url = sbor::notifications::parseWebhookUrl(text);
    if (!url)
        return 0;
    sbor::fuzz::require(url->scheme == "http" || url->scheme == "https");
    // Port 0 passes (libcurl accepts it); a delivery there fails to connect, which is harmless.
    sbor::fuzz::require(!url->host.empty() && url->port >= 0 && url->port <= 65535);
    (void)sbor::notifications::isNonPublicAddress(url->host);
    const auto again = sbor::notifications::parseWebhookUrl(url->text);
    sbor::fuzz::require(again && again->text == url->text && again->scheme == url->scheme && again->host == url->host &&
                        again->port == url->port);
    return 0;
}
