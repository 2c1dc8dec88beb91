#pragma once
// A blocking HTTP client for tests, on Qt Network: each call runs an event loop until the reply
// arrives or the timeout passes.

#include <QByteArray>
#include <QJsonObject>
#include <QMap>
#include <QList>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QString>
#include <QStringList>
#include <QUrl>

namespace sbor::test {

struct HttpResult {
    int status = 0; // 0: no HTTP answer (see networkError)
    QByteArray body;
    QMap<QByteArray, QByteArray> headers; // names lower-case
    QString networkError;

    QJsonObject json() const; // the body as an object; empty when it is not one
    QByteArray header(const QByteArray& name) const { return headers.value(name.toLower()); }
    QString errorCode() const; // error.code of a JSON error body
    // The fields a validation error names (error.details.fields[].field), in order.
    QStringList problemFields() const;
};

class HttpClient {
public:
    using Headers = QMap<QByteArray, QByteArray>;
    HttpResult get(const QUrl& url, const Headers& headers = {}, int timeoutMs = 30000);
    HttpResult send(const QByteArray& method, const QUrl& url, const QByteArray& body, const Headers& headers = {},
                    int timeoutMs = 30000);

    struct Request {
        QByteArray method;
        QUrl url;
        QByteArray body;
        Headers headers;
    };
    // Sends all at once (each on its own connection) and waits for every answer, in order.
    QList<HttpResult> sendConcurrently(const QList<Request>& requests, int timeoutMs = 30000);

private:
    static QNetworkReply* start(QNetworkAccessManager& network, const QByteArray& method, const QUrl& url,
                                const QByteArray& body, const Headers& headers);
    static HttpResult collect(QNetworkReply* reply, int timeoutMs);
    QNetworkAccessManager m_network;
};

} // namespace sbor::test
