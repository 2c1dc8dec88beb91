#include "http/router.h"

#include <QtTest>

using namespace sbor;
using namespace sbor::http;

namespace {
Handler answer(int status)
{
    return [status](HttpRequest&) -> Reply { return HttpResponse::json(status, nlohmann::json::object()); };
}
} // namespace

class TestRouter : public QObject {
    Q_OBJECT
private slots:
    void matchesLiteralAndParameterSegments()
    {
        Router router;
        router.add("GET", "/api/v1/events/{id}", "events", sbor::access::Access::anyone(), answer(200));
        router.add("GET", "/api/v1/events/{id}/schedule", "events", sbor::access::Access::anyone(), answer(201));
        const RouteMatch match = router.match("GET", "/api/v1/events/42");
        QCOMPARE(match.kind, RouteMatch::Kind::Found);
        QCOMPARE(QString::fromStdString(match.route->pattern), QStringLiteral("/api/v1/events/{id}"));
        QCOMPARE(QString::fromStdString(match.parameters.at("id")), QStringLiteral("42"));
        const RouteMatch nested = router.match("GET", "/api/v1/events/7/schedule");
        QCOMPARE(nested.kind, RouteMatch::Kind::Found);
        QCOMPARE(QString::fromStdString(nested.parameters.at("id")), QStringLiteral("7"));
    }

    void literalSegmentWinsOverParameter()
    {
        Router router;
        router.add("GET", "/api/v1/events/{id}", "events", sbor::access::Access::anyone(), answer(200));
        router.add("GET", "/api/v1/events/mine", "events", sbor::access::Access::anyone(), answer(201));
        const RouteMatch match = router.match("GET", "/api/v1/events/mine");
        QCOMPARE(QString::fromStdString(match.route->pattern), QStringLiteral("/api/v1/events/mine"));
        QVERIFY(match.parameters.empty());
    }

    void unknownPathIsNotFound()
    {
        Router router;
        router.add("GET", "/api/v1/events/{id}", "events", sbor::access::Access::anyone(), answer(200));
        QCOMPARE(router.match("GET", "/api/v1/events").kind, RouteMatch::Kind::NotFound);
        QCOMPARE(router.match("GET", "/api/v1/events/1/2").kind, RouteMatch::Kind::NotFound);
        QCOMPARE(router.match("GET", "/api/v1/events//").kind, RouteMatch::Kind::NotFound);
        QCOMPARE(router.match("GET", "/").kind, RouteMatch::Kind::NotFound);
    }

    void otherMethodIsMethodNotAllowedWithTheAllowedList()
    {
        Router router;
        router.add("GET", "/api/v1/events/{id}", "events", sbor::access::Access::anyone(), answer(200));
        router.add("PATCH", "/api/v1/events/{id}", "events", sbor::access::Access::anyone(), answer(200));
        const RouteMatch match = router.match("DELETE", "/api/v1/events/3");
        QCOMPARE(match.kind, RouteMatch::Kind::MethodNotAllowed);
        QCOMPARE(match.allowedMethods, (std::vector<std::string>{"GET", "HEAD", "PATCH"}));
    }

    void trailingSlashIsTheSameResource()
    {
        Router router;
        router.add("GET", "/healthz", "system", sbor::access::Access::anyone(), answer(200));
        QCOMPARE(router.match("GET", "/healthz/").kind, RouteMatch::Kind::Found);
    }

    void headerNamesAreCanonicalOnTheWire()
    {
        QCOMPARE(QString::fromStdString(canonicalHeaderName("x-request-id")), QStringLiteral("X-Request-Id"));
        QCOMPARE(QString::fromStdString(canonicalHeaderName("retry-after")), QStringLiteral("Retry-After"));
        QCOMPARE(QString::fromStdString(canonicalHeaderName("traceparent")), QStringLiteral("traceparent"));
        Headers headers;
        headers.set("X-Request-Id", "a");
        QCOMPARE(QString::fromStdString(headers.get("x-REQUEST-id")), QStringLiteral("a"));
        headers.add("Vary", "Origin");
        headers.add("vary", "Accept");
        QCOMPARE(QString::fromStdString(headers.get("vary")), QStringLiteral("Origin, Accept"));
    }

    void malformedOrDuplicatePatternsAreRefused()
    {
        Router router;
        router.add("GET", "/a/{id}", "x", sbor::access::Access::anyone(), answer(200));
        QVERIFY_THROWS_EXCEPTION(std::logic_error,
                                 router.add("GET", "/a/{id}", "x", sbor::access::Access::anyone(), answer(200)));
        QVERIFY_THROWS_EXCEPTION(std::logic_error,
                                 router.add("GET", "a/b", "x", sbor::access::Access::anyone(), answer(200)));
        QVERIFY_THROWS_EXCEPTION(std::logic_error,
                                 router.add("GET", "/a/{id", "x", sbor::access::Access::anyone(), answer(200)));
    }
};

QTEST_APPLESS_MAIN(TestRouter)
#include "test_router.moc"
