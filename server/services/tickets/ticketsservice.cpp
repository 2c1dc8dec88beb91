#include "ticketsservice.h"

#include "checkindesk.h"
#include "checkinhandlers.h"
#include "checkinrepository.h"
#include "checkout.h"
#include "eventkeyrepository.h"
#include "orderhandlers.h"
#include "orderrepository.h"
#include "personerasure.h"
#include "salesrecords.h"
#include "salessetupcopy.h"
#include "salesviewhandlers.h"
#include "salesviews.h"
#include "ticketcatalog.h"
#include "ticketchanges.h"
#include "tickethandlers.h"
#include "ticketqr.h"
#include "ticketrepository.h"
#include "tickettypehandlers.h"
#include "tickettyperepository.h"

#include "bus/inbox.h"
#include "config/config.h"
#include "log/logger.h"
#include "sbor/uuid.h"
#include "service/contracts.h"
#include "service/refundcontracts.h"

std::vector<sbor::db::Migration> sbor_migrations_tickets();
std::string_view sbor_openapi_tickets();

namespace sbor::tickets {

void TicketsService::declareSettings(ConfigSchema& schema)
{
    schema.add({"tickets.order_hold_seconds", ConfigKind::Integer, "900", "how long an unpaid order holds its seats"});
    schema.add({"tickets.job_interval_ms", ConfigKind::Integer, "10000",
                "how often unpaid orders past their hold are expired (their seats go back on sale)"});
}
namespace {

// Contract implementations live in the ServiceDirectory, which services also hold: they refer to
// what they serve from and never own it, or the two would keep each other alive for ever.
class TicketSalesFromCatalog : public TicketSales {
public:
    TicketSalesFromCatalog(db::ConnectionPool& database, TicketCatalog& catalog)
        : m_database(database), m_catalog(catalog)
    {}
    int activeTicketTypeCount(const std::string& eventId) override { return m_catalog.activeTypeCount(eventId); }
    Result<int> copySalesSetup(const std::string& fromEventId, const std::string& toEventId,
                               std::int64_t shiftMicros) override
    {
        return tickets::copySalesSetup(m_database, fromEventId, toEventId, shiftMicros);
    }
    int ordersPlacedBy(const std::string& buyerId) override
    {
        if (!isUuid(buyerId))
            return 0;
        return m_database.read([&](db::Transaction& tx) { return OrderRepository(tx).countPlacedBy(buyerId); });
    }

private:
    db::ConnectionPool& m_database;
    TicketCatalog& m_catalog;
};

PayableOrder payableOrder(const Order& order)
{
    return {order.id, order.eventId, order.buyerId, order.status, order.total, order.currency, order.paymentId};
}

class OrderRefundsByCheckout : public OrderRefunds {
public:
    OrderRefundsByCheckout(db::ConnectionPool& database, Checkout& checkout)
        : m_database(database), m_checkout(checkout)
    {}
    std::optional<PayableOrder> orderById(const std::string& orderId) override
    {
        if (!isUuid(orderId))
            return std::nullopt;
        const auto order = m_database.read([&](db::Transaction& tx) { return OrderRepository(tx).find(orderId); });
        return order ? std::optional<PayableOrder>(payableOrder(*order)) : std::nullopt;
    }
    Result<OrderRefund> refundOrder(const std::string& orderId, std::int64_t amount, const std::string& reason,
                                    const std::string& refundKey, const std::string& traceId) override
    {
        return m_checkout.refundOrder(orderId, amount, reason, refundKey, traceId);
    }

private:
    db::ConnectionPool& m_database;
    Checkout& m_checkout;
};

class OrderSettlementByCheckout : public OrderSettlement {
public:
    OrderSettlementByCheckout(db::ConnectionPool& database, Checkout& checkout)
        : m_database(database), m_checkout(checkout)
    {}

    std::optional<PayableOrder> orderByPayment(const std::string& paymentId) override
    {
        const auto order = m_database.read(
            [&](db::Transaction& tx) { return OrderRepository(tx).findByPayment(paymentId); });
        return order ? std::optional<PayableOrder>(payableOrder(*order)) : std::nullopt;
    }

    Result<PayableOrder> settleOrder(const std::string& orderId, const std::string& traceId) override
    {
        auto order = m_checkout.settle(orderId, traceId);
        if (!order)
            return order.error();
        return payableOrder(*order);
    }

private:
    db::ConnectionPool& m_database;
    Checkout& m_checkout;
};

class DoorDirectoryFromDatabase : public DoorDirectory {
public:
    explicit DoorDirectoryFromDatabase(db::ConnectionPool& database) : m_database(database) {}

    std::optional<CheckInListFacts> checkInList(const std::string& listId) override
    {
        const auto list = m_database.read([&](db::Transaction& tx) { return CheckInRepository(tx).findList(listId); });
        return list ? std::optional(CheckInListFacts{list->id, list->eventId, list->name}) : std::nullopt;
    }

