#include "cluster/remotecontracts.h"

#include "cluster/contractcaller.h"
#include "cluster/contractcodec.h"

#include <chrono>
#include <mutex>
#include <unordered_map>

namespace sbor::cluster {
namespace {

using nlohmann::json;

template <typename T>
std::optional<T> optionalOf(const json& answer, const char* key)
{
    const auto& value = answer.at(key);
    if (value.is_null())
        return std::nullopt;
    return value.get<T>();
}

class RemoteEventDirectory final : public EventDirectory {
public:
    explicit RemoteEventDirectory(std::shared_ptr<ContractCaller> caller) : m_caller(std::move(caller)) {}
    std::optional<EventFacts> eventFacts(const std::string& eventId) override
    {
        return optionalOf<EventFacts>(m_caller->callOrThrow("event-directory", "event-facts", {{"event_id", eventId}}), "event");
    }

private:
    std::shared_ptr<ContractCaller> m_caller;
};

class RemoteTicketSales final : public TicketSales {
public:
    explicit RemoteTicketSales(std::shared_ptr<ContractCaller> caller) : m_caller(std::move(caller)) {}
    int activeTicketTypeCount(const std::string& eventId) override
    {
        return m_caller->callOrThrow("ticket-sales", "active-ticket-type-count", {{"event_id", eventId}}).at("count").get<int>();
    }

private:
    std::shared_ptr<ContractCaller> m_caller;
};

class RemoteOrderSettlement final : public OrderSettlement {
public:
    explicit RemoteOrderSettlement(std::shared_ptr<ContractCaller> caller) : m_caller(std::move(caller)) {}
    std::optional<PayableOrder> orderByPayment(const std::string& paymentId) override
    {
        return optionalOf<PayableOrder>(m_caller->callOrThrow("order-settlement", "order-by-payment", {{"payment_id", paymentId}}), "order");
    }
    Result<PayableOrder> settleOrder(const std::string& orderId, const std::string& traceId) override
    {
        auto answer = m_caller->call("order-settlement", "settle-order", {{"order_id", orderId}, {"trace_id", traceId}});
        if (!answer)
            return answer.error();
        return answer->at("order").get<PayableOrder>();
    }

private:
    std::shared_ptr<ContractCaller> m_caller;
};

class RemoteDoorDirectory final : public DoorDirectory {
public:
    explicit RemoteDoorDirectory(std::shared_ptr<ContractCaller> caller) : m_caller(std::move(caller)) {}
    std::optional<CheckInListFacts> checkInList(const std::string& listId) override
    {
        return optionalOf<CheckInListFacts>(m_caller->callOrThrow("door-directory", "check-in-list", {{"list_id", listId}}), "list");
    }
    std::vector<DoorPublicKey> publicKeys(const std::string& eventId) override
    {
        return m_caller->callOrThrow("door-directory", "public-keys", {{"event_id", eventId}}).at("keys").get<std::vector<DoorPublicKey>>();
    }

private:
    std::shared_ptr<ContractCaller> m_caller;
};

class RemoteEventSalesWindUp final : public EventSalesWindUp {
public:
    explicit RemoteEventSalesWindUp(std::shared_ptr<ContractCaller> caller) : m_caller(std::move(caller)) {}
    Result<int> windUpSales(const std::string& eventId, const std::string& traceId) override
    {
        auto answer = m_caller->call("event-sales-wind-up", "wind-up-sales", {{"event_id", eventId}, {"trace_id", traceId}});
        if (!answer)
            return answer.error();
        return answer->at("cancelled_tickets").get<int>();
    }

private:
    std::shared_ptr<ContractCaller> m_caller;
};

class RemotePaymentRefunds final : public PaymentRefunds {
public:
    explicit RemotePaymentRefunds(std::shared_ptr<ContractCaller> caller) : m_caller(std::move(caller)) {}
    Result<bool> refundPayment(const std::string& paymentId, const std::string& reason, const std::string& traceId) override
    {
        auto answer = m_caller->call("payment-refunds", "refund-payment", {{"payment_id", paymentId}, {"reason", reason}, {"trace_id", traceId}});
        if (!answer)
            return answer.error();
        return answer->at("refunded").get<bool>();
    }

private:
    std::shared_ptr<ContractCaller> m_caller;
};

class RemoteUserDirectory final : public UserDirectory {
public:
    explicit RemoteUserDirectory(std::shared_ptr<ContractCaller> caller) : m_caller(std::move(caller)) {}
    std::optional<UserContact> contactOf(const std::string& userId) override
    {
        return optionalOf<UserContact>(m_caller->callOrThrow("user-directory", "contact-of", {{"user_id", userId}}), "contact");
    }

private:
    std::shared_ptr<ContractCaller> m_caller;
};

class RemoteTicketDocuments final : public TicketDocuments {
public:
    explicit RemoteTicketDocuments(std::shared_ptr<ContractCaller> caller) : m_caller(std::move(caller)) {}
    std::optional<TicketDocument> ticketDocument(const std::string& ticketId, bool withQrImage) override
    {
        return optionalOf<TicketDocument>(
            m_caller->callOrThrow("ticket-documents", "ticket-document", {{"ticket_id", ticketId}, {"with_qr_image", withQrImage}}), "ticket");
    }

private:
    std::shared_ptr<ContractCaller> m_caller;
};

// Every request to every service is authenticated, so each answer is kept as long as auth's own
// session cache keeps it (auth.session_cache_ms): a revoked session ends everywhere within that.
class RemoteAuthenticator final : public access::Authenticator {
public:
    RemoteAuthenticator(std::shared_ptr<ContractCaller> caller, std::chrono::milliseconds keep)
        : m_caller(std::move(caller)), m_keep(keep) {}

    Result<access::Principal> authenticate(const std::string& bearerToken) override
    {
        const auto now = std::chrono::steady_clock::now();
        {
            std::lock_guard lock(m_mutex);
            if (const auto found = m_answers.find(bearerToken); found != m_answers.end() && found->second.until > now)
                return found->second.principal;
        }
        auto answer = m_caller->call("authenticator", "authenticate", {{"token", bearerToken}});
        if (!answer)
            return answer.error();
        auto principal = answer->at("principal").get<access::Principal>();
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

RemoteWiring provideRemoteContracts(ServiceDirectory& directory, const ClusterSettings& settings, const std::set<std::string>& local,
                                    const std::set<std::string>& needed)
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
    return wiring;
}

} // namespace sbor::cluster
