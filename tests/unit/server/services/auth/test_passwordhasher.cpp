#include "auth/passwordhasher.h"

#include <QtTest>

using namespace sbor::auth;

class TestPasswordHasher : public QObject {
    Q_OBJECT
private slots:
    void hashesAreBcryptSaltedAndVerify()
    {
        const PasswordHasher hasher(4); // the lowest cost keeps the test fast; production uses 12
        const std::string first = hasher.hash("correct horse battery");
        const std::string second = hasher.hash("correct horse battery");
        QVERIFY(first.rfind("$2b$04$", 0) == 0);
        QCOMPARE(first.size(), size_t(60));
        QVERIFY(first != second); // salted
        QVERIFY(hasher.verify("correct horse battery", first));
        QVERIFY(!hasher.verify("correct horse batterY", first));
        QVERIFY(!hasher.verify("", first));
        QVERIFY(!hasher.verify("correct horse battery", "not-a-hash"));
        QVERIFY(!hasher.verify("correct horse battery", ""));
        QVERIFY(!hasher.decoyHash().empty());
    }

    void everyByteOfALongPasswordCounts()
    {
        // bcrypt alone ignores bytes after the 72nd.
        const PasswordHasher hasher(4);
        const std::string base(100, 'a');
        const std::string stored = hasher.hash(base + "1");
        QVERIFY(hasher.verify(base + "1", stored));
        QVERIFY(!hasher.verify(base + "2", stored));
    }

    void costIsConfigurable()
    {
        QVERIFY(PasswordHasher(5).hash("some long password").rfind("$2b$05$", 0) == 0);
        QCOMPARE(PasswordHasher(2).cost(), 4); // clamped to bcrypt's range
    }

    void passwordRules_data()
    {
        QTest::addColumn<QString>("password");
        QTest::addColumn<bool>("acceptable");
        QTest::newRow("9 chars") << "abcdefgh9" << false;
        QTest::newRow("10 chars") << "abcdefgh10" << true;
        QTest::newRow("10 Cyrillic chars (20 bytes)") << "сборвесной" << true;
        QTest::newRow("common Cyrillic password") << "пароль1234" << false;
        QTest::newRow("9 Cyrillic chars") << "парольпар" << false;
        QTest::newRow("128 chars") << QString(128, 'x') << true;
        QTest::newRow("129 chars") << QString(129, 'x') << false;
        QTest::newRow("common") << "Password123" << false;
        QTest::newRow("common digits") << "1234567890" << false;
        QTest::newRow("spaces kept as typed") << "  spaced  out  " << true;
        QTest::newRow("no composition rules") << "alllowercaseletters" << true;
    }

    void passwordRules()
    {
        QFETCH(QString, password);
        QFETCH(bool, acceptable);
        const auto problem = passwordProblem(password.toStdString());
        QCOMPARE(!problem.has_value(), acceptable);
    }

    void invalidUtf8IsRefused()
    {
        QVERIFY(passwordProblem(std::string("abcdefghij\xff", 11)).has_value());
        QCOMPARE(utf8Length("пароль"), std::optional<std::size_t>(6));
        QVERIFY(!utf8Length(std::string("\xc3", 1)));
    }
};

QTEST_APPLESS_MAIN(TestPasswordHasher)
#include "test_passwordhasher.moc"
