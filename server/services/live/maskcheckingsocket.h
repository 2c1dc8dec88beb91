#pragma once
// The hub's TCP side: a listener whose connections read through FrameMaskCheck, handed to
// QWebSocketServer::handleConnection for the upgrade. The socket is unbuffered, so every byte
// from the network passes through readData() once, and bytes from an unmasked frame on are held
// back from Qt; `onRefused` is told (queued on the socket's thread) so the hub can close the
// connection with 1002 (protocol error).

#include "framemaskcheck.h"

#include <QTcpServer>
#include <QTcpSocket>

#include <functional>

class QWebSocketServer;

namespace sbor::live {

class MaskCheckingSocket final : public QTcpSocket {
public:
    explicit MaskCheckingSocket(std::function<void(MaskCheckingSocket*)> onRefused, QObject* parent = nullptr)
        : QTcpSocket(parent), m_onRefused(std::move(onRefused)) {}

    bool refused() const { return m_check.refused(); }
    qint64 bytesAvailable() const override;

protected:
    qint64 readData(char* data, qint64 maxSize) override;

private:
    FrameMaskCheck m_check;
    std::function<void(MaskCheckingSocket*)> m_onRefused;
};

class MaskCheckingListener final : public QTcpServer {
public:
    MaskCheckingListener(QWebSocketServer& upgrader, std::function<void(MaskCheckingSocket*)> onRefused, QObject* parent = nullptr)
        : QTcpServer(parent), m_upgrader(upgrader), m_onRefused(std::move(onRefused)) {}

protected:
    void incomingConnection(qintptr descriptor) override;

private:
    QWebSocketServer& m_upgrader;
    std::function<void(MaskCheckingSocket*)> m_onRefused;
};

} // namespace sbor::live
