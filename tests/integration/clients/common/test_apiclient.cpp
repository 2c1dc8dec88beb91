// The exchange under libsbor-client's typed calls, where the network is not kind: no answer, a
// silent server, an overloaded one, an answer that is not the API's; token refresh during a
// burst of calls against a real sbor-server; the live feed surviving a server restart.

#include "apiclient.h"
#include "clientawait.h"
#include "integrationsuite.h"
#include "livefeed.h"
#include "sborapi.h"

#include <QSignalSpy>
#include <QTcpServer>
#include <QTcpSocket>
#include <QtTest>

#include <functional>
#include <memory>

using namespace sbor::test;
using sbor::ErrorCode;
using sbor::client::ApiClient;
using sbor::client::ApiError;
using sbor::client::LiveFeed;
using sbor::client::SborApi;
namespace wire = sbor::wire;

namespace {

// A TCP server that plays a part: answers every request it reads with `answer` (or stays silent
// when it is empty), and counts the requests.
class ScriptedServer : public QObject {
public:
    explicit ScriptedServer(std::function<QByteArray(int request)> answer) : m_answer(std::move(answer))
    {
        QVERIFY(m_server.listen(QHostAddress::LocalHost));
        connect(&m_server, &QTcpServer::newConnection, this, [this] {
            while (QTcpSocket* socket = m_server.nextPendingConnection()) {
                connect(socket, &QTcpSocket::readyRead, socket, [this, socket] {
                    m_buffer[socket] += socket->readAll();
                    // One request per read of its headers is enough here: bodies are small.
                    while (m_buffer[socket].contains("\r\n\r\n")) {
                        QByteArray& buffer = m_buffer[socket];
                        const int end = buffer.indexOf("\r\n\r\n") + 4;
                        const QByteArray head = buffer.left(end);
                        int length = 0;
                        for (const QByteArray& line : head.split('\n'))
                            if (line.toLower().startsWith("content-length:"))
                                length = line.mid(15).trimmed().toInt();
                        if (buffer.size() < end + length)
                            return;
                        buffer.remove(0, end + length);
                        const QByteArray reply = m_answer(++m_requests);
                        if (!reply.isEmpty())
                            socket->write(reply);
                    }
                });
            }
        });
    }
    QUrl url() const { return QUrl(QStringLiteral("http://127.0.0.1:%1").arg(m_server.serverPort())); }
    int requests() const { return m_requests; }

private:
    QTcpServer m_server;
    std::function<QByteArray(int)> m_answer;
    QHash<QTcpSocket*, QByteArray> m_buffer;
    int m_requests = 0;
};

QByteArray httpAnswer(int status, const QByteArray& body, const QByteArray& extraHeaders = {})
{
    return "HTTP/1.1 " + QByteArray::number(status) +
        " X\r\nContent-Type: application/json\r\nContent-Length: " + QByteArray::number(body.size()) + "\r\n" +
        extraHeaders + "\r\n" + body;
}

std::unique_ptr<ApiClient> clientFor(const QUrl& url, int timeoutMs = 2000, int maxAttempts = 3)
{
    return std::make_unique<ApiClient>(ApiClient::Settings{url, timeoutMs, maxAttempts, 20});
}

} // namespace

class TestApiClient : public IntegrationSuite {
    Q_OBJECT

private slots:
    void initTestCase() { QVERIFY2(startServer(), problem()); }

    void nobodyListeningIsUnreachableAfterRetries()
    {
        const quint16 port = freeLoopbackPort();
        auto client = clientFor(QUrl(QStringLiteral("http://127.0.0.1:%1").arg(port)));
        SborApi api(*client);
        QSignalSpy online(client.get(), &ApiClient::onlineChanged);
        const auto read = await(api.categories());
        QVERIFY(!read.ok());
        QCOMPARE(read.error().kind, ApiError::Kind::Unreachable);
        QVERIFY(read.error().isTransport());
        QCOMPARE(read.error().error.code, ErrorCode::UpstreamUnavailable);
        QVERIFY(!client->isOnline());
        QCOMPARE(online.count(), 1);
    }

