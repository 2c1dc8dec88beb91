// The admin console's lists at scale (issue 17): user search on 100,000 accounts and the support
// queue on 20,000 requests, page by page over HTTP, next to the floor measured in the same run:
// the same statements sent straight to the same PostgreSQL (libpqxx, no HTTP, no JSON). The rows
// are written with SQL (generate_series): what is measured is reading them. Prints a table;
// writes JSON with --out.
//
//   sbor-support-bench [--users 100000] [--requests 20000] [--samples 200] [--out FILE]
#include "authapi.h"
#include "httpclient.h"
#include "latencystats.h"
#include "testserver.h"

#include <pqxx/pqxx>

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTemporaryDir>

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

struct Row {
    QString what;
    QString target;
    LatencyStats stats;
};

// UserRepository::list as the search sends it (first page of 50, plus one).
const char* kUserSearchSql =
    "SELECT id::text, coalesce(email, ''), coalesce(name, ''), phone, country, locale, roles, status, "
    "totp_enabled_at IS NOT NULL, created_at, updated_at FROM auth.users WHERE "
    "($1 = '' OR email ILIKE $1 OR name ILIKE $1) AND ($2 = '' OR roles @> ARRAY[$2]::text[]) AND ($3 = '' OR status = $3) "
    "ORDER BY created_at, id LIMIT 51";
// SupportRepository::list for the staff queue: next deadline first.
const char* kQueueSql =
    "SELECT r.id::text, r.number, r.requester_id::text, r.subject, r.category, r.status, r.assignee_id::text, "
    "r.first_response_due_at, r.resolution_due_at, r.next_due_at, coalesce(r.next_due_at < now(), false), "
    "r.created_at FROM support.requests r WHERE (cardinality($1::text[]) = 0 OR r.status = ANY($1::text[])) "
    "AND (NOT $2 OR r.next_due_at < now()) "
    "ORDER BY r.next_due_at, r.number LIMIT 51";

} // namespace

