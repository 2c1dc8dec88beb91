// Live latency benchmark (issue 5): from a redeem request to the ticket.checkin frame at each of
// N subscribed WebSocket clients, against sbor-server in its embedded default; next to the
// floor measured in the same run by the same clients: a bare Qt WebSockets server in this
// process broadcasting one frame to as many clients. Prints a table and writes JSON.
//
//   sbor-live-bench [--clients 1000] [--redeems 100] [--gap-ms 50] [--out FILE]
#include "authapi.h"
#include "httpclient.h"
#include "latencystats.h"
#include "salesapi.h"
#include "testserver.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QTemporaryDir>
#include <QThread>
#include <QTimer>
#include <QWebSocket>
#include <QWebSocketServer>

#include <sys/resource.h>

#include <algorithm>
#include <cstdio>
#include <memory>
#include <vector>

using namespace sbor::test;

namespace {

QElapsedTimer clock_;
double nowMs() { return clock_.nsecsElapsed() / 1e6; }

void spin(int ms)
{
    QElapsedTimer timer;
    timer.start();
    while (timer.elapsed() < ms)
        QCoreApplication::processEvents(QEventLoop::AllEvents, 5);
}

template <typename Done> bool spinUntil(Done&& done, int timeoutMs)
{
    QElapsedTimer timer;
    timer.start();
    while (!done()) {
        if (timer.elapsed() > timeoutMs)
            return false;
        QCoreApplication::processEvents(QEventLoop::AllEvents, 5);
    }
    return true;
}

using Stats = sbor::test::LatencyStats;
Stats statsOf(std::vector<double> values) { return sbor::test::latencyStats(std::move(values)); }

// Clients that note when each frame carrying a marker arrives.
class Listeners {
public:
    // `marker(frame)`: the key of a frame that counts, or "" for others.
    Listeners(int count, std::function<QString(const QJsonObject&)> marker) : m_marker(std::move(marker))
    {
        for (int i = 0; i < count; ++i) {
            auto socket = std::make_unique<QWebSocket>();
            QObject::connect(socket.get(), &QWebSocket::textMessageReceived, [this](const QString& text) {
                const QJsonObject frame = QJsonDocument::fromJson(text.toUtf8()).object();
                if (frame.value("op").toString() == "subscribed")
                    ++m_subscribed;
                const QString key = m_marker(frame);
                if (!key.isEmpty())
                    m_arrivals[key].push_back(nowMs());
            });
            QObject::connect(socket.get(), &QWebSocket::connected, [this] { ++m_connected; });
            m_sockets.push_back(std::move(socket));
        }
    }

    bool open(const QUrl& url, const QByteArray& token, const QString& topic)
    {
        for (auto& socket : m_sockets) {
            QNetworkRequest request(url);
            if (!token.isEmpty())
                request.setRawHeader("Authorization", "Bearer " + token);
            socket->open(request);
            // Not all at once: the listen backlog and handshakes like a steady pace.
            QCoreApplication::processEvents(QEventLoop::AllEvents, 1);
        }
        if (!spinUntil([&] { return m_connected == int(m_sockets.size()); }, 60000))
            return false;
        if (topic.isEmpty())
            return true;
        const QString subscribe = QString::fromUtf8(
            QJsonDocument(QJsonObject{{"op", "subscribe"}, {"topic", topic}}).toJson(QJsonDocument::Compact));
        for (auto& socket : m_sockets)
            socket->sendTextMessage(subscribe);
        return spinUntil([&] { return m_subscribed == int(m_sockets.size()); }, 60000);
    }

