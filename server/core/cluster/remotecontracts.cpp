#include "cluster/remotecontracts.h"

#include "cluster/contractcaller.h"
#include "cluster/contractcodec.h"
#include "service/healthcontracts.h"
#include "service/refundcontracts.h"

#include <chrono>
#include <mutex>
#include <unordered_map>

namespace sbor::cluster {
namespace {

using nlohmann::json;

// Reads answer[key] as T, or nothing when it is null (the provider found nothing).
template <typename T> auto optionalAt(const char* key)
{
    return [key](const json& answer) -> std::optional<T> {
        const auto& value = answer.at(key);
        if (value.is_null())
            return std::nullopt;
        return value.get<T>();
    };
}

template <typename T> auto valueAt(const char* key)
{
    return [key](const json& answer) { return answer.at(key).get<T>(); };
}

class RemoteEventDirectory final : public EventDirectory {
public:
    explicit RemoteEventDirectory(std::shared_ptr<ContractCaller> caller) : m_caller(std::move(caller)) {}
    std::optional<EventFacts> eventFacts(const std::string& eventId) override
    {
        return m_caller->askOrThrow<std::optional<EventFacts>>(
            "event-directory", "event-facts", {{"event_id", eventId}}, optionalAt<EventFacts>("event"));
    }
    int eventsOrganizedBy(const std::string& organizerId) override
    {
        return m_caller->askOrThrow<int>("event-directory", "events-organized-by", {{"organizer_id", organizerId}},
                                         valueAt<int>("count"));
    }

private:
    std::shared_ptr<ContractCaller> m_caller;
};

class RemoteTicketSales final : public TicketSales {
public:
    explicit RemoteTicketSales(std::shared_ptr<ContractCaller> caller) : m_caller(std::move(caller)) {}
    int activeTicketTypeCount(const std::string& eventId) override
    {
        return m_caller->askOrThrow<int>("ticket-sales", "active-ticket-type-count", {{"event_id", eventId}},
                                         valueAt<int>("count"));
    }
    Result<int> copySalesSetup(const std::string& fromEventId, const std::string& toEventId,
                               std::int64_t shiftMicros) override
    {
        return m_caller->ask<int>("ticket-sales", "copy-sales-setup",
                                  {{"from_event_id", fromEventId}, {"to_event_id", toEventId}, {"shift", shiftMicros}},
                                  valueAt<int>("copied"));
    }
    int ordersPlacedBy(const std::string& buyerId) override
    {
        return m_caller->askOrThrow<int>("ticket-sales", "orders-placed-by", {{"buyer_id", buyerId}},
                                         valueAt<int>("count"));
    }

private:
    std::shared_ptr<ContractCaller> m_caller;
};

class RemoteOrderSettlement final : public OrderSettlement {
public:
    explicit RemoteOrderSettlement(std::shared_ptr<ContractCaller> caller) : m_caller(std::move(caller)) {}
    std::optional<PayableOrder> orderByPayment(const std::string& paymentId) override
    {
        return m_caller->askOrThrow<std::optional<PayableOrder>>(
            "order-settlement", "order-by-payment", {{"payment_id", paymentId}}, optionalAt<PayableOrder>("order"));
    }
    Result<PayableOrder> settleOrder(const std::string& orderId, const std::string& traceId) override
    {
        return m_caller->ask<PayableOrder>("order-settlement", "settle-order",
                                           {{"order_id", orderId}, {"trace_id", traceId}},
                                           valueAt<PayableOrder>("order"));
    }

private:
    std::shared_ptr<ContractCaller> m_caller;
};

class RemoteDoorDirectory final : public DoorDirectory {
public:
    explicit RemoteDoorDirectory(std::shared_ptr<ContractCaller> caller) : m_caller(std::move(caller)) {}
    std::optional<CheckInListFacts> checkInList(const std::string& listId) override
    {
        return m_caller->askOrThrow<std::optional<CheckInListFacts>>(
            "door-directory", "check-in-list", {{"list_id", listId}}, optionalAt<CheckInListFacts>("list"));
    }
    std::vector<DoorPublicKey> publicKeys(const std::string& eventId) override
    {
        return m_caller->askOrThrow<std::vector<DoorPublicKey>>(
            "door-directory", "public-keys", {{"event_id", eventId}}, valueAt<std::vector<DoorPublicKey>>("keys"));
    }

private:
    std::shared_ptr<ContractCaller> m_caller;
};

class RemoteEventSalesWindUp final : public EventSalesWindUp {
public:
    explicit RemoteEventSalesWindUp(std::shared_ptr<ContractCaller> caller) : m_caller(std::move(caller)) {}
    Result<int> windUpSales(const std::string& eventId, const std::string& traceId) override
    {
        return m_caller->ask<int>("event-sales-wind-up", "wind-up-sales",
                                  {{"event_id", eventId}, {"trace_id", traceId}}, valueAt<int>("cancelled_tickets"));
    }

private:
    std::shared_ptr<ContractCaller> m_caller;
};

class RemotePaymentRefunds final : public PaymentRefunds {
public:
    explicit RemotePaymentRefunds(std::shared_ptr<ContractCaller> caller) : m_caller(std::move(caller)) {}
    Result<bool> refundPayment(const std::string& paymentId, const std::string& reason,
                               const std::string& traceId) override
    {
        return m_caller->ask<bool>("payment-refunds", "refund-payment",
                                   {{"payment_id", paymentId}, {"reason", reason}, {"trace_id", traceId}},
                                   valueAt<bool>("refunded"));
    }

private:
    std::shared_ptr<ContractCaller> m_caller;
};

class RemoteOrderRefunds final : public OrderRefunds {
public:
    explicit RemoteOrderRefunds(std::shared_ptr<ContractCaller> caller) : m_caller(std::move(caller)) {}
    std::optional<PayableOrder> orderById(const std::string& orderId) override
    {
        return m_caller->askOrThrow<std::optional<PayableOrder>>(
            "order-refunds", "order-by-id", {{"order_id", orderId}}, optionalAt<PayableOrder>("order"));
    }
    Result<OrderRefund> refundOrder(const std::string& orderId, std::int64_t amount, const std::string& reason,
                                    const std::string& refundKey, const std::string& traceId) override
    {
        return m_caller->ask<OrderRefund>("order-refunds", "refund-order",
                                          {{"order_id", orderId},
                                           {"amount", amount},
                                           {"reason", reason},
                                           {"refund_key", refundKey},
                                           {"trace_id", traceId}},
                                          valueAt<OrderRefund>("refund"));
    }

private:
    std::shared_ptr<ContractCaller> m_caller;
};

class RemotePartialRefunds final : public PartialRefunds {
public:
    explicit RemotePartialRefunds(std::shared_ptr<ContractCaller> caller) : m_caller(std::move(caller)) {}
    Result<bool> refundAmount(const std::string& paymentId, std::int64_t amount, const std::string& refundKey,
                              const std::string& reason, const std::string& traceId) override
    {
        return m_caller->ask<bool>("partial-refunds", "refund-amount",
                                   {{"payment_id", paymentId},
                                    {"amount", amount},
                                    {"refund_key", refundKey},
                                    {"reason", reason},
                                    {"trace_id", traceId}},
                                   valueAt<bool>("refunded"));
    }

private:
    std::shared_ptr<ContractCaller> m_caller;
};

class RemoteWebhookHealthFacts final : public WebhookHealthFacts {
public:
    explicit RemoteWebhookHealthFacts(std::shared_ptr<ContractCaller> caller) : m_caller(std::move(caller)) {}
    wire::WebhookHealth webhookHealth() override
    {
        return m_caller->askOrThrow<wire::WebhookHealth>(
            "webhook-health", "summary", json::object(),
            [](const json& answer) { return wire::decode<wire::WebhookHealth>(answer.at("webhooks"), "webhooks"); });
    }

private:
    std::shared_ptr<ContractCaller> m_caller;
};

class RemoteUserDirectory final : public UserDirectory {
public:
    explicit RemoteUserDirectory(std::shared_ptr<ContractCaller> caller) : m_caller(std::move(caller)) {}
    std::optional<UserContact> contactOf(const std::string& userId) override
    {
        return m_caller->askOrThrow<std::optional<UserContact>>("user-directory", "contact-of", {{"user_id", userId}},
                                                                optionalAt<UserContact>("contact"));
    }
    std::optional<UserContact> contactByEmail(const std::string& email) override
    {
        return m_caller->askOrThrow<std::optional<UserContact>>("user-directory", "contact-by-email",
                                                                {{"email", email}}, optionalAt<UserContact>("contact"));
    }

private:
    std::shared_ptr<ContractCaller> m_caller;
};

class RemoteSalesRecords final : public SalesRecords {
public:
    explicit RemoteSalesRecords(std::shared_ptr<ContractCaller> caller) : m_caller(std::move(caller)) {}
    std::vector<std::string> eventsWithSales() override
    {
        return m_caller->askOrThrow<std::vector<std::string>>("sales-records", "events-with-sales", json::object(),
                                                              valueAt<std::vector<std::string>>("events"));
    }
    EventSalesRecord salesRecord(const std::string& eventId) override
    {
        return m_caller->askOrThrow<EventSalesRecord>("sales-records", "sales-record", {{"event_id", eventId}},
                                                      valueAt<EventSalesRecord>("record"));
    }

private:
    std::shared_ptr<ContractCaller> m_caller;
};

class RemotePaymentRecords final : public PaymentRecords {
public:
    explicit RemotePaymentRecords(std::shared_ptr<ContractCaller> caller) : m_caller(std::move(caller)) {}
    std::vector<PaymentFact> paymentsOfEvent(const std::string& eventId) override
    {
        return m_caller->askOrThrow<std::vector<PaymentFact>>("payment-records", "payments-of-event",
                                                              {{"event_id", eventId}},
                                                              valueAt<std::vector<PaymentFact>>("payments"));
    }

private:
    std::shared_ptr<ContractCaller> m_caller;
};

class RemoteTicketDocuments final : public TicketDocuments {
public:
    explicit RemoteTicketDocuments(std::shared_ptr<ContractCaller> caller) : m_caller(std::move(caller)) {}
    std::optional<TicketDocument> ticketDocument(const std::string& ticketId, bool withQrImage) override
    {
        return m_caller->askOrThrow<std::optional<TicketDocument>>(
            "ticket-documents", "ticket-document", {{"ticket_id", ticketId}, {"with_qr_image", withQrImage}},
            optionalAt<TicketDocument>("ticket"));
    }

private:
    std::shared_ptr<ContractCaller> m_caller;
};

// Every request to every service is authenticated, so each answer is kept as long as auth's own
// session cache keeps it (auth.session_cache_ms): a revoked session ends everywhere within twice
// that (auth's cache, then this one).
class RemoteAuthenticator final : public access::Authenticator {
public:
    RemoteAuthenticator(std::shared_ptr<ContractCaller> caller, std::chrono::milliseconds keep)
        : m_caller(std::move(caller)), m_keep(keep)
    {}

