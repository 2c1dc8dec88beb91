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

// "field: problem", one per problem, in the order found.
QStringList problemsOf(const Error& error)
{
    QStringList problems;
    for (const auto& problem : error.details["fields"])
        problems << QString::fromStdString(problem["field"].get<std::string>() + ": " +
                                           problem["problem"].get<std::string>());
    return problems;
}

QStringList problemFields(const Error& error)
{
    QStringList fields;
    for (const auto& problem : error.details["fields"])
        fields << QString::fromStdString(problem["field"].get<std::string>());
    return fields;
}
} // namespace

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

    // Issue 13, defects 3 and 11: numbers beyond a double escaped as out_of_range (a 500), and a
    // key named twice was taken with the last value winning.
    void outOfRangeNumbersDuplicateKeysAndDeepNestingAre400()
    {
        for (const char* body : {R"({"email":"a@example.org","password":"x","zz":1e999})", R"({"name":-1e400})",
                                 R"({"a":[1e999]})", R"({"a":{"b":{"c":[0,1,2,-1E+999]}}})", R"({"a":1,"a":2})",
                                 R"({"o":{"k":1,"k":1}})", R"({"list":[{"x":1},{"y":1,"y":2}]})"}) {
            const auto parsed = parseJsonBody(withBody(body));
            QVERIFY2(!parsed.ok(), body);
            QCOMPARE(parsed.error().code, ErrorCode::MalformedJson);
        }
        QVERIFY(parseJsonBody(withBody(R"({"a":{"k":1},"b":{"k":1},"c":[{"k":1},{"k":2}]})"))
                    .ok()); // the same key in other objects
        QVERIFY(parseJsonBody(withBody(R"({"big":1.7e308,"small":-1e-400})")).ok());
        const std::string deep = "{\"a\":" + std::string(100, '[') + std::string(100, ']') + "}";
        QCOMPARE(parseJsonBody(withBody(deep)).error().code, ErrorCode::MalformedJson);
        const std::string fine = "{\"a\":" + std::string(30, '[') + std::string(30, ']') + "}";
        QVERIFY(parseJsonBody(withBody(fine)).ok());
    }

    // Issue 13, defects 2 and 6: NUL cut passwords and stored text silently.
    void everyStringObeysTheTextRule()
    {
        const auto body = nlohmann::json::parse(
            R"({"title":"a\u0000b","name":"\u0007bell","text":"line one\nline two\ttab","tags":["ok","x\u0000"]})");
        JsonFieldReader reader(body);
        reader.requiredString("title", 1);
        reader.optionalString("name");
        QCOMPARE(reader.optionalString("text"), std::optional<std::string>("line one\nline two\ttab"));
        reader.optionalStringArray("tags");
        const auto problem = reader.finish();
        QVERIFY(problem);
        QCOMPARE(problemFields(*problem), (QStringList{"title", "name", "tags[1]"}));
        QVERIFY(problem->details["fields"][0]["problem"].get<std::string>().find("NUL") != std::string::npos);
    }

    // Issue 13, defect 11: nested readers named their fields with a double dot.
    void nestedFieldPathsHaveOneDot()
    {
        const auto item = nlohmann::json::parse(R"({"ends_at":5})");
        JsonFieldReader reader(item, "items[0]");
        reader.requiredString("ends_at", 1);
        QCOMPARE(problemFields(*reader.finish()), QStringList{"items[0].ends_at"});
    }

    void aFloodOfUnknownFieldsIsReportedBriefly()
    {
        nlohmann::json body = nlohmann::json::object();
        for (int i = 0; i < 1000; ++i)
            body["unknown" + std::to_string(i)] = i;
        JsonFieldReader reader(body);
        const auto problem = reader.finish();
        QVERIFY(problem);
        QCOMPARE(problem->details["fields"].size(), std::size_t(50));
        QCOMPARE(problem->details["more_problems"].get<int>(), 950);
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
        QCOMPARE(QString::fromStdString(error->details["fields"][0]["problem"].get<std::string>()),
                 QStringLiteral("is required"));
    }

    void readsIdsAsSentAndNamesWhatTheyMustBe()
    {
        const auto body = nlohmann::json::parse(
            R"({"list_id":"5F0E8C4A-1B2C-4D3E-8F9A-0B1C2D3E4F5A","ticket_id":"nope","other_id":"","type_id":7})");
        JsonFieldReader reader(body);
        QCOMPARE(reader.requiredId("list_id", "a check-in list id"),
                 std::string("5F0E8C4A-1B2C-4D3E-8F9A-0B1C2D3E4F5A"));
        QCOMPARE(reader.requiredId("ticket_id", "a ticket id"), std::string("nope"));
        reader.requiredId("other_id", "a user id");
        QCOMPARE(reader.optionalId("type_id", "a ticket type id"), std::nullopt);
        QCOMPARE(reader.optionalId("absent_id", "a ticket type id"), std::nullopt);
        reader.requiredId("missing_id", "an event id");
        const auto error = reader.finish();
        QVERIFY(error);
        QCOMPARE(problemsOf(*error),
                 (QStringList{"ticket_id: must be a ticket id", "other_id: must not be empty",
                              "type_id: must be a string", "missing_id: is required"}));
    }

    void readsTimesStrictly()
    {
        const auto body = nlohmann::json::parse(
            R"({"at":"2026-06-01T18:00:00+03:00","date":"2026-06-01","empty":"","text":"2026-06-01T18:00:00Z"})");
        JsonFieldReader reader(body);
        QCOMPARE(reader.requiredTime("at"), std::optional<std::int64_t>(1780326000000000));
        QCOMPARE(reader.optionalTime("date"), std::nullopt);
        QCOMPARE(reader.requiredTime("empty"), std::nullopt);
        QCOMPARE(reader.optionalTimeText("text"), std::optional<std::string>("2026-06-01T18:00:00Z"));
        QCOMPARE(reader.optionalTime("absent"), std::nullopt);
        const auto error = reader.finish();
        QVERIFY(error);
        QCOMPARE(problemsOf(*error), (QStringList{QString("date: ") + kTimeProblem, "empty: must not be empty"}));
    }

    void readsOneOfTheNamedChoices()
    {
        const auto body = nlohmann::json::parse(R"({"type":"exit","kind":"sideways","mode":"b"})");
        JsonFieldReader reader(body);
        QCOMPARE(reader.optionalChoice("type", {"entry", "exit"}), std::optional<std::string>("exit"));
        QCOMPARE(reader.optionalChoice("kind", {"entry", "exit"}), std::nullopt);
        QCOMPARE(reader.optionalChoice("mode", {"a", "c", "d"}), std::nullopt);
        QCOMPARE(reader.optionalChoice("absent", {"a"}), std::nullopt);
        const auto error = reader.finish();
        QVERIFY(error);
        QCOMPARE(problemsOf(*error), (QStringList{"kind: must be entry or exit", "mode: must be a, c or d"}));
    }
};

QTEST_APPLESS_MAIN(TestJsonBody)
#include "test_jsonbody.moc"
