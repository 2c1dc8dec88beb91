#pragma once
// Enrollment: a server address and the one-time code the organizer's app shows (typed, or its QR
// handshake scanned) exchanged for this device's token, event and entrance.

#include "kiosksettings.h"
#include "serversession.h"

#include <QObject>
#include <QtQmlIntegration/qqmlintegration.h>

#include <memory>

namespace sbor::kiosk {

class DeviceEnrollment : public QObject {
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("the door's enrollment: Door.enrollment")
    Q_PROPERTY(bool enrolling READ isEnrolling NOTIFY enrollingChanged)
    Q_PROPERTY(QString error READ error NOTIFY enrollingChanged)

public:
    explicit DeviceEnrollment(QObject* parent = nullptr);
    ~DeviceEnrollment() override;

    bool isEnrolling() const { return m_enrolling; }
    QString error() const { return m_error; }

    // Asks `serverUrl` to enroll with `code`; `enrolled` or a new `error` follows. `pin` is only
    // handed on with the enrollment.
    Q_INVOKABLE void enroll(const QString& serverUrl, const QString& code, const QString& pin = {});
    // The same from the organizer's QR text; false (and nothing asked) when it is not one.
    bool enrollFromHandshake(const QString& text, const QString& pin = {});

signals:
    void enrollingChanged();
    void enrolled(const sbor::kiosk::Enrollment& enrollment, const QString& pin);

private:
    bool m_enrolling = false;
    QString m_error;
    std::unique_ptr<ServerSession> m_server;
};

} // namespace sbor::kiosk
