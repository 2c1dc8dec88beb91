#include "service/servicecatalog.h"

#include <QtTest>

using namespace sbor;

namespace {
class NamedService final : public Service {
public:
    explicit NamedService(std::string name) : m_name(std::move(name)) {}
    std::string name() const override { return m_name; }

private:
    std::string m_name;
};

ServiceEntry entry(const std::string& name, std::vector<std::string> dependencies = {})
{
    return {name, name + " service", std::move(dependencies), [name] { return std::make_unique<NamedService>(name); }};
}

QStringList names(const std::vector<std::string>& list)
{
    QStringList out;
    for (const auto& name : list)
        out << QString::fromStdString(name);
    return out;
}

ServiceCatalog sample()
{
    ServiceCatalog catalog;
    catalog.add(entry("system"));
    catalog.add(entry("auth"));
    catalog.add(entry("tickets", {"events"}));
    catalog.add(entry("events", {"auth"}));
    return catalog;
}
} // namespace

class TestServiceCatalog : public QObject {
    Q_OBJECT
private slots:
    void allRunsEveryServiceDependenciesFirst()
    {
        const auto resolved = sample().resolveTargets({"all"});
        QVERIFY(resolved.ok());
        QCOMPARE(names(*resolved), (QStringList{"system", "auth", "events", "tickets"}));
    }

    void subsetRunsWhatItNamesAndSystem()
    {
        const auto resolved = sample().resolveTargets({"tickets"});
        QVERIFY(resolved.ok());
        QCOMPARE(names(*resolved), (QStringList{"system", "tickets"}));
        QCOMPARE(names(*sample().resolveTargets({"tickets", "auth", "events"})),
                 (QStringList{"system", "auth", "events", "tickets"}));
        // What a subset depends on is reached elsewhere.
        const auto outside = sample().dependenciesOutside(*resolved);
        QCOMPARE(outside, (std::set<std::string>{"events"}));
        QVERIFY(sample().dependenciesOutside(*sample().resolveTargets({"all"})).empty());
    }

    void allLeavesOutWhatMustBeNamed()
    {
        ServiceCatalog catalog = sample();
        ServiceEntry gateway = entry("gateway");
        gateway.partOfAll = false;
        catalog.add(std::move(gateway));
        QVERIFY(!names(*catalog.resolveTargets({"all"})).contains("gateway"));
        QCOMPARE(names(*catalog.resolveTargets({"gateway"})), (QStringList{"system", "gateway"}));
    }

    void unknownTargetListsTheKnownOnes()
    {
        const auto resolved = sample().resolveTargets({"auth", "payments"});
        QVERIFY(!resolved.ok());
        const QString message = QString::fromStdString(resolved.error().message);
        QVERIFY(message.contains("payments"));
        QVERIFY(message.contains("all, system, auth, tickets, events"));
        QVERIFY(!sample().resolveTargets({}).ok());
    }

    void cyclesAreRefused()
    {
        ServiceCatalog catalog;
        catalog.add(entry("a", {"b"}));
        catalog.add(entry("b", {"a"}));
        QVERIFY(!catalog.resolveTargets({"a", "b"}).ok());
        QVERIFY(catalog.resolveTargets({"a"}).ok()); // b runs elsewhere: no cycle within this process
        QVERIFY_THROWS_EXCEPTION(std::logic_error, catalog.add(entry("a")));
    }

    void describesTargets()
    {
        const QString text = QString::fromStdString(sample().describeTargets());
        QVERIFY(text.startsWith("all\t"));
        QVERIFY(text.contains("tickets\ttickets service\n"));
    }
};

QTEST_APPLESS_MAIN(TestServiceCatalog)
#include "test_servicecatalog.moc"
