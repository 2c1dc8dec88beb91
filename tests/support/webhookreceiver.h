#pragma once
// A local HTTP server that receives webhooks in tests: it answers each request with the next
// scripted status (then 200 for ever) and keeps every request it got. It runs on the test's
// thread, so tests wait for it with QTRY_* or QTest::qWait.

#include <QByteArray>
#include <QList>
#include <QMap>
#include <QTcpServer>

namespace sbor::test {

struct ReceivedWebhook {
    QMap<QByteArray, QByteArray> headers; // names lower-case
    QByteArray path;
    QByteArray body;
    int answeredStatus = 0;
};

struct ScriptedAnswer {
    int status = 200;
    QMap<QByteArray, QByteArray> headers;
};

class WebhookReceiver : public QObject {
public:
    WebhookReceiver();
    bool listen();
    quint16 port() const { return m_server.serverPort(); }
    // Answers for the next requests, in order; afterwards every request gets 200.
    void script(const QList<ScriptedAnswer>& answers) { m_script = answers; }
    const QList<ReceivedWebhook>& received() const { return m_received; }

private:
    void serve(QTcpSocket* socket);

    QTcpServer m_server;
    QList<ScriptedAnswer> m_script;
    QList<ReceivedWebhook> m_received;
};

} // namespace sbor::test