    std::size_t arrived(const QString& key) const
    {
        const auto found = m_arrivals.find(key);
        return found == m_arrivals.end() ? 0 : found->second.size();
    }
    const std::vector<double>& arrivals(const QString& key) { return m_arrivals[key]; }
    int connected() const { return m_connected; }

private:
    std::function<QString(const QJsonObject&)> m_marker;
    std::vector<std::unique_ptr<QWebSocket>> m_sockets;
    std::map<QString, std::vector<double>> m_arrivals;
    int m_connected = 0;
    int m_subscribed = 0;
};

// The floor: a bare Qt WebSockets server (own thread) that broadcasts what it is told.
class BareBroadcaster : public QObject {
public:
    quint16 start()
    {
        m_thread.start();
        moveToThread(&m_thread);
        quint16 port = 0;
        QMetaObject::invokeMethod(
            this,
            [this, &port] {
                m_server = new QWebSocketServer("bare", QWebSocketServer::NonSecureMode, this);
                m_server->listen(QHostAddress::LocalHost, 0);
                port = m_server->serverPort();
                connect(m_server, &QWebSocketServer::newConnection, this, [this] {
                    while (QWebSocket* socket = m_server->nextPendingConnection())
                        m_clients.push_back(socket);
                });
            },
            Qt::BlockingQueuedConnection);
        return port;
    }
    void broadcast(const QString& text)
    {
        QMetaObject::invokeMethod(this, [this, text] {
            for (QWebSocket* socket : m_clients)
                socket->sendTextMessage(text);
        });
    }
    void stop()
    {
        QMetaObject::invokeMethod(
            this,
            [this] {
                delete m_server;
                moveToThread(QCoreApplication::instance()->thread());
            },
            Qt::BlockingQueuedConnection);
        m_thread.quit();
        m_thread.wait();
    }

private:
    QThread m_thread;
    QWebSocketServer* m_server = nullptr;
    std::vector<QWebSocket*> m_clients;
};

int argument(const QStringList& args, const QString& name, int fallback)
{
    const int at = args.indexOf(name);
    return at >= 0 ? args.value(at + 1).toInt() : fallback;
}

} // namespace

