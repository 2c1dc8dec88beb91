#include "analyticsrebuild.h"

#include "aggregate.h"
#include "aggregaterepository.h"

#include "log/logger.h"
#include "sbor/uuid.h"
#include "service/contracts.h"

namespace sbor::analytics {

Result<int> AnalyticsRebuild::rebuild(const std::optional<std::string>& eventId)
{
    const auto sales = m_directory->find<SalesRecords>();
    const auto payments = m_directory->find<PaymentRecords>();
    if (!sales || !payments)
        return Error(ErrorCode::Overloaded, "tickets or payments are not reachable from this process; try again later");
    if (eventId && !isUuid(*eventId))
        return invalidField("event_id", "must be an event id");
    try {
        const std::vector<std::string> events = eventId ? std::vector<std::string>{canonicalUuid(*eventId)}
                                                        : sales->eventsWithSales();
        for (const auto& id : events)
            rebuildEvent(id);
        return static_cast<int>(events.size());
    } catch (const ErrorException& e) {
        return e.error();
    }
}

void AnalyticsRebuild::rebuildEvent(const std::string& eventId)
{
    // Asked before the transaction: the records may come over the network.
    const EventSalesRecord record = m_directory->find<SalesRecords>()->salesRecord(eventId);
    const std::vector<PaymentFact> paid = m_directory->find<PaymentRecords>()->paymentsOfEvent(eventId);
    std::vector<Increment> increments;
    const auto append = [&](std::vector<Increment> more) {
        increments.insert(increments.end(), more.begin(), more.end());
    };
    for (const std::int64_t at : record.ordersPlacedAt)
        append(orderPlaced(eventId, at));
    for (const auto& ticket : record.tickets) {
        append(ticketSold(eventId, ticket.ticketTypeId, ticket.unitPrice, ticket.currency, ticket.soldAt));
        if (ticket.cancelledAt)
            append(
                ticketCancelled(eventId, ticket.ticketTypeId, ticket.unitPrice, ticket.currency, *ticket.cancelledAt));
    }
    for (const auto& scan : record.admissions)
        append(doorScan(eventId, scan.listId, scan.exit, scan.scannedAt));
    for (const auto& payment : paid) {
        if (!payment.succeededAt)
            continue; // never took money in, whatever happened next
        append(paymentSucceeded(eventId, payment.currency, payment.amount, payment.commission, *payment.succeededAt));
        if (payment.refundedAt)
            append(paymentRefunded(eventId, payment.currency, payment.amount, payment.commission, *payment.refundedAt));
    }
    m_database.transact([&](db::Transaction& tx) {
        AggregateRepository aggregates(tx);
        aggregates.forgetEvent(eventId);
        aggregates.add(combined(std::move(increments)));
        // What later messages refer back to, as the intake would have remembered it.
        for (const auto& ticket : record.tickets)
            aggregates.rememberTicket({ticket.ticketId, eventId, ticket.ticketTypeId, ticket.unitPrice, ticket.currency,
                                       ticket.cancelledAt.has_value()});
        for (const auto& scan : record.admissions)
            aggregates.rememberScan(eventId, scan.listId, scan.scanId, scan.exit, minuteOf(scan.scannedAt));
        for (const auto& payment : paid) {
            if (!payment.succeededAt)
                continue;
            aggregates.rememberPayment(payment.paymentId, eventId, payment.currency, payment.amount);
            if (payment.refundedAt)
                aggregates.refundPayment(payment.paymentId);
        }
    });
    log::info("analytics rebuilt for an event",
              {{"event_id", eventId},
               {"tickets", record.tickets.size()},
               {"scans", record.admissions.size()},
               {"payments", paid.size()}});
}

} // namespace sbor::analytics
