#include "platformreports.h"

#include "sbor/rfc3339.h"

#include <map>
#include <set>

namespace sbor::analytics {
namespace {

constexpr std::int64_t kDayMicros = 86'400'000'000;

std::int64_t approximatePeriodMicros(const std::string& interval)
{
    return interval == "month" ? 31 * kDayMicros : interval == "week" ? 7 * kDayMicros : kDayMicros;
}

// period → metric → currency → value
using Totals = std::map<std::string, std::map<std::string, std::map<std::string, std::int64_t>>>;

Totals byPeriod(const std::vector<PeriodTotal>& rows)
{
    Totals totals;
    for (const auto& row : rows)
        totals[row.periodStart][row.metric][row.currency] += row.value;
    return totals;
}

std::int64_t valueOf(const Totals& totals, const std::string& period, const std::string& metric,
                     const std::string& currency = "")
{
    const auto p = totals.find(period);
    if (p == totals.end())
        return 0;
    const auto m = p->second.find(metric);
    if (m == p->second.end())
        return 0;
    const auto c = m->second.find(currency);
    return c == m->second.end() ? 0 : c->second;
}

const std::vector<std::string> kMoney = {"gross", "commission", "refunds", "publication_fees"};

Report salesReport(ReportRepository& repository, const ReportRange& range, const std::vector<std::string>& periods)
{
    std::vector<std::string> metrics = kMoney;
    metrics.insert(metrics.end(), {"tickets_sold", "orders"});
    const Totals totals = byPeriod(repository.eventTotals(range, metrics));
    Report report;
    report.columns = {"period_start",     "currency", "gross",   "commission", "refunds",
                      "publication_fees", "net",      "tickets", "orders"};
    nlohmann::json items = nlohmann::json::array();
    std::int64_t allTickets = 0, allOrders = 0;
    std::map<std::string, std::map<std::string, std::int64_t>> allMoney; // currency → metric → sum
    for (const auto& period : periods) {
        std::set<std::string> currencies;
        if (const auto p = totals.find(period); p != totals.end())
            for (const auto& metric : kMoney)
                if (const auto m = p->second.find(metric); m != p->second.end())
                    for (const auto& [currency, value] : m->second)
                        currencies.insert(currency);
        const std::int64_t tickets = valueOf(totals, period, "tickets_sold");
        const std::int64_t orders = valueOf(totals, period, "orders");
        allTickets += tickets;
        allOrders += orders;
        nlohmann::json money = nlohmann::json::array();
        bool first = true;
        for (const auto& currency : currencies) {
            nlohmann::json line{{"currency", currency}};
            for (const auto& metric : kMoney) {
                line[metric] = valueOf(totals, period, metric, currency);
                allMoney[currency][metric] += line[metric].get<std::int64_t>();
            }
            // What stays with the organizers: gross less refunds and the commission net of its
            // refunded share (publication fees are theirs to pay besides).
            line["net"] = line["gross"].get<std::int64_t>() - line["commission"].get<std::int64_t>() -
                line["refunds"].get<std::int64_t>();
            money.push_back(line);
            report.rows.push_back({period, currency, line["gross"], line["commission"], line["refunds"],
                                   line["publication_fees"], line["net"], first ? nlohmann::json(tickets) : nullptr,
                                   first ? nlohmann::json(orders) : nullptr});
            first = false;
        }
        if (currencies.empty())
            report.rows.push_back({period, nullptr, nullptr, nullptr, nullptr, nullptr, nullptr, tickets, orders});
        items.push_back({{"period_start", period}, {"tickets", tickets}, {"orders", orders}, {"money", money}});
    }
    nlohmann::json money = nlohmann::json::array();
    for (const auto& [currency, sums] : allMoney) {
        nlohmann::json line{{"currency", currency}};
        for (const auto& metric : kMoney)
            line[metric] = sums.count(metric) ? sums.at(metric) : 0;
        line["net"] = line["gross"].get<std::int64_t>() - line["commission"].get<std::int64_t>() -
            line["refunds"].get<std::int64_t>();
        money.push_back(line);
    }
    report.document = {{"items", items},
                       {"totals", {{"tickets", allTickets}, {"orders", allOrders}, {"money", money}}}};
    return report;
}

// A report of plain counts: one column per metric.
Report countsReport(const std::vector<PeriodTotal>& rows, const std::vector<std::string>& periods,
                    const std::vector<std::pair<std::string, std::string>>& columns) // (metric, column)
{
    const Totals totals = byPeriod(rows);
    Report report;
    report.columns = {"period_start"};
    for (const auto& column : columns)
        report.columns.push_back(column.second);
    nlohmann::json items = nlohmann::json::array();
    nlohmann::json sums = nlohmann::json::object();
    for (const auto& column : columns)
        sums[column.second] = 0;
    for (const auto& period : periods) {
        nlohmann::json item{{"period_start", period}};
        std::vector<nlohmann::json> row{period};
        for (const auto& [metric, column] : columns) {
            const std::int64_t value = valueOf(totals, period, metric);
            item[column] = value;
            row.push_back(value);
            sums[column] = sums[column].get<std::int64_t>() + value;
        }
        items.push_back(item);
        report.rows.push_back(row);
    }
    report.document = {{"items", items}, {"totals", sums}};
    return report;
}

} // namespace

std::string_view reportName(ReportKind kind)
{
    switch (kind) {
    case ReportKind::Sales:
        return "sales";
    case ReportKind::Registrations:
        return "registrations";
    case ReportKind::Checkins:
        return "checkins";
    case ReportKind::Support:
        return "support";
    }
    return "unknown";
}

bool PlatformReports::knownTimezone(ReportRepository& repository, const std::string& name)
{
    {
        std::lock_guard lock(m_zonesMutex);
        if (m_knownZones.count(name))
            return true;
    }
    if (!repository.knownTimezone(name))
        return false;
    std::lock_guard lock(m_zonesMutex);
    m_knownZones.insert(name);
    return true;
}

Result<Report> PlatformReports::report(const ReportRequest& request)
{
    const std::int64_t to = request.to.value_or(unixNowMicroseconds());
    const std::int64_t from = request.from.value_or(to - 30 * approximatePeriodMicros(request.interval));
    if (from >= to)
        return invalidQueryParameter("from", "must be before to");
    if ((to - from) / approximatePeriodMicros(request.interval) > kMaxReportPeriods)
        return invalidQueryParameter("from",
                                     "the range is more than " + std::to_string(kMaxReportPeriods) + " " +
                                         request.interval + "s long; take a longer interval");
    const ReportRange range{request.interval, request.timezone, formatRfc3339(from), formatRfc3339(to),
                            request.organizerId};
    return m_database.readSnapshot([&](db::Transaction& tx) -> Result<Report> {
        ReportRepository repository(tx);
        if (!knownTimezone(repository, range.timezone))
            return invalidQueryParameter("timezone", "must be an IANA time zone such as Europe/Moscow or UTC");
        const std::vector<std::string> periods = repository.periods(range);
        Report report;
        switch (request.kind) {
        case ReportKind::Sales:
            report = salesReport(repository, range, periods);
            break;
        case ReportKind::Registrations:
            report = countsReport(repository.platformTotals(range, {"registrations"}), periods,
                                  {{"registrations", "registrations"}});
            break;
        case ReportKind::Checkins:
            report = countsReport(repository.eventTotals(range, {"admissions", "exits"}), periods,
                                  {{"admissions", "admissions"}, {"exits", "exits"}});
            break;
        case ReportKind::Support: {
            report = countsReport(repository.platformTotals(range, {"support_opened", "support_resolved"}), periods,
                                  {{"support_opened", "opened"}, {"support_resolved", "resolved"}});
            std::map<std::string, SupportPeriod> responses;
            for (auto& period : repository.supportResponses(range))
                responses.emplace(period.periodStart, period);
            report.columns.insert(report.columns.end(), {"answered", "median_first_response_seconds"});
            for (std::size_t i = 0; i < periods.size(); ++i) {
                const auto found = responses.find(periods[i]);
                const nlohmann::json answered = found == responses.end() ? 0 : found->second.answered;
                const nlohmann::json median = found == responses.end() || !found->second.medianFirstResponseSeconds
                    ? nlohmann::json()
                    : nlohmann::json(*found->second.medianFirstResponseSeconds);
                report.document["items"][i]["answered"] = answered;
                report.document["items"][i]["median_first_response_seconds"] = median;
                report.rows[i].push_back(answered);
                report.rows[i].push_back(median);
            }
            break;
        }
        }
        report.document["report"] = reportName(request.kind);
        report.document["interval"] = range.interval;
        report.document["timezone"] = range.timezone;
        report.document["from"] = range.from;
        report.document["to"] = range.to;
        report.document["organizer_id"] = range.organizerId.empty() ? nlohmann::json()
                                                                    : nlohmann::json(range.organizerId);
        return report;
    });
}

} // namespace sbor::analytics
