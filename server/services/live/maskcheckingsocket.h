#pragma once
// The hub's TCP side: a listener whose connections are read through FrameMaskCheck, handed to
// QWebSocketServer::handleConnection for the upgrade. Qt 6.4's sockets are always buffered (an
// Unbuffered open mode is ignored) and readers take from the buffer when they please (the
// upgrade is read later than its readyRead), so the check runs in a readyRead slot connected
// before Qt's own and finds the new bytes by the stream's position: what the kernel has handed
// to Qt so far (TCP_INFO's bytes received less what is still queued) against what was checked.
// On an unmasked frame it tells `onRefused` at once, in that slot, so the hub marks the client
// dropped (nothing it sent is acted on) and closes the connection with 1002 (protocol error).

#include "framemaskcheck.h"

#include <QTcpServer>
#include <QTcpSocket>

#include <functional>

class QWebSocketServer;

namespace sbor::live {

class MaskCheckingSocket final : public QTcpSocket {
public:
    explicit MaskCheckingSocket(std::function<void(MaskCheckingSocket*)> onRefused, QObject* parent = nullptr);

    bool refused() const { return m_check.refused(); }

private:
    void checkNewBytes();

    FrameMaskCheck m_check;
    std::function<void(MaskCheckingSocket*)> m_onRefused;
    std::uint64_t m_checkedUpTo = 0; // stream position: bytes checked so far
};

class MaskCheckingListener final : public QTcpServer {
public:
    MaskCheckingListener(QWebSocketServer& upgrader, std::function<void(MaskCheckingSocket*)> onRefused,
                         QObject* parent = nullptr)
        : QTcpServer(parent), m_upgrader(upgrader), m_onRefused(std::move(onRefused))
    {}

protected:
    void incomingConnection(qintptr descriptor) override;

private:
    QWebSocketServer& m_upgrader;
    std::function<void(MaskCheckingSocket*)> m_onRefused;
};

} // namespace sbor::live
