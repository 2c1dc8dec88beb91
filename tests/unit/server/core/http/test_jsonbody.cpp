#include "http/jsonbody.h"

#include <QtTest>

using namespace sbor;
using namespace sbor::http;

namespace {
HttpRequest withBody(const std::string& body, const std::string& contentType = "application/json")
{
    HttpRequest request;
    request.body = body;
    if (!contentType.empty())
        request.headers.set("Content-Type", contentType);
    return request;
}

QStringList problemFields(const Error& error)
{
    QStringList fields;
    for (const auto& problem : error.details["fields"])
        fields << QString::fromStdString(problem["field"].get<std::string>());
    return fields;
}
}

class TestJsonBody : public QObject {
    Q_OBJECT
private slots:
    void malformedJsonIs400WithOffset()
    {
        const auto parsed = parseJsonBody(withBody("{"));
        QVERIFY(!parsed.ok());
        QCOMPARE(parsed.error().code, ErrorCode::MalformedJson);
        QVERIFY(parsed.error().details.contains("offset"));
        QCOMPARE(parseJsonBody(withBody("")).error().code, ErrorCode::MalformedJson);
        QCOMPARE(parseJsonBody(withBody("{\"a\":1} trailing")).error().code, ErrorCode::MalformedJson);
    }

    void nonObjectIs422()
    {
        QCOMPARE(parseJsonBody(withBody("[1,2]")).error().code, ErrorCode::ValidationFailed);
        QCOMPARE(parseJsonBody(withBody("\"text\"")).error().code, ErrorCode::ValidationFailed);
    }

    void otherContentTypeIs415()
    {
        QCOMPARE(parseJsonBody(withBody("{}", "text/plain")).error().code, ErrorCode::UnsupportedMediaType);
        QVERIFY(parseJsonBody(withBody("{}", "application/json; charset=utf-8")).ok());
        QVERIFY(parseJsonBody(withBody("{}", "")).ok());
    }

    void readsTypedFields()
    {
        const auto body = nlohmann::json::parse(R"({"name":"Ann","count":3,"tags":["a","b"],"on":true})");
        JsonFieldReader reader(body);
        QCOMPARE(QString::fromStdString(reader.requiredString("name", 1)), QStringLiteral("Ann"));
        QCOMPARE(reader.requiredInteger("count", 0, 10), 3);
        QCOMPARE(reader.optionalStringArray("tags").size(), size_t(2));
        QCOMPARE(reader.optionalBoolean("on"), std::optional<bool>(true));
        QVERIFY(!reader.optionalString("missing"));
        QVERIFY(!reader.finish());
    }

    void collectsEveryProblemNamingTheField()
    {
        const auto body = nlohmann::json::parse(R"({"name":5,"count":"3","tags":["a",1],"extra":true})");
        JsonFieldReader reader(body);
        reader.requiredString("name");
        reader.requiredInteger("count");
        reader.optionalStringArray("tags");
        reader.requiredString("title");
        const auto error = reader.finish();
        QVERIFY(error);
        QCOMPARE(error->code, ErrorCode::ValidationFailed);
        QCOMPARE(problemFields(*error), (QStringList{"name", "count", "tags[1]", "title", "extra"}));
        QVERIFY(QString::fromStdString(error->message).contains("name"));
    }

    void rangeAndLengthAreChecked()
    {
        const auto body = nlohmann::json::parse(R"({"count":-1,"big":18446744073709551615,"name":"","ratio":1.5})");
        JsonFieldReader reader(body);
        reader.requiredInteger("count", 0, 10);
        reader.optionalInteger("big");
        reader.requiredString("name", 1);
        reader.optionalInteger("ratio");
        const auto error = reader.finish();
        QVERIFY(error);
        QCOMPARE(problemFields(*error), (QStringList{"count", "big", "name", "ratio"}));
    }

    void nullCountsAsMissing()
    {
        const auto body = nlohmann::json::parse(R"({"name":null})");
        JsonFieldReader reader(body);
        reader.requiredString("name");
        const auto error = reader.finish();
        QVERIFY(error);
        QCOMPARE(QString::fromStdString(error->details["fields"][0]["problem"].get<std::string>()), QStringLiteral("is required"));
    }
};

QTEST_APPLESS_MAIN(TestJsonBody)
#include "test_jsonbody.moc"
