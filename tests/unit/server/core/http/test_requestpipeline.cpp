// The request pipeline in-process: the same chain sbor-server runs, driven without a socket.
#include "http/requestpipeline.h"
#include "metrics/metricsregistry.h"
#include "runtime/deadlinetimer.h"
#include "runtime/workerpool.h"

#include <QtTest>

#include <condition_variable>
#include <future>
#include <mutex>
#include <thread>

using namespace sbor;
using namespace sbor::http;
using namespace std::chrono_literals;

namespace {

struct Harness {
    explicit Harness(PipelineOptions options = {}, std::size_t threads = 2, std::size_t queue = 16)
        : workers("test", threads, queue), pipeline(std::move(options), router, metrics, workers, timer)
    {}
    // Workers may still be finishing a request (its in-flight accounting) after its answer was
    // seen: stop them while the pipeline they use still exists.
    ~Harness()
    {
        workers.stop();
        timer.stop();
    }
    // Dispatches and returns at once: the answer arrives in the future, from whichever thread.
    std::future<HttpResponse> start(HttpRequest request)
    {
        auto answered = std::make_shared<std::promise<HttpResponse>>();
        auto future = answered->get_future();
        pipeline.dispatch(std::move(request),
                          [answered](HttpResponse response) { answered->set_value(std::move(response)); });
        return future;
    }
    HttpResponse call(HttpRequest request)
    {
        auto future = start(std::move(request));
        if (future.wait_for(10s) != std::future_status::ready)
            throw std::runtime_error("no answer within 10 s");
        return future.get();
    }
    Router router;
    MetricsRegistry metrics;
    DeadlineTimer timer;
    WorkerPool workers;
    RequestPipeline pipeline;
};

HttpRequest request(std::string method, std::string path)
{
    HttpRequest r;
    r.method = std::move(method);
    r.path = std::move(path);
    return r;
}

// A route whose handler reports that it is running, then waits for the test to let it go.
struct Gate {
    std::promise<void> release;
    std::shared_future<void> opened = release.get_future().share();
    std::mutex mutex;
    std::condition_variable changed;
    int running = 0;

    Handler handler()
    {
        return [this](HttpRequest&) -> Reply {
            {
                std::lock_guard lock(mutex);
                ++running;
            }
            changed.notify_all();
            opened.wait();
            return HttpResponse::json(200, {});
        };
    }
    bool waitForRunning(int count)
    {
        std::unique_lock lock(mutex);
        return changed.wait_for(lock, 10s, [&] { return running >= count; });
    }
};

std::string errorCodeOf(const HttpResponse& response)
{
    return nlohmann::json::parse(response.body)["error"]["code"].get<std::string>();
}

} // namespace

class TestRequestPipeline : public QObject {
    Q_OBJECT
private slots:
    void everyResponseCarriesIdentityAndIsCounted()
    {
        Harness h;
        h.router.add("GET", "/x/{id}", "demo", sbor::access::Access::anyone(), [](HttpRequest& r) -> Reply {
            return HttpResponse::json(200, {{"id", r.pathParameter("id")}});
        });
        auto r = request("GET", "/x/5");
        r.headers.set("X-Request-Id", "req-1");
        const HttpResponse ok = h.call(r);
        QCOMPARE(ok.status, 200);
        QCOMPARE(QString::fromStdString(ok.headers.get("x-request-id")), QStringLiteral("req-1"));
        QVERIFY(ok.headers.contains("traceparent"));
        const HttpResponse missing = h.call(request("GET", "/nothing"));
        QCOMPARE(missing.status, 404);
        QVERIFY(missing.headers.contains("x-request-id"));
        QCOMPARE(h.metrics.counter("http_requests_total", "", {"service", "route", "method", "status"})
                     .value({"demo", "/x/{id}", "GET", "200"}),
                 1.0);
        QCOMPARE(h.metrics.counter("http_requests_total", "", {"service", "route", "method", "status"})
                     .value({"gateway", "unmatched", "GET", "404"}),
                 1.0);
    }

    void handlerErrorsBecomeJsonErrors()
    {
        Harness h;
        h.router.add("GET", "/conflict", "demo", sbor::access::Access::anyone(),
                     [](HttpRequest&) -> Reply { return Error(ErrorCode::Conflict, "taken"); });
        const HttpResponse response = h.call(request("GET", "/conflict"));
        QCOMPARE(response.status, 409);
        const auto body = nlohmann::json::parse(response.body);
        QCOMPARE(QString::fromStdString(body["error"]["code"].get<std::string>()), QStringLiteral("conflict"));
        QCOMPARE(body["error"]["trace_id"].get<std::string>().size(), size_t(32));
    }

