// The organizer's views at scale (issue 16): GET /events/{id}/attendees and /orders on an event of
// 50,000 tickets — the first page, a deep cursor and a search — next to the floor measured in the
// same run: the same keyset statements sent straight to the same PostgreSQL (libpqxx, no HTTP, no
// JSON). Then the live dashboard: from a redeem request to "checked in" changing in the app's own
// model (DashboardFigures fed by the live feed). Prints a table; writes JSON with --out.
//
//   sbor-sales-views-bench [--tickets 50000] [--per-order 10] [--samples 200] [--redeems 50] [--out FILE]
#include "accountsession.h"
#include "dashboard/dashboardfigures.h"

#include "authapi.h"
#include "httpclient.h"
#include "latencystats.h"
#include "salesapi.h"
#include "testserver.h"

#include <pqxx/pqxx>

#include <QApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTemporaryDir>
#include <QUrlQuery>

#include <cstdio>
#include <functional>
#include <vector>

using namespace sbor::test;

namespace {

int argument(const QStringList& args, const char* name, int fallback)
{
    const int at = args.indexOf(name);
    return at >= 0 ? args.value(at + 1).toInt() : fallback;
}

template <typename Done> bool spinUntil(Done&& done, int timeoutMs)
{
    QElapsedTimer timer;
    timer.start();
    while (!done()) {
        if (timer.elapsed() > timeoutMs)
            return false;
        QCoreApplication::processEvents(QEventLoop::AllEvents, 2);
    }
    return true;
}

struct Row {
    QString what;
    QString target;
    LatencyStats stats;
};

// The attendees page as SalesViewRepository::attendees sends it, sorted by name.
const char* kAttendeePageSql =
    "SELECT t.id::text, t.order_id::text, t.holder_name, t.holder_email, t.ticket_type_id::text, t.status, t.blocked, "
    "first_entry.at, first_entry.list_id, lower(t.holder_name) FROM tickets.tickets t "
    "LEFT JOIN LATERAL (SELECT s.received_at AS at, s.list_id::text AS list_id FROM tickets.scans s "
    "WHERE s.ticket_id = t.id AND s.result = 'ok' AND s.annulled_at IS NULL AND s.kind = 'entry' "
    "ORDER BY s.received_at LIMIT 1) first_entry ON true WHERE t.event_id = $1::uuid "
    "AND ($2 = '' OR (lower(t.holder_name), t.id) > ($2::text, $3::uuid)) "
    "ORDER BY lower(t.holder_name), t.id LIMIT 51";
// The orders page's first statement (newest first); the lines, tickets and history follow in three
// statements of ANY(ids) each.
const char* kOrderPageSql =
    "SELECT o.id::text, o.buyer_name, o.buyer_email, o.created_at FROM tickets.orders o WHERE o.event_id = $1::uuid "
    "AND ($2 = '' OR (o.created_at, o.id) < ($2::timestamptz, $3::uuid)) ORDER BY o.created_at DESC, o.id DESC "
    "LIMIT 51";

} // namespace

