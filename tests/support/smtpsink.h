#pragma once
// A real SMTP server for tests (tests/fixtures/smtp-sink.py on Debian's aiosmtpd): every message
// it receives is parsed by Python's email package and kept as JSON, so tests see what a mail
// client would.

#include <QJsonArray>
#include <QJsonObject>
#include <QList>
#include <QProcess>
#include <QTemporaryDir>

namespace sbor::test {

class SmtpSink {
public:
    // `refuseFirst`: that many messages are answered "451 try again later" first.
    explicit SmtpSink(int refuseFirst = 0);
    ~SmtpSink();
    bool start(); // false (with a warning) if it did not come up
    quint16 port() const { return m_port; }
    // Every message so far: {mail_from, rcpt_tos, subject, from, to, text, attachments: [{filename, content_type, base64}]}.
    QList<QJsonObject> messages() const;
    // Messages to `recipient`, waiting up to `timeoutMs` until at least `count` are there.
    QList<QJsonObject> waitForMessagesTo(const QString& recipient, int count, int timeoutMs = 20000) const;

private:
    int m_refuseFirst;
    QTemporaryDir m_dir;
    QProcess m_process;
    quint16 m_port = 0;
};

} // namespace sbor::test
