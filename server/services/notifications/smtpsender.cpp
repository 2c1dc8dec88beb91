#include "smtpsender.h"

#include <curl/curl.h>

#include <cstring>

namespace sbor::notifications {
namespace {

struct Reader {
    const std::string& text;
    std::size_t at = 0;
};

std::size_t readMessage(char* buffer, std::size_t size, std::size_t count, void* userData)
{
    auto& reader = *static_cast<Reader*>(userData);
    const std::size_t length = std::min(size * count, reader.text.size() - reader.at);
    std::memcpy(buffer, reader.text.data() + reader.at, length);
    reader.at += length;
    return length;
}

} // namespace

std::string bareAddress(const std::string& mailbox)
{
    const auto open = mailbox.rfind('<');
    const auto close = mailbox.rfind('>');
    if (open != std::string::npos && close != std::string::npos && close > open)
        return mailbox.substr(open + 1, close - open - 1);
    return mailbox;
}

SmtpSender::SmtpSender(SmtpSettings settings) : m_settings(std::move(settings)) {}

SmtpOutcome SmtpSender::send(const std::string& recipient, const std::string& message) const
{
    CURL* curl = curl_easy_init();
    if (!curl)
        return {false, false, "libcurl could not start"};
    Reader reader{message};
    curl_slist* recipients = curl_slist_append(nullptr, ("<" + bareAddress(recipient) + ">").c_str());
    const std::string url = "smtp://" + m_settings.host + ":" + std::to_string(m_settings.port);
    const std::string from = "<" + bareAddress(m_settings.from) + ">";
    char errorText[CURL_ERROR_SIZE] = {0};
    curl_easy_setopt(curl, CURLOPT_URL, url.c_str());
    curl_easy_setopt(curl, CURLOPT_MAIL_FROM, from.c_str());
    curl_easy_setopt(curl, CURLOPT_MAIL_RCPT, recipients);
    curl_easy_setopt(curl, CURLOPT_READFUNCTION, readMessage);
    curl_easy_setopt(curl, CURLOPT_READDATA, &reader);
    curl_easy_setopt(curl, CURLOPT_UPLOAD, 1L);
    curl_easy_setopt(curl, CURLOPT_TIMEOUT_MS, static_cast<long>(m_settings.timeoutMs));
    curl_easy_setopt(curl, CURLOPT_CONNECTTIMEOUT_MS, static_cast<long>(std::min(m_settings.timeoutMs, 5000)));
    curl_easy_setopt(curl, CURLOPT_NOSIGNAL, 1L);
    curl_easy_setopt(curl, CURLOPT_ERRORBUFFER, errorText);
    // Servers that offer STARTTLS get it; plain servers (a local relay) still work.
    curl_easy_setopt(curl, CURLOPT_USE_SSL, static_cast<long>(CURLUSESSL_TRY));
    const CURLcode code = curl_easy_perform(curl);
    long response = 0;
    curl_easy_getinfo(curl, CURLINFO_RESPONSE_CODE, &response);
    curl_slist_free_all(recipients);
    curl_easy_cleanup(curl);
    if (code == CURLE_OK)
        return {true, false, ""};
    const std::string error = std::string(curl_easy_strerror(code)) +
        (errorText[0] ? std::string(": ") + errorText : "") +
        (response ? " (SMTP " + std::to_string(response) + ")" : "");
    return {false, response >= 500 && response < 600, error};
}

} // namespace sbor::notifications
