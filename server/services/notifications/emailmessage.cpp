#include "emailmessage.h"

#include "sbor/base64url.h"

#include <ctime>

namespace sbor::notifications {
namespace {

bool plainAscii(const std::string& text)
{
    for (unsigned char c : text)
        if (c >= 0x80 || c < 0x20)
            return false;
    return true;
}

// Base64 in lines of 76 characters (RFC 2045 §6.8).
std::string base64Lines(const std::string& bytes)
{
    const std::string encoded = base64Encode(bytes);
    std::string out;
    for (std::size_t at = 0; at < encoded.size(); at += 76)
        out += encoded.substr(at, 76) + "\r\n";
    return out;
}

std::string rfc5322Now()
{
    char text[64];
    const std::time_t now = std::time(nullptr);
    std::tm utc{};
    gmtime_r(&now, &utc);
    std::strftime(text, sizeof text, "%a, %d %b %Y %H:%M:%S +0000", &utc);
    return text;
}

std::string boundaryOf(const std::string& messageId)
{
    // Never appears in base64 content (which has no '=' inside lines nor '_'), so it cannot collide.
    return "=_sbor_" + std::to_string(std::hash<std::string>{}(messageId));
}

} // namespace

std::string encodeHeaderWord(const std::string& text)
{
    if (plainAscii(text))
        return text;
    // Encoded words of at most 75 characters, each holding whole UTF-8 characters (RFC 2047 §5).
    std::string out;
    std::string chunk;
    auto flush = [&] {
        if (chunk.empty())
            return;
        out += (out.empty() ? "" : "\r\n ") + std::string("=?UTF-8?B?") + base64Encode(chunk) + "?=";
        chunk.clear();
    };
    for (std::size_t at = 0; at < text.size();) {
        std::size_t length = 1;
        const unsigned char lead = static_cast<unsigned char>(text[at]);
        if (lead >= 0xf0)
            length = 4;
        else if (lead >= 0xe0)
            length = 3;
        else if (lead >= 0xc0)
            length = 2;
        if (chunk.size() + length > 39) // 52 base64 characters: the first line with "Subject: " stays under 78
            flush();
        chunk.append(text, at, length);
        at += length;
    }
    flush();
    return out;
}

std::string composeEmail(const EmailMessage& message)
{
    std::string headers = "Date: " + rfc5322Now() + "\r\n" + "From: " + message.from + "\r\n" + "To: " + message.to +
        "\r\n" + "Subject: " + encodeHeaderWord(message.subject) + "\r\n" + "Message-ID: <" + message.messageId +
        ">\r\n" + "MIME-Version: 1.0\r\n" + "Auto-Submitted: auto-generated\r\n";
    std::string body; // canonical text form: CRLF line ends (RFC 2046 §4.1.1)
    for (char c : message.body) {
        if (c == '\n')
            body += "\r\n";
        else if (c != '\r')
            body += c;
    }
    const std::string textPart =
        "Content-Type: text/plain; charset=UTF-8\r\nContent-Transfer-Encoding: base64\r\n\r\n" + base64Lines(body);
    if (message.attachments.empty())
        return headers + textPart;
    const std::string boundary = boundaryOf(message.messageId);
    std::string out = headers + "Content-Type: multipart/mixed; boundary=\"" + boundary + "\"\r\n\r\n" +
        "This is a multi-part message in MIME format.\r\n" + "--" + boundary + "\r\n" + textPart;
    for (const auto& attachment : message.attachments) {
        out += "--" + boundary + "\r\n" + "Content-Type: " + attachment.contentType + "; name=\"" +
            attachment.filename + "\"\r\n" + "Content-Disposition: attachment; filename=\"" + attachment.filename +
            "\"\r\n" + "Content-Transfer-Encoding: base64\r\n\r\n" + base64Lines(attachment.bytes);
    }
    out += "--" + boundary + "--\r\n";
    return out;
}

} // namespace sbor::notifications
