#pragma once
// Sends composed emails to an SMTP server through libcurl (notifications.smtp.host/port/from).
// One connection per message: the volume is a few per purchase, and a fresh connection never
// inherits a broken state.

#include <string>

namespace sbor::notifications {

struct SmtpSettings {
    std::string host;
    int port = 25;
    std::string from; // the envelope and header sender, "Sbor <tickets@example.org>" or a bare address
    int timeoutMs = 15000;
};

struct SmtpOutcome {
    bool sent = false;
    bool permanent = false; // a 5xx answer: sending again will not help
    std::string error;
};

class SmtpSender {
public:
    explicit SmtpSender(SmtpSettings settings);
    bool configured() const { return !m_settings.host.empty(); }
    const std::string& from() const { return m_settings.from; }
    // `message` as composeEmail made it.
    SmtpOutcome send(const std::string& recipient, const std::string& message) const;

private:
    SmtpSettings m_settings;
};

// The address inside "Name <address>", or the text itself.
std::string bareAddress(const std::string& mailbox);

} // namespace sbor::notifications