    Result<access::Principal> authenticate(const std::string& bearerToken) override
    {
        const auto now = std::chrono::steady_clock::now();
        {
            std::lock_guard lock(m_mutex);
            if (const auto found = m_answers.find(bearerToken); found != m_answers.end() && found->second.until > now)
                return found->second.principal;
        }
        auto answer = m_caller->ask<access::Principal>("authenticator", "authenticate", {{"token", bearerToken}},
                                                       valueAt<access::Principal>("principal"));
        // A verdict on the token (401, 403) is an answer; auth being unreachable or failing is
        // not — it throws, as the in-process authenticator does when its database is down, so
        // nobody is signed out (or a live client dropped) because auth restarted.
        if (!answer && httpStatusFor(answer.error().code) >= 500)
            throw ErrorException(answer.error());
        if (!answer)
            return answer.error();
        auto principal = std::move(answer).value();
        std::lock_guard lock(m_mutex);
        if (m_answers.size() >= kMostKept)
            m_answers.clear(); // cheaper than tracking age; the next requests simply ask again
        m_answers[bearerToken] = {principal, now + m_keep};
        return principal;
    }

private:
    static constexpr std::size_t kMostKept = 20000;
    struct Kept {
        access::Principal principal;
        std::chrono::steady_clock::time_point until;
    };
    std::shared_ptr<ContractCaller> m_caller;
    std::chrono::milliseconds m_keep;
    std::mutex m_mutex;
    std::unordered_map<std::string, Kept> m_answers;
};

} // namespace

RemoteWiring provideRemoteContracts(ServiceDirectory& directory, const ClusterSettings& settings,
                                    const std::set<std::string>& local, const std::set<std::string>& needed)
{
    RemoteWiring wiring;
    for (const auto& service : needed)
        if (!local.count(service) && settings.urlOf(service).empty())
            wiring.missingAddresses.push_back(service);

    std::map<std::string, std::shared_ptr<ContractCaller>> callers;
    const auto callerFor = [&](const std::string& service) -> std::shared_ptr<ContractCaller> {
        if (local.count(service) || settings.urlOf(service).empty())
            return nullptr;
        auto& caller = callers[service];
        if (!caller)
            caller = std::make_shared<ContractCaller>(service, settings);
        return caller;
    };
    const auto callerOf = [&](std::string_view contract) { return callerFor(providerOf(contract)); };
    if (const auto caller = callerOf("authenticator"))
        wiring.authenticator = std::make_shared<RemoteAuthenticator>(caller, settings.authenticationCache);
    if (const auto caller = callerOf("user-directory"))
        directory.provide<UserDirectory>(std::make_shared<RemoteUserDirectory>(caller));
    if (const auto caller = callerOf("event-directory"))
        directory.provide<EventDirectory>(std::make_shared<RemoteEventDirectory>(caller));
    if (const auto caller = callerOf("ticket-sales"))
        directory.provide<TicketSales>(std::make_shared<RemoteTicketSales>(caller));
    if (const auto caller = callerOf("order-settlement"))
        directory.provide<OrderSettlement>(std::make_shared<RemoteOrderSettlement>(caller));
    if (const auto caller = callerOf("door-directory"))
        directory.provide<DoorDirectory>(std::make_shared<RemoteDoorDirectory>(caller));
    if (const auto caller = callerOf("event-sales-wind-up"))
        directory.provide<EventSalesWindUp>(std::make_shared<RemoteEventSalesWindUp>(caller));
    if (const auto caller = callerOf("ticket-documents"))
        directory.provide<TicketDocuments>(std::make_shared<RemoteTicketDocuments>(caller));
    if (const auto caller = callerOf("payment-refunds"))
        directory.provide<PaymentRefunds>(std::make_shared<RemotePaymentRefunds>(caller));
    if (const auto caller = callerOf("sales-records"))
        directory.provide<SalesRecords>(std::make_shared<RemoteSalesRecords>(caller));
    if (const auto caller = callerOf("payment-records"))
        directory.provide<PaymentRecords>(std::make_shared<RemotePaymentRecords>(caller));
    if (const auto caller = callerOf("order-refunds"))
        directory.provide<OrderRefunds>(std::make_shared<RemoteOrderRefunds>(caller));
    if (const auto caller = callerOf("partial-refunds"))
        directory.provide<PartialRefunds>(std::make_shared<RemotePartialRefunds>(caller));
    if (const auto caller = callerOf("webhook-health"))
        directory.provide<WebhookHealthFacts>(std::make_shared<RemoteWebhookHealthFacts>(caller));
    return wiring;
}

} // namespace sbor::cluster
