#include "disputedesk.h"

#include "supportdesk.h"

#include "log/logger.h"
#include "outbox/outbox.h"
#include "runtime/clock.h"
#include "sbor/rfc3339.h"
#include "sbor/uuid.h"
#include "service/refundcontracts.h"

namespace sbor::support {
namespace {

constexpr std::int64_t kDayMicros = 86'400'000'000;

Error noSuchDispute(const std::string& id) { return noSuch("dispute", id); }

bool involves(const access::Principal& caller, const Dispute& dispute)
{
    return isStaff(caller) || dispute.buyerId == caller.userId || dispute.organizerId == caller.userId;
}

// dispute.opened / dispute.updated: the buyer, the organizer and the desk hear each step.
void announce(db::Transaction& tx, const Dispute& dispute, const std::string& type, const std::string& byId,
              const std::string& traceId)
{
    outbox::append(tx, "support",
                   {"support",
                    dispute.id,
                    type,
                    {{"dispute_id", dispute.id},
                     {"order_id", dispute.orderId},
                     {"event_id", dispute.eventId},
                     {"organizer_id", dispute.organizerId},
                     {"buyer_id", dispute.buyerId},
                     {"status", dispute.status},
                     {"amount", dispute.amount},
                     {"currency", dispute.currency},
                     {"respond_by", dispute.respondBy},
                     {"refund_amount", dispute.refundAmount ? nlohmann::json(*dispute.refundAmount) : nlohmann::json()},
                     {"changed_by", byId}},
                    traceId});
}

} // namespace

Result<Dispute> DisputeDesk::open(const access::Principal& buyer, const std::string& orderId, const std::string& reason,
                                  const std::string& details, const CallContext& call)
{
    const Error noSuchOrder = noSuch("order", orderId);
    if (!isUuid(orderId))
        return noSuchOrder;
    const auto refunds = m_directory->find<OrderRefunds>();
    const auto events = m_directory->find<EventDirectory>();
    if (!refunds || !events)
        return Error(ErrorCode::Overloaded, "orders are not reachable from this process; try again later");
    // Asked before the transaction: no pooled connection is held while another service answers.
    std::optional<PayableOrder> order;
    std::optional<EventFacts> event;
    try {
        order = refunds->orderById(canonicalUuid(orderId));
        if (order)
            event = events->eventFacts(order->eventId);
    } catch (const std::exception&) {
        return Error(ErrorCode::Overloaded, "orders are not reachable now; try again later");
    }
    if (!order || order->buyerId != buyer.userId)
        return noSuchOrder; // someone else's order does not exist for you
    if (order->status == OrderStatus::Refunded)
        return Error(ErrorCode::Conflict, "this order was refunded already; there is nothing to dispute",
                     {{"order_id", order->orderId}, {"status", "refunded"}});
    if (order->status != OrderStatus::Paid || order->total <= 0)
        return Error(ErrorCode::Conflict, "only a paid order is disputed",
                     {{"order_id", order->orderId}, {"status", statusText(order->status)}});
    if (!event)
        return Error(ErrorCode::Overloaded, "the order's event is not reachable; try again later");
    const NewDispute fresh{
        order->orderId, order->eventId, event->organizerId,
        order->buyerId, order->total,   order->currency,
        reason,         details,        formatRfc3339(clock::nowMicros() + m_responseDays * kDayMicros)};
    return m_database.transact([&](db::Transaction& tx) -> Result<Dispute> {
        DisputeRepository disputes(tx);
        const auto opened = disputes.insert(fresh);
        if (!opened)
            return Error(ErrorCode::Conflict, "this order has an open dispute already", {{"order_id", fresh.orderId}});
        announce(tx, *opened, "dispute.opened", buyer.userId, call.traceId);
        return *opened;
    });
}

Result<paging::Page<Dispute>> DisputeDesk::list(const access::Principal& caller,
                                                const std::vector<std::string>& statuses, int limit,
                                                const std::string& cursor)
{
    DisputeQuery query{isStaff(caller) ? std::string() : caller.userId, statuses, std::nullopt, limit + 1};
    if (!cursor.empty()) {
        const auto position = paging::decodeTimeAndIdCursor(cursor);
        if (!position)
            return invalidField("cursor", "is not valid", "cursor is not one this API returned");
        query.after = std::make_pair(position->time, position->id);
    }
    paging::Page<Dispute> page;
    page.items = m_database.read([&](db::Transaction& tx) { return DisputeRepository(tx).list(query); });
    if (static_cast<int>(page.items.size()) > limit) {
        page.items.resize(limit);
        page.nextCursor = paging::encodeTimeAndIdCursor(page.items.back().respondBy, page.items.back().id);
    }
    return page;
}

Result<Dispute> DisputeDesk::read(const access::Principal& caller, const std::string& disputeId)
{
    if (!isUuid(disputeId))
        return noSuchDispute(disputeId);
    const auto dispute = m_database.read([&](db::Transaction& tx) { return DisputeRepository(tx).find(disputeId); });
    if (!dispute || !involves(caller, *dispute))
        return noSuchDispute(disputeId);
    return *dispute;
}

Result<Dispute> DisputeDesk::respond(const access::Principal& organizer, const std::string& disputeId,
                                     const std::string& evidence, const CallContext& call)
{
    if (!isUuid(disputeId))
        return noSuchDispute(disputeId);
    const std::string now = formatRfc3339(clock::nowMicros());
    return m_database.transact([&](db::Transaction& tx) -> Result<Dispute> {
        DisputeRepository disputes(tx);
        const auto dispute = disputes.find(disputeId, true);
        if (!dispute || !involves(organizer, *dispute))
            return noSuchDispute(disputeId);
        if (dispute->organizerId != organizer.userId)
            return Error(ErrorCode::Forbidden, "only the event's organizer answers a dispute");
        if (dispute->status != "needs_response")
            return Error(ErrorCode::Conflict, "this dispute is " + dispute->status + "; it takes no more evidence",
                         {{"status", dispute->status}});
        if (parseRfc3339(dispute->respondBy).value_or(0) < clock::nowMicros())
            return Error(ErrorCode::Conflict, "the deadline to respond has passed",
                         {{"respond_by", dispute->respondBy}});
        disputes.respond(dispute->id, evidence, now);
        const Dispute answered = *disputes.find(dispute->id);
        announce(tx, answered, "dispute.updated", organizer.userId, call.traceId);
        return answered;
    });
}

Result<Dispute> DisputeDesk::decide(const access::Principal& staff, const std::string& disputeId,
                                    const DisputeDecision& decision, const CallContext& call)
{
    if (!isStaff(staff))
        return Error(ErrorCode::Forbidden, "only support staff decide disputes");
    if (!isUuid(disputeId))
        return noSuchDispute(disputeId);
    // What the decision may be, before anything is stored or refunded.
    auto checked = m_database.read([&](db::Transaction& tx) -> Result<Dispute> {
        const auto dispute = DisputeRepository(tx).find(disputeId);
        if (!dispute)
            return noSuchDispute(disputeId);
        if (dispute->buyerId == staff.userId || dispute->organizerId == staff.userId)
            return Error(ErrorCode::Forbidden, "you are a party to this dispute; another agent decides it");
        return *dispute;
    });
    if (!checked)
        return checked;
    const std::optional<std::int64_t> refundAmount = decision.outcome == "lost"
        ? std::optional<std::int64_t>(decision.refundAmount.value_or(checked->amount))
        : std::nullopt;
    const auto decidedAlready = [&](const Dispute& dispute) -> std::optional<Result<Dispute>> {
        if (dispute.status != "won" && dispute.status != "lost")
            return std::nullopt;
        // The same decision again answers the same; another one is refused.
        if (dispute.status == decision.outcome && dispute.refundAmount == refundAmount)
            return Result<Dispute>(dispute);
        return Result<Dispute>(Error(ErrorCode::Conflict, "this dispute was decided already: " + dispute.status,
                                     {{"status", dispute.status}}));
    };
    if (auto answer = decidedAlready(*checked)) {
        if (!*answer || (*answer)->status != "lost" || (*answer)->refunded)
            return *answer;
        auto refunded = refund(**answer, call.traceId); // a lost one whose refund is still pending
        return refunded ? refunded : *answer;
    }
    if (checked->status != "under_review")
        return Error(ErrorCode::Conflict, "the organizer may still respond until " + checked->respondBy,
                     {{"status", checked->status}, {"respond_by", checked->respondBy}});
    if (refundAmount && (*refundAmount <= 0 || *refundAmount > checked->amount))
        return invalidField("refund_amount", "must be 1 to " + std::to_string(checked->amount));
    // A lost dispute's money first: what tickets or payments refuse (the order was refunded or
    // cancelled meanwhile, less is left than asked) is the agent's to see, and nothing is decided.
    bool refunded = false;
    if (refundAmount) {
        auto done = refundOrder(*checked, *refundAmount, call.traceId);
        if (!done && (done.error().code == ErrorCode::ValidationFailed || done.error().code == ErrorCode::Conflict))
            return done.error();
        refunded = done.ok(); // otherwise (unreachable, overloaded) the job retries it
    }
    const std::string now = formatRfc3339(clock::nowMicros());
    return m_database.transact([&](db::Transaction& tx) -> Result<Dispute> {
        DisputeRepository disputes(tx);
        const auto dispute = disputes.find(disputeId, true);
        if (auto answer = decidedAlready(*dispute))
            return *answer; // another agent decided between the check and now
        disputes.decide(dispute->id, decision.outcome, refundAmount, decision.note, staff.userId, now);
        if (refunded)
            disputes.markRefunded(dispute->id);
        const Dispute stored = *disputes.find(dispute->id);
        announce(tx, stored, "dispute.updated", staff.userId, call.traceId);
        return stored;
    });
}

Result<bool> DisputeDesk::refundOrder(const Dispute& dispute, std::int64_t amount, const std::string& traceId)
{
    const auto refunds = m_directory->find<OrderRefunds>();
    if (!refunds)
        return Error(ErrorCode::Overloaded, "orders are not reachable from this process; the refund is pending");
    try {
        auto refunded = refunds->refundOrder(dispute.orderId, amount, "dispute_lost", "dispute:" + dispute.id, traceId);
        if (!refunded)
            return refunded.error();
        return true;
    } catch (const std::exception&) {
        return Error(ErrorCode::Overloaded, "the tickets service did not answer; the refund is pending");
    }
}

Result<Dispute> DisputeDesk::refund(const Dispute& dispute, const std::string& traceId)
{
    auto refunded = refundOrder(dispute, dispute.refundAmount.value_or(dispute.amount), traceId);
    if (!refunded)
        return refunded.error();
    return m_database.transact([&](db::Transaction& tx) -> Result<Dispute> {
        DisputeRepository disputes(tx);
        disputes.markRefunded(dispute.id);
        return *disputes.find(dispute.id);
    });
}

int DisputeDesk::reviewOverdue()
{
    return m_database.transact([&](db::Transaction& tx) {
        DisputeRepository disputes(tx);
        const auto ids = disputes.reviewOverdue(formatRfc3339(clock::nowMicros()), 500);
        for (const auto& id : ids)
            announce(tx, *disputes.find(id), "dispute.updated", "", "");
        return static_cast<int>(ids.size());
    });
}

int DisputeDesk::retryRefunds()
{
    const auto pending = m_database.read([](db::Transaction& tx) { return DisputeRepository(tx).refundsPending(50); });
    int done = 0;
    for (const auto& dispute : pending) {
        auto refunded = refund(dispute, "");
        if (refunded) {
            ++done;
        } else if (refunded.error().code == ErrorCode::Conflict) {
            // The order is no longer paid: its money went back another way (the event's
            // cancellation refunds every order). Nothing is left to give.
            m_database.transact([&](db::Transaction& tx) { DisputeRepository(tx).markRefunded(dispute.id); });
            log::warn("a lost dispute's order was refunded otherwise", {{"dispute_id", dispute.id}});
        }
    }
    return done;
}

} // namespace sbor::support
