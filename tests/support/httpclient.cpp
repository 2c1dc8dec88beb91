#include "httpclient.h"

#include <QBuffer>
#include <QEventLoop>
#include <QJsonDocument>
#include <QNetworkReply>
#include <QTimer>

namespace sbor::test {

QJsonObject HttpResult::json() const { return QJsonDocument::fromJson(body).object(); }

QString HttpResult::errorCode() const { return json().value("error").toObject().value("code").toString(); }

HttpResult HttpClient::get(const QUrl& url, const Headers& headers, int timeoutMs)
{
    return send("GET", url, {}, headers, timeoutMs);
}

HttpResult HttpClient::send(const QByteArray& method, const QUrl& url, const QByteArray& body, const Headers& headers,
                            int timeoutMs)
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
    QNetworkReply* reply = m_network.sendCustomRequest(request, method, upload);
    if (upload)
        upload->setParent(reply);

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

} // namespace sbor::test
