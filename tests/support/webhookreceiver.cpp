#include "webhookreceiver.h"

#include <QHostAddress>
#include <QTcpSocket>

namespace sbor::test {

WebhookReceiver::WebhookReceiver()
{
    QObject::connect(&m_server, &QTcpServer::newConnection, this, [this] {
        while (QTcpSocket* socket = m_server.nextPendingConnection()) {
            socket->setParent(this);
            QObject::connect(socket, &QTcpSocket::readyRead, this, [this, socket] { serve(socket); });
            QObject::connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
        }
    });
}

bool WebhookReceiver::listen() { return m_server.listen(QHostAddress::LocalHost, 0); }

void WebhookReceiver::serve(QTcpSocket* socket)
{
    // Buffer until the head and a Content-Length body are in; one request per connection.
    QByteArray buffer = socket->property("buffer").toByteArray() + socket->readAll();
    socket->setProperty("buffer", buffer);
    const int headEnd = buffer.indexOf("\r\n\r\n");
    if (headEnd < 0)
        return;
    ReceivedWebhook request;
    const QList<QByteArray> lines = buffer.left(headEnd).split('\n');
    const QList<QByteArray> requestLine = lines.value(0).trimmed().split(' ');
    request.path = requestLine.value(1);
    for (int i = 1; i < lines.size(); ++i) {
        const int colon = lines[i].indexOf(':');
        if (colon > 0)
            request.headers.insert(lines[i].left(colon).trimmed().toLower(), lines[i].mid(colon + 1).trimmed());
    }
    const int length = request.headers.value("content-length", "0").toInt();
    if (buffer.size() < headEnd + 4 + length)
        return;
    request.body = buffer.mid(headEnd + 4, length);
    const ScriptedAnswer answer = m_script.isEmpty() ? ScriptedAnswer{} : m_script.takeFirst();
    request.answeredStatus = answer.status;
    m_received << request;
    QByteArray response = "HTTP/1.1 " + QByteArray::number(answer.status) +
        " Scripted\r\nContent-Type: text/plain\r\nConnection: close\r\n";
    for (auto it = answer.headers.begin(); it != answer.headers.end(); ++it)
        response += it.key() + ": " + it.value() + "\r\n";
    const QByteArray body = "answered " + QByteArray::number(answer.status);
    response += "Content-Length: " + QByteArray::number(body.size()) + "\r\n\r\n" + body;
    socket->write(response);
    socket->disconnectFromHost();
}

} // namespace sbor::test
