#include "serversession.h"

#include "apiclient.h"
#include "sborapi.h"

namespace sbor::kiosk {

ServerSession::ServerSession(const QUrl& server, Patience patience, const QString& deviceToken)
    : m_client(std::make_unique<client::ApiClient>(
          client::ApiClient::Settings{server, patience.timeoutMs, patience.attempts, patience.backoffMs})),
      m_api(std::make_unique<client::SborApi>(*m_client))
{
    if (!deviceToken.isEmpty())
        m_client->setStaticToken(deviceToken);
}

ServerSession::~ServerSession() = default;

} // namespace sbor::kiosk
