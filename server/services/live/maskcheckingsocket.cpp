#include "maskcheckingsocket.h"

#include <QWebSocketServer>

#include <linux/tcp.h> // tcp_info with tcpi_bytes_received (glibc's copy lacks it)
#include <netinet/in.h>
#include <sys/ioctl.h>
#include <sys/socket.h>

#include <algorithm>
#include <cstddef>
#include <optional>

namespace sbor::live {
namespace {

// How many bytes of the stream the kernel has handed to the process: all it received, less what
// still waits to be read. Asked twice around TCP_INFO so that bytes arriving meanwhile show.
std::optional<std::uint64_t> bytesTakenFromKernel(int descriptor)
{
    for (int attempt = 0; attempt < 4; ++attempt) {
        int queuedBefore = 0;
        int queuedAfter = 0;
        tcp_info info{};
        socklen_t length = sizeof info;
        if (ioctl(descriptor, FIONREAD, &queuedBefore) != 0 ||
            getsockopt(descriptor, IPPROTO_TCP, TCP_INFO, &info, &length) != 0 ||
            length < offsetof(tcp_info, tcpi_bytes_received) + sizeof info.tcpi_bytes_received ||
            ioctl(descriptor, FIONREAD, &queuedAfter) != 0)
            return std::nullopt;
        if (queuedBefore == queuedAfter && info.tcpi_bytes_received >= static_cast<std::uint64_t>(queuedAfter))
            return info.tcpi_bytes_received - static_cast<std::uint64_t>(queuedAfter);
    }
    return std::nullopt;
}

} // namespace

MaskCheckingSocket::MaskCheckingSocket(std::function<void(MaskCheckingSocket*)> onRefused, QObject* parent)
    : QTcpSocket(parent), m_onRefused(std::move(onRefused))
{
    // Connected before anyone else's readyRead slot, so it runs first on every emission.
    connect(this, &QTcpSocket::readyRead, this, [this] { checkNewBytes(); });
}

void MaskCheckingSocket::checkNewBytes()
{
    if (refused())
        return;
    const auto taken = bytesTakenFromKernel(static_cast<int>(socketDescriptor()));
    if (!taken || *taken <= m_checkedUpTo)
        return;
    const qint64 available = bytesAvailable();
    // The buffer ends at stream position `taken`: its last (taken - checked) bytes are new. More
    // than the buffer holds cannot be new unless someone read before this slot ran.
    const qint64 fresh = std::min<qint64>(available, static_cast<qint64>(*taken - m_checkedUpTo));
    m_checkedUpTo = *taken;
    if (fresh <= 0)
        return;
    const QByteArray buffered = peek(available);
    const auto* bytes = reinterpret_cast<const std::uint8_t*>(buffered.constData()) + (buffered.size() - fresh);
    if (m_check.feed(bytes, static_cast<std::size_t>(fresh)))
        m_onRefused(this);
}

void MaskCheckingListener::incomingConnection(qintptr descriptor)
{
    auto* socket = new MaskCheckingSocket(m_onRefused);
    if (!socket->setSocketDescriptor(descriptor)) {
        delete socket;
        return;
    }
    // Each frame leaves when it is written. Under Nagle's algorithm a close frame written right
    // after an error frame waits for the error frame's (delayed) ACK; if a pong is still unread
    // when Qt then closes the socket, the kernel resets the connection and drops the waiting
    // close frame: the likely way a revoked kiosk once saw 1000 instead of 1008 in CI. A live
    // feed wants no such delay on any frame anyway.
    socket->setSocketOption(QAbstractSocket::LowDelayOption, 1);
    m_upgrader.handleConnection(socket); // takes ownership
}

} // namespace sbor::live
