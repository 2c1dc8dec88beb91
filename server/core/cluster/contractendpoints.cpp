#include "cluster/contractendpoints.h"

#include "cluster/clustersettings.h"
#include "cluster/contractcodec.h"
#include "service/healthcontracts.h"
#include "service/refundcontracts.h"
#include "sbor/jsonvalue.h"

#include <functional>

namespace sbor::cluster {
namespace {

using nlohmann::json;
using Call = std::function<Result<json>(const json& arguments)>;

std::string text(const json& arguments, const char* key) { return arguments.at(key).get<std::string>(); }

class EndpointRegistrar {
public:
    EndpointRegistrar(http::Router& router, const std::set<std::string>& local, std::string token)
        : m_router(router), m_local(local), m_token(std::move(token))
    {}

    void add(std::string_view contract, std::string_view method, Call call)
    {
        if (providedAmong(contract, m_local))
            serve(contract, method, std::string(providerOf(contract)), std::move(call));
    }

    // A contract every process serves for itself, whatever it runs.
    void addInEveryProcess(std::string_view contract, std::string_view method, Call call)
    {
        serve(contract, method, "system", std::move(call));
    }

private:
    void serve(std::string_view contract, std::string_view method, const std::string& service, Call call)
    {
        m_router.add("POST", std::string(kInternalPrefix) + std::string(contract) + "/" + std::string(method), service,
                     access::Access::anyone(), // the cluster token, checked below, is the access rule
                     [token = m_token, call = std::move(call)](http::HttpRequest& request) -> http::Reply {
                         if (!sameSecret(request.headers.get(kTokenHeader), token))
                             return Error(ErrorCode::Unauthorized,
                                          "internal calls need the cluster token (cluster.token)",
                                          {{"cluster_token", "refused"}});
                         const json arguments = json::parse(request.body, nullptr, false);
                         if (!arguments.is_object())
                             return Error(ErrorCode::MalformedJson, "the arguments must be a JSON object");
                         try {
                             auto answer = call(arguments);
                             if (!answer)
                                 return answer.error();
                             return http::HttpResponse::json(200, *answer);
                         } catch (const json::exception& e) {
                             return Error(ErrorCode::BadRequest, std::string("malformed arguments: ") + e.what());
                         }
                     });
    }

