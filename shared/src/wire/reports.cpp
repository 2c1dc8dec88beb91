#include "sbor/wire/reports.h"

#include <cmath>

namespace sbor::wire {

void fromJson(const FieldReader& reader, SalesMoney& money)
{
    money.currency = reader.string("currency");
    money.gross = reader.integer("gross");
    money.commission = reader.integer("commission");
    money.refunds = reader.integer("refunds");
    money.publicationFees = reader.integer("publication_fees");
    money.net = reader.integer("net");
}

void fromJson(const FieldReader& reader, SalesPeriod& period)
{
    period.periodStart = reader.string("period_start");
    period.tickets = reader.integer("tickets");
    period.orders = reader.integer("orders");
    period.money = decodeList<SalesMoney>(reader.array("money"), reader.pathOf("money"));
}

void fromJson(const FieldReader& reader, SalesReport& report)
{
    report.items = decodeList<SalesPeriod>(reader.array("items"), reader.pathOf("items"));
    const FieldReader totals(reader.object("totals"), reader.pathOf("totals"));
    report.tickets = totals.integer("tickets");
    report.orders = totals.integer("orders");
    report.money = decodeList<SalesMoney>(totals.array("money"), totals.pathOf("money"));
}

std::vector<std::string> countsReportColumns(const std::string& report)
{
    if (report == "registrations")
        return {"registrations"};
    if (report == "checkins")
        return {"admissions", "exits"};
    if (report == "support")
        return {"opened", "resolved", "answered", "median_first_response_seconds"};
    return {};
}

namespace {

// A count, or a median the server computes in fractional seconds: read as a whole number.
std::optional<std::int64_t> countIn(const FieldReader& reader, const std::string& column)
{
    const nlohmann::json value = reader.any(column.c_str());
    if (value.is_null())
        return std::nullopt;
    if (!value.is_number())
        throw DecodeError(reader.pathOf(column.c_str()) + " must be a number or null");
    return value.is_number_float() ? std::llround(value.get<double>()) : value.get<std::int64_t>();
}

} // namespace

void fromJson(const FieldReader& reader, CountsReport& report)
{
    report.report = reader.string("report");
    report.columns = countsReportColumns(report.report);
    if (report.columns.empty())
        throw DecodeError(reader.pathOf("report") + " is not a report of counts");
    const nlohmann::json& items = reader.array("items");
    for (std::size_t i = 0; i < items.size(); ++i) {
        const FieldReader item(items[i], reader.pathOf("items") + "[" + std::to_string(i) + "]");
        CountsPeriod period{item.string("period_start"), {}};
        for (const auto& column : report.columns)
            period.values.push_back(countIn(item, column));
        report.items.push_back(std::move(period));
    }
    const FieldReader totals(reader.object("totals"), reader.pathOf("totals"));
    for (const auto& column : report.columns)
        report.totals.push_back(countIn(totals, column));
}

} // namespace sbor::wire
