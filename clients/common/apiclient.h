#pragma once
// The one HTTP exchange of every Sbor client (Qt Network): base URL, credentials, timeouts,
// retries and token refresh, for typed calls that decode with the shared wire codecs. Everything
// is asynchronous on the thread the client lives in (the GUI thread): a call returns a QFuture at
// once, and the answer arrives through the event loop.
//
// - Timeouts: each attempt has one (Settings::timeoutMs, or the request's own); no answer in time
//   is ApiError::TimedOut.
// - Retries: only a request that may be sent twice (ApiRequest::idempotent — GET, PUT, DELETE, or
//   a POST with an Idempotency-Key or a client nonce such as a scan id) is retried, after no
//   answer, a timeout, 429, 502, 503 or 504, with exponential backoff and jitter; Retry-After is
//   honoured up to a cap.
// - Tokens: a signed-in user's access token is refreshed once when it is about to expire or a
//   call is answered 401; calls made meanwhile wait for the one refresh (the server ends a
//   session whose refresh token is used twice) and are sent again with the new token. A device
//   token or API key is never refreshed.
// - Reachability: `online` turns false when a call gets no answer and true at the next answer of
//   any kind, so a kiosk can switch to deciding locally without a setting.

#include "apierror.h"

#include <QByteArray>
#include <QDateTime>
#include <QFuture>
#include <QObject>
#include <QPromise>
#include <QString>
#include <QUrl>
#include <QUrlQuery>

#include <nlohmann/json.hpp>

#include <functional>
#include <memory>
#include <optional>
#include <vector>

class QNetworkAccessManager;
class QNetworkReply;

namespace sbor::client {

struct ApiRequest {
    QByteArray method = "GET";
    QString path; // "/api/v1/events/…", already percent-encoded where it carries values
    QUrlQuery query;
    std::optional<nlohmann::json> body;
    bool idempotent = false;   // may be sent again after a failed attempt
    bool authenticated = true; // carries the credentials
    QByteArray idempotencyKey; // Idempotency-Key header (makes a POST idempotent)
    QByteArray ifMatch;        // If-Match header (optimistic concurrency)
    int timeoutMs = 0;         // 0: the client's default
};

// An answer with a 2xx status.
struct RawAnswer {
    int status = 0;
    QByteArray body;
    QByteArray contentType;
    QByteArray entityTag;
    QString requestId;
};

class ApiClient : public QObject {
    Q_OBJECT
    Q_PROPERTY(bool online READ isOnline NOTIFY onlineChanged)

public:
    struct Settings {
        QUrl baseUrl;                 // http://127.0.0.1:8080
        int timeoutMs = 10000;        // per attempt
        int maxAttempts = 3;          // of an idempotent request
        int backoffMs = 250;          // first pause; doubles, ±20 %
        int maxRetryAfterMs = 5000;   // a longer Retry-After is not waited for
        int refreshAheadSeconds = 30; // refresh an access token this long before it expires
        QByteArray userAgent = "sbor-client/0.1";
    };

    explicit ApiClient(Settings settings, QObject* parent = nullptr);
    ~ApiClient() override;

    const Settings& settings() const { return m_settings; }
    void setBaseUrl(const QUrl& baseUrl) { m_settings.baseUrl = baseUrl; }
    void setTimeoutMs(int timeoutMs) { m_settings.timeoutMs = timeoutMs; }

    // A signed-in user: the access token (refreshed as needed) and the refresh token.
    void setUserTokens(const QString& accessToken, const QString& refreshToken, qint64 expiresInSeconds);
    // A device token or an API key: sent as it is, never refreshed.
    void setStaticToken(const QString& token);
    void clearCredentials();
    QString accessToken() const { return m_accessToken; }
    QString refreshToken() const { return m_refreshToken; }
    bool hasCredentials() const { return !m_accessToken.isEmpty(); }

    bool isOnline() const { return m_online; }
    // Refreshes that went out (tests assert one per burst).
    int refreshCount() const { return m_refreshCount; }

    // The exchange itself: a 2xx answer, or why not.
    QFuture<ApiResult<RawAnswer>> exchange(ApiRequest request);

    // exchange, then `decode` (which may throw: a BadAnswer naming what was wrong).
    template <typename T> QFuture<ApiResult<T>> call(ApiRequest request, std::function<T(const RawAnswer&)> decode)
    {
        return exchange(std::move(request))
            .then(this, [decode = std::move(decode)](ApiResult<RawAnswer> answer) -> ApiResult<T> {
                if (!answer)
                    return answer.error();
                try {
                    return decode(*answer);
                } catch (const std::exception& problem) {
                    return badAnswer(problem.what());
                }
            });
    }

    static ApiError badAnswer(const std::string& what);

signals:
    void onlineChanged(bool online);
    // New tokens after a refresh: an app keeps them where it keeps its session.
    void tokensRefreshed(const QString& accessToken, const QString& refreshToken);
    // The session ended (refresh refused): sign in again.
    void signedOut();

private:
    struct Call;
    void send(const std::shared_ptr<Call>& call);
    void settle(const std::shared_ptr<Call>& call, QNetworkReply* reply);
    void retryLater(const std::shared_ptr<Call>& call, int delayMs);
    bool mayRetry(const Call& call) const;
    int backoffDelay(int attempt) const;
    void waitForRefresh(const std::shared_ptr<Call>& call);
    void startRefresh();
    void finishRefresh(QNetworkReply* reply);
    bool accessTokenDue() const;
    void setOnline(bool online);

    Settings m_settings;
    QNetworkAccessManager* m_network;
    QString m_accessToken;
    QString m_refreshToken;
    QDateTime m_refreshAt; // when the access token is due for a refresh; invalid: never
    bool m_refreshing = false;
    int m_refreshCount = 0;
    std::vector<std::shared_ptr<Call>> m_waitingForRefresh;
    bool m_online = true;
};

// Decoders for ApiClient::call.
nlohmann::json jsonOf(const RawAnswer& answer); // throws wire::DecodeError when not JSON

} // namespace sbor::client