    http::Router& m_router;
    const std::set<std::string>& m_local;
    std::string m_token;
};

} // namespace

void registerContractEndpoints(http::Router& router, const ServiceDirectory& directory,
                               std::shared_ptr<access::Authenticator> authenticator, const std::set<std::string>& local,
                               const std::string& token)
{
    EndpointRegistrar endpoints(router, local, token);
    // Found when asked: the process's own report is provided by server/app.
    endpoints.addInEveryProcess("process-health", "report", [&directory](const json&) -> Result<json> {
        const auto source = directory.find<ProcessHealthSource>();
        if (!source)
            return Error(ErrorCode::UpstreamUnavailable, "this process keeps no health report");
        return json{{"process", wire::toJson(source->report())}};
    });
    if (const auto webhooks = directory.find<WebhookHealthFacts>()) {
        endpoints.add("webhook-health", "summary", [webhooks](const json&) -> Result<json> {
            return json{{"webhooks", wire::toJson(webhooks->webhookHealth())}};
        });
    }
    if (authenticator) {
        endpoints.add("authenticator", "authenticate", [authenticator](const json& arguments) -> Result<json> {
            auto principal = authenticator->authenticate(text(arguments, "token"));
            if (!principal)
                return principal.error();
            return json{{"principal", *principal}};
        });
    }
    if (const auto users = directory.find<UserDirectory>()) {
        endpoints.add("user-directory", "contact-of", [users](const json& arguments) -> Result<json> {
            return json{{"contact", jsonOrNull(users->contactOf(text(arguments, "user_id")))}};
        });
        endpoints.add("user-directory", "contact-by-email", [users](const json& arguments) -> Result<json> {
            return json{{"contact", jsonOrNull(users->contactByEmail(text(arguments, "email")))}};
        });
    }
    if (const auto events = directory.find<EventDirectory>()) {
        endpoints.add("event-directory", "event-facts", [events](const json& arguments) -> Result<json> {
            return json{{"event", jsonOrNull(events->eventFacts(text(arguments, "event_id")))}};
        });
        endpoints.add("event-directory", "events-organized-by", [events](const json& arguments) -> Result<json> {
            return json{{"count", events->eventsOrganizedBy(text(arguments, "organizer_id"))}};
        });
    }
    if (const auto sales = directory.find<TicketSales>()) {
        endpoints.add("ticket-sales", "active-ticket-type-count", [sales](const json& arguments) -> Result<json> {
            return json{{"count", sales->activeTicketTypeCount(text(arguments, "event_id"))}};
        });
        endpoints.add("ticket-sales", "orders-placed-by", [sales](const json& arguments) -> Result<json> {
            return json{{"count", sales->ordersPlacedBy(text(arguments, "buyer_id"))}};
        });
        endpoints.add("ticket-sales", "copy-sales-setup", [sales](const json& arguments) -> Result<json> {
            auto copied = sales->copySalesSetup(text(arguments, "from_event_id"), text(arguments, "to_event_id"),
                                                arguments.at("shift").get<std::int64_t>());
            if (!copied)
                return copied.error();
            return json{{"copied", *copied}};
        });
    }
    if (const auto settlement = directory.find<OrderSettlement>()) {
        endpoints.add("order-settlement", "order-by-payment", [settlement](const json& arguments) -> Result<json> {
            return json{{"order", jsonOrNull(settlement->orderByPayment(text(arguments, "payment_id")))}};
        });
        endpoints.add("order-settlement", "settle-order", [settlement](const json& arguments) -> Result<json> {
            auto order = settlement->settleOrder(text(arguments, "order_id"), text(arguments, "trace_id"));
            if (!order)
                return order.error();
            return json{{"order", *order}};
        });
    }
    if (const auto door = directory.find<DoorDirectory>()) {
        endpoints.add("door-directory", "check-in-list", [door](const json& arguments) -> Result<json> {
            return json{{"list", jsonOrNull(door->checkInList(text(arguments, "list_id")))}};
        });
        endpoints.add("door-directory", "public-keys", [door](const json& arguments) -> Result<json> {
            return json{{"keys", door->publicKeys(text(arguments, "event_id"))}};
        });
    }
    if (const auto windUp = directory.find<EventSalesWindUp>()) {
        endpoints.add("event-sales-wind-up", "wind-up-sales", [windUp](const json& arguments) -> Result<json> {
            auto cancelled = windUp->windUpSales(text(arguments, "event_id"), text(arguments, "trace_id"));
            if (!cancelled)
                return cancelled.error();
            return json{{"cancelled_tickets", *cancelled}};
        });
    }
    if (const auto documents = directory.find<TicketDocuments>()) {
        endpoints.add("ticket-documents", "ticket-document", [documents](const json& arguments) -> Result<json> {
            return json{{"ticket",
                         jsonOrNull(documents->ticketDocument(text(arguments, "ticket_id"),
                                                              arguments.at("with_qr_image").get<bool>()))}};
        });
    }
    if (const auto refunds = directory.find<PaymentRefunds>()) {
        endpoints.add("payment-refunds", "refund-payment", [refunds](const json& arguments) -> Result<json> {
            auto refunded = refunds->refundPayment(text(arguments, "payment_id"), text(arguments, "reason"),
                                                   text(arguments, "trace_id"));
            if (!refunded)
                return refunded.error();
            return json{{"refunded", *refunded}};
        });
    }
    if (const auto refunds = directory.find<OrderRefunds>()) {
        endpoints.add("order-refunds", "order-by-id", [refunds](const json& arguments) -> Result<json> {
            return json{{"order", jsonOrNull(refunds->orderById(text(arguments, "order_id")))}};
        });
        endpoints.add("order-refunds", "refund-order", [refunds](const json& arguments) -> Result<json> {
            auto refunded = refunds->refundOrder(text(arguments, "order_id"),
                                                 arguments.at("amount").get<std::int64_t>(), text(arguments, "reason"),
                                                 text(arguments, "refund_key"), text(arguments, "trace_id"));
            if (!refunded)
                return refunded.error();
            return json{{"refund", *refunded}};
        });
    }
    if (const auto refunds = directory.find<PartialRefunds>()) {
        endpoints.add("partial-refunds", "refund-amount", [refunds](const json& arguments) -> Result<json> {
            auto refunded = refunds->refundAmount(
                text(arguments, "payment_id"), arguments.at("amount").get<std::int64_t>(),
                text(arguments, "refund_key"), text(arguments, "reason"), text(arguments, "trace_id"));
            if (!refunded)
                return refunded.error();
            return json{{"refunded", *refunded}};
        });
    }
    if (const auto sales = directory.find<SalesRecords>()) {
        endpoints.add("sales-records", "events-with-sales", [sales](const json&) -> Result<json> {
            return json{{"events", sales->eventsWithSales()}};
        });
        endpoints.add("sales-records", "sales-record", [sales](const json& arguments) -> Result<json> {
            return json{{"record", sales->salesRecord(text(arguments, "event_id"))}};
        });
    }
    if (const auto payments = directory.find<PaymentRecords>()) {
        endpoints.add("payment-records", "payments-of-event", [payments](const json& arguments) -> Result<json> {
            return json{{"payments", payments->paymentsOfEvent(text(arguments, "event_id"))}};
        });
    }
}

} // namespace sbor::cluster
