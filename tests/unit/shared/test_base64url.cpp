// base64url without padding: RFC 4648 vectors, strict decoding (one spelling per value), and
// the list cursors built on it.
#include "paging/cursor.h"
#include "sbor/base64url.h"

#include <QtTest>

using namespace sbor;

class TestBase64Url : public QObject {
    Q_OBJECT
private slots:
    void plainBase64WithPadding()
    {
        // RFC 4648 §10 vectors, plus the two letters that differ from base64url.
        const std::pair<std::string, std::string> vectors[] = {
            {"", ""}, {"f", "Zg=="}, {"fo", "Zm8="}, {"foo", "Zm9v"}, {"foob", "Zm9vYg=="}, {"\xfb\xff", "+/8="}};
        for (const auto& [bytes, text] : vectors) {
            QCOMPARE(sbor::base64Encode(bytes), text);
            QCOMPARE(sbor::base64Decode(text).value_or("<none>"), bytes);
        }
        QVERIFY(!sbor::base64Decode("-_8=").has_value()); // base64url letters
        QVERIFY(!sbor::base64Decode("Zg").has_value());   // padding missing
        QVERIFY(!sbor::base64Decode("Zh==").has_value()); // stray bits
    }

    void rfc4648Vectors()
    {
        const std::pair<const char*, const char*> vectors[] = {
            {"", ""},           {"f", "Zg"},          {"fo", "Zm8"},         {"foo", "Zm9v"},
            {"foob", "Zm9vYg"}, {"fooba", "Zm9vYmE"}, {"foobar", "Zm9vYmFy"}};
        for (const auto& [plain, encoded] : vectors) {
            QCOMPARE(base64UrlEncode(std::string_view(plain)), std::string(encoded));
            QCOMPARE(base64UrlDecode(encoded), std::optional<std::string>(plain));
        }
        const std::string binary("\xfb\xff\xfe", 3);
        QCOMPARE(base64UrlEncode(binary), std::string("-__-")); // the URL-safe alphabet
    }

    void strictDecoding()
    {
        QVERIFY(!base64UrlDecode("Zm9v=")); // no padding
        QVERIFY(!base64UrlDecode("Zm+v"));  // not the URL-safe alphabet
        QVERIFY(!base64UrlDecode("Zm9"
                                 "v Y"));
        QVERIFY(!base64UrlDecode("Z"));  // no byte count encodes to 1 character
        QVERIFY(!base64UrlDecode("Zh")); // "Zg" is the one spelling of "f"
        QVERIFY(base64UrlDecode("Zg"));
    }

    void cursors()
    {
        const nlohmann::json position{{"c", "2026-01-01T00:00:00.000001Z"}, {"i", "x"}};
        const std::string cursor = paging::encodeCursor(position);
        QCOMPARE(paging::decodeCursor(cursor), std::optional<nlohmann::json>(position));
        QVERIFY(!paging::decodeCursor(""));
        QVERIFY(!paging::decodeCursor("!!"));
        QVERIFY(!paging::decodeCursor(base64UrlEncode(std::string_view("[1,2]")))); // must be an object
        QVERIFY(!paging::decodeCursor(std::string(3000, 'A')));
        QCOMPARE(paging::parsePageLimit("", 50, 100), std::optional<int>(50));
        QCOMPARE(paging::parsePageLimit("100", 50, 100), std::optional<int>(100));
        for (const char* bad : {"0", "101", "-1", "1.5", "ten", "99999999999"})
            QVERIFY2(!paging::parsePageLimit(bad, 50, 100), bad);
    }
};

QTEST_APPLESS_MAIN(TestBase64Url)
#include "test_base64url.moc"
