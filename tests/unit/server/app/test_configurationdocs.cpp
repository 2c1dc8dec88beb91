// docs/configuration.md is the configuration schema written for people: every key the catalog
// assembles (the core's and each service's), its default and its description, nothing else.
#include "builtinservices.h"

#include <QtTest>

#include <map>

using namespace sbor;

namespace {

struct DocumentedKey {
    QString defaultValue; // as written: `value`, "empty", or a description of a computed default
    QString description;
};

// The rows of the table: | `key` | flag | default | description |
std::map<QString, DocumentedKey> documentedKeys(const QString& path)
{
    QFile file(path);
    std::map<QString, DocumentedKey> keys;
    if (!file.open(QIODevice::ReadOnly | QIODevice::Text))
        return keys;
    while (!file.atEnd()) {
        const QString line = QString::fromUtf8(file.readLine()).trimmed();
        if (!line.startsWith(QStringLiteral("| `")))
            continue;
        const QStringList cells = line.mid(1, line.size() - 2).split(QLatin1Char('|'));
        if (cells.size() != 4)
            continue;
        QString key = cells[0].trimmed();
        key = key.mid(1, key.size() - 2);
        keys[key] = {cells[2].trimmed(), cells[3].trimmed()};
    }
    return keys;
}

bool defaultMatches(const std::string& schemaDefault, const QString& documented)
{
    if (schemaDefault.empty()) // empty, or what the server computes in its place
        return documented == QStringLiteral("empty") || documented.contains(QLatin1Char(' '));
    return documented == QLatin1Char('`') + QString::fromStdString(schemaDefault) + QLatin1Char('`');
}

} // namespace

class TestConfigurationDocs : public QObject {
    Q_OBJECT
private slots:
    void everyKeyIsDocumentedWithItsDefaultAndDescription()
    {
        const auto documented = documentedKeys(QStringLiteral(SBOR_SOURCE_DIR "/docs/configuration.md"));
        QVERIFY2(documented.size() > 50, "docs/configuration.md has no key table");
        const ConfigSchema schema = builtinConfigSchema();
        for (const auto& spec : schema.keys()) {
            const QString key = QString::fromStdString(spec.key);
            const auto row = documented.find(key);
            QVERIFY2(row != documented.end(), qPrintable("not in docs/configuration.md: " + key));
            QVERIFY2(defaultMatches(spec.defaultValue, row->second.defaultValue),
                     qPrintable(key + ": the default is " + QString::fromStdString(spec.defaultValue) +
                                ", the docs say " + row->second.defaultValue));
            QCOMPARE(row->second.description, QString::fromStdString(spec.help));
        }
        for (const auto& [key, row] : documented)
            QVERIFY2(schema.find(key.toStdString()), qPrintable("documented but not a key: " + key));
    }

    // Each service declares its own keys; none of them is the core's.
    void serviceKeysAreDeclaredByTheirServices()
    {
        const ConfigSchema core = coreConfigSchema();
        QVERIFY(core.find("http.listen"));
        QVERIFY(!core.find("auth.bcrypt_cost"));
        QVERIFY(!core.find("webhooks.timeout_ms"));
        const ConfigSchema assembled = builtinConfigSchema();
        QVERIFY(assembled.find("auth.bcrypt_cost"));
        QVERIFY(assembled.find("webhooks.timeout_ms"));
        QVERIFY(assembled.find("logs.retention_days"));
        QVERIFY(assembled.keys().size() > core.keys().size() + 25);
    }
};

QTEST_GUILESS_MAIN(TestConfigurationDocs)
#include "test_configurationdocs.moc"
