#include "apiclient.h"

#include "sbor/wire/account.h"

#include <QNetworkAccessManager>
#include <QNetworkProxy>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QRandomGenerator>
#include <QTimer>

namespace sbor::client {

struct ApiClient::Call {
    ApiRequest request;
    QPromise<ApiResult<RawAnswer>> promise;
    int attempt = 0;            // attempts made
    bool refreshedOnce = false; // a 401 already led to a refresh: a second one is the answer
    QString sentToken;          // the access token this attempt carried
    bool timedOut = false;
};

namespace {

// 401s that a new access token does not mend: the person must answer (password, code, step-up).
bool isAboutTheCaller(const std::string& code)
{
    return code == "invalid_credentials" || code == "otp_required" || code == "invalid_otp" ||
        code == "reauthentication_required";
}

// The "code" of a JSON error body; "" when the body is not one.
std::string errorCodeOf(const QByteArray& body)
{
    const auto json = nlohmann::json::parse(body.constData(), body.constData() + body.size(), nullptr, false);
    if (!json.is_object() || !json.contains("error") || !json["error"].is_object())
        return {};
    const auto code = json["error"].find("code");
    return code != json["error"].end() && code->is_string() ? code->get<std::string>() : std::string();
}

constexpr const char* kRefreshPath = "/api/v1/auth/refresh";

bool isRetryableStatus(int status) { return status == 429 || status == 502 || status == 503 || status == 504; }

int retryAfterMs(QNetworkReply* reply)
{
    bool ok = false;
    const int seconds = reply->rawHeader("Retry-After").trimmed().toInt(&ok);
    return ok && seconds >= 0 ? seconds * 1000 : -1;
}

} // namespace

nlohmann::json jsonOf(const RawAnswer& answer)
{
    auto json = nlohmann::json::parse(answer.body.constBegin(), answer.body.constEnd(), nullptr, false);
    if (json.is_discarded())
        throw wire::DecodeError("the answer is not JSON");
    return json;
}

ApiError ApiClient::badAnswer(const std::string& what)
{
    ApiError failure = ApiError::transport(ApiError::Kind::Unreachable,
                                           "the server's answer is not what this client understands: " + what);
    failure.kind = ApiError::Kind::BadAnswer;
    return failure;
}

ApiClient::ApiClient(Settings settings, QObject* parent)
    : QObject(parent), m_settings(std::move(settings)), m_network(new QNetworkAccessManager(this))
{
    // A kiosk talks to its server directly; a system proxy would only hide an outage.
    m_network->setProxy(QNetworkProxy::NoProxy);
}

ApiClient::~ApiClient() = default;

void ApiClient::setUserTokens(const QString& accessToken, const QString& refreshToken, qint64 expiresInSeconds)
{
    m_accessToken = accessToken;
    m_refreshToken = refreshToken;
    // Refreshed ahead of expiry, but never so far ahead that a fresh token is already due (a
    // server with short-lived tokens would otherwise be asked for a refresh before every call).
    const qint64 lead = std::min<qint64>(m_settings.refreshAheadSeconds, expiresInSeconds / 2);
    m_refreshAt = expiresInSeconds > 0 ? QDateTime::currentDateTimeUtc().addSecs(expiresInSeconds - lead) : QDateTime();
}

void ApiClient::setStaticToken(const QString& token)
{
    m_accessToken = token;
    m_refreshToken.clear();
    m_refreshAt = QDateTime();
}

void ApiClient::clearCredentials()
{
    m_accessToken.clear();
    m_refreshToken.clear();
    m_refreshAt = QDateTime();
}

QFuture<ApiResult<RawAnswer>> ApiClient::exchange(ApiRequest request)
{
    auto call = std::make_shared<Call>();
    call->request = std::move(request);
    call->promise.start();
    QFuture<ApiResult<RawAnswer>> future = call->promise.future();
    send(call);
    return future;
}

bool ApiClient::accessTokenDue() const
{
    return !m_refreshToken.isEmpty() && m_refreshAt.isValid() && QDateTime::currentDateTimeUtc() >= m_refreshAt;
}

void ApiClient::send(const std::shared_ptr<Call>& call)
{
    if (call->request.authenticated && (m_refreshing || accessTokenDue())) {
        waitForRefresh(call);
        return;
    }
    QUrl url = m_settings.baseUrl;
    url.setPath(url.path().chopped(url.path().endsWith('/') ? 1 : 0) + call->request.path, QUrl::TolerantMode);
    if (!call->request.query.isEmpty())
        url.setQuery(call->request.query);
    QNetworkRequest request(url);
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::ManualRedirectPolicy);
    request.setRawHeader("Accept", "application/json");
    request.setRawHeader("User-Agent", m_settings.userAgent);
    call->sentToken.clear();
    if (call->request.authenticated && !m_accessToken.isEmpty()) {
        call->sentToken = m_accessToken;
        request.setRawHeader("Authorization", "Bearer " + m_accessToken.toUtf8());
    }
    if (!call->request.idempotencyKey.isEmpty())
        request.setRawHeader("Idempotency-Key", call->request.idempotencyKey);
    if (!call->request.ifMatch.isEmpty())
        request.setRawHeader("If-Match", call->request.ifMatch);
    QByteArray body;
    if (call->request.body) {
        body = QByteArray::fromStdString(call->request.body->dump());
        request.setHeader(QNetworkRequest::ContentTypeHeader, "application/json");
    }
    ++call->attempt;
    call->timedOut = false;
    QNetworkReply* reply = call->request.body ? m_network->sendCustomRequest(request, call->request.method, body)
                                              : m_network->sendCustomRequest(request, call->request.method);
    auto* timer = new QTimer(reply);
    timer->setSingleShot(true);
    connect(timer, &QTimer::timeout, reply, [call, reply] {
        call->timedOut = true;
        reply->abort();
    });
    timer->start(call->request.timeoutMs > 0 ? call->request.timeoutMs : m_settings.timeoutMs);
    connect(reply, &QNetworkReply::finished, this, [this, call, reply] {
        reply->deleteLater();
        settle(call, reply);
    });
}

