#pragma once
// A live-feed client for tests: a real QWebSocket to ws://127.0.0.1:<live port>/api/v1/live that
// keeps every frame it receives. Runs on the test's thread; the waits spin the event loop.

#include <QJsonObject>
#include <QList>
#include <QString>
#include <QWebSocket>

#include <functional>

namespace sbor::test {

class LiveClient {
public:
    LiveClient();
    // `token` goes in the Authorization header, or as ?access_token= when `inQuery`.
    bool connectTo(quint16 livePort, const QString& token, bool inQuery = false, const QString& path = "/api/v1/live",
                   int timeoutMs = 10000);
    void send(const QJsonObject& frame);
    void subscribe(const QString& topic, qint64 since = -1);
    // Waits until a frame matching `match` arrives (or was already received and not yet taken);
    // returns it and forgets it. Empty object on timeout.
    QJsonObject waitFor(const std::function<bool(const QJsonObject&)>& match, int timeoutMs = 10000);
    QJsonObject waitForOp(const QString& op, int timeoutMs = 10000);
    QJsonObject waitForType(const QString& topic, const QString& type, int timeoutMs = 10000);
    bool waitForDisconnect(int timeoutMs = 10000);
    bool isConnected() const { return m_socket.state() == QAbstractSocket::ConnectedState; }
    QList<QJsonObject> pending() const { return m_frames; }
    void close() { m_socket.close(); }
    QWebSocket& socket() { return m_socket; }

private:
    QWebSocket m_socket;
    QList<QJsonObject> m_frames;
};

} // namespace sbor::test
