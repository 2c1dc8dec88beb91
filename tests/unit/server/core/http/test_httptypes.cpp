#include "http/httptypes.h"

#include <QtTest>

using namespace sbor;
using namespace sbor::http;

class TestHttpTypes : public QObject {
    Q_OBJECT
private slots:
    // Issue 13, defect 7: a 404 echoed a 1 MB path parameter whole.
    void errorsEchoOnlyAShortPrefixOfWhatWasSent()
    {
        const std::string huge(1 << 20, 'x');
        const HttpResponse response = errorResponse(Error(ErrorCode::NotFound, "no webhook endpoint " + huge,
                                                          {{"endpoint_id", huge}, {"nested", {{"list", {huge}}}}}),
                                                    "trace");
        QCOMPARE(response.status, 404);
        QVERIFY2(response.body.size() < 2000, std::to_string(response.body.size()).c_str());
        const auto body = nlohmann::json::parse(response.body);
        QCOMPARE(body["error"]["code"].get<std::string>(), std::string("not_found"));
        QVERIFY(body["error"]["details"]["endpoint_id"].get<std::string>().rfind("xxxx", 0) == 0);
        QCOMPARE(body["error"]["trace_id"].get<std::string>(), std::string("trace"));
    }

    void shortenedTextIsStillUtf8()
    {
        std::string cyrillic;
        for (int i = 0; i < 200; ++i)
            cyrillic += "Ж";
        const HttpResponse response = errorResponse(
            Error(ErrorCode::NotFound, "no such event", {{"id", "x" + cyrillic}}), "");
        const auto body = nlohmann::json::parse(response.body); // throws on invalid UTF-8
        const std::string echoed = body["error"]["details"]["id"].get<std::string>();
        QVERIFY(echoed.size() < 200);
        QVERIFY(echoed.find("\xEF\xBF\xBD") == std::string::npos); // no replacement character: cut between characters
    }

    void shortValuesAreEchoedAsTheyAre()
    {
        const HttpResponse response = errorResponse(
            Error(ErrorCode::NotFound, "no such event", {{"id", "42"}, {"retry_after_seconds", 3}}), "");
        const auto body = nlohmann::json::parse(response.body);
        QCOMPARE(body["error"]["details"]["id"].get<std::string>(), std::string("42"));
        QCOMPARE(body["error"]["message"].get<std::string>(), std::string("no such event"));
    }
};

QTEST_APPLESS_MAIN(TestHttpTypes)
#include "test_httptypes.moc"