bool ApiClient::mayRetry(const Call& call) const
{
    return call.request.idempotent && call.attempt < m_settings.maxAttempts;
}

int ApiClient::backoffDelay(int attempt) const
{
    const int base = m_settings.backoffMs << std::min(attempt - 1, 6);
    const int jitter = base / 5;
    return base - jitter + static_cast<int>(QRandomGenerator::global()->bounded(2 * jitter + 1));
}

void ApiClient::retryLater(const std::shared_ptr<Call>& call, int delayMs)
{
    QTimer::singleShot(delayMs, this, [this, call] { send(call); });
}

void ApiClient::settle(const std::shared_ptr<Call>& call, QNetworkReply* reply)
{
    const QVariant statusAttribute = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute);
    // Errors below 200 are the network's (refused, reset, timed out, proxy), also when they cut an
    // answer off after its headers; from 200 on they only restate the HTTP status.
    const bool cutOff = reply->error() != QNetworkReply::NoError && reply->error() < QNetworkReply::ContentAccessDenied;
    if (!statusAttribute.isValid() || cutOff) {
        setOnline(false);
        const auto kind = call->timedOut ? ApiError::Kind::TimedOut : ApiError::Kind::Unreachable;
        if (mayRetry(*call)) {
            retryLater(call, backoffDelay(call->attempt));
            return;
        }
        const std::string what = call->timedOut
            ? "no answer from " + m_settings.baseUrl.toString().toStdString() + " in time"
            : "cannot reach " + m_settings.baseUrl.toString().toStdString() + ": " + reply->errorString().toStdString();
        call->promise.addResult(ApiError::transport(kind, what));
        call->promise.finish();
        return;
    }
    setOnline(true);
    const int status = statusAttribute.toInt();
    const QByteArray body = reply->readAll();
    // Only a refused token is mended by refreshing: a wrong password, a missing second factor or a
    // step-up demand would be sent again (and counted again by the server's lockout).
    if (status == 401 && call->request.authenticated && !m_refreshToken.isEmpty() && !call->refreshedOnce &&
        !isAboutTheCaller(errorCodeOf(body))) {
        call->refreshedOnce = true;
        if (call->sentToken != m_accessToken) // refreshed meanwhile by another call
            send(call);
        else
            waitForRefresh(call);
        return;
    }
    if (isRetryableStatus(status) && mayRetry(*call)) {
        const int asked = retryAfterMs(reply);
        if (asked <= m_settings.maxRetryAfterMs) {
            retryLater(call, std::max(asked, backoffDelay(call->attempt)));
            return;
        }
    }
    if (status < 200 || status >= 300) {
        call->promise.addResult(ApiError::fromAnswer(status, body.toStdString()));
        call->promise.finish();
        return;
    }
    RawAnswer answer{status, body, reply->header(QNetworkRequest::ContentTypeHeader).toByteArray(),
                     reply->rawHeader("ETag"), QString::fromUtf8(reply->rawHeader("X-Request-Id"))};
    call->promise.addResult(std::move(answer));
    call->promise.finish();
}

