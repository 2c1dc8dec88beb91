#include "httpclient.h"

#include <QJsonArray>

#include <memory>
#include <vector>

#include <QBuffer>
#include <QEventLoop>
#include <QJsonDocument>
#include <QNetworkReply>
#include <QTimer>

namespace sbor::test {

QJsonObject HttpResult::json() const { return QJsonDocument::fromJson(body).object(); }

QString HttpResult::errorCode() const { return json().value("error").toObject().value("code").toString(); }

QStringList HttpResult::problemFields() const
{
    QStringList fields;
    for (const auto& problem : json().value("error").toObject().value("details").toObject().value("fields").toArray())
        fields << problem.toObject().value("field").toString();
    return fields;
}

HttpResult HttpClient::get(const QUrl& url, const Headers& headers, int timeoutMs)
{
    return send("GET", url, {}, headers, timeoutMs);
}

QNetworkReply* HttpClient::start(QNetworkAccessManager& network, const QByteArray& method, const QUrl& url,
                                 const QByteArray& body, const Headers& headers)
{
    QNetworkRequest request(url);
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::ManualRedirectPolicy);
    for (auto it = headers.begin(); it != headers.end(); ++it)
        request.setRawHeader(it.key(), it.value());
    if (!body.isEmpty() && !headers.contains("Content-Type"))
        request.setHeader(QNetworkRequest::ContentTypeHeader, "application/json");

    QBuffer* upload = nullptr;
    if (!body.isEmpty()) {
        upload = new QBuffer;
        upload->setData(body);
        upload->open(QIODevice::ReadOnly);
    }
    QNetworkReply* reply = network.sendCustomRequest(request, method, upload);
    if (upload)
        upload->setParent(reply);
    return reply;
}

HttpResult HttpClient::collect(QNetworkReply* reply, int timeoutMs)
{
    QEventLoop loop;
    QTimer timer;
    timer.setSingleShot(true);
    QObject::connect(&timer, &QTimer::timeout, &loop, &QEventLoop::quit);
    QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
    timer.start(timeoutMs);
    if (!reply->isFinished())
        loop.exec();

    HttpResult result;
    if (!reply->isFinished()) {
        reply->abort();
        result.networkError = QStringLiteral("timed out after %1 ms").arg(timeoutMs);
    } else {
        result.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        result.body = reply->readAll();
        for (const auto& pair : reply->rawHeaderPairs())
            result.headers.insert(pair.first.toLower(), pair.second);
        if (reply->error() != QNetworkReply::NoError && result.status == 0)
            result.networkError = reply->errorString();
    }
    reply->deleteLater();
    return result;
}

HttpResult HttpClient::send(const QByteArray& method, const QUrl& url, const QByteArray& body, const Headers& headers,
                            int timeoutMs)
{
    return collect(start(m_network, method, url, body, headers), timeoutMs);
}

QList<HttpResult> HttpClient::sendConcurrently(const QList<Request>& requests, int timeoutMs)
{
    // Qt opens at most six connections per host and manager: more managers, so that every
    // request is really in flight at once.
    constexpr int kConnectionsPerManager = 6;
    std::vector<std::unique_ptr<QNetworkAccessManager>> extra;
    QList<QNetworkReply*> replies;
    for (int i = 0; i < requests.size(); ++i) {
        QNetworkAccessManager* manager = &m_network;
        if (i >= kConnectionsPerManager) {
            if (i % kConnectionsPerManager == 0)
                extra.push_back(std::make_unique<QNetworkAccessManager>());
            manager = extra.back().get();
        }
        replies.append(start(*manager, requests[i].method, requests[i].url, requests[i].body, requests[i].headers));
    }
    QList<HttpResult> results;
    for (QNetworkReply* reply : replies)
        results.append(collect(reply, timeoutMs));
    return results;
}

} // namespace sbor::test