    std::vector<DoorPublicKey> publicKeys(const std::string& eventId) override
    {
        return m_database.transact([&](db::Transaction& tx) {
            EventKeyRepository keys(tx);
            keys.signingKey(eventId); // a kiosk may enrol before the first ticket is sold
            std::vector<DoorPublicKey> valid;
            for (const auto& key : keys.publicKeys(eventId)) {
                if (key.retired)
                    continue;
                valid.push_back({key.keyId, publicKeyHex(key.publicKey)});
            }
            return valid;
        });
    }

private:
    db::ConnectionPool& m_database;
};

class EventSalesWindUpByCheckout : public EventSalesWindUp {
public:
    explicit EventSalesWindUpByCheckout(Checkout& checkout) : m_checkout(checkout) {}
    Result<int> windUpSales(const std::string& eventId, const std::string& traceId) override
    {
        return m_checkout.windUpEvent(eventId, traceId);
    }

private:
    Checkout& m_checkout;
};

class TicketDocumentsFromDatabase : public TicketDocuments {
public:
    explicit TicketDocumentsFromDatabase(db::ConnectionPool& database) : m_database(database) {}

    std::optional<TicketDocument> ticketDocument(const std::string& ticketId, bool withQrImage) override
    {
        if (!isUuid(ticketId))
            return std::nullopt;
        auto document = m_database.read([&](db::Transaction& tx) -> std::optional<TicketDocument> {
            const auto ticket = TicketRepository(tx).find(ticketId);
            if (!ticket)
                return std::nullopt;
            const auto type = TicketTypeRepository(tx).find(ticket->ticketTypeId);
            return TicketDocument{ticket->id,          ticket->eventId, type ? type->name : "", ticket->holderName,
                                  ticket->holderEmail, ticket->status,  ticket->code,           {}};
        });
        if (document && withQrImage)
            document->qrPng = qrPng(document->code, kEmailQrModulePixels);
        return document;
    }

private:
    // ~300 px for a 164-character code: sharp on a phone screen and on paper.
    static constexpr int kEmailQrModulePixels = 6;
    db::ConnectionPool& m_database;
};

} // namespace

TicketsService::TicketsService() = default;
TicketsService::~TicketsService() = default;

std::vector<db::Migration> TicketsService::migrations() const
{
    auto migrations = sbor_migrations_tickets();
    // Bus messages taken (PersonErasure).
    migrations.push_back(db::Migration{9, "inbox", bus::createInboxSql("tickets")});
    return migrations;
}
std::string_view TicketsService::apiDescription() const { return sbor_openapi_tickets(); }

void TicketsService::init(ServiceContext& context)
{
    m_jobInterval = std::chrono::milliseconds(context.config.getInteger("tickets.job_interval_ms"));
    m_catalog = std::make_shared<TicketCatalog>(context.database, context.directory);
    m_handlers = std::make_unique<TicketTypeHandlers>(*m_catalog);
    context.directory->provide<TicketSales>(std::make_shared<TicketSalesFromCatalog>(context.database, *m_catalog));
    m_checkout = std::make_unique<Checkout>(context.database, context.directory,
                                            context.config.getInteger("tickets.order_hold_seconds"));
    m_idempotency = std::make_unique<IdempotencyStore>(context.database, "tickets");
    m_orderHandlers = std::make_unique<OrderHandlers>(*m_checkout, *m_idempotency);
    m_ticketChanges = std::make_unique<TicketChanges>(context.database, context.directory);
    m_ticketLookup = std::make_unique<TicketLookup>(context.database, context.directory);
    m_ticketHandlers = std::make_unique<TicketHandlers>(*m_ticketLookup, *m_ticketChanges);
    m_checkInDesk = std::make_unique<CheckInDesk>(context.database, context.directory);
    m_checkInHandlers = std::make_unique<CheckInHandlers>(*m_checkInDesk);
    m_salesViews = std::make_unique<SalesViews>(context.database, context.directory);
    m_personErasure = std::make_unique<PersonErasure>(context.database);
    m_salesViewHandlers = std::make_unique<SalesViewHandlers>(*m_salesViews);
    context.directory->provide<TicketDocuments>(std::make_shared<TicketDocumentsFromDatabase>(context.database));
    context.directory->provide<DoorDirectory>(std::make_shared<DoorDirectoryFromDatabase>(context.database));
    context.directory->provide<SalesRecords>(std::make_shared<SalesRecordsFromDatabase>(context.database));
    context.directory->provide<EventSalesWindUp>(std::make_shared<EventSalesWindUpByCheckout>(*m_checkout));
    context.directory->provide<OrderSettlement>(
        std::make_shared<OrderSettlementByCheckout>(context.database, *m_checkout));
    context.directory->provide<OrderRefunds>(std::make_shared<OrderRefundsByCheckout>(context.database, *m_checkout));
}

void TicketsService::registerRoutes(http::Router& router)
{
    m_handlers->registerRoutes(router, name());
    m_orderHandlers->registerRoutes(router, name());
    m_ticketHandlers->registerRoutes(router, name());
    m_checkInHandlers->registerRoutes(router, name());
    m_salesViewHandlers->registerRoutes(router, name());
}

std::vector<BusConsumer> TicketsService::busConsumers()
{
    PersonErasure* erasure = m_personErasure.get();
    return {{"tickets-erasure", {"users"}, [erasure](const bus::Message& message) { return erasure->take(message); }}};
}

std::vector<BackgroundJob> TicketsService::backgroundJobs()
{
    Checkout* checkout = m_checkout.get();
    IdempotencyStore* idempotency = m_idempotency.get();
    return {{"order-hold-expiry", m_jobInterval,
             [checkout] {
                 if (const int expired = checkout->expireHolds(); expired > 0)
                     log::info("unpaid orders expired; their seats are back on sale", {{"orders", expired}});
             }},
            {"idempotency-key-purge", std::chrono::hours(1), [idempotency] { idempotency->purgeExpired(); }}};
}

} // namespace sbor::tickets