int main(int argc, char** argv)
{
    QCoreApplication application(argc, argv);
    const QStringList args = application.arguments();
    const int clients = argument(args, "--clients", 1000);
    const int redeems = argument(args, "--redeems", 100);
    const int gapMs = argument(args, "--gap-ms", 50);
    const int at = args.indexOf("--out");
    const QString out = at >= 0 ? args.value(at + 1) : QString();
    rlimit limit{};
    getrlimit(RLIMIT_NOFILE, &limit);
    limit.rlim_cur = limit.rlim_max;
    setrlimit(RLIMIT_NOFILE, &limit);
    clock_.start();

    // sbor-server as a user runs it: embedded PostgreSQL, all services in one process.
    QTemporaryDir holder(kEmbeddedDataDirTemplate);
    TestServer::Options options;
    options.arguments = {"--data-dir", embeddedDataDir(holder), "--log-level", "warn"};
    options.debugRoutes = false;
    options.environment.insert("SBOR_DATABASE_EMBEDDED_UNSAFE_FAST", "true");
    TestServer server(options);
    if (!server.start()) {
        std::fprintf(stderr, "sbor-server did not start:\n%s\n", qPrintable(server.logs()));
        return 1;
    }
    HttpClient http;
    AuthApi api(server, http);
    const SignedInUser organizer = api.signUpOrganizer("bench-organizer");
    SalesApi sales(api, organizer.accessToken);
    const QString event = sales.createEvent("Live bench", 0.5);
    const QString type = sales.addType(
        event,
        {{"name", "Free"}, {"price", 0}, {"quota", redeems + 10}, {"max_per_order", 50}, {"sales_end", inDays(0.4)}});
    sales.publish(event);
    const QString list = api.post("/api/v1/events/" + event + "/checkin-lists", {{"name", "Gate"}},
                                  organizer.accessToken)
                             .json()
                             .value("id")
                             .toString();
    QStringList codes;
    while (codes.size() < redeems) {
        const int count = std::min(50, int(redeems - codes.size()));
        const auto placed = api.post("/api/v1/orders", orderBody(event, type, count), organizer.accessToken);
        for (const auto& ticket : placed.json().value("tickets").toArray())
            codes << ticket.toObject().value("code").toString();
        if (placed.status != 201) {
            std::fprintf(stderr, "placing orders failed: %s\n", placed.body.constData());
            return 1;
        }
    }

    // 1. sbor: redeem -> ticket.checkin at every client.
    Listeners sborClients(clients, [](const QJsonObject& frame) {
        return frame.value("type").toString() == "ticket.checkin"
            ? frame.value("data").toObject().value("scan_id").toString()
            : QString();
    });
    if (!sborClients.open(QUrl(QStringLiteral("ws://127.0.0.1:%1/api/v1/live").arg(server.livePort())),
                          organizer.accessToken.toUtf8(), "event:" + event)) {
        std::fprintf(stderr, "only %d of %d clients connected and subscribed\n", sborClients.connected(), clients);
        return 1;
    }
    QNetworkAccessManager network;
    std::vector<double> sborLatencies, answerLatencies;
    int lost = 0;
    for (int i = 0; i < redeems; ++i) {
        const QString scanId = "bench-" + QString::number(i);
        QNetworkRequest request(server.url("/api/v1/checkin/redeem"));
        request.setRawHeader("Authorization", "Bearer " + organizer.accessToken.toUtf8());
        request.setHeader(QNetworkRequest::ContentTypeHeader, "application/json");
        const double sent = nowMs();
        QNetworkReply* reply = network.post(
            request, QJsonDocument(QJsonObject{{"code", codes[i]}, {"list_id", list}, {"scan_id", scanId}}).toJson());
        QObject::connect(reply, &QNetworkReply::finished, [&, sent, reply] {
            answerLatencies.push_back(nowMs() - sent);
            reply->deleteLater();
        });
        if (!spinUntil([&] { return sborClients.arrived(scanId) == std::size_t(clients); }, 10000))
            ++lost;
        for (double arrival : sborClients.arrivals(scanId))
            sborLatencies.push_back(arrival - sent);
        if (qEnvironmentVariableIsSet("SBOR_BENCH_VERBOSE") && !sborClients.arrivals(scanId).empty())
            std::fprintf(stderr, "redeem %d: first %.1f ms, last %.1f ms\n", i,
                         sborClients.arrivals(scanId).front() - sent, sborClients.arrivals(scanId).back() - sent);
        spin(gapMs);
    }
    server.stop();

    // 2. The floor: the same clients' code, a bare broadcaster.
    BareBroadcaster bare;
    const quint16 barePort = bare.start();
    Listeners bareClients(clients, [](const QJsonObject& frame) { return frame.value("marker").toString(); });
    if (!bareClients.open(QUrl(QStringLiteral("ws://127.0.0.1:%1/").arg(barePort)), {}, {})) {
        std::fprintf(stderr, "bare clients did not connect\n");
        return 1;
    }
    std::vector<double> bareLatencies;
    for (int i = 0; i < redeems; ++i) {
        const QString marker = "m" + QString::number(i);
        const double sent = nowMs();
        bare.broadcast(
            QStringLiteral(
                "{\"topic\":\"event:x\",\"seq\":%1,\"type\":\"ticket.checkin\",\"marker\":\"%2\",\"data\":{}}")
                .arg(i)
                .arg(marker));
        spinUntil([&] { return bareClients.arrived(marker) == std::size_t(clients); }, 10000);
        for (double arrival : bareClients.arrivals(marker))
            bareLatencies.push_back(arrival - sent);
        spin(gapMs);
    }
    bare.stop();

    const Stats sbor = statsOf(sborLatencies), answer = statsOf(answerLatencies), floor = statsOf(bareLatencies);
    std::printf("\nlive latency, %d subscribed clients, %d redeems %d ms apart\n\n", clients, redeems, gapMs);
    std::printf("%-44s %9s %8s %8s %8s\n", "path", "samples", "p50 ms", "p99 ms", "max ms");
    std::printf("%-44s %9s %8s %8s %8s\n", "--------------------------------------------", "-------", "------",
                "------", "------");
    std::printf("%-44s %9zu %8.2f %8.2f %8.2f\n", "sbor: redeem request -> frame at each client", sbor.samples,
                sbor.p50, sbor.p99, sbor.max);
    std::printf("%-44s %9zu %8.2f %8.2f %8.2f\n", "sbor: redeem request -> HTTP answer", answer.samples, answer.p50,
                answer.p99, answer.max);
    std::printf("%-44s %9zu %8.2f %8.2f %8.2f\n", "floor: bare Qt WebSockets broadcast", floor.samples, floor.p50,
                floor.p99, floor.max);
    std::printf("\nredeems whose frame did not reach every client within 10 s: %d\n", lost);
    if (!out.isEmpty()) {
        auto json = [](const Stats& s) {
            return QJsonObject{{"samples", qint64(s.samples)}, {"p50_ms", s.p50}, {"p99_ms", s.p99}, {"max_ms", s.max}};
        };
        QFile file(out);
        if (file.open(QIODevice::WriteOnly))
            file.write(QJsonDocument(QJsonObject{{"clients", clients},
                                                 {"redeems", redeems},
                                                 {"gap_ms", gapMs},
                                                 {"lost", lost},
                                                 {"sbor_frame", json(sbor)},
                                                 {"sbor_answer", json(answer)},
                                                 {"bare_broadcast", json(floor)}})
                           .toJson());
    }
    return lost == 0 ? 0 : 2;
}
