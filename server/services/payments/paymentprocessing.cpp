#include "paymentprocessing.h"

#include "paymentrepository.h"
#include "platformterms.h"
#include "simulatedcards.h"

#include "log/logger.h"
#include "outbox/outbox.h"
#include "sbor/uuid.h"
#include "service/contracts.h"
#include "service/eventaccess.h"

namespace sbor::payments {
namespace {

Error noSuchPayment(const std::string& id) { return noSuch("payment", id); }

Error notPayable(const std::string& orderId, const std::string& status)
{
    return Error(ErrorCode::OrderNotPayable, "this order is " + status + " and cannot be paid",
                 {{"order_id", orderId}, {"status", status}});
}

std::string organizerAccount(const std::string& organizerId) { return "organizer:" + organizerId; }

nlohmann::json paymentData(const Payment& payment)
{
    return {{"payment_id", payment.id},    {"order_id", payment.orderId}, {"event_id", payment.eventId},
            {"buyer_id", payment.buyerId}, {"amount", payment.amount},    {"currency", payment.currency}};
}

} // namespace

Result<Payment> PaymentProcessing::confirm(const access::Principal& buyer, const std::string& paymentId,
                                           const std::string& cardNumber, const CallContext& call)
{
    if (!isUuid(paymentId))
        return noSuchPayment(paymentId);
    const std::string id = canonicalUuid(paymentId);
    const auto settlement = m_directory->find<OrderSettlement>();
    const auto events = m_directory->find<EventDirectory>();
    if (!settlement || !events)
        return Error(ErrorCode::Overloaded, "orders are not reachable from this process; try again later");
    const auto order = settlement->orderByPayment(id);
    if (!order || order->buyerId != buyer.userId)
        return noSuchPayment(paymentId); // only the buyer pays; others learn nothing
    if (order->status != OrderStatus::Pending) {
        // A charge whose booking did not finish (the order may already be paid) is finished now.
        const auto earlier = m_database.read([&](db::Transaction& tx) { return PaymentRepository(tx).find(id); });
        if (earlier && earlier->status == PaymentStatus::Captured)
            return finishCaptureOrReport(id, call.traceId);
        return notPayable(order->orderId, statusText(order->status));
    }
    const auto event = events->eventFacts(order->eventId);
    if (!event)
        return Error(ErrorCode::Overloaded, "the event could not be read; try again later");
    if (event->status != EventStatus::Published)
        return Error(ErrorCode::OrderNotPayable,
                     "the event is " + statusText(event->status) + "; its orders cannot be paid",
                     {{"order_id", order->orderId}, {"status", order->status}, {"event_status", event->status}});

    const CardDecision decision = decideCard(cardNumber);
    Payment fresh;
    fresh.id = id;
    fresh.orderId = order->orderId;
    fresh.eventId = order->eventId;
    fresh.organizerId = event->organizerId;
    fresh.buyerId = order->buyerId;
    fresh.amount = order->total;
    fresh.currency = order->currency;
    auto attempt = m_database.transact([&](db::Transaction& tx) -> Result<bool> {
        PaymentRepository payments(tx);
        const Payment payment = payments.lockOrCreate(fresh);
        if (payment.status == PaymentStatus::Succeeded)
            return notPayable(order->orderId, "paid");
        if (payment.status == PaymentStatus::Refunded)
            return notPayable(order->orderId, "refunded");
        if (payment.status == PaymentStatus::Captured) {
            return true; // charged by an earlier attempt whose settlement did not finish: finish it, charge nothing
        }
        if (payment.declinedAttempts() >= kMaxDeclinedAttempts)
            return Error(ErrorCode::RateLimited, "too many declined cards for this payment; place a new order",
                         {{"payment_id", id}});
        payments.recordAttempt(id, decision.last4, decision.approved ? "approved" : "declined", decision.declineCode);
        if (!decision.approved) {
            nlohmann::json data = paymentData(payment);
            data["decline_code"] = decision.declineCode;
            data["card_last4"] = decision.last4;
            outbox::append(tx, "payments", {"payment", id, "payment.failed", data, call.traceId});
            return false;
        }
        payments.markCaptured(id, decision.last4);
        return true;
    });
    if (!attempt)
        return attempt.error();
    if (!*attempt)
        return Error(
            ErrorCode::PaymentDeclined,
            "the card was declined; the order stays reserved until its hold ends, so another card may be tried",
            {{"payment_id", id}, {"order_id", order->orderId}, {"decline_code", decision.declineCode}});
    return finishCaptureOrReport(id, call.traceId);
}

Result<Payment> PaymentProcessing::finishCaptureOrReport(const std::string& paymentId, const std::string& traceId)
{
    // The card is charged: whatever goes wrong from here, the answer must not say "nothing
    // happened". Unfinished, the payment is reported as captured; a retry or the job finishes it.
    try {
        auto finished = finishCapture(paymentId, traceId);
        if (finished || finished.error().code == ErrorCode::OrderNotPayable)
            return finished;
        log::warn("a captured payment is not settled yet",
                  {{"payment_id", paymentId}, {"error", finished.error().message}});
    } catch (const ErrorException& e) {
        log::warn("a captured payment is not settled yet", {{"payment_id", paymentId}, {"error", e.error().message}});
    }
    return m_database.read([&](db::Transaction& tx) { return *PaymentRepository(tx).find(paymentId); });
}

Result<Payment> PaymentProcessing::finishCapture(const std::string& paymentId, const std::string& traceId)
{
    const auto settlement = m_directory->find<OrderSettlement>();
    if (!settlement)
        return Error(ErrorCode::Overloaded, "orders are not reachable from this process; try again later");
    const auto captured = m_database.read([&](db::Transaction& tx) { return PaymentRepository(tx).find(paymentId); });
    if (!captured)
        return noSuchPayment(paymentId);
    // No pooled connection is held while the tickets service settles (contracts.h).
    const auto order = settlement->settleOrder(captured->orderId, traceId);
    if (!order)
        return order.error(); // not decided: the payment stays captured and is finished later
    const OrderStatus orderStatus = order->status;
    if (orderStatus == OrderStatus::Pending)
        return Error(ErrorCode::Overloaded, "the order is not settled yet; try again later",
                     {{"retry_after_seconds", 1}});
    auto finished = m_database.transact([&](db::Transaction& tx) {
        PaymentRepository payments(tx);
        Payment payment = *payments.find(paymentId, true);
        if (payment.status != PaymentStatus::Captured)
            return payment; // a concurrent confirm or the job finished it
        // The rate in force when the money arrives: an admin's change applies from the next charge.
        const auto terms = PlatformTermsRepository(tx).current();
        const std::int64_t commission = commissionOn(
            payment.amount, terms ? terms->commissionBasisPoints : m_configuredCommissionBasisPoints);
        const std::vector<std::pair<std::string, std::int64_t>> charge = {
            {"card_network", -payment.amount},
            {"platform_commission", commission},
            {organizerAccount(payment.organizerId), payment.amount - commission}};
        payments.post(paymentId, "charge", payment.currency, charge);
        if (orderStatus == OrderStatus::Paid) {
            payments.markSucceeded(paymentId, commission);
            nlohmann::json data = paymentData(payment);
            data["commission"] = commission;
            outbox::append(tx, "payments", {"payment", paymentId, "payment.succeeded", data, traceId});
        } else {
            // The order expired or was cancelled before the money arrived: give it all back.
            std::vector<std::pair<std::string, std::int64_t>> refund;
            for (const auto& [account, amount] : charge)
                refund.emplace_back(account, -amount);
            payments.post(paymentId, "refund", payment.currency, refund);
            payments.markRefunded(paymentId);
            nlohmann::json data = paymentData(payment);
            data["reason"] = "order_" + statusText(orderStatus);
            outbox::append(tx, "payments", {"payment", paymentId, "refund.issued", data, traceId});
        }
        return *payments.find(paymentId);
    });
    if (finished.status == PaymentStatus::Refunded)
        return Error(
            ErrorCode::OrderNotPayable,
            "the order was " + statusText(orderStatus) + " before the payment arrived; the charge was refunded in full",
            {{"order_id", finished.orderId}, {"status", orderStatus}, {"payment_id", paymentId}, {"refunded", true}});
    return finished;
}

Result<bool> PaymentProcessing::refund(const std::string& paymentId, const std::string& reason,
                                       const std::string& traceId)
{
    if (!isUuid(paymentId))
        return noSuchPayment(paymentId);
    const std::string id = canonicalUuid(paymentId);
    // Until the payment is at rest: a capture in flight is finished first (its order is refunded
    // already, so finishing it refunds it) — unless the confirm that made it books it succeeded
    // meanwhile, which the next pass then refunds.
    for (int pass = 0; pass < 3; ++pass) {
        // No payment at all is as good as one that was never paid: nothing to refund.
        const PaymentStatus status = m_database.transact([&](db::Transaction& tx) {
            PaymentRepository payments(tx);
            const auto payment = payments.find(id, true);
            if (!payment)
                return PaymentStatus::RequiresPayment;
            if (payment->status != PaymentStatus::Succeeded)
                return payment->status;
            // What a partial refund (a dispute) gave back already is not given twice.
            const std::int64_t amount = payment->amount - payment->refundedAmount;
            const std::int64_t commission = payment->commission.value_or(0) - payment->refundedCommission;
            payments.post(id, "refund", payment->currency,
                          {{"card_network", amount},
                           {"platform_commission", -commission},
                           {organizerAccount(payment->organizerId), commission - amount}});
            payments.markRefunded(id);
            nlohmann::json data = paymentData(*payment);
            data["amount"] = amount;
            data["commission_refunded"] = commission;
            data["reason"] = reason;
            outbox::append(tx, "payments", {"payment", id, "refund.issued", data, traceId});
            return PaymentStatus::Refunded;
        });
        if (status != PaymentStatus::Captured)
            return true; // refunded, or never paid (no payment, or one still requiring payment)
        auto finished = finishCapture(id, traceId);
        if (!finished && finished.error().code != ErrorCode::OrderNotPayable)
            return finished.error();
    }
    return Error(ErrorCode::Overloaded, "the payment is still moving; its refund will be retried",
                 {{"payment_id", id}});
}

Result<bool> PaymentProcessing::refundAmount(const std::string& paymentId, std::int64_t amount,
                                             const std::string& refundKey, const std::string& reason,
                                             const std::string& traceId)
{
    if (!isUuid(paymentId))
        return noSuchPayment(paymentId);
    if (refundKey.empty() || refundKey.size() > 200)
        return invalidField("refund_key", "must be 1 to 200 characters");
    const std::string id = canonicalUuid(paymentId);
    return m_database.transact([&](db::Transaction& tx) -> Result<bool> {
        PaymentRepository payments(tx);
        const auto payment = payments.find(id, true);
        if (!payment)
            return noSuchPayment(id);
        if (payments.partialRefundDone(refundKey))
            return true; // this refund was made: a retry gives nothing twice
        if (payment->status != PaymentStatus::Succeeded)
            return Error(ErrorCode::Conflict, "only a succeeded payment is refunded in part",
                         {{"payment_id", id}, {"status", statusText(payment->status)}});
        const std::int64_t left = payment->amount - payment->refundedAmount;
        if (amount <= 0 || amount > left)
            return invalidField("amount", "must be 1 to " + std::to_string(left) + " (what is left of the payment)");
        // The platform's share of everything given back so far, less what it gave back already:
        // computed on the running total (in 128 bits: a large payment times its commission must
        // not overflow), so many small parts give back exactly what one large one would.
        const std::int64_t total = payment->commission.value_or(0);
        const auto shareOf = [&](std::int64_t refunded) {
            return static_cast<std::int64_t>((static_cast<__int128>(total) * refunded + payment->amount / 2) /
                                             payment->amount);
        };
        const std::int64_t commission = shareOf(payment->refundedAmount + amount) - payment->refundedCommission;
        // The key first: a refund already made under it stops here, before any entry is posted.
        if (!payments.recordPartialRefund(id, refundKey, amount, commission, reason))
            return true;
        payments.post(id, "refund", payment->currency,
                      {{"card_network", amount},
                       {"platform_commission", -commission},
                       {organizerAccount(payment->organizerId), commission - amount}});
        if (amount == left)
            payments.markRefunded(id);
        nlohmann::json data = paymentData(*payment);
        data["amount"] = amount;
        data["commission_refunded"] = commission;
        data["reason"] = reason;
        data["partial"] = amount != payment->amount;
        outbox::append(tx, "payments", {"payment", id, "refund.issued", data, traceId});
        return true;
    });
}

Result<Payment> PaymentProcessing::read(const access::Principal& caller, const std::string& paymentId)
{
    if (!isUuid(paymentId))
        return noSuchPayment(paymentId);
    const std::string id = canonicalUuid(paymentId);
    auto payment = m_database.read([&](db::Transaction& tx) { return PaymentRepository(tx).find(id); });
    if (!payment) {
        // Nothing tried yet: the order says what is due.
        const auto settlement = m_directory->find<OrderSettlement>();
        const auto order = settlement ? settlement->orderByPayment(id) : std::nullopt;
        if (!order || order->total == 0 ||
            (order->buyerId != caller.userId && !caller.has(access::Permission::EventsWriteAny)))
            return noSuchPayment(paymentId);
        Payment due;
        due.id = id;
        due.orderId = order->orderId;
        due.eventId = order->eventId;
        due.buyerId = order->buyerId;
        due.amount = order->total;
        due.currency = order->currency;
        due.status = PaymentStatus::RequiresPayment;
        return due;
    }
    if (payment->buyerId == caller.userId || caller.has(access::Permission::EventsWriteAny))
        return *payment;
    const auto events = m_directory->find<EventDirectory>();
    const auto event = events ? events->eventFacts(payment->eventId) : std::nullopt;
    if (event && managesEvent(caller, *event))
        return *payment;
    return noSuchPayment(paymentId);
}

std::vector<OrganizerBalance> PaymentProcessing::balance(const std::string& organizerId)
{
    return m_database.read([&](db::Transaction& tx) { return PaymentRepository(tx).balanceOf(organizerId); });
}

int PaymentProcessing::finishStaleCaptures(int graceSeconds)
{
    const auto stale = m_database.read(
        [&](db::Transaction& tx) { return PaymentRepository(tx).capturedBefore(graceSeconds, 100); });
    int finished = 0;
    for (const auto& id : stale) {
        try {
            const auto outcome = finishCapture(id, "");
            if (outcome || outcome.error().code == ErrorCode::OrderNotPayable)
                ++finished; // succeeded, or refunded in full
            else
                log::warn("a captured payment could not be finished yet",
                          {{"payment_id", id}, {"error", outcome.error().message}});
        } catch (const std::exception& e) {
            log::warn("a captured payment could not be finished yet", {{"payment_id", id}, {"error", e.what()}});
        }
    }
    return finished;
}

} // namespace sbor::payments
