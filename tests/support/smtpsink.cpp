#include "smtpsink.h"

#include "testserver.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonDocument>
#include <QTest>

namespace sbor::test {

SmtpSink::SmtpSink(int refuseFirst) : m_refuseFirst(refuseFirst) {}

SmtpSink::~SmtpSink()
{
    if (m_process.state() != QProcess::NotRunning) {
        m_process.kill();
        m_process.waitForFinished(5000);
    }
}

bool SmtpSink::start()
{
    m_port = freeLoopbackPort();
    QStringList arguments = {QStringLiteral(SBOR_SMTP_SINK), QStringLiteral("127.0.0.1"), QString::number(m_port),
                             m_dir.path()};
    if (m_refuseFirst > 0)
        arguments << QStringLiteral("--refuse-first") << QString::number(m_refuseFirst);
    // Debian's Python: it has python3-aiosmtpd (another python3 first on PATH may not).
    m_process.start(QStringLiteral("/usr/bin/python3"), arguments);
    if (!m_process.waitForReadyRead(15000) || !m_process.readAllStandardOutput().contains("listening")) {
        qWarning("the SMTP sink did not start: %s", m_process.readAllStandardError().constData());
        return false;
    }
    return true;
}

QList<QJsonObject> SmtpSink::messages() const
{
    QList<QJsonObject> messages;
    for (const QString& name :
         QDir(m_dir.path()).entryList({QStringLiteral("*.json")}, QDir::Files, QDir::Time | QDir::Reversed)) {
        QFile file(m_dir.filePath(name));
        if (file.open(QIODevice::ReadOnly))
            messages << QJsonDocument::fromJson(file.readAll()).object();
    }
    return messages;
}

QList<QJsonObject> SmtpSink::waitForMessagesTo(const QString& recipient, int count, int timeoutMs) const
{
    QElapsedTimer timer;
    timer.start();
    QList<QJsonObject> found;
    for (;;) {
        found.clear();
        for (const auto& message : messages()) {
            for (const auto& to : message.value("rcpt_tos").toArray())
                if (to.toString().compare(recipient, Qt::CaseInsensitive) == 0)
                    found << message;
        }
        if (found.size() >= count || timer.elapsed() > timeoutMs)
            return found;
        QTest::qWait(100);
    }
}

} // namespace sbor::test
