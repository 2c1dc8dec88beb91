#include "webhookposter.h"

#include <curl/curl.h>

#include <chrono>
#include <cstdlib>
#include <strings.h>

namespace sbor::notifications {
namespace {

constexpr std::size_t kKeptResponseBytes = 1024;

std::size_t keepBody(char* data, std::size_t size, std::size_t count, void* userData)
{
    auto& body = *static_cast<std::string*>(userData);
    if (body.size() < kKeptResponseBytes)
        body.append(data, std::min(size * count, kKeptResponseBytes - body.size()));
    return size * count; // read the rest too, so the connection ends cleanly
}

std::size_t readHeader(char* data, std::size_t size, std::size_t count, void* userData)
{
    const std::string line(data, size * count);
    constexpr char kName[] = "retry-after:";
    if (line.size() > sizeof kName - 1 && strncasecmp(line.c_str(), kName, sizeof kName - 1) == 0) {
        // Seconds only; an HTTP date is rare from webhook receivers and falls back to the schedule.
        char* end = nullptr;
        const long long seconds = std::strtoll(line.c_str() + sizeof kName - 1, &end, 10);
        if (end != line.c_str() + sizeof kName - 1 && seconds >= 0)
            *static_cast<std::optional<long long>*>(userData) = seconds;
    }
    return size * count;
}

// Invalid or cut-off UTF-8 sequences become U+FFFD.
std::string validUtf8(const std::string& bytes)
{
    std::string out;
    for (std::size_t i = 0; i < bytes.size();) {
        const unsigned char lead = static_cast<unsigned char>(bytes[i]);
        std::size_t length = lead < 0x80 ? 1
            : (lead >> 5) == 0x6         ? 2
            : (lead >> 4) == 0xe         ? 3
            : (lead >> 3) == 0x1e        ? 4
                                         : 0;
        bool valid = length > 0 && i + length <= bytes.size() && !(length == 1 && lead == 0);
        for (std::size_t k = 1; valid && k < length; ++k)
            valid = (static_cast<unsigned char>(bytes[i + k]) & 0xc0) == 0x80;
        if (valid) {
            out.append(bytes, i, length);
            i += length;
        } else {
            out += "\xEF\xBF\xBD";
            ++i;
        }
    }
    return out;
}

} // namespace

WebhookResponse postWebhook(const WebhookRequest& request)
{
    WebhookResponse response;
    CURL* curl = curl_easy_init();
    if (!curl) {
        response.error = "libcurl could not start";
        return response;
    }
    const std::string pinned = request.url.host + ":" + std::to_string(request.url.port) + ":" +
        (request.address.find(':') != std::string::npos ? "[" + request.address + "]" : request.address);
    curl_slist* resolve = curl_slist_append(nullptr, pinned.c_str());
    curl_slist* headers = nullptr;
    for (const auto& [name, value] : request.headers)
        headers = curl_slist_append(headers, (name + ": " + value).c_str());
    headers = curl_slist_append(headers, "Expect:"); // no 100-continue round trip
    char errorText[CURL_ERROR_SIZE] = {0};
    curl_easy_setopt(curl, CURLOPT_URL, request.url.text.c_str());
    curl_easy_setopt(curl, CURLOPT_RESOLVE, resolve);
    // A proxy from the environment would resolve the name itself and reach what we refused.
    curl_easy_setopt(curl, CURLOPT_PROXY, "");
    curl_easy_setopt(curl, CURLOPT_NOPROXY, "*");
    curl_easy_setopt(curl, CURLOPT_PROTOCOLS_STR, "http,https");
    curl_easy_setopt(curl, CURLOPT_FOLLOWLOCATION, 0L);
    curl_easy_setopt(curl, CURLOPT_POST, 1L);
    curl_easy_setopt(curl, CURLOPT_POSTFIELDS, request.body.data());
    curl_easy_setopt(curl, CURLOPT_POSTFIELDSIZE, static_cast<long>(request.body.size()));
    curl_easy_setopt(curl, CURLOPT_HTTPHEADER, headers);
    curl_easy_setopt(curl, CURLOPT_USERAGENT, "Sbor-Webhooks/1");
    curl_easy_setopt(curl, CURLOPT_TIMEOUT_MS, static_cast<long>(request.timeoutMs));
    curl_easy_setopt(curl, CURLOPT_CONNECTTIMEOUT_MS, static_cast<long>(std::min(request.timeoutMs, 5000)));
    curl_easy_setopt(curl, CURLOPT_NOSIGNAL, 1L);
    curl_easy_setopt(curl, CURLOPT_ERRORBUFFER, errorText);
    curl_easy_setopt(curl, CURLOPT_WRITEFUNCTION, keepBody);
    curl_easy_setopt(curl, CURLOPT_WRITEDATA, &response.body);
    curl_easy_setopt(curl, CURLOPT_HEADERFUNCTION, readHeader);
    curl_easy_setopt(curl, CURLOPT_HEADERDATA, &response.retryAfterSeconds);
    const auto started = std::chrono::steady_clock::now();
    const CURLcode code = curl_easy_perform(curl);
    response.durationMs = static_cast<int>(
        std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - started).count());
    if (code == CURLE_OK) {
        long status = 0;
        curl_easy_getinfo(curl, CURLINFO_RESPONSE_CODE, &status);
        response.statusCode = static_cast<int>(status);
    } else {
        response.error = std::string(curl_easy_strerror(code)) + (errorText[0] ? std::string(": ") + errorText : "");
    }
    curl_slist_free_all(headers);
    curl_slist_free_all(resolve);
    curl_easy_cleanup(curl);
    response.body = validUtf8(response.body); // kept in a text column: whatever the receiver sent
    return response;
}

} // namespace sbor::notifications
