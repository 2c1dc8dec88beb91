#include "config/config.h"

#include <QtTest>

#include <set>

using namespace sbor;

namespace {
std::vector<char*> environmentOf(std::vector<std::string>& storage)
{
    std::vector<char*> pointers;
    for (auto& entry : storage)
        pointers.push_back(entry.data());
    pointers.push_back(nullptr);
    return pointers;
}
} // namespace

class TestConfig : public QObject {
    Q_OBJECT
private slots:
    void defaultsAreTheEmbeddedMode()
    {
        Config config(coreConfigSchema());
        QCOMPARE(QString::fromStdString(config.getString("http.listen")), QStringLiteral("127.0.0.1:8080"));
        QCOMPARE(QString::fromStdString(config.getString("live.listen")), QStringLiteral("127.0.0.1:8081"));
        QCOMPARE(config.getString("database.url"), std::string());
        QCOMPARE(config.getInteger("http.body_limit_bytes"), 1048576);
        QCOMPARE(config.originOf("http.listen"), std::string("default"));
    }

    void fileThenEnvironmentThenFlags()
    {
        Config config(coreConfigSchema());
        QVERIFY(config
                    .loadYamlText("http:\n  listen: 127.0.0.1:1000\n  request_timeout_ms: 1111\nlog:\n  level: debug\n",
                                  "sbor.yml")
                    .ok());
        QCOMPARE(config.getInteger("http.request_timeout_ms"), 1111);
        std::vector<std::string> env = {"SBOR_HTTP_LISTEN=127.0.0.1:2000", "PATH=/bin", "SBOR_LOG_LEVEL=warn"};
        auto pointers = environmentOf(env);
        QVERIFY(config.loadEnvironment(pointers.data()).ok());
        QCOMPARE(QString::fromStdString(config.getString("http.listen")), QStringLiteral("127.0.0.1:2000"));
        QCOMPARE(config.getInteger("http.request_timeout_ms"), 1111); // file value survives
        QVERIFY(config.set("http.listen", "127.0.0.1:3000", "flag --http").ok());
        QCOMPARE(QString::fromStdString(config.getString("http.listen")), QStringLiteral("127.0.0.1:3000"));
        QCOMPARE(config.originOf("http.listen"), std::string("flag --http"));
        QCOMPARE(config.originOf("log.level"), std::string("environment SBOR_LOG_LEVEL"));
    }

    void unknownFileKeyIsAnErrorNamingIt()
    {
        Config config(coreConfigSchema());
        auto nested = config.loadYamlText("http:\n  listn: 1\n", "sbor.yml");
        QVERIFY(!nested.ok());
        QVERIFY(QString::fromStdString(nested.error().message).contains("http.listn"));
        QCOMPARE(QString::fromStdString(nested.error().details["key"].get<std::string>()),
                 QStringLiteral("http.listn"));
        auto top = config.loadYamlText("colour: blue\n", "sbor.yml");
        QVERIFY(!top.ok());
        QVERIFY(QString::fromStdString(top.error().message).contains("colour"));
        // a scalar where a section is expected
        QVERIFY(!config.loadYamlText("http: 5\n", "sbor.yml").ok());
    }

    void wrongTypesAndBrokenYamlAreErrors()
    {
        Config config(coreConfigSchema());
        auto integer = config.loadYamlText("http:\n  workers: many\n", "sbor.yml");
        QVERIFY(!integer.ok());
        QVERIFY(QString::fromStdString(integer.error().message).contains("http.workers"));
        QVERIFY(!config.loadYamlText("http:\n  access_log: perhaps\n", "sbor.yml").ok());
        QVERIFY(!config.loadYamlText("http: [unclosed\n", "sbor.yml").ok());
        QVERIFY(!config.loadYamlText("- a\n- b\n", "sbor.yml").ok());
        QVERIFY(config.loadYamlText("", "sbor.yml").ok());
    }

    void listsFromYamlSequencesOrCommas()
    {
        Config config(coreConfigSchema());
        QVERIFY(
            config.loadYamlText("http:\n  cors_origins: [https://a.example, https://b.example]\n", "sbor.yml").ok());
        QCOMPARE(config.getList("http.cors_origins").size(), size_t(2));
        QVERIFY(config.set("server.target", "auth, events ,", "flag --target").ok());
        QCOMPARE(config.getList("server.target"), (std::vector<std::string>{"auth", "events"}));
    }

    void unknownEnvironmentNamesAreReportedNotApplied()
    {
        Config config(coreConfigSchema());
        std::vector<std::string> env = {"SBOR_HTTP_LISTN=x"};
        auto pointers = environmentOf(env);
        QVERIFY(config.loadEnvironment(pointers.data()).ok());
        QCOMPARE(config.unknownEnvironmentNames(), (std::vector<std::string>{"SBOR_HTTP_LISTN"}));
    }

    void badEnvironmentValueIsAnErrorNamingTheVariable()
    {
        Config config(coreConfigSchema());
        std::vector<std::string> env = {"SBOR_DATABASE_POOL_SIZE=lots"};
        auto pointers = environmentOf(env);
        auto loaded = config.loadEnvironment(pointers.data());
        QVERIFY(!loaded.ok());
        QVERIFY(QString::fromStdString(loaded.error().message).contains("SBOR_DATABASE_POOL_SIZE"));
    }

    void secretsAreRedacted()
    {
        Config config(coreConfigSchema());
        QVERIFY(config.set("database.url", "postgresql://sbor:hunter2@db.example:5432/sbor", "flag --db-url").ok());
        const auto values = config.redactedValues();
        QCOMPARE(QString::fromStdString(values.at("database.url")),
                 QStringLiteral("postgresql://sbor:***@db.example:5432/sbor"));
        QCOMPARE(QString::fromStdString(redactSecret("database.url", "host=x password=hunter2 dbname=y")),
                 QStringLiteral("***"));
        QCOMPARE(QString::fromStdString(redactSecret("database.url", "postgresql:///sbor?host=/run&password=hunter2")),
                 QStringLiteral("postgresql:///sbor?host=/run&password=***"));
        // a wrong-typed secret is not echoed in the error either
        ConfigSchema schema;
        schema.add({"token.length", ConfigKind::Integer, "1", "", true});
        Config secretConfig(schema);
        auto failed = secretConfig.set("token.length", "hunter2", "test");
        QVERIFY(!failed.ok());
        QVERIFY(!QString::fromStdString(failed.error().message).contains("hunter2"));
    }

    void environmentNamesAreDerivedFromKeys()
    {
        QCOMPARE(QString::fromStdString(ConfigSchema::environmentName("http.body_limit_bytes")),
                 QStringLiteral("SBOR_HTTP_BODY_LIMIT_BYTES"));
        QCOMPARE(QString::fromStdString(ConfigSchema::environmentName("data_dir")), QStringLiteral("SBOR_DATA_DIR"));
        // no two core keys may share an environment name
        std::set<std::string> names;
        const ConfigSchema schema = coreConfigSchema();
        for (const auto& spec : schema.keys())
            QVERIFY2(names.insert(ConfigSchema::environmentName(spec.key)).second, spec.key.c_str());
    }
};

QTEST_APPLESS_MAIN(TestConfig)
#include "test_config.moc"
