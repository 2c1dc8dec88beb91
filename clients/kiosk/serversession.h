#pragma once
// One way of talking to the kiosk's server: the typed API over a client of its own, with that
// client's patience — enrollment, syncs and uploads wait and retry; redeems and searches get one
// short attempt, then the kiosk decides offline. Answers still on their way die with it.

#include <QObject>
#include <QString>
#include <QUrl>

#include <memory>

namespace sbor::client {
class ApiClient;
class SborApi;
} // namespace sbor::client

namespace sbor::kiosk {

class ServerSession : public QObject {
    Q_OBJECT

public:
    struct Patience {
        int timeoutMs; // per attempt
        int attempts;  // of a request that may be sent twice
        int backoffMs; // the first pause between them
    };
    static constexpr Patience kPatient{10000, 3, 250};
    static Patience quick(int timeoutMs) { return {timeoutMs, 1, 0}; }

    // `deviceToken`: sent with every call; none before enrollment.
    ServerSession(const QUrl& server, Patience patience, const QString& deviceToken = {});
    ~ServerSession() override;

    client::SborApi& api() { return *m_api; }

private:
    std::unique_ptr<client::ApiClient> m_client;
    std::unique_ptr<client::SborApi> m_api;
};

} // namespace sbor::kiosk
