// The HTTP engine (Boost.Beast) over raw sockets against a real sbor-server: input bounded while it
// is read (request line 414, headers 431, bodies 413 unread), deadlines for headers, bodies and idle
// connections, a cap on connections, and HTTP/1.1 as it is written: HEAD, Expect: 100-continue,
// Connection: close, pipelining in order, and no request smuggling or stray CR, LF or NUL.
#include "testdatabase.h"
#include "testserver.h"

#include <QElapsedTimer>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTcpSocket>
#include <QtTest>

#include <memory>

using namespace sbor::test;

namespace {

struct RawAnswer {
    QByteArray bytes;
    bool closed = false; // the server closed the connection
    int status() const { return bytes.startsWith("HTTP/1.") ? bytes.mid(9, 3).toInt() : 0; }
    QByteArray body() const
    {
        const qsizetype end = bytes.indexOf("\r\n\r\n");
        return end < 0 ? QByteArray() : bytes.mid(end + 4);
    }
    QString errorCode() const
    {
        return QJsonDocument::fromJson(body()).object().value("error").toObject().value("code").toString();
    }
    QByteArray header(const QByteArray& name) const
    {
        const qsizetype end = bytes.indexOf("\r\n\r\n");
        for (const QByteArray& line : bytes.left(end).split('\n')) {
            const qsizetype colon = line.indexOf(':');
            if (colon > 0 && line.left(colon).trimmed().toLower() == name.toLower())
                return line.mid(colon + 1).trimmed();
        }
        return {};
    }
};

class RawConnection {
public:
    bool open(quint16 port)
    {
        m_socket.connectToHost(QStringLiteral("127.0.0.1"), port);
        return m_socket.waitForConnected(5000);
    }
    void send(const QByteArray& bytes)
    {
        m_socket.write(bytes);
        m_socket.flush();
    }
    // Reads until `enough` says so, the server closes, or `timeoutMs` passes.
    RawAnswer read(int timeoutMs, const std::function<bool(const QByteArray&)>& enough = {})
    {
        RawAnswer answer;
        QElapsedTimer clock;
        clock.start();
        while (clock.elapsed() < timeoutMs) {
            if (m_socket.bytesAvailable() == 0)
                m_socket.waitForReadyRead(50);
            answer.bytes += m_socket.readAll();
            if (enough && enough(answer.bytes))
                return answer;
            if (m_socket.state() != QAbstractSocket::ConnectedState) {
                answer.bytes += m_socket.readAll();
                answer.closed = true;
                return answer;
            }
        }
        return answer;
    }
    // One whole response (headers and a Content-Length body).
    RawAnswer readResponse(int timeoutMs = 5000)
    {
        return read(timeoutMs, [](const QByteArray& bytes) {
            const qsizetype end = bytes.indexOf("\r\n\r\n");
            if (end < 0)
                return false;
            RawAnswer partial{bytes, false};
            return bytes.size() - (end + 4) >= partial.header("content-length").toLongLong();
        });
    }
    QTcpSocket& socket() { return m_socket; }

private:
    QTcpSocket m_socket;
};

RawAnswer exchange(quint16 port, const QByteArray& request, int timeoutMs = 5000)
{
    RawConnection connection;
    if (!connection.open(port))
        return {};
    connection.send(request);
    return connection.readResponse(timeoutMs);
}

} // namespace

class TestHttpEngine : public QObject {
    Q_OBJECT
private slots:
    void initTestCase()
    {
        QVERIFY2(m_database.valid(), m_database.problem().c_str());
        TestServer::Options options;
        options.arguments = {"--db-url", m_database.url()};
        options.environment.insert("SBOR_HTTP_HEADER_TIMEOUT_MS", "1000");
        options.environment.insert("SBOR_HTTP_BODY_TIMEOUT_MS", "1000");
        options.environment.insert("SBOR_HTTP_IDLE_TIMEOUT_MS", "1500");
        m_server = std::make_unique<TestServer>(options);
        QVERIFY2(m_server->start(), qPrintable(m_server->logs()));
        m_port = static_cast<quint16>(m_server->url("/").port());
    }

    void cleanupTestCase()
    {
        if (m_server)
            QCOMPARE(m_server->stop(), 0);
    }

    void aLongRequestLineIs414AndReadNoFurther()
    {
        RawConnection connection;
        QVERIFY(connection.open(m_port));
        connection.send("GET /api/v1/events/" + QByteArray(20000, 'a'));
        const RawAnswer answer = connection.read(5000,
                                                 [](const QByteArray& bytes) { return bytes.contains("\r\n\r\n"); });
        QCOMPARE(answer.status(), 414);
        // The rest of the line is never waited for: the answer came while the line was unfinished.
        const RawAnswer rest = connection.readResponse(3000);
        QVERIFY((answer.bytes + rest.bytes).contains("uri_too_long"));
    }