int main(int argc, char** argv)
{
    QCoreApplication application(argc, argv);
    const QStringList args = application.arguments();
    const int users = argument(args, "--users", 100000);
    const int requests = argument(args, "--requests", 20000);
    const int samples = argument(args, "--samples", 200);
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
    const QString adminEmail = uniqueEmail("support-bench-admin");
    if (AuthApi::createWithCli("host=" + dataDir + "/run user=postgres dbname=sbor", adminEmail, "admin").isEmpty()) {
        std::fprintf(stderr, "the admin could not be made\n");
        return 1;
    }
    const SignedInUser admin = api.signIn(adminEmail);

    pqxx::connection database("host=" + (dataDir + "/run").toStdString() + " user=postgres dbname=sbor");
    std::fprintf(stderr, "writing %d accounts and %d requests…\n", users, requests);
    QElapsedTimer filling;
    filling.start();
    {
        pqxx::work tx(database);
        // Russian and English names, a few roles, some blocked; registered over two years.
        tx.exec_params(
            "INSERT INTO auth.users (email, name, password_hash, roles, status, created_at, updated_at) "
            "SELECT 'person' || n || '@example.org', (ARRAY['Иван', 'Мария', 'Alex', 'Olga', 'Sam'])[1 + n % 5] || ' ' "
            "|| (ARRAY['Петров', 'Smith', 'Кузнецова', 'Lee'])[1 + n % 4] || ' ' || n, 'x', "
            "CASE WHEN n % 50 = 0 THEN '{organizer}'::text[] WHEN n % 997 = 0 THEN '{support}'::text[] "
            "ELSE '{attendee}'::text[] END, CASE WHEN n % 200 = 0 THEN 'blocked' ELSE 'active' END, "
            "now() - make_interval(mins => n * 10), now() FROM generate_series(1, $1) AS n",
            users);
        // Requests of those people: most settled, the open ones spread over their deadlines.
        tx.exec_params(
            "INSERT INTO support.requests (requester_id, subject, category, status, first_response_due_at, "
            "resolution_due_at, first_responded_at, resolved_at, next_due_at, created_at, updated_at) "
            "SELECT u.id, 'Question ' || n, (ARRAY['order', 'payment', 'event', 'account', 'other'])[1 + n % 5], "
            "s.status, c.at + interval '4 hours', c.at + interval '3 days', "
            "CASE WHEN s.status <> 'open' THEN c.at + interval '1 hour' END, "
            "CASE WHEN s.status IN ('resolved', 'closed') THEN c.at + interval '1 day' END, "
            "CASE WHEN s.status IN ('resolved', 'closed') THEN NULL WHEN s.status = 'open' THEN c.at + interval '4 hours' "
            "ELSE c.at + interval '3 days' END, c.at, c.at "
            "FROM generate_series(1, $1) AS n "
            "CROSS JOIN LATERAL (SELECT now() - make_interval(mins => n * 7) AS at) c "
            "CROSS JOIN LATERAL (SELECT (ARRAY['closed', 'closed', 'resolved', 'open', 'pending_customer', "
            "'closed'])[1 + n % 6] AS status) s "
            "JOIN (SELECT id, row_number() OVER (ORDER BY created_at) AS k FROM auth.users) u "
            "ON u.k = 1 + (n * 37) % $2",
            requests, users);
        tx.exec("ANALYZE auth.users");
        tx.exec("ANALYZE support.requests");
        tx.commit();
    }
    std::fprintf(stderr, "written in %.1f s\n", filling.elapsed() / 1000.0);

    const auto get = [&](const QString& path) {
        const auto answer = api.get(path, admin.accessToken);
        if (answer.status != 200)
            std::fprintf(stderr, "GET %s → %d %s\n", qPrintable(path), answer.status, answer.body.constData());
        return answer;
    };
    QString deepUsers, deepQueue;
    {
        QString cursor;
        for (int page = 0; page < 20 && !cursor.isNull(); ++page)
            deepUsers = cursor = get("/api/v1/admin/users?limit=100" + (cursor.isEmpty() ? "" : "&cursor=" + cursor))
                                     .json()
                                     .value("next_cursor")
                                     .toString();
        cursor.clear();
        for (int page = 0; page < 20 && !cursor.isNull(); ++page)
            deepQueue = cursor = get("/api/v1/support/requests?limit=100" +
                                     (cursor.isEmpty() ? "" : "&cursor=" + cursor))
                                     .json()
                                     .value("next_cursor")
                                     .toString();
    }

    std::vector<Row> rows;
    rows.push_back({"users, first page (50)", "sbor", timedLatency(samples, [&] { get("/api/v1/admin/users"); })});
    rows.push_back(
        {"users, deep cursor", "sbor", timedLatency(samples, [&] { get("/api/v1/admin/users?cursor=" + deepUsers); })});
    rows.push_back({"users, typing q=person4242", "sbor",
                    timedLatency(samples, [&] { get("/api/v1/admin/users?q=person4242"); })});
    rows.push_back({"users, q=петров (many)", "sbor",
                    timedLatency(samples, [&] { get("/api/v1/admin/users?q=%D0%BF%D0%B5%D1%82%D1%80%D0%BE%D0%B2"); })});
    rows.push_back(
        {"users, role=support", "sbor", timedLatency(samples, [&] { get("/api/v1/admin/users?role=support"); })});
    rows.push_back({"queue, first page (50)", "sbor", timedLatency(samples, [&] { get("/api/v1/support/requests"); })});
    rows.push_back({"queue, deep cursor", "sbor",
                    timedLatency(samples, [&] { get("/api/v1/support/requests?cursor=" + deepQueue); })});
    rows.push_back({"queue, open+pending", "sbor",
                    timedLatency(samples, [&] { get("/api/v1/support/requests?status=open,pending_customer"); })});
    rows.push_back(
        {"queue, overdue only", "sbor", timedLatency(samples, [&] { get("/api/v1/support/requests?overdue=true"); })});
    rows.push_back({"one request with thread", "sbor", [&] {
                        const QString id = get("/api/v1/support/requests?limit=1")
                                               .json()
                                               .value("items")
                                               .toArray()
                                               .first()
                                               .toObject()
                                               .value("id")
                                               .toString();
                        return timedLatency(samples, [&] { get("/api/v1/support/requests/" + id); });
                    }()});

    const auto sql = [&](const char* statement, auto... parameters) {
        pqxx::nontransaction tx(database);
        tx.exec_params(statement, parameters...);
    };
    rows.push_back(
        {"users, first page (50)", "bare SQL", timedLatency(samples, [&] { sql(kUserSearchSql, "", "", ""); })});
    rows.push_back({"users, typing q=person4242", "bare SQL",
                    timedLatency(samples, [&] { sql(kUserSearchSql, "%person4242%", "", ""); })});
    rows.push_back({"users, q=петров (many)", "bare SQL",
                    timedLatency(samples, [&] { sql(kUserSearchSql, "%петров%", "", ""); })});
    rows.push_back(
        {"users, role=support", "bare SQL", timedLatency(samples, [&] { sql(kUserSearchSql, "", "support", ""); })});
    rows.push_back({"queue, first page (50)", "bare SQL", timedLatency(samples, [&] { sql(kQueueSql, "{}", false); })});
    rows.push_back({"queue, open+pending", "bare SQL",
                    timedLatency(samples, [&] { sql(kQueueSql, "{open,pending_customer}", false); })});
    rows.push_back({"queue, overdue only", "bare SQL", timedLatency(samples, [&] { sql(kQueueSql, "{}", true); })});

    std::printf("%-30s %-9s %8s %9s %9s %9s\n", "what", "target", "samples", "p50 ms", "p99 ms", "max ms");
    std::printf("%-30s %-9s %8s %9s %9s %9s\n", "----", "------", "-------", "------", "------", "------");
    QJsonArray json;
    for (const auto& row : rows) {
        std::printf("%-30s %-9s %8zu %9.2f %9.2f %9.2f\n", qPrintable(row.what), qPrintable(row.target),
                    row.stats.samples, row.stats.p50, row.stats.p99, row.stats.max);
        json.append(QJsonObject{{"what", row.what},
                                {"target", row.target},
                                {"samples", int(row.stats.samples)},
                                {"p50_ms", row.stats.p50},
                                {"p99_ms", row.stats.p99},
                                {"max_ms", row.stats.max}});
    }
    std::printf("\n%d accounts, %d support requests; each HTTP row is a signed-in admin's GET with JSON.\n", users,
                requests);
    if (!out.isEmpty()) {
        QFile file(out);
        if (file.open(QIODevice::WriteOnly))
            file.write(QJsonDocument(QJsonObject{{"users", users}, {"requests", requests}, {"rows", json}}).toJson());
    }
    server.stop();
    return 0;
}
