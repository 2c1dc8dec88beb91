#include "liveclient.h"

#include <QElapsedTimer>
#include <QJsonDocument>
#include <QNetworkRequest>
#include <QTest>
#include <QUrlQuery>

namespace sbor::test {

LiveClient::LiveClient()
{
    QObject::connect(&m_socket, &QWebSocket::textMessageReceived,
                     [this](const QString& text) { m_frames << QJsonDocument::fromJson(text.toUtf8()).object(); });
}

bool LiveClient::connectTo(quint16 livePort, const QString& token, bool inQuery, const QString& path, int timeoutMs)
{
    QUrl url(QStringLiteral("ws://127.0.0.1:%1%2").arg(livePort).arg(path));
    QNetworkRequest request;
    if (inQuery) {
        QUrlQuery query;
        query.addQueryItem(QStringLiteral("access_token"), token);
        url.setQuery(query);
    } else if (!token.isEmpty()) {
        request.setRawHeader("Authorization", "Bearer " + token.toUtf8());
    }
    request.setUrl(url);
    bool connected = false;
    bool failed = false;
    const auto onConnected = QObject::connect(&m_socket, &QWebSocket::connected, [&] { connected = true; });
    const auto onError = QObject::connect(&m_socket, qOverload<QAbstractSocket::SocketError>(&QWebSocket::error),
                                          [&] { failed = true; });
    m_socket.open(request);
    QElapsedTimer timer;
    timer.start();
    // The handshake counts, even if the server closes right after it (a refused token).
    while (!connected && !failed && timer.elapsed() < timeoutMs)
        QTest::qWait(5);
    QObject::disconnect(onConnected);
    QObject::disconnect(onError);
    return connected;
}

void LiveClient::send(const QJsonObject& frame)
{
    m_socket.sendTextMessage(QString::fromUtf8(QJsonDocument(frame).toJson(QJsonDocument::Compact)));
}

void LiveClient::subscribe(const QString& topic, qint64 since)
{
    QJsonObject frame{{"op", "subscribe"}, {"topic", topic}};
    if (since >= 0)
        frame.insert("since", since);
    send(frame);
}

QJsonObject LiveClient::waitFor(const std::function<bool(const QJsonObject&)>& match, int timeoutMs)
{
    QElapsedTimer timer;
    timer.start();
    for (;;) {
        for (int i = 0; i < m_frames.size(); ++i) {
            if (match(m_frames[i]))
                return m_frames.takeAt(i);
        }
        if (timer.elapsed() > timeoutMs)
            return {};
        QTest::qWait(5);
    }
}

QJsonObject LiveClient::waitForOp(const QString& op, int timeoutMs)
{
    return waitFor([&](const QJsonObject& frame) { return frame.value("op").toString() == op; }, timeoutMs);
}

QJsonObject LiveClient::waitForType(const QString& topic, const QString& type, int timeoutMs)
{
    return waitFor(
        [&](const QJsonObject& frame) {
            return frame.value("topic").toString() == topic && frame.value("type").toString() == type;
        },
        timeoutMs);
}

bool LiveClient::waitForDisconnect(int timeoutMs)
{
    QElapsedTimer timer;
    timer.start();
    while (m_socket.state() != QAbstractSocket::UnconnectedState && timer.elapsed() < timeoutMs)
        QTest::qWait(10);
    return m_socket.state() == QAbstractSocket::UnconnectedState;
}

} // namespace sbor::test