    void largeOrManyHeadersAre431()
    {
        const RawAnswer large = exchange(
            m_port, "GET /healthz HTTP/1.1\r\nHost: x\r\nX-Big: " + QByteArray(40000, 'b') + "\r\n\r\n");
        QCOMPARE(large.status(), 431);
        QCOMPARE(large.errorCode(), QStringLiteral("headers_too_large"));
        QByteArray many = "GET /healthz HTTP/1.1\r\nHost: x\r\n";
        for (int i = 0; i < 150; ++i)
            many += "X-H" + QByteArray::number(i) + ": v\r\n";
        const RawAnswer counted = exchange(m_port, many + "\r\n");
        QCOMPARE(counted.status(), 431);
        QCOMPARE(exchange(m_port, "GET /healthz HTTP/1.1\r\nHost: x\r\nX-Fine: " + QByteArray(4000, 'f') + "\r\n\r\n")
                     .status(),
                 200);
    }

    void aTooLargeBodyIs413BeforeItIsSent()
    {
        // Nothing of the gigabyte is sent: the answer comes from the declared length alone.
        const RawAnswer declared = exchange(
            m_port,
            "POST /api/v1/auth/login HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
            "Content-Length: 1073741824\r\n\r\n");
        QCOMPARE(declared.status(), 413);
        QCOMPARE(declared.errorCode(), QStringLiteral("payload_too_large"));
        QCOMPARE(declared.header("connection").toLower(), QByteArray("close"));
        // Chunked: refused once the chunks pass the limit, long before the client is done.
        RawConnection chunked;
        QVERIFY(chunked.open(m_port));
        chunked.send(
            "POST /api/v1/auth/login HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n");
        const QByteArray chunk = QByteArray::number(64 * 1024, 16) + "\r\n" + QByteArray(64 * 1024, 'c') + "\r\n";
        RawAnswer answer;
        for (int i = 0; i < 64 && answer.status() == 0; ++i) { // up to 4 MiB
            chunked.send(chunk);
            answer.bytes += chunked.read(20).bytes;
        }
        answer.bytes += chunked.readResponse(3000).bytes;
        QCOMPARE(answer.status(), 413);
    }

    // A chunked body is held while it grows, so it has its own smaller limit (128 KiB); the same
    // bytes with a declared length are read, well within the 1 MiB limit.
    void aChunkedBodyHasItsOwnSmallerLimit()
    {
        const QByteArray piece(64 * 1024, ' ');
        const QByteArray head = "POST /api/v1/auth/login HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n";
        const QByteArray json = piece + piece + piece + "{}"; // 192 KiB of JSON: whitespace and an empty object
        const RawAnswer declared = exchange(
            m_port, head + "Content-Length: " + QByteArray::number(json.size()) + "\r\n\r\n" + json);
        QVERIFY2(declared.status() != 413 && declared.status() != 0, declared.bytes.left(300).constData());
        QCOMPARE(declared.errorCode(),
                 QStringLiteral("validation_failed")); // read and decoded: email and password are missing
        QByteArray chunked = head + "Transfer-Encoding: chunked\r\n\r\n";
        for (const QByteArray& part : {piece, piece, piece, QByteArray("{}")})
            chunked += QByteArray::number(part.size(), 16) + "\r\n" + part + "\r\n";
        const RawAnswer refused = exchange(m_port, chunked + "0\r\n\r\n");
        QCOMPARE(refused.status(), 413);
        QCOMPARE(refused.errorCode(), QStringLiteral("payload_too_large"));
        // Within its limit a chunked body is read as any other.
        const RawAnswer small = exchange(m_port, head + "Transfer-Encoding: chunked\r\n\r\n2\r\n{}\r\n0\r\n\r\n");
        QCOMPARE(small.errorCode(), QStringLiteral("validation_failed"));
    }

    void aSlowClientIsCutOffAtTheHeaderDeadline()
    {
        RawConnection slow;
        QVERIFY(slow.open(m_port));
        QElapsedTimer clock;
        clock.start();
        slow.send("GET /healthz HTTP/1.1\r\n");
        bool closed = false;
        for (int i = 0; i < 40 && !closed; ++i) { // a byte every 100 ms: 4 s if never cut off
            slow.send("X");
            closed = slow.read(100).closed;
        }
        QVERIFY2(closed, "a client sending one header byte at a time was never disconnected");
        QVERIFY2(clock.elapsed() < 3500, QByteArray::number(clock.elapsed()).constData());
    }