    void exceptionsBecome500WithoutLeakingInternals()
    {
        Harness h;
        h.router.add("GET", "/boom", "demo", sbor::access::Access::anyone(),
                     [](HttpRequest&) -> Reply { throw std::runtime_error("password=hunter2"); });
        h.router.add("GET", "/db", "demo", sbor::access::Access::anyone(), [](HttpRequest&) -> Reply {
            throw ErrorException(Error(ErrorCode::DatabaseUnavailable, "the database is unavailable"));
        });
        const HttpResponse boom = h.call(request("GET", "/boom"));
        QCOMPARE(boom.status, 500);
        QCOMPARE(QString::fromStdString(errorCodeOf(boom)), QStringLiteral("internal"));
        QVERIFY(boom.body.find("hunter2") == std::string::npos);
        const HttpResponse database = h.call(request("GET", "/db"));
        QCOMPARE(database.status, 503);
        QCOMPARE(QString::fromStdString(errorCodeOf(database)), QStringLiteral("database_unavailable"));
    }

    void slowHandlerIsAnswered504AtItsDeadline()
    {
        PipelineOptions options;
        options.requestTimeout = 200ms;
        Gate gate;
        Harness h(options);
        h.router.add("GET", "/slow", "demo", sbor::access::Access::anyone(), gate.handler());
        // The 504 arrives while the handler is still blocked: the deadline, not the handler, answered.
        const HttpResponse response = h.call(request("GET", "/slow"));
        QCOMPARE(response.status, 504);
        QCOMPARE(QString::fromStdString(errorCodeOf(response)), QStringLiteral("request_timeout"));
        QVERIFY(response.headers.contains("x-request-id"));
        QCOMPARE(h.pipeline.inFlight(), size_t(1)); // the handler still runs and is still counted
        gate.release.set_value();
        QVERIFY(h.pipeline.waitUntilIdle(5s));
    }

    // The gateway's way: an answer that comes later from another thread holds no worker.
    void deferredAnswersHoldNoWorker()
    {
        Harness h({}, 1); // one worker
        std::shared_ptr<DeferredResponse> pending;
        std::mutex mutex;
        h.router.add("GET", "/later", "demo", sbor::access::Access::anyone(), [&](HttpRequest&) -> Reply {
            auto deferred = std::make_shared<DeferredResponse>();
            std::lock_guard lock(mutex);
            pending = deferred;
            return HttpResponse::later(deferred);
        });
        h.router.add("GET", "/now", "demo", sbor::access::Access::anyone(),
                     [](HttpRequest&) -> Reply { return HttpResponse::text(200, "now"); });
        auto future = h.start(request("GET", "/later"));
        QTRY_VERIFY(([&] {
            std::lock_guard lock(mutex);
            return pending != nullptr;
        })());
        // The only worker is free while /later waits: /now is answered meanwhile.
        QCOMPARE(h.call(request("GET", "/now")).body, std::string("now"));
        QCOMPARE(h.pipeline.inFlight(), size_t(1));
        std::thread([&] { pending->complete(HttpResponse::text(202, "done")); }).join();
        QVERIFY(future.wait_for(5s) == std::future_status::ready);
        const HttpResponse answered = future.get();
        QCOMPARE(answered.status, 202);
        QCOMPARE(answered.body, std::string("done"));
        QVERIFY(answered.headers.contains("x-request-id"));
        QVERIFY(h.pipeline.waitUntilIdle(5s));
        // Completed with an error: the JSON error body; completed before the pipeline asked: still answered.
        auto failed = std::make_shared<DeferredResponse>();
        failed->complete(Error(ErrorCode::UpstreamUnavailable, "gone"));
        h.router.add("GET", "/failed", "demo", sbor::access::Access::anyone(),
                     [failed](HttpRequest&) -> Reply { return HttpResponse::later(failed); });
        const HttpResponse refused = h.call(request("GET", "/failed"));
        QCOMPARE(refused.status, 502);
        QCOMPARE(QString::fromStdString(errorCodeOf(refused)), QStringLiteral("upstream_unavailable"));
    }

