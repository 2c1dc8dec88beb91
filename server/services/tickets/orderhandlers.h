#pragma once
// HTTP for orders: the strict body, Idempotency-Key, and the answers.

#include "checkout.h"

#include "http/router.h"
#include "idempotency/idempotencystore.h"

namespace sbor::tickets {

class OrderHandlers {
public:
    OrderHandlers(Checkout& checkout, IdempotencyStore& idempotency) : m_checkout(checkout), m_idempotency(idempotency)
    {}
    void registerRoutes(http::Router& router, const std::string& service);

    http::Reply placeOrder(http::HttpRequest& request);
    http::Reply readOrder(http::HttpRequest& request);
    http::Reply listOrders(http::HttpRequest& request);
    http::Reply cancelOrder(http::HttpRequest& request);

private:
    http::HttpResponse placeOrderOnce(http::HttpRequest& request);

    Checkout& m_checkout;
    IdempotencyStore& m_idempotency;
};

} // namespace sbor::tickets
