#include "commandline.h"

#include <QtTest>

using namespace sbor;

class TestCommandLine : public QObject {
    Q_OBJECT
private slots:
    void flagsMapToConfigurationKeys()
    {
        const auto line = parseCommandLine({"--http", "0.0.0.0:9000", "--db-url=postgresql://x/y", "--target",
                                            "auth,events", "--data-dir", "/srv/sbor", "--live", ":9001", "--log-level",
                                            "debug", "--config", "/etc/sbor.yml"});
        QVERIFY2(line.problem.empty(), line.problem.c_str());
        QCOMPARE(QString::fromStdString(line.settings.at("http.listen")), QStringLiteral("0.0.0.0:9000"));
        QCOMPARE(QString::fromStdString(line.settings.at("database.url")), QStringLiteral("postgresql://x/y"));
        QCOMPARE(QString::fromStdString(line.settings.at("server.target")), QStringLiteral("auth,events"));
        QCOMPARE(QString::fromStdString(line.settings.at("data_dir")), QStringLiteral("/srv/sbor"));
        QCOMPARE(QString::fromStdString(line.settings.at("live.listen")), QStringLiteral(":9001"));
        QCOMPARE(QString::fromStdString(line.settings.at("log.level")), QStringLiteral("debug"));
        QCOMPARE(QString::fromStdString(line.configFile), QStringLiteral("/etc/sbor.yml"));
        QCOMPARE(QString::fromStdString(line.origins.at("http.listen")), QStringLiteral("flag --http"));
    }

    void problemsAreReported()
    {
        QVERIFY(!parseCommandLine({"--htp", "x"}).problem.empty());
        QVERIFY(!parseCommandLine({"--http"}).problem.empty());
        QVERIFY(parseCommandLine({"--list-targets"}).listTargets);
        QVERIFY(parseCommandLine({"-h"}).help);
    }

    void usageDocumentsTheContract()
    {
        const QString usage = QString::fromStdString(usageText());
        for (const char* flag :
             {"--config FILE", "--data-dir DIR", "--db-url URL", "--http HOST:PORT", "--live HOST:PORT",
              "--target LIST", "--list-targets", "--log-level L", "127.0.0.1:8080", "127.0.0.1:8081"})
            QVERIFY2(usage.contains(flag), flag);
    }
};

QTEST_APPLESS_MAIN(TestCommandLine)
#include "test_commandline.moc"
