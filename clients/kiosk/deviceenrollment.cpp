#include "deviceenrollment.h"

#include "sborapi.h"

#include <QUrl>

namespace sbor::kiosk {

namespace {
QString q(const std::string& text) { return QString::fromStdString(text); }
} // namespace

DeviceEnrollment::DeviceEnrollment(QObject* parent) : QObject(parent) {}

DeviceEnrollment::~DeviceEnrollment() = default;

void DeviceEnrollment::enroll(const QString& serverUrl, const QString& code, const QString& pin)
{
    const QUrl server = QUrl::fromUserInput(serverUrl.trimmed());
    if (!server.isValid() || (server.scheme() != "http" && server.scheme() != "https") || code.trimmed().isEmpty()) {
        m_error = tr("Enter the server address and the code from the organizer's screen.");
        emit enrollingChanged();
        return;
    }
    if (m_enrolling)
        return;
    m_enrolling = true;
    m_error.clear();
    emit enrollingChanged();
    // Kept as a member and released later: the answer arrives inside the client's own signal.
    m_server = std::make_unique<ServerSession>(server, ServerSession::kPatient);
    m_server->api()
        .enrollDevice(code.trimmed())
        .then(this, [this, server, pin](client::ApiResult<wire::EnrolledDevice> answer) {
            m_enrolling = false;
            m_server.release()->deleteLater();
            if (!answer) {
                const auto& failure = answer.error();
                m_error = failure.isTransport()
                    ? tr("Cannot reach %1. Check the address and the network.").arg(server.toString())
                    : failure.httpStatus == 401
                    ? tr("This code is not valid (any more). Ask the organizer for a new one.")
                    : q(failure.error.message);
                emit enrollingChanged();
                return;
            }
            const Enrollment enrollment{server.toString(QUrl::StripTrailingSlash),
                                        {},
                                        q(answer->deviceToken),
                                        q(answer->deviceId),
                                        q(answer->eventId),
                                        q(answer->eventTitle),
                                        q(answer->listId),
                                        q(answer->listName)};
            emit enrollingChanged();
            emit enrolled(enrollment, pin);
        });
}

bool DeviceEnrollment::enrollFromHandshake(const QString& text, const QString& pin)
{
    const auto handshake = wire::parseEnrollmentHandshake(text.toStdString());
    if (!handshake)
        return false;
    enroll(q(handshake->server), q(handshake->code), pin);
    return true;
}

} // namespace sbor::kiosk