    void aDeferredAnswerPastItsDeadlineIs504()
    {
        PipelineOptions options;
        options.requestTimeout = 200ms;
        Harness h(options);
        auto never = std::make_shared<DeferredResponse>();
        h.router.add("GET", "/never", "demo", sbor::access::Access::anyone(),
                     [never](HttpRequest&) -> Reply { return HttpResponse::later(never); });
        QCOMPARE(h.call(request("GET", "/never")).status, 504);
        never->complete(HttpResponse::text(200, "too late")); // answered once: this changes nothing
        QVERIFY(h.pipeline.waitUntilIdle(5s));
    }

    // The gateway's proxy: a never-blocking route that answers later. It needs no worker at all
    // (the only one is held here), and its deadline and in-flight count still hold.
    void aNeverBlockingDeferredRouteNeedsNoWorker()
    {
        PipelineOptions options;
        options.requestTimeout = 300ms;
        Gate gate;
        Harness h(options, 1, 1);
        h.router.add("GET", "/block", "demo", sbor::access::Access::anyone(), gate.handler());
        auto later = std::make_shared<DeferredResponse>();
        auto never = std::make_shared<DeferredResponse>();
        h.router.add(
            "GET", "/later", "demo", sbor::access::Access::anyone(),
            [later](HttpRequest&) -> Reply { return HttpResponse::later(later); }, Blocking::Never);
        h.router.add(
            "GET", "/never", "demo", sbor::access::Access::anyone(),
            [never](HttpRequest&) -> Reply { return HttpResponse::later(never); }, Blocking::Never);
        auto blocked = h.start(request("GET", "/block"));
        QVERIFY(gate.waitForRunning(1));

        auto future = h.start(request("GET", "/later"));
        QCOMPARE(h.pipeline.inFlight(), size_t(2)); // /block and /later
        std::thread([&] { later->complete(HttpResponse::text(201, "proxied")); }).join();
        QVERIFY(future.wait_for(5s) == std::future_status::ready);
        const HttpResponse response = future.get();
        QCOMPARE(response.status, 201);
        QCOMPARE(response.body, std::string("proxied"));
        QVERIFY(response.headers.contains("x-request-id"));
        QTRY_COMPARE(h.pipeline.inFlight(), size_t(1));

        QCOMPARE(h.call(request("GET", "/never")).status, 504); // its deadline, with the worker still held
        never->complete(HttpResponse::text(200, "too late"));
        gate.release.set_value();
        QCOMPARE(blocked.get().status, 504); // held past the same deadline meanwhile
        QVERIFY(h.pipeline.waitUntilIdle(5s));
    }

    void fullQueueIsAnswered503Overloaded()
    {
        Gate gate;
        Harness h({}, 1, 1);
        h.router.add("GET", "/block", "demo", sbor::access::Access::anyone(), gate.handler());
        std::vector<std::future<HttpResponse>> pending;
        for (int i = 0; i < 2; ++i) { // one running, one queued
            pending.push_back(h.start(request("GET", "/block")));
            if (i == 0)
                QVERIFY(gate.waitForRunning(1));
        }
        const HttpResponse refused = h.call(request("GET", "/block"));
        QCOMPARE(refused.status, 503);
        QCOMPARE(QString::fromStdString(errorCodeOf(refused)), QStringLiteral("overloaded"));
        QVERIFY(refused.headers.contains("retry-after"));
        gate.release.set_value();
        for (auto& future : pending)
            QCOMPARE(future.get().status, 200);
    }

    void neverBlockingRoutesAnswerWhileEveryWorkerIsBusy()
    {
        Gate gate;
        Harness h({}, 1, 1);
        h.router.add("GET", "/block", "demo", sbor::access::Access::anyone(), gate.handler());
        h.router.add(
            "GET", "/healthz", "demo", sbor::access::Access::anyone(),
            [](HttpRequest&) -> Reply { return HttpResponse::json(200, {}); }, Blocking::Never);
        std::vector<std::future<HttpResponse>> pending;
        for (int i = 0; i < 2; ++i) {
            pending.push_back(h.start(request("GET", "/block")));
            if (i == 0)
                QVERIFY(gate.waitForRunning(1));
        }
        QCOMPARE(h.call(request("GET", "/block")).status, 503);   // workers and queue are full…
        QCOMPARE(h.call(request("GET", "/healthz")).status, 200); // …liveness still answers
        QCOMPARE(h.call(request("GET", "/missing")).status, 404);
        gate.release.set_value();
        QVERIFY(h.pipeline.waitUntilIdle(5s));
    }