int main(int argc, char** argv)
{
    qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication application(argc, argv);
    const QStringList args = application.arguments();
    const int ticketCount = argument(args, "--tickets", 50000);
    const int samples = argument(args, "--samples", 200);
    const int redeems = argument(args, "--redeems", 50); // each phase
    const int perOrder = std::max(1, argument(args, "--per-order", 10));
    const int at = args.indexOf("--out");
    const QString out = at >= 0 ? args.value(at + 1) : QString();

    QTemporaryDir holder(kEmbeddedDataDirTemplate);
    const QString dataDir = embeddedDataDir(holder);
    TestServer::Options options;
    options.arguments = {"--data-dir", dataDir, "--log-level", "warn"};
    options.debugRoutes = false;
    options.environment.insert("SBOR_DATABASE_EMBEDDED_UNSAFE_FAST", "true");
    TestServer server(options);
    if (!server.start()) {
        std::fprintf(stderr, "sbor-server did not start:\n%s\n", qPrintable(server.logs()));
        return 1;
    }
    HttpClient http;
    AuthApi api(server, http);
    SignedInUser organizer = api.signUpOrganizer("views-bench");
    SalesApi sales(api, organizer.accessToken);
    const QString event = sales.createEvent("Views bench", 0.5);
    const QString type = sales.addType(
        event,
        {{"name", "Free"}, {"price", 0}, {"quota", ticketCount}, {"max_per_order", 1000}, {"sales_end", inDays(0.4)}});
    if (!sales.publish(event))
        return 1;
    const QString list = api.post("/api/v1/events/" + event + "/checkin-lists", {{"name", "Gate"}},
                                  organizer.accessToken)
                             .json()
                             .value("id")
                             .toString();

    std::fprintf(stderr, "placing %d tickets…\n", ticketCount);
    QElapsedTimer filling;
    filling.start();
    QStringList codes;
    for (int placed = 0; placed < ticketCount;) {
        const int count = std::min(perOrder, ticketCount - placed);
        QStringList emails;
        for (int i = 0; i < count; ++i)
            emails << QStringLiteral("guest%1@example.org").arg(placed + i);
        const auto answer = api.post("/api/v1/orders", orderForAttendees(event, type, emails), organizer.accessToken);
        if (answer.status != 201) {
            std::fprintf(stderr, "placing orders failed: %s\n", answer.body.constData());
            return 1;
        }
        if (codes.size() < 2 * redeems + 10) // the dashboard's redeems, the warm-up last
            for (const auto& ticket : answer.json().value("tickets").toArray())
                codes << ticket.toObject().value("code").toString();
        placed += count;
    }
    std::fprintf(stderr, "placed in %.1f s\n", filling.elapsed() / 1000.0);

    const QString base = "/api/v1/events/" + event;
    const auto get = [&](const QString& path) {
        const auto answer = api.get(path, organizer.accessToken);
        if (answer.status != 200)
            std::fprintf(stderr, "GET %s → %d\n", qPrintable(path), answer.status);
        return answer;
    };
    // A cursor deep in the list: the 25,000th attendee by name, the 50th order page.
    QString deepAttendees, deepOrders;
    {
        QString cursor;
        for (int page = 0; page < (ticketCount / 2) / 200 && !cursor.isNull(); ++page) {
            cursor = get(base + "/attendees?limit=200" + (cursor.isEmpty() ? "" : "&cursor=" + cursor))
                         .json()
                         .value("next_cursor")
                         .toString();
            deepAttendees = cursor;
        }
        cursor.clear();
        for (int page = 0; page < 50 && !cursor.isNull(); ++page) {
            cursor = get(base + "/orders?limit=1" + (cursor.isEmpty() ? "" : "&cursor=" + cursor))
                         .json()
                         .value("next_cursor")
                         .toString();
            deepOrders = cursor;
        }
    }

    std::vector<Row> rows;
    rows.push_back({"attendees, first page (50)", "sbor", timedLatency(samples, [&] { get(base + "/attendees"); })});
    rows.push_back({"attendees, deep cursor", "sbor",
                    timedLatency(samples, [&] { get(base + "/attendees?cursor=" + deepAttendees); })});
    rows.push_back({"attendees, search q=guest4999", "sbor",
                    timedLatency(samples / 4, [&] { get(base + "/attendees?q=guest4999"); })});
    rows.push_back({"orders, first page (50)", "sbor", timedLatency(samples, [&] { get(base + "/orders"); })});
    rows.push_back(
        {"orders, deep cursor", "sbor", timedLatency(samples, [&] { get(base + "/orders?cursor=" + deepOrders); })});

    // The floor: the same statements on the same database, without HTTP or JSON.
    pqxx::connection database("host=" + (dataDir + "/run").toStdString() + " user=postgres dbname=sbor");
    const std::string eventId = event.toStdString();
    std::string deepName, deepId;
    {
        pqxx::nontransaction tx(database);
        const auto row = tx.exec_params1(
            "SELECT lower(holder_name), id::text FROM tickets.tickets WHERE event_id = $1::uuid "
            "ORDER BY lower(holder_name), id OFFSET $2 LIMIT 1",
            eventId, ticketCount / 2);
        deepName = row[0].as<std::string>();
        deepId = row[1].as<std::string>();
    }
    const auto sql = [&](const char* statement, const std::string& a, const std::string& b) {
        pqxx::nontransaction tx(database);
        tx.exec_params(statement, eventId, a, b);
    };
    rows.push_back({"attendees, first page (50)", "bare SQL",
                    timedLatency(samples, [&] { sql(kAttendeePageSql, "", "00000000-0000-0000-0000-000000000000"); })});
    rows.push_back({"attendees, deep cursor", "bare SQL",
                    timedLatency(samples, [&] { sql(kAttendeePageSql, deepName, deepId); })});
    rows.push_back({"orders, first page (50)", "bare SQL",
                    timedLatency(samples, [&] { sql(kOrderPageSql, "", "00000000-0000-0000-0000-000000000000"); })});

    // The live dashboard: a redeem → "checked in" moves in the organizer app's model.
    sbor::desktop::AccountSession session("sbor-sales-views-bench");
    session.setLiveUrl(QUrl(QStringLiteral("ws://127.0.0.1:%1/api/v1/live").arg(server.livePort())));
    session.setServer(server.url(""));
    bool signedIn = false;
    session.signIn(organizer.email, kTestPassword).then([&](sbor::client::ApiResult<sbor::wire::TokenGrant> grant) {
        signedIn = grant.ok();
    });
    spinUntil([&] { return signedIn && session.isLiveConnected(); }, 20000);
    sbor::organizer::DashboardFigures figures(session.api(), event);
    QObject::connect(&session.live(), &sbor::client::LiveFeed::frameReceived,
                     [&](const sbor::wire::LiveFrame& frame) { figures.apply(frame); });
    session.live().subscribe("event:" + event);
    figures.reload();
    spinUntil([&] { return figures.isLoaded(); }, 10000);
    // The bus is still delivering the sales above to the hub (and to notifications and analytics):
    // a warm-up redeem that reaches the model says the backlog is gone.
    {
        const int before = figures.checkedIn();
        api.post("/api/v1/checkin/redeem", {{"code", codes.last()}, {"list_id", list}, {"scan_id", "bench-warm-up"}},
                 organizer.accessToken);
        QElapsedTimer waited;
        waited.start();
        if (!spinUntil([&] { return figures.checkedIn() > before; }, 900000))
            std::fprintf(stderr, "the warm-up redeem never reached the dashboard\n");
        std::fprintf(stderr, "the bus's backlog drained in %.1f s\n", waited.elapsed() / 1000.0);
    }
    int redeemed = 0;
    const auto measureDashboard = [&](int count) {
        std::vector<double> dashboard;
        for (int i = 0; i < count && redeemed < codes.size() - 1; ++i, ++redeemed) {
            const int before = figures.checkedIn();
            QElapsedTimer timer;
            timer.start();
            const auto answer = api.post(
                "/api/v1/checkin/redeem",
                {{"code", codes[redeemed]}, {"list_id", list}, {"scan_id", "bench-" + QString::number(redeemed)}},
                organizer.accessToken);
            if (answer.status != 200 || !spinUntil([&] { return figures.checkedIn() > before; }, 5000)) {
                std::fprintf(stderr, "redeem %d did not reach the dashboard (%d)\n", redeemed, answer.status);
                continue;
            }
            dashboard.push_back(timer.nsecsElapsed() / 1e6);
        }
        return latencyStats(dashboard);
    };
    // Right after the sale the server is still digesting it (50,000 emails and notifications to
    // write); then again once the notifications' inbox has stopped growing for 5 s.
    rows.push_back({"redeem → dashboard, busy after sale", "sbor", measureDashboard(redeems)});
    {
        std::string last;
        QElapsedTimer quiet;
        quiet.start();
        QElapsedTimer waited;
        waited.start();
        while (quiet.elapsed() < 5000 && waited.elapsed() < 900000) {
            pqxx::nontransaction tx(database);
            const std::string now = tx.exec("SELECT count(*) FROM notifications.inbox")[0][0].as<std::string>();
            if (now != last)
                quiet.restart();
            last = now;
            // Asked twice a second: a tight loop of count(*) would itself keep the database busy.
            QElapsedTimer pause;
            pause.start();
            while (pause.elapsed() < 500)
                QCoreApplication::processEvents(QEventLoop::AllEvents, 50);
        }
        std::fprintf(stderr, "the notifications settled after %.1f s\n", waited.elapsed() / 1000.0);
    }
    organizer = api.signIn(organizer.email); // the wait may outlast the access token
    rows.push_back({"redeem → dashboard, quiet", "sbor", measureDashboard(redeems)});

    std::printf("%-38s %-9s %8s %9s %9s %9s\n", "what", "target", "samples", "p50 ms", "p99 ms", "max ms");
    std::printf("%-38s %-9s %8s %9s %9s %9s\n", "----", "------", "-------", "------", "------", "------");
    QJsonArray json;
    for (const auto& row : rows) {
        std::printf("%-38s %-9s %8zu %9.2f %9.2f %9.2f\n", qPrintable(row.what), qPrintable(row.target),
                    row.stats.samples, row.stats.p50, row.stats.p99, row.stats.max);
        json.append(QJsonObject{{"what", row.what},
                                {"target", row.target},
                                {"samples", int(row.stats.samples)},
                                {"p50_ms", row.stats.p50},
                                {"p99_ms", row.stats.p99},
                                {"max_ms", row.stats.max}});
    }
    std::printf("\n%d tickets in orders of %d; an orders page is 4 statements (the page, then lines, tickets and "
                "history of its orders).\n",
                ticketCount, perOrder);
    if (!out.isEmpty()) {
        QFile file(out);
        if (file.open(QIODevice::WriteOnly))
            file.write(QJsonDocument(QJsonObject{{"tickets", ticketCount}, {"rows", json}}).toJson());
    }
    server.stop();
    return 0;
}