    void aStalledBodyIsCutOff()
    {
        RawConnection stalled;
        QVERIFY(stalled.open(m_port));
        stalled.send(
            "POST /api/v1/auth/login HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{\"email\"");
        QElapsedTimer clock;
        clock.start();
        const RawAnswer answer = stalled.read(5000);
        QVERIFY2(answer.closed, "a body that stopped coming was waited for forever");
        QVERIFY2(clock.elapsed() < 4000, QByteArray::number(clock.elapsed()).constData());
    }

    void anIdleKeptAliveConnectionIsClosed()
    {
        RawConnection idle;
        QVERIFY(idle.open(m_port));
        idle.send("GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n");
        QCOMPARE(idle.readResponse().status(), 200);
        QElapsedTimer clock;
        clock.start();
        QVERIFY2(idle.read(6000).closed, "an idle keep-alive connection was never closed");
        QVERIFY2(clock.elapsed() >= 1000 && clock.elapsed() < 4500, QByteArray::number(clock.elapsed()).constData());
    }

    void headAnswersEveryGetRouteWithoutABody()
    {
        const RawAnswer get = exchange(m_port, "GET /api/v1/version HTTP/1.1\r\nHost: x\r\n\r\n");
        QCOMPARE(get.status(), 200);
        RawConnection connection;
        QVERIFY(connection.open(m_port));
        connection.send("HEAD /api/v1/version HTTP/1.1\r\nHost: x\r\n\r\nGET /healthz HTTP/1.1\r\nHost: x\r\n\r\n");
        const RawAnswer both = connection.read(
            3000, [](const QByteArray& bytes) { return bytes.count("HTTP/1.1 200") == 2 && bytes.endsWith("}"); });
        QVERIFY2(both.bytes.startsWith("HTTP/1.1 200"), both.bytes.constData());
        QCOMPARE(both.header("content-length"), get.header("content-length")); // GET's length...
        const qsizetype second = both.bytes.indexOf("HTTP/1.1 200", 10);
        QVERIFY2(second > 0, both.bytes.constData());
        QVERIFY2(both.bytes.left(second).endsWith("\r\n\r\n"),
                 both.bytes.constData()); // ...and no body before the next answer
        QCOMPARE(exchange(m_port, "HEAD /api/v1/auth/login HTTP/1.1\r\nHost: x\r\n\r\n").status(), 405);
    }

    void expect100ContinueIsHonoured()
    {
        RawConnection connection;
        QVERIFY(connection.open(m_port));
        const QByteArray body = R"({"email":"nobody@example.org","password":"wrong password!"})";
        connection.send(
            "POST /api/v1/auth/login HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nExpect: 100-continue\r\nContent-Length: " +
            QByteArray::number(body.size()) + "\r\n\r\n");
        const RawAnswer interim = connection.read(3000,
                                                  [](const QByteArray& bytes) { return bytes.contains("\r\n\r\n"); });
        QVERIFY2(interim.bytes.startsWith("HTTP/1.1 100 Continue"), interim.bytes.constData());
        connection.send(body);
        QCOMPARE(connection.readResponse().status(), 401);
        // Too large for the limit: no 100, the refusal at once.
        const RawAnswer refused = exchange(m_port,
                                           "POST /api/v1/auth/login HTTP/1.1\r\nHost: x\r\nExpect: 100-continue\r\n"
                                           "Content-Length: 999999999\r\n\r\n");
        QCOMPARE(refused.status(), 413);
    }

