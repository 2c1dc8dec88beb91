#pragma once
// HTTP for payments: confirming with a card (Idempotency-Key), reading one, an organizer's balance.

#include "paymentprocessing.h"

#include "http/router.h"
#include "idempotency/idempotencystore.h"

namespace sbor::payments {

class PaymentHandlers {
public:
    PaymentHandlers(PaymentProcessing& processing, IdempotencyStore& idempotency)
        : m_processing(processing), m_idempotency(idempotency)
    {}
    void registerRoutes(http::Router& router, const std::string& service);

    http::Reply confirmPayment(http::HttpRequest& request);
    http::Reply readPayment(http::HttpRequest& request);
    http::Reply readBalance(http::HttpRequest& request);

private:
    http::HttpResponse confirmOnce(http::HttpRequest& request);

    PaymentProcessing& m_processing;
    IdempotencyStore& m_idempotency;
};

nlohmann::json paymentJson(const Payment& payment);

} // namespace sbor::payments
