#include "analyticsintake.h"

#include "aggregaterepository.h"
#include "reportrepository.h"

#include "bus/inbox.h"
#include "log/logger.h"
#include "sbor/rfc3339.h"
#include "sbor/uuid.h"

#include <set>

#include <nlohmann/json.hpp>

namespace sbor::analytics {
namespace {

constexpr const char* kSchema = "analytics";

std::string text(const nlohmann::json& data, const char* key)
{
    const auto found = data.find(key);
    return found != data.end() && found->is_string() ? found->get<std::string>() : std::string();
}

std::int64_t number(const nlohmann::json& data, const char* key)
{
    const auto found = data.find(key);
    return found != data.end() && found->is_number_integer() ? found->get<std::int64_t>() : 0;
}

// The messages counted here; the others on the same topics are not even recorded in the inbox.
bool counted(const std::string& type)
{
    static const std::set<std::string> types = {
        "ticket.purchased", "ticket.cancelled",        "ticket.checkin",  "order.created",   "payment.succeeded",
        "refund.issued",    "publication_fee.charged", "user.registered", "event.published", "support.request_updated"};
    return types.count(type) > 0;
}

// What only the platform reports count: accounts, support, whose events are whose.
void countForReports(ReportRepository& reports, const std::string& type, const nlohmann::json& data, std::int64_t at)
{
    if (type == "user.registered") {
        reports.countPlatform("registrations", minuteOf(at), 1);
    } else if (type == "event.published") {
        if (isUuid(text(data, "event_id")) && isUuid(text(data, "organizer_id")))
            reports.rememberOrganizer(text(data, "event_id"), text(data, "organizer_id"));
    } else if (type == "support.request_updated") {
        const std::string change = text(data, "change");
        const std::string requestId = text(data, "request_id");
        if (!isUuid(requestId))
            return;
        if (change == "opened") {
            reports.countPlatform("support_opened", minuteOf(at), 1);
            reports.rememberRequestOpened(requestId, at);
        } else if (change == "answered") {
            reports.rememberFirstResponse(requestId, at);
        } else if (change == "status" && text(data, "status") == "resolved") {
            reports.countPlatform("support_resolved", minuteOf(at), 1);
        }
    }
}

// One message's counting, on the transaction that also records it in the inbox.
void count(AggregateRepository& aggregates, const std::string& type, const nlohmann::json& data, std::int64_t at)
{
    const std::string eventId = text(data, "event_id");
    if (eventId.empty())
        return;
    if (type == "publication_fee.charged") {
        aggregates.add(publicationFeeCharged(eventId, text(data, "currency"), number(data, "amount"), at));
        return;
    }
    if (type == "ticket.purchased") {
        const SoldTicket ticket{text(data, "ticket_id"),      eventId,
                                text(data, "ticket_type_id"), number(data, "unit_price"),
                                text(data, "currency"),       false};
        aggregates.rememberTicket(ticket);
        aggregates.add(ticketSold(eventId, ticket.ticketTypeId, ticket.unitPrice, ticket.currency, at));
    } else if (type == "ticket.cancelled") {
        // Counted out only once, and only what was counted in.
        if (const auto ticket = aggregates.cancelTicket(text(data, "ticket_id")))
            aggregates.add(ticketCancelled(eventId, ticket->ticketTypeId, ticket->unitPrice, ticket->currency, at));
    } else if (type == "ticket.checkin") {
        const std::string kind = text(data, "kind");
        const std::string listId = text(data, "list_id");
        if (kind == "annulled") {
            if (const auto minute = aggregates.annulEntry(listId, text(data, "scan_id")))
                aggregates.add(doorScan(eventId, listId, false, *minute, -1));
            return;
        }
        if (kind != "entry" && kind != "exit")
            return;
        const std::int64_t scannedAt = parseRfc3339(text(data, "scanned_at")).value_or(at);
        aggregates.rememberScan(eventId, listId, text(data, "scan_id"), kind == "exit", minuteOf(scannedAt));
        aggregates.add(doorScan(eventId, listId, kind == "exit", scannedAt));
    } else if (type == "order.created") {
        aggregates.add(orderPlaced(eventId, at));
    } else if (type == "payment.succeeded") {
        aggregates.rememberPayment(text(data, "payment_id"), eventId, text(data, "currency"), number(data, "amount"));
        aggregates.add(
            paymentSucceeded(eventId, text(data, "currency"), number(data, "amount"), number(data, "commission"), at));
    } else if (type == "refund.issued") {
        // A payment refunded before it succeeded (its order had expired) took no money in.
        if (aggregates.refundPayment(text(data, "payment_id")))
            aggregates.add(paymentRefunded(eventId, text(data, "currency"), number(data, "amount"),
                                           number(data, "commission_refunded"), at));
    }
}

} // namespace

const std::vector<std::string>& intakeTopics()
{
    static const std::vector<std::string> topics = {"tickets", "orders", "checkins", "payments",
                                                    "events",  "users",  "support"};
    return topics;
}

bool AnalyticsIntake::take(const bus::Message& message)
{
    const auto envelope = nlohmann::json::parse(message.payload, nullptr, false);
    if (!envelope.is_object() || !envelope.contains("data") || !envelope["data"].is_object()) {
        log::warn("a bus message without an envelope was skipped",
                  {{"message_id", message.id}, {"topic", message.topic}});
        return true;
    }
    const std::string type = envelope.value("type", message.type);
    if (!counted(type))
        return true;
    // The moment the change was committed with: the same clock the other services' records keep.
    const auto at = parseRfc3339(envelope.value("occurred_at", std::string()));
    if (!at)
        return true;
    m_database.transact([&](db::Transaction& tx) {
        if (!bus::firstDelivery(tx, kSchema, message.id))
            return;
        AggregateRepository aggregates(tx);
        count(aggregates, type, envelope["data"], *at);
        ReportRepository reports(tx);
        countForReports(reports, type, envelope["data"], *at);
    });
    return true;
}

} // namespace sbor::analytics