    void aSilentServerTimesOutAndOnlyIdempotentCallsAreRepeated()
    {
        ScriptedServer silent([](int) { return QByteArray(); });
        auto client = clientFor(silent.url(), 300);
        SborApi api(*client);
        QElapsedTimer timer;
        timer.start();
        const auto read = await(api.categories());
        QVERIFY(!read.ok());
        QCOMPARE(read.error().kind, ApiError::Kind::TimedOut);
        QCOMPARE(read.error().error.code, ErrorCode::UpstreamTimeout);
        QCOMPARE(silent.requests(), 3); // a read is tried three times
        QVERIFY(timer.elapsed() >= 3 * 300);

        // A POST that may not be sent twice goes once; one that carries its own key, again.
        const auto cancel = await(api.cancelOrder("00000000-0000-4000-8000-000000000000"));
        QCOMPARE(cancel.error().kind, ApiError::Kind::TimedOut);
        QCOMPARE(silent.requests(), 4);
        const auto order = await(api.placeOrder({"00000000-0000-4000-8000-000000000000", {}}));
        QCOMPARE(order.error().kind, ApiError::Kind::TimedOut);
        QCOMPARE(silent.requests(), 7);
        const auto scan = await(api.redeem({"CODE", "00000000-0000-4000-8000-000000000000", "scan-1", std::nullopt,
                                            wire::ScanKind::Entry, std::nullopt},
                                           200));
        QCOMPARE(scan.error().kind, ApiError::Kind::TimedOut);
        QCOMPARE(silent.requests(), 10);
    }

    void overloadedAnswersAreRetriedThenReported()
    {
        // 503 twice with Retry-After: 0, then the answer.
        ScriptedServer busy([](int request) {
            if (request <= 2)
                return httpAnswer(503, "{\"error\":{\"code\":\"overloaded\",\"message\":\"busy\",\"trace_id\":\"t1\"}}",
                                  "Retry-After: 0\r\n");
            return httpAnswer(200,
                              "{\"items\":[{\"id\":1,\"slug\":\"music\",\"name\":\"Music\"}],\"next_cursor\":null}");
        });
        auto client = clientFor(busy.url());
        SborApi api(*client);
        const auto categories = await(api.categories());
        SBOR_REQUIRE_OK(categories);
        QCOMPARE(categories->at(0).slug, std::string("music"));
        QCOMPARE(busy.requests(), 3);

        // Always busy: the last answer is what the caller gets, with the server's words.
        ScriptedServer alwaysBusy([](int) {
            return httpAnswer(503, "{\"error\":{\"code\":\"overloaded\",\"message\":\"busy\",\"trace_id\":\"t2\"}}",
                              "Retry-After: 0\r\n");
        });
        auto second = clientFor(alwaysBusy.url());
        SborApi secondApi(*second);
        const auto refused = await(secondApi.categories());
        QCOMPARE(refused.error().kind, ApiError::Kind::Answered);
        QCOMPARE(refused.error().error.code, ErrorCode::Overloaded);
        QCOMPARE(refused.error().httpStatus, 503);
        QCOMPARE(refused.error().traceId, std::string("t2"));
        QCOMPARE(alwaysBusy.requests(), 3);
        QVERIFY(second->isOnline()); // it answered: the server is there

        // A Retry-After beyond the cap is not waited for.
        ScriptedServer later([](int) {
            return httpAnswer(429, "{\"error\":{\"code\":\"rate_limited\",\"message\":\"slow down\"}}",
                              "Retry-After: 60\r\n");
        });
        auto third = clientFor(later.url());
        SborApi thirdApi(*third);
        QCOMPARE(await(thirdApi.categories()).error().error.code, ErrorCode::RateLimited);
        QCOMPARE(later.requests(), 1);
    }

    void answersThatAreNotTheApisAreBadAnswers()
    {
        int step = 0;
        ScriptedServer stranger([&step](int) {
            switch (step) {
            case 0:
                return httpAnswer(200, "<html>hello</html>");
            case 1:
                return httpAnswer(200, "{\"items\":[{\"id\":\"one\"}]}"); // id must be a number
            case 2:
                return httpAnswer(404, "<html>not here</html>");
            default:
                return httpAnswer(418, "{\"error\":{\"code\":\"teapot_mode\",\"message\":\"a newer server's code\"}}");
            }
        });
        auto client = clientFor(stranger.url());
        SborApi api(*client);
        const auto notJson = await(api.categories());
        QCOMPARE(notJson.error().kind, ApiError::Kind::BadAnswer);
        step = 1;
        const auto wrongShape = await(api.categories());
        QCOMPARE(wrongShape.error().kind, ApiError::Kind::BadAnswer);
        QVERIFY2(wrongShape.error().error.message.find("items[0].id") != std::string::npos,
                 wrongShape.error().error.message.c_str());
        step = 2;
        const auto notSbor = await(api.categories());
        QCOMPARE(notSbor.error().kind, ApiError::Kind::BadAnswer);
        QCOMPARE(notSbor.error().httpStatus, 404);
        step = 3;
        const auto unknownCode = await(api.categories());
        QCOMPARE(unknownCode.error().kind, ApiError::Kind::Answered);
        QCOMPARE(unknownCode.error().code, std::string("teapot_mode"));
        QCOMPARE(unknownCode.error().error.message, std::string("a newer server's code"));
    }

