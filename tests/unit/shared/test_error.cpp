#include "sbor/error.h"

#include <QtTest>

using namespace sbor;

class TestError : public QObject {
    Q_OBJECT
private slots:
    void everyCodeRoundTripsThroughItsWireName()
    {
        for (int i = 0; i < kErrorCodeCount; ++i) {
            const auto code = static_cast<ErrorCode>(i);
            const auto name = errorCodeName(code);
            QVERIFY(!name.empty());
            QCOMPARE(errorCodeFromName(name), std::optional<ErrorCode>(code));
            const int status = httpStatusFor(code);
            QVERIFY2(status >= 400 && status < 600, name.data());
        }
        QVERIFY(!errorCodeFromName("no_such_code"));
    }

    void statusesFollowTheApiConventions()
    {
        QCOMPARE(httpStatusFor(ErrorCode::MalformedJson), 400);
        QCOMPARE(httpStatusFor(ErrorCode::ValidationFailed), 422);
        QCOMPARE(httpStatusFor(ErrorCode::NotFound), 404);
        QCOMPARE(httpStatusFor(ErrorCode::MethodNotAllowed), 405);
        QCOMPARE(httpStatusFor(ErrorCode::PayloadTooLarge), 413);
        QCOMPARE(httpStatusFor(ErrorCode::Internal), 500);
        QCOMPARE(httpStatusFor(ErrorCode::DatabaseUnavailable), 503);
    }

    void jsonOmitsEmptyDetails()
    {
        const auto plain = Error(ErrorCode::NotFound, "gone").toJson();
        QCOMPARE(QString::fromStdString(plain.dump()), QStringLiteral(R"({"code":"not_found","message":"gone"})"));
        const auto detailed = Error(ErrorCode::ValidationFailed, "bad", {{"field", "name"}}).toJson();
        QCOMPARE(QString::fromStdString(detailed["details"]["field"].get<std::string>()), QStringLiteral("name"));
    }

    void resultHoldsValueOrError()
    {
        Result<int> good = 7;
        QVERIFY(good.ok());
        QCOMPARE(*good, 7);
        Result<int> bad = Error(ErrorCode::Conflict, "taken");
        QVERIFY(!bad.ok());
        QCOMPARE(bad.error().code, ErrorCode::Conflict);
    }
};

QTEST_APPLESS_MAIN(TestError)
#include "test_error.moc"
