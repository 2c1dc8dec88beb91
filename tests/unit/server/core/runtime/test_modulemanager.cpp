#include "runtime/modulemanager.h"

#include <QtTest>

#include <string>
#include <vector>

using namespace sbor;

namespace {

// Modules that write what happens to them into one journal.
Module recorded(std::vector<std::string>& journal, std::string name, std::vector<std::string> dependencies = {})
{
    return {name, std::move(dependencies), [&journal, name] { journal.push_back("start " + name); },
            [&journal, name] { journal.push_back("stop " + name); }};
}

} // namespace

class TestModuleManager : public QObject {
    Q_OBJECT
private slots:
    void startsAfterDependenciesAndStopsInReverse()
    {
        std::vector<std::string> journal;
        ModuleManager modules;
        modules.add(recorded(journal, "http-server", {"pipeline", "bus"}));
        modules.add(recorded(journal, "database"));
        modules.add(recorded(journal, "pipeline", {"database"}));
        modules.add(recorded(journal, "bus"));
        QCOMPARE(modules.startOrder(), (std::vector<std::string>{"database", "pipeline", "bus", "http-server"}));
        modules.startAll();
        modules.stopAll();
        modules.stopAll(); // nothing is stopped twice
        QCOMPARE(journal,
                 (std::vector<std::string>{"start database", "start pipeline", "start bus", "start http-server",
                                           "stop http-server", "stop bus", "stop pipeline", "stop database"}));
    }

    void aFailingModulePassesItsErrorOnAndOnlyWhatStartedIsStopped()
    {
        std::vector<std::string> journal;
        ModuleManager modules;
        modules.add(recorded(journal, "database"));
        modules.add({"bus",
                     {"database"},
                     [] { throw std::runtime_error("kafka.brokers: no broker answers"); },
                     [&journal] { journal.push_back("stop bus"); }});
        modules.add(recorded(journal, "http-server", {"bus"}));
        try {
            modules.startAll();
            QFAIL("startAll() returned although a module failed");
        } catch (const std::runtime_error& e) {
            QCOMPARE(std::string(e.what()), std::string("kafka.brokers: no broker answers"));
        }
        QCOMPARE(modules.started(), (std::vector<std::string>{"database"})); // still running while the caller reports
        modules.stopAll();
        // The failed module never started, so it is not stopped; the one before it is.
        QCOMPARE(journal, (std::vector<std::string>{"start database", "stop database"}));
        QVERIFY(modules.started().empty());
    }

    void aStopThatThrowsDoesNotKeepTheOthersRunning()
    {
        std::vector<std::string> journal;
        std::vector<std::string> failures;
        ModuleManager modules;
        modules.add(recorded(journal, "database"));
        modules.add({"jobs", {"database"}, {}, [] { throw std::runtime_error("a job did not end"); }});
        modules.startAll();
        modules.stopAll([&](const std::string& module, const std::string& problem) {
            failures.push_back(module + ": " + problem);
        });
        QCOMPARE(failures, (std::vector<std::string>{"jobs: a job did not end"}));
        QCOMPARE(journal, (std::vector<std::string>{"start database", "stop database"}));
    }

    void unknownDependenciesCyclesAndTwinsAreRefused()
    {
        std::vector<std::string> journal;
        ModuleManager unknown;
        unknown.add(recorded(journal, "http-server", {"pipeline"}));
        QVERIFY_THROWS_EXCEPTION(std::logic_error, unknown.startOrder());

        ModuleManager cycle;
        cycle.add(recorded(journal, "a", {"b"}));
        cycle.add(recorded(journal, "b", {"a"}));
        cycle.add(recorded(journal, "c"));
        try {
            cycle.startAll();
            QFAIL("a cycle was started");
        } catch (const std::logic_error& e) {
            QCOMPARE(std::string(e.what()), std::string("the modules depend on each other in a cycle: a, b"));
        }
        QVERIFY(journal.empty()); // nothing starts when the order cannot be made

        ModuleManager twins;
        twins.add(recorded(journal, "bus"));
        QVERIFY_THROWS_EXCEPTION(std::logic_error, twins.add(recorded(journal, "bus")));
    }
};

QTEST_GUILESS_MAIN(TestModuleManager)
#include "test_modulemanager.moc"