    void drainingRefusesNewRequestsAndWaitsForRunningOnes()
    {
        Gate gate;
        Harness h;
        h.router.add("GET", "/slow", "demo", sbor::access::Access::anyone(), gate.handler());
        auto firstAnswer = h.start(request("GET", "/slow"));
        QVERIFY(gate.waitForRunning(1));
        h.pipeline.beginDraining();
        const HttpResponse refused = h.call(request("GET", "/slow"));
        QCOMPARE(refused.status, 503);
        QCOMPARE(QString::fromStdString(errorCodeOf(refused)), QStringLiteral("shutting_down"));
        QVERIFY(!h.pipeline.waitUntilIdle(100ms)); // the running request holds the drain…
        gate.release.set_value();
        QVERIFY(h.pipeline.waitUntilIdle(5s)); // …until it finishes
        QCOMPARE(firstAnswer.get().status, 200);
    }

    void exceptionsInMiddlewareAreGuardedAndAccounted()
    {
        struct Throwing final : Middleware {
            HttpResponse handle(HttpRequest&, const Next&) override { throw std::runtime_error("middleware failure"); }
        };
        Harness h;
        h.router.add("GET", "/x", "demo", sbor::access::Access::anyone(),
                     [](HttpRequest&) -> Reply { return HttpResponse::json(200, {}); });
        h.pipeline.addMiddleware(std::make_shared<Throwing>());
        QCOMPARE(h.call(request("GET", "/x")).status, 500);
        QVERIFY(h.pipeline.waitUntilIdle(5s));
        QCOMPARE(h.pipeline.inFlight(), size_t(0));
    }

    void unknownMethodsShareOneMetricLabel()
    {
        Harness h;
        h.router.add("GET", "/x", "demo", sbor::access::Access::anyone(),
                     [](HttpRequest&) -> Reply { return HttpResponse::json(200, {}); });
        QCOMPARE(h.call(request("FOO1", "/x")).status, 405);
        QCOMPARE(h.call(request("FOO2", "/x")).status, 405);
        const std::string text = h.metrics.render();
        QVERIFY(text.find("FOO1") == std::string::npos);
        QCOMPARE(h.metrics.counter("http_requests_total", "", {"service", "route", "method", "status"})
                     .value({"gateway", "unmatched", "other", "405"}),
                 2.0);
    }

    void truncatedBodyIs400()
    {
        Harness h;
        auto truncated = request("POST", "/x");
        truncated.bodyUnreadable = true;
        QCOMPARE(h.call(truncated).status, 400);
    }

    void bodyLimitAppliesBeforeRouting()
    {
        PipelineOptions options;
        options.bodyLimitBytes = 10;
        Harness h(options);
        auto big = request("POST", "/no/such/route");
        big.body = std::string(11, 'x');
        QCOMPARE(h.call(big).status, 413);
        auto declared = request("POST", "/no/such/route");
        declared.headers.set("Content-Length", "5000000");
        QCOMPARE(h.call(declared).status, 413);
        auto nonsense = request("POST", "/no/such/route");
        nonsense.headers.set("Content-Length", "lots");
        QCOMPARE(h.call(nonsense).status, 400);
    }

    void corsPreflightAndResponseHeaders()
    {
        PipelineOptions options;
        options.corsOrigins = {"https://shop.example"};
        Harness h(options);
        h.router.add("GET", "/x", "demo", sbor::access::Access::anyone(),
                     [](HttpRequest&) -> Reply { return HttpResponse::json(200, {}); });

        auto preflight = request("OPTIONS", "/x");
        preflight.headers.set("Origin", "https://shop.example");
        preflight.headers.set("Access-Control-Request-Method", "GET");
        const HttpResponse allowed = h.call(preflight);
        QCOMPARE(allowed.status, 204);
        QCOMPARE(QString::fromStdString(allowed.headers.get("access-control-allow-origin")),
                 QStringLiteral("https://shop.example"));
        QVERIFY(allowed.headers.get("access-control-allow-methods").find("PATCH") != std::string::npos);

        auto foreign = preflight;
        foreign.headers.set("Origin", "https://evil.example");
        const HttpResponse denied = h.call(foreign);
        QCOMPARE(denied.status, 403);
        QVERIFY(!denied.headers.contains("access-control-allow-origin"));

        auto simple = request("GET", "/x");
        simple.headers.set("Origin", "https://shop.example");
        const HttpResponse decorated = h.call(simple);
        QCOMPARE(QString::fromStdString(decorated.headers.get("vary")), QStringLiteral("Origin"));
        QVERIFY(decorated.headers.get("access-control-expose-headers").find("X-Request-Id") != std::string::npos);
    }
};

QTEST_APPLESS_MAIN(TestRequestPipeline)
#include "test_requestpipeline.moc"
