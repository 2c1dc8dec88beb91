#include "ticketsservice.h"

#include "checkout.h"
#include "orderhandlers.h"
#include "ticketcatalog.h"
#include "tickethandlers.h"

#include "config/config.h"
#include "log/logger.h"
#include "service/contracts.h"

std::vector<sbor::db::Migration> sbor_migrations_tickets();
std::string_view sbor_openapi_tickets();

namespace sbor::tickets {
namespace {

class TicketSalesFromCatalog : public TicketSales {
public:
    explicit TicketSalesFromCatalog(std::shared_ptr<TicketCatalog> catalog) : m_catalog(std::move(catalog)) {}
    int activeTicketTypeCount(const std::string& eventId) override { return m_catalog->activeTypeCount(eventId); }

private:
    std::shared_ptr<TicketCatalog> m_catalog;
};

} // namespace

TicketsService::TicketsService() = default;
TicketsService::~TicketsService() = default;

std::vector<db::Migration> TicketsService::migrations() const { return sbor_migrations_tickets(); }
std::string_view TicketsService::apiDescription() const { return sbor_openapi_tickets(); }

void TicketsService::registerRoutes(http::Router& router, ServiceContext& context)
{
    m_catalog = std::make_shared<TicketCatalog>(context.database, context.directory);
    m_handlers = std::make_unique<TicketHandlers>(*m_catalog);
    m_handlers->registerRoutes(router, name());
    context.directory->provide<TicketSales>(std::make_shared<TicketSalesFromCatalog>(m_catalog));
    m_checkout = std::make_unique<Checkout>(context.database, context.directory, context.config.getInteger("tickets.order_hold_seconds"));
    m_idempotency = std::make_unique<IdempotencyStore>(context.database, "tickets");
    m_orderHandlers = std::make_unique<OrderHandlers>(*m_checkout, *m_idempotency);
    m_orderHandlers->registerRoutes(router, name());
}

std::vector<BackgroundJob> TicketsService::backgroundJobs(ServiceContext& context)
{
    Checkout* checkout = m_checkout.get();
    IdempotencyStore* idempotency = m_idempotency.get();
    return {{"order-hold-expiry", std::chrono::milliseconds(context.config.getInteger("tickets.job_interval_ms")),
             [checkout] {
                 if (const int expired = checkout->expireHolds(); expired > 0)
                     log::info("unpaid orders expired; their seats are back on sale", {{"orders", expired}});
             }},
            {"idempotency-key-purge", std::chrono::hours(1), [idempotency] { idempotency->purgeExpired(); }}};
}

} // namespace sbor::tickets