void ApiClient::waitForRefresh(const std::shared_ptr<Call>& call)
{
    m_waitingForRefresh.push_back(call);
    if (!m_refreshing)
        startRefresh();
}

void ApiClient::startRefresh()
{
    m_refreshing = true;
    ++m_refreshCount;
    QUrl url = m_settings.baseUrl;
    url.setPath(url.path().chopped(url.path().endsWith('/') ? 1 : 0) + kRefreshPath);
    QNetworkRequest request(url);
    request.setHeader(QNetworkRequest::ContentTypeHeader, "application/json");
    request.setRawHeader("User-Agent", m_settings.userAgent);
    const nlohmann::json body = {{"refresh_token", m_refreshToken.toStdString()}};
    QNetworkReply* reply = m_network->post(request, QByteArray::fromStdString(body.dump()));
    auto* timer = new QTimer(reply);
    timer->setSingleShot(true);
    connect(timer, &QTimer::timeout, reply, &QNetworkReply::abort);
    timer->start(m_settings.timeoutMs);
    connect(reply, &QNetworkReply::finished, this, [this, reply] {
        reply->deleteLater();
        finishRefresh(reply);
    });
}

void ApiClient::finishRefresh(QNetworkReply* reply)
{
    m_refreshing = false;
    auto waiting = std::move(m_waitingForRefresh);
    m_waitingForRefresh.clear();
    const QVariant statusAttribute = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute);
    std::optional<ApiError> failure;
    if (!statusAttribute.isValid()) {
        setOnline(false);
        failure = ApiError::transport(ApiError::Kind::Unreachable,
                                      "cannot refresh the session: " + reply->errorString().toStdString());
    } else {
        setOnline(true);
        const int status = statusAttribute.toInt();
        const QByteArray body = reply->readAll();
        if (status == 200) {
            try {
                const auto grant = wire::decode<wire::TokenGrant>(
                    nlohmann::json::parse(body.constBegin(), body.constEnd()));
                setUserTokens(QString::fromStdString(grant.accessToken), QString::fromStdString(grant.refreshToken),
                              grant.expiresIn);
                emit tokensRefreshed(m_accessToken, m_refreshToken);
            } catch (const std::exception& problem) {
                failure = badAnswer(problem.what());
            }
        } else {
            failure = ApiError::fromAnswer(status, body.toStdString());
            if (status == 401 || status == 403) {
                failure->kind = ApiError::Kind::SignedOut;
                clearCredentials();
                emit signedOut();
            }
        }
    }
    for (const auto& call : waiting) {
        if (failure) {
            call->promise.addResult(*failure);
            call->promise.finish();
        } else {
            send(call);
        }
    }
}

void ApiClient::setOnline(bool online)
{
    if (m_online == online)
        return;
    m_online = online;
    emit onlineChanged(online);
}

} // namespace sbor::client
