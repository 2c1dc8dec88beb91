#pragma once
// The tickets service (architecture.md §3): ticket types and their quotas so far; orders,
// tickets with signed codes and the door follow. Provides the TicketSales contract.

#include "service/service.h"

#include <memory>

namespace sbor::tickets {

class TicketCatalog;
class TicketHandlers;

class TicketsService : public Service {
public:
    TicketsService();
    ~TicketsService() override;
    std::string name() const override { return "tickets"; }
    std::vector<db::Migration> migrations() const override;
    void registerRoutes(http::Router& router, ServiceContext& context) override;
    std::string_view apiDescription() const override;

private:
    std::shared_ptr<TicketCatalog> m_catalog;
    std::unique_ptr<TicketHandlers> m_handlers;
};

} // namespace sbor::tickets
