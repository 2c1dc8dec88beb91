#include "paymenthandlers.h"

#include "simulatedcards.h"

#include "http/jsonbody.h"
#include "idempotency/idempotentreply.h"
#include "sbor/jsonvalue.h"
#include "sbor/uuid.h"

namespace sbor::payments {

using http::HttpRequest;
using http::HttpResponse;
using http::Reply;

namespace {} // namespace

nlohmann::json paymentJson(const Payment& payment)
{
    nlohmann::json attempts = nlohmann::json::array();
    for (const auto& attempt : payment.attempts)
        attempts.push_back({{"card_last4", attempt.cardLast4},
                            {"outcome", attempt.outcome},
                            {"decline_code", jsonOrNull(attempt.declineCode)},
                            {"at", attempt.at}});
    return {{"id", payment.id},
            {"order_id", payment.orderId},
            {"event_id", payment.eventId},
            {"amount", payment.amount},
            {"currency", payment.currency},
            {"status", payment.status},
            {"commission", jsonOrNull(payment.commission)},
            {"refunded_amount", payment.refundedAmount},
            {"card_last4", jsonOrNull(payment.cardLast4)},
            {"succeeded_at", jsonOrNull(payment.succeededAt)},
            {"refunded_at", jsonOrNull(payment.refundedAt)},
            {"attempts", attempts}};
}

void PaymentHandlers::registerRoutes(http::Router& router, const std::string& service)
{
    using access::Access;
    router.add("POST", "/api/v1/payments/{payment_id}/confirm", service, Access::signedIn(),
               [this](HttpRequest& request) { return confirmPayment(request); });
    router.add("GET", "/api/v1/payments/balance", service, Access::require(access::Permission::EventsWrite),
               [this](HttpRequest& request) { return readBalance(request); });
    router.add("GET", "/api/v1/payments/{payment_id}", service, Access::signedIn(),
               [this](HttpRequest& request) { return readPayment(request); });
}

HttpResponse PaymentHandlers::confirmOnce(HttpRequest& request)
{
    auto body = http::parseJsonBody(request);
    if (!body)
        return http::errorResponse(body.error(), request.traceId);
    http::JsonFieldReader reader(*body);
    const std::string card = reader.requiredString("card_number", 1, 40);
    if (auto problem = cardNumberProblem(card); problem && !card.empty())
        reader.addProblem("card_number", *problem);
    if (auto problem = reader.finish())
        return http::errorResponse(*problem, request.traceId);
    auto payment = m_processing.confirm(*request.principal, request.pathParameter("payment_id"), card,
                                        http::callContextOf(request));
    if (!payment)
        return http::errorResponse(payment.error(), request.traceId);
    // 202: charged, booking not finished yet (it will be: retry, or read the payment later).
    return HttpResponse::json(payment->status == PaymentStatus::Captured ? 202 : 200, paymentJson(*payment));
}

Reply PaymentHandlers::confirmPayment(HttpRequest& request)
{
    // The stored fingerprint must not let anyone recover the card number (a 16-digit number with
    // a known prefix and check digit falls to a brute-forced SHA-256): only its last four digits
    // and length identify the request. A malformed body is identified as it is.
    std::optional<std::string> identifying;
    const auto parsed = nlohmann::json::parse(request.body, nullptr, false);
    if (parsed.is_object() && parsed.contains("card_number") && parsed["card_number"].is_string()) {
        nlohmann::json masked = parsed;
        const std::string number = parsed["card_number"].get<std::string>();
        masked["card_number"] = std::to_string(number.size()) + ":" +
            number.substr(number.size() >= 4 ? number.size() - 4 : 0);
        // The last four bytes may cut a character in two (a hostile "number"): dumped with
        // replacement, as the fingerprint needs no exact text.
        identifying = masked.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
    }
    return replyOncePerIdempotencyKey(
        m_idempotency, request, [this](HttpRequest& once) { return confirmOnce(once); }, identifying);
}

Reply PaymentHandlers::readPayment(HttpRequest& request)
{
    auto payment = m_processing.read(*request.principal, request.pathParameter("payment_id"));
    if (!payment)
        return payment.error();
    return HttpResponse::json(200, paymentJson(*payment));
}

Reply PaymentHandlers::readBalance(HttpRequest& request)
{
    std::string organizerId = request.principal->userId;
    if (const std::string asked = request.queryValue("organizer_id"); !asked.empty()) {
        if (!isUuid(asked))
            return invalidQueryParameter("organizer_id", "must be a user id");
        if (canonicalUuid(asked) != organizerId && !request.principal->has(access::Permission::EventsWriteAny))
            return Error(ErrorCode::Forbidden, "only admins read another organizer's balance");
        organizerId = canonicalUuid(asked);
    }
    nlohmann::json items = nlohmann::json::array();
    for (const auto& balance : m_processing.balance(organizerId))
        items.push_back({{"currency", balance.currency},
                         {"gross", balance.gross},
                         {"commission", balance.commission},
                         {"fees", balance.fees},
                         {"balance", balance.balance}});
    return HttpResponse::json(200, {{"organizer_id", organizerId}, {"items", items}});
}

} // namespace sbor::payments
