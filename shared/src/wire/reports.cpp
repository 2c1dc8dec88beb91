#include "sbor/wire/reports.h"

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

} // namespace sbor::wire
