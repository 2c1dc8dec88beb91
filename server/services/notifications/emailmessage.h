#pragma once
// An email as SMTP carries it (RFC 5322 + MIME): UTF-8 text in base64, RFC 2047 subjects, and
// attachments (the ticket's QR) in multipart/mixed. Pure text building, no sending.

#include <string>
#include <vector>

namespace sbor::notifications {

struct EmailAttachment {
    std::string filename;
    std::string contentType; // "image/png"
    std::string bytes;
};

struct EmailMessage {
    std::string from;
    std::string to;
    std::string subject;
    std::string body; // UTF-8 plain text, "\n" line ends
    std::vector<EmailAttachment> attachments;
    std::string messageId; // without <>, e.g. "<uuid>@sbor"
};

// The message with CRLF line ends, ready for SMTP's DATA.
std::string composeEmail(const EmailMessage& message);

// RFC 2047 encoded-words for a header value that is not plain ASCII; ASCII comes back as it is.
std::string encodeHeaderWord(const std::string& text);

} // namespace sbor::notifications
