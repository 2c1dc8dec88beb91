// sbor-kiosk's command line: scripted set-up (--server, --enroll, --pin), --scan-file (repeatable),
// and clear refusals of what cannot work.

#include "kioskapp.h"

#include <QTemporaryFile>
#include <QtTest>

using sbor::kiosk::parseKioskOptions;

class TestKioskOptions : public QObject {
    Q_OBJECT

private slots:
    void scriptedSetUp()
    {
        QTemporaryFile first, second;
        QVERIFY(first.open() && second.open());
        QString error;
        const auto options = parseKioskOptions({"sbor-kiosk", "--server", "http://door.local:8080", "--enroll",
                                                "ABCD-1234", "--pin", "2468", "--scan-file", first.fileName(),
                                                "--scan-file", second.fileName(), "--windowed", "--size", "1920x1080",
                                                "--language", "ru"},
                                               &error);
        QVERIFY2(options, qPrintable(error));
        QCOMPARE(options->server, QStringLiteral("http://door.local:8080"));
        QCOMPARE(options->enrollCode, QStringLiteral("ABCD-1234"));
        QCOMPARE(options->pin, QStringLiteral("2468"));
        QCOMPARE(options->scanFiles, QStringList({first.fileName(), second.fileName()}));
        QVERIFY(options->windowed);
        QCOMPARE(options->size, QSize(1920, 1080));
        QCOMPARE(options->language, QStringLiteral("ru"));
    }

    void refusals_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<QString>("mentions");
        QTest::newRow("enroll without server") << QStringList{"--enroll", "X"} << "--server";
        QTest::newRow("missing file") << QStringList{"--scan-file", "/nonexistent/ticket.png"}
                                      << "/nonexistent/ticket.png";
        QTest::newRow("bad size") << QStringList{"--size", "huge"} << "--size";
        QTest::newRow("tiny size") << QStringList{"--size", "10x10"} << "--size";
        QTest::newRow("language") << QStringList{"--language", "de"} << "--language";
        QTest::newRow("unknown option") << QStringList{"--frobnicate"} << "frobnicate";
        QTest::newRow("option without value") << QStringList{"--server"} << "server";
    }

    void refusals()
    {
        QFETCH(QStringList, arguments);
        QFETCH(QString, mentions);
        QString error;
        arguments.prepend("sbor-kiosk");
        QVERIFY(!parseKioskOptions(arguments, &error));
        QVERIFY2(error.contains(mentions), qPrintable(error));
    }
};

QTEST_GUILESS_MAIN(TestKioskOptions)
#include "test_kioskoptions.moc"
