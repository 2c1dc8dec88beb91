#include "runtime/deadlinetimer.h"
#include "runtime/jobrunner.h"
#include "runtime/workerpool.h"

#include <QtTest>

#include <atomic>
#include <future>

using namespace sbor;
using namespace std::chrono_literals;

class TestRuntime : public QObject {
    Q_OBJECT
private slots:
    void workerPoolRefusesBeyondItsQueue()
    {
        WorkerPool pool("test", 1, 2);
        std::promise<void> release;
        auto gate = release.get_future().share();
        std::atomic<int> ran{0};
        std::promise<void> started;
        QVERIFY(pool.submit([&] {
            started.set_value();
            gate.wait();
            ++ran;
        }));
        started.get_future().wait();
        QVERIFY(pool.submit([&] { ++ran; }));
        QVERIFY(pool.submit([&] { ++ran; }));
        QVERIFY(!pool.submit([&] { ++ran; })); // queue of two is full
        release.set_value();
        pool.stop();
        QCOMPARE(ran.load(), 3);
        QVERIFY(!pool.submit([] {}));
    }

    void workerPoolSurvivesThrowingTasks()
    {
        WorkerPool pool("test", 1, 4);
        std::promise<void> done;
        QVERIFY(pool.submit([] { throw std::runtime_error("task failure"); }));
        QVERIFY(pool.submit([&] { done.set_value(); }));
        QCOMPARE(done.get_future().wait_for(5s), std::future_status::ready);
    }

    void deadlineTimerFiresInOrderAndCancels()
    {
        DeadlineTimer timer;
        std::mutex mutex;
        std::vector<int> fired;
        std::promise<void> last;
        const auto now = DeadlineTimer::Clock::now();
        timer.schedule(now + 150ms, [&] {
            std::lock_guard l(mutex);
            fired.push_back(2);
            last.set_value();
        });
        timer.schedule(now + 50ms, [&] {
            std::lock_guard l(mutex);
            fired.push_back(1);
        });
        const auto cancelled = timer.schedule(now + 100ms, [&] {
            std::lock_guard l(mutex);
            fired.push_back(99);
        });
        QVERIFY(timer.cancel(cancelled));
        QVERIFY(!timer.cancel(cancelled));
        QCOMPARE(last.get_future().wait_for(5s), std::future_status::ready);
        std::lock_guard l(mutex);
        QCOMPARE(fired, (std::vector<int>{1, 2}));
    }

    void jobRunnerRepeatsAndStopsPromptly()
    {
        JobRunner runner;
        std::atomic<int> runs{0};
        runner.start({"count", 20ms, [&] { ++runs; }});
        runner.start({"fails", 20ms, [] { throw std::runtime_error("job failure"); }});
        QTRY_VERIFY_WITH_TIMEOUT(runs.load() >= 3, 5000);
        const auto before = std::chrono::steady_clock::now();
        JobRunner slow;
        slow.start({"hourly", std::chrono::hours(1), [] {}});
        slow.stop(); // must not wait an hour
        QVERIFY(std::chrono::steady_clock::now() - before < 2s);
        runner.stop();
        const int after = runs.load();
        std::this_thread::sleep_for(100ms);
        QCOMPARE(runs.load(), after);
    }

    void aWokenJobRunsNowNotAtItsNextTurn()
    {
        JobRunner runner;
        std::atomic<int> runs{0};
        runner.start({"hourly", std::chrono::hours(1), [&] { ++runs; }});
        QTRY_COMPARE_WITH_TIMEOUT(runs.load(), 1, 5000); // the first turn is at start
        runner.wake("someone else");
        std::this_thread::sleep_for(100ms);
        QCOMPARE(runs.load(), 1);
        runner.wake("hourly");
        QTRY_COMPARE_WITH_TIMEOUT(runs.load(), 2, 5000);
        std::this_thread::sleep_for(100ms);
        QCOMPARE(runs.load(), 2); // one wake, one run
        runner.stop();
    }
};

QTEST_GUILESS_MAIN(TestRuntime)
#include "test_runtime.moc"