    void connectionCloseIsHonoured()
    {
        const RawAnswer answer = exchange(m_port, "GET /healthz HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
        QCOMPARE(answer.status(), 200);
        QCOMPARE(answer.header("connection").toLower(), QByteArray("close"));
        RawConnection connection;
        QVERIFY(connection.open(m_port));
        connection.send("GET /healthz HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
        QVERIFY(connection.read(3000).closed);
        // HTTP/1.0 without keep-alive ends after its answer too.
        RawConnection old;
        QVERIFY(old.open(m_port));
        old.send("GET /healthz HTTP/1.0\r\n\r\n");
        const RawAnswer ended = old.read(3000);
        QVERIFY(ended.closed);
        QVERIFY(ended.bytes.startsWith("HTTP/1.0 200"));
    }

    void pipelinedRequestsAreAnsweredInOrder()
    {
        RawConnection connection;
        QVERIFY(connection.open(m_port));
        QByteArray requests;
        for (int i = 0; i < 5; ++i)
            requests += "GET /api/v1/version HTTP/1.1\r\nHost: x\r\n\r\nGET /healthz HTTP/1.1\r\nHost: x\r\n\r\n";
        connection.send(requests);
        const RawAnswer answers = connection.read(
            5000, [](const QByteArray& bytes) { return bytes.count("HTTP/1.1 200") == 10 && bytes.endsWith("}"); });
        QCOMPARE(answers.bytes.count("HTTP/1.1 200"), 10);
        qsizetype at = 0;
        for (int i = 0; i < 5; ++i) {
            const qsizetype version = answers.bytes.indexOf("\"version\"", at);
            const qsizetype health = answers.bytes.indexOf("\"status\"", at);
            QVERIFY2(version >= 0 && health > version, answers.bytes.constData());
            at = health + 1;
        }
    }

    void requestSmugglingAndStrayBytesAre400_data()
    {
        QTest::addColumn<QByteArray>("request");
        QTest::newRow("Transfer-Encoding and Content-Length") << QByteArray(
            "POST /api/v1/auth/login HTTP/1.1\r\nHost: x\r\nContent-Length: 4\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n");
        QTest::newRow("two Content-Lengths") << QByteArray(
            "POST /api/v1/auth/login HTTP/1.1\r\nHost: x\r\nContent-Length: 2\r\nContent-Length: 3\r\n\r\n{}");
        QTest::newRow("NUL in a header") << QByteArray("GET /healthz HTTP/1.1\r\nHost: x\r\nX-A: a\0b\r\n\r\n", 44);
        QTest::newRow("bare CR in a header") << QByteArray("GET /healthz HTTP/1.1\r\nHost: x\r\nX-A: a\rb\r\n\r\n");
        QTest::newRow("bare LF line ends") << QByteArray("GET /healthz HTTP/1.1\nHost: x\n\n");
        QTest::newRow("bare CR in the request line") << QByteArray("GET /heal\rthz HTTP/1.1\r\nHost: x\r\n\r\n");
        QTest::newRow("NUL in the request line") << QByteArray("GET /heal\0thz HTTP/1.1\r\nHost: x\r\n\r\n", 35);
        QTest::newRow("HTTP/2 preface") << QByteArray("PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n");
        QTest::newRow("space before colon") << QByteArray("GET /healthz HTTP/1.1\r\nHost : x\r\n\r\n");
        QTest::newRow("negative length") << QByteArray(
            "POST /api/v1/auth/login HTTP/1.1\r\nHost: x\r\nContent-Length: -1\r\n\r\n");
        QTest::newRow("not HTTP") << QByteArray("\x16\x03\x01\x02\x00\x01\x00\x01\xfc\x03\x03", 11);
    }

    void requestSmugglingAndStrayBytesAre400()
    {
        QFETCH(QByteArray, request);
        RawConnection connection;
        QVERIFY(connection.open(m_port));
        connection.send(request);
        const RawAnswer answer = connection.read(3000);
        QVERIFY2(answer.status() == 400, answer.bytes.left(300).constData());
        QCOMPARE(answer.errorCode(), QStringLiteral("bad_request"));
        QVERIFY2(answer.closed, "a connection that broke HTTP/1.1 was kept open");
        QCOMPARE(exchange(m_port, "GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n").status(), 200);
    }

    void connectionsBeyondTheCapAreRefusedFast()
    {
        TestServer::Options options;
        options.arguments = {"--db-url", m_database.url()};
        options.environment.insert("SBOR_HTTP_MAX_CONNECTIONS", "3");
        TestServer capped(options);
        QVERIFY2(capped.start(), qPrintable(capped.logs()));
        const quint16 port = static_cast<quint16>(capped.url("/").port());
        std::vector<std::unique_ptr<RawConnection>> held;
        for (int i = 0; i < 3; ++i) {
            held.push_back(std::make_unique<RawConnection>());
            QVERIFY(held.back()->open(port));
            held.back()->send("GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n");
            QCOMPARE(held.back()->readResponse().status(), 200); // open and kept alive
        }
        RawConnection extra;
        QVERIFY(extra.open(port));
        const RawAnswer refused = extra.read(3000);
        QCOMPARE(refused.status(), 503);
        QVERIFY(refused.closed);
        held.pop_back();
        QTest::qWait(300);
        QCOMPARE(exchange(port, "GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n").status(), 200);
        QCOMPARE(capped.stop(), 0);
    }

private:
    TestDatabase m_database;
    std::unique_ptr<TestServer> m_server;
    quint16 m_port = 0;
};

QTEST_GUILESS_MAIN(TestHttpEngine)
#include "test_httpengine.moc"
