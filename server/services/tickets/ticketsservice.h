#pragma once
// The tickets service (architecture.md §3): ticket types and their quotas, orders, and tickets
// with signed codes, and the door (check-in lists, redeem). Provides the TicketSales and OrderSettlement contracts.

#include "idempotency/idempotencystore.h"
#include "service/service.h"

#include <chrono>
#include <memory>

namespace sbor::tickets {

class CheckInDesk;
class CheckInHandlers;
class Checkout;
class OrderHandlers;
class PersonErasure;
class TicketCatalog;
class TicketChanges;
class TicketHandlers;
class TicketLookup;
class TicketTypeHandlers;
class SalesViews;
class SalesViewHandlers;

class TicketsService : public Service {
public:
    TicketsService();
    ~TicketsService() override;
    std::string name() const override { return "tickets"; }
    // Its configuration keys (docs/configuration.md), assembled with the others' by the catalog.
    static void declareSettings(ConfigSchema& schema);
    std::vector<db::Migration> migrations() const override;
    void init(ServiceContext& context) override;
    void registerRoutes(http::Router& router) override;
    std::vector<BusConsumer> busConsumers() override;
    std::vector<BackgroundJob> backgroundJobs() override;
    std::string_view apiDescription() const override;
    bool hasOutbox() const override { return true; }

private:
    std::shared_ptr<TicketCatalog> m_catalog;
    std::unique_ptr<TicketTypeHandlers> m_handlers;
    std::unique_ptr<Checkout> m_checkout;
    std::unique_ptr<TicketLookup> m_ticketLookup;
    std::unique_ptr<IdempotencyStore> m_idempotency;
    std::unique_ptr<OrderHandlers> m_orderHandlers;
    std::unique_ptr<TicketChanges> m_ticketChanges;
    std::unique_ptr<TicketHandlers> m_ticketHandlers;
    std::unique_ptr<CheckInDesk> m_checkInDesk;
    std::unique_ptr<CheckInHandlers> m_checkInHandlers;
    std::unique_ptr<SalesViews> m_salesViews;
    std::unique_ptr<SalesViewHandlers> m_salesViewHandlers;
    std::unique_ptr<PersonErasure> m_personErasure;
    std::chrono::milliseconds m_jobInterval{0};
};

} // namespace sbor::tickets
