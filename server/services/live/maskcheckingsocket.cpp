#include "maskcheckingsocket.h"

#include <QWebSocketServer>

namespace sbor::live {

qint64 MaskCheckingSocket::bytesAvailable() const
{
    // What is held back must not look readable: Qt would ask for it again and again.
    return refused() ? QIODevice::bytesAvailable() : QTcpSocket::bytesAvailable();
}

qint64 MaskCheckingSocket::readData(char* data, qint64 maxSize)
{
    if (refused())
        return 0;
    const qint64 read = QTcpSocket::readData(data, maxSize);
    if (read <= 0)
        return read;
    const auto refusedAt = m_check.feed(reinterpret_cast<const std::uint8_t*>(data), static_cast<std::size_t>(read));
    if (!refusedAt)
        return read;
    QMetaObject::invokeMethod(this, [this] { m_onRefused(this); }, Qt::QueuedConnection);
    return static_cast<qint64>(*refusedAt);
}

void MaskCheckingListener::incomingConnection(qintptr descriptor)
{
    auto* socket = new MaskCheckingSocket(m_onRefused);
    if (!socket->setSocketDescriptor(descriptor, QAbstractSocket::ConnectedState, QIODevice::ReadWrite | QIODevice::Unbuffered)) {
        delete socket;
        return;
    }
    m_upgrader.handleConnection(socket); // takes ownership
}

} // namespace sbor::live
