#include "http/requestidentity.h"

#include <QtTest>

using namespace sbor::http;

class TestRequestIdentity : public QObject {
    Q_OBJECT
private slots:
    void validTraceParentIsContinued()
    {
        HttpRequest request;
        request.headers.set("traceparent", "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01");
        assignRequestIdentity(request);
        QCOMPARE(QString::fromStdString(request.traceId), QStringLiteral("4bf92f3577b34da6a3ce929d0e0e4736"));
        QCOMPARE(request.spanId.size(), size_t(16));
        QVERIFY(request.spanId != "00f067aa0ba902b7");
        HttpResponse response;
        stampIdentity(request, response);
        QVERIFY(response.headers.get("traceparent").rfind("00-4bf92f3577b34da6a3ce929d0e0e4736-", 0) == 0);
    }

    void invalidTraceParentStartsANewTrace_data()
    {
        QTest::addColumn<QString>("header");
        QTest::newRow("empty") << "";
        QTest::newRow("upper case") << "00-4BF92F3577B34DA6A3CE929D0E0E4736-00f067aa0ba902b7-01";
        QTest::newRow("zero trace") << "00-00000000000000000000000000000000-00f067aa0ba902b7-01";
        QTest::newRow("zero parent") << "00-4bf92f3577b34da6a3ce929d0e0e4736-0000000000000000-01";
        QTest::newRow("version ff") << "ff-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";
        QTest::newRow("short") << "00-4bf92f3577b34da6a3ce929d0e0e473-00f067aa0ba902b7-01";
        QTest::newRow("v00 with extra") << "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01-xyz";
        QTest::newRow("garbage") << "hello";
    }

    void invalidTraceParentStartsANewTrace()
    {
        QFETCH(QString, header);
        QVERIFY(!parseTraceParent(header.toStdString()));
        HttpRequest request;
        request.headers.set("traceparent", header.toStdString());
        assignRequestIdentity(request);
        QCOMPARE(request.traceId.size(), size_t(32));
        QVERIFY(request.traceId != "4bf92f3577b34da6a3ce929d0e0e4736");
    }

    void futureVersionMayCarryMoreFields()
    {
        QVERIFY(parseTraceParent("01-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01-extra"));
    }

    void clientRequestIdIsKeptOnlyWhenSane()
    {
        HttpRequest request;
        request.headers.set("X-Request-Id", "abc-123_x.y:z");
        assignRequestIdentity(request);
        QCOMPARE(QString::fromStdString(request.requestId), QStringLiteral("abc-123_x.y:z"));

        HttpRequest hostile;
        hostile.headers.set("X-Request-Id", "bad\nheader value");
        assignRequestIdentity(hostile);
        QCOMPARE(hostile.requestId.size(), size_t(36));
        QVERIFY(!isAcceptableRequestId(std::string(129, 'a')));
    }

    void generatedIdsAreUuidV4AndDistinct()
    {
        const std::string a = newRequestId(), b = newRequestId();
        QVERIFY(a != b);
        QCOMPARE(a.size(), size_t(36));
        QCOMPARE(a[14], '4');
        QVERIFY(std::string("89ab").find(a[19]) != std::string::npos);
    }
};

QTEST_APPLESS_MAIN(TestRequestIdentity)
#include "test_requestidentity.moc"
