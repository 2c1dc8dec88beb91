#include "validation/textrules.h"

#include <QtTest>

using namespace sbor::validation;

class TestTextRules : public QObject {
    Q_OBJECT
private slots:
    // Issue 13, defect 4: these passed the check and PostgreSQL answered them with a 500.
    void invalidUtf8IsRefusedInEveryForm_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        QTest::newRow("lone high surrogate") << QByteArray("\xED\xA0\x80");
        QTest::newRow("lone low surrogate") << QByteArray("\xED\xB0\x80");
        QTest::newRow("overlong slash, 2 bytes") << QByteArray("\xC0\xAF");
        QTest::newRow("overlong slash, 3 bytes") << QByteArray("\xE0\x80\xAF");
        QTest::newRow("overlong NUL") << QByteArray("\xC0\x80");
        QTest::newRow("overlong, 4 bytes") << QByteArray("\xF0\x80\x80\xAF");
        QTest::newRow("above U+10FFFF") << QByteArray("\xF4\x90\x80\x80");
        QTest::newRow("F5 lead byte") << QByteArray("\xF5\x80\x80\x80");
        QTest::newRow("lone continuation") << QByteArray("a\x80");
        QTest::newRow("truncated") << QByteArray("\xE2\x82");
        QTest::newRow("ff") << QByteArray("\xFF");
    }

    void invalidUtf8IsRefusedInEveryForm()
    {
        QFETCH(QByteArray, bytes);
        QVERIFY(!utf8Length(bytes.toStdString()));
        QVERIFY(textProblem(bytes.toStdString()));
    }

    void validUtf8IsCounted()
    {
        QCOMPARE(utf8Length("abc").value(), std::size_t(3));
        QCOMPARE(utf8Length("Сбор").value(), std::size_t(4));
        QCOMPARE(utf8Length("\xE2\x82\xAC").value(), std::size_t(1));     // €
        QCOMPARE(utf8Length("\xF4\x8F\xBF\xBF").value(), std::size_t(1)); // U+10FFFF, the last
        QCOMPARE(utf8Length("\xED\x9F\xBF").value(), std::size_t(1));     // U+D7FF, just before the surrogates
        QCOMPARE(utf8Length("\xEE\x80\x80").value(), std::size_t(1));     // U+E000, just after
        QCOMPARE(utf8Length("\xF0\x9F\x8E\x9F").value(), std::size_t(1)); // 🎟
    }

    void textHasNoNulOrControlCharactersButMayHaveLines()
    {
        QVERIFY(!textProblem("Концерт\nвторая строка\tи таб\r\n"));
        QVERIFY(textProblem(std::string("a\0b", 3)).value().find("NUL") != std::string::npos);
        QVERIFY(textProblem(std::string("\0", 1)));
        QVERIFY(textProblem("bell\x07"));
        QVERIFY(textProblem("escape\x1b[31m"));
        QVERIFY(textProblem("delete\x7f"));
        QVERIFY(!textProblem(""));
    }
};

QTEST_APPLESS_MAIN(TestTextRules)
#include "test_textrules.moc"