    void aBurstOfCallsSharesOneTokenRefresh()
    {
        AuthApi auth(*m_server, m_client);
        const SignedInUser user = auth.signUp("burst");
        QVERIFY(!user.id.isEmpty());
        auto client = clientFor(m_server->url("/"), 10000);
        SborApi api(*client);
        SBOR_REQUIRE_OK(await(api.login(user.email, kTestPassword)));
        const QString refresh = client->refreshToken();

        // An access token the server no longer takes: every call of the burst is answered 401 at
        // about the same time; one refresh serves them all (a second use of the refresh token
        // would end the session).
        client->setUserTokens("eyJhbGciOiJFZERTQSJ9.eyJleHAiOjF9.c2lnbmF0dXJl", refresh, 0);
        QSignalSpy refreshed(client.get(), &ApiClient::tokensRefreshed);
        std::vector<QFuture<sbor::client::ApiResult<wire::User>>> burst;
        for (int i = 0; i < 25; ++i)
            burst.push_back(api.me());
        for (auto& call : burst) {
            const auto me = await(call);
            SBOR_REQUIRE_OK(me);
            QCOMPARE(QString::fromStdString(me->id), user.id);
        }
        QCOMPARE(client->refreshCount(), 1);
        QCOMPARE(refreshed.count(), 1);
        QVERIFY(client->refreshToken() != refresh);

        // An access token about to expire is refreshed before the calls go out (the margin is
        // at most half its life, so a short-lived token is not refreshed before every call).
        client->setUserTokens(client->accessToken(), client->refreshToken(), 2);
        QTest::qWait(1100);
        std::vector<QFuture<sbor::client::ApiResult<wire::Page<wire::Session>>>> second;
        for (int i = 0; i < 10; ++i)
            second.push_back(api.sessions());
        for (auto& call : second)
            SBOR_REQUIRE_OK(await(call));
        QCOMPARE(client->refreshCount(), 2);

        // The session still works with the newest tokens: nothing was used twice.
        SBOR_REQUIRE_OK(await(api.me()));
        QCOMPARE(client->refreshCount(), 2);
    }

    // A 401 about the person (a wrong password at step-up) is theirs to answer: refreshing the
    // token and sending it again would count the same wrong password twice at the server.
    void aWrongPasswordIsNotSentTwice()
    {
        AuthApi auth(*m_server, m_client);
        const SignedInUser user = auth.signUp("twice");
        auto client = clientFor(m_server->url("/"), 10000);
        SborApi api(*client);
        SBOR_REQUIRE_OK(await(api.login(user.email, kTestPassword)));
        sbor::client::ApiRequest request;
        request.method = "POST";
        request.path = "/api/v1/auth/reauthenticate";
        request.body = nlohmann::json{{"password", "not the password at all"}};
        const auto answer = await(client->exchange(request));
        QVERIFY(!answer);
        QCOMPARE(answer.error().code, std::string("invalid_credentials"));
        QCOMPARE(client->refreshCount(), 0);
        // A token the server no longer takes is still mended by one refresh.
        client->setUserTokens("eyJhbGciOiJFZERTQSJ9.eyJleHAiOjF9.c2lnbmF0dXJl", client->refreshToken(), 0);
        SBOR_REQUIRE_OK(await(api.me()));
        QCOMPARE(client->refreshCount(), 1);
    }

    void theLiveFeedResumesAfterTheServerRestarts()
    {
        // A server of its own on fixed ports, so it can come back where it was.
        TestServer::Options options;
        options.httpPort = freeLoopbackPort();
        const quint16 livePort = freeLoopbackPort();
        options.arguments = {"--db-url", m_database.url(), "--live", QStringLiteral("127.0.0.1:%1").arg(livePort)};
        TestServer::applyTestDefaults(options.environment);
        auto server = std::make_unique<TestServer>(options);
        QVERIFY2(server->start(), qPrintable(server->logs()));

        AuthApi auth(*server, m_client);
        const SignedInUser organizer = auth.signUpOrganizer("live-organizer");
        QVERIFY(!organizer.id.isEmpty());
        auto client = clientFor(server->url("/"), 5000);
        SborApi api(*client);
        SBOR_REQUIRE_OK(await(api.login(organizer.email, kTestPassword)));
        const auto event = await(api.createEvent(
            {"Live evening", "", "Hall", QDateTime::currentDateTimeUtc().addDays(3).toString(Qt::ISODate).toStdString(),
             QDateTime::currentDateTimeUtc().addDays(3).addSecs(3600).toString(Qt::ISODate).toStdString(),
             "Europe/Moscow", 1, std::nullopt}));
        SBOR_REQUIRE_OK(event);
        const QString eventId = QString::fromStdString(event->id);
        const QString topic = "event:" + eventId;
        SBOR_REQUIRE_OK(await(api.createTicketType(
            eventId,
            {"Free", 0, "RUB", 10, QDateTime::currentDateTimeUtc().addDays(-1).toString(Qt::ISODate).toStdString(),
             QDateTime::currentDateTimeUtc().addDays(2).toString(Qt::ISODate).toStdString(), 1, 10, true})));
        SBOR_REQUIRE_OK(await(api.publishEvent(eventId))); // only a published event's changes are news

        ApiClient* tokens = client.get();
        LiveFeed feed({QUrl(QStringLiteral("ws://127.0.0.1:%1/api/v1/live").arg(livePort)), 100, 1000, 2000},
                      [tokens] { return tokens->accessToken(); });
        QSignalSpy frames(&feed, &LiveFeed::frameReceived);
        QSignalSpy resyncs(&feed, &LiveFeed::resyncRequired);
        QSignalSpy subscribed(&feed, &LiveFeed::subscribed);
        feed.subscribe(topic);
        feed.start();
        QTRY_VERIFY_WITH_TIMEOUT(feed.isConnected(), 10000);
        QTRY_COMPARE_WITH_TIMEOUT(subscribed.count(), 1, 10000);

        wire::EventChanges rename;
        rename.title = "Live evening, renamed";
        SBOR_REQUIRE_OK(await(api.updateEvent(eventId, rename)));
        // The publication's own frame may still be on its way when the feed subscribes: wait for
        // the rename's.
        const auto renamed = [&frames]() -> std::optional<wire::LiveFrame> {
            for (const auto& arguments : frames)
                if (const auto frame = arguments.at(0).value<wire::LiveFrame>(); frame.type == "event.updated")
                    return frame;
            return std::nullopt;
        };
        QTRY_VERIFY_WITH_TIMEOUT(renamed().has_value(), 10000);
        const auto first = *renamed();
        QCOMPARE(QString::fromStdString(first.topic), topic);
        const qint64 seen = feed.lastSeq(topic);
        QVERIFY(seen >= 1);

        // The server goes away and comes back; the feed reconnects by itself and is told the
        // numbering started over (a restarted hub cannot replay), then hears what happens next.
        QCOMPARE(server->stop(), 0);
        QTRY_VERIFY_WITH_TIMEOUT(!feed.isConnected(), 10000);
        QVERIFY2(server->start(), qPrintable(server->logs()));
        QTRY_VERIFY_WITH_TIMEOUT(feed.isConnected(), 20000);
        QVERIFY(feed.reconnectCount() >= 1);
        QTRY_COMPARE_WITH_TIMEOUT(resyncs.count(), 1, 10000);
        QCOMPARE(resyncs.at(0).at(0).toString(), topic);

        const int before = int(frames.count());
        rename.title = "Live evening, after the restart";
        SBOR_REQUIRE_OK(await(api.updateEvent(eventId, rename)));
        QTRY_VERIFY_WITH_TIMEOUT(frames.count() > before, 10000);
        const auto after = frames.last().at(0).value<wire::LiveFrame>();
        QCOMPARE(after.data.value("title", std::string()), std::string("Live evening, after the restart"));
        feed.stop();
        QCOMPARE(server->stop(), 0);
    }
};

QTEST_GUILESS_MAIN(TestApiClient)
#include "test_apiclient.moc"
