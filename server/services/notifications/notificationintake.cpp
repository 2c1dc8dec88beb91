#include "notificationintake.h"

#include "messagetemplates.h"
#include "notificationjson.h"
#include "notificationrepository.h"
#include "preferences.h"
#include "webhookrepository.h"

#include "bus/inbox.h"
#include "db/connectionpool.h"
#include "log/logger.h"
#include "outbox/outbox.h"
#include "sbor/jsonvalue.h"
#include "sbor/rfc3339.h"
#include "service/servicedirectory.h"

#include <map>
#include <set>

namespace sbor::notifications {
namespace {

constexpr const char* kSchema = "notifications";

// Only these make the intake tell people something; the rest go to webhooks alone.
bool notifiesPeople(const std::string& type)
{
    return type == "ticket.purchased" || type == "ticket.checkin" || type == "event.cancelled" ||
        type == "event.reminder" || type == "order.updated" || type == "refund.issued";
}

std::string formatMoney(std::int64_t minorUnits, const std::string& currency)
{
    const bool negative = minorUnits < 0;
    const std::int64_t absolute = negative ? -minorUnits : minorUnits;
    std::string cents = std::to_string(absolute % 100);
    if (cents.size() < 2)
        cents = "0" + cents;
    return (negative ? "-" : "") + std::to_string(absolute / 100) + "." + cents + " " + currency;
}

std::string shortId(const std::string& id) { return id.substr(0, 8); }

} // namespace

// What the messages do not carry and other services know: looked up before the transaction
// (no contract is called while a pooled connection is held).
struct NotificationIntake::Facts {
    std::optional<EventFacts> event;
    std::string organizerId;
    std::map<std::string, UserContact> contacts; // by user id
    std::optional<TicketDocument> ticket;
    std::vector<TicketHolderRecord> holders; // event-wide notices
};

const std::vector<std::string>& intakeTopics()
{
    static const std::vector<std::string> topics = {"events", "orders", "tickets", "checkins", "payments"};
    return topics;
}

NotificationIntake::NotificationIntake(db::ConnectionPool& database, std::shared_ptr<ServiceDirectory> directory)
    : m_database(database), m_directory(std::move(directory))
{}

NotificationIntake::Facts NotificationIntake::gatherFacts(const std::string& type, const nlohmann::json& data)
{
    Facts facts;
    const std::string eventId = stringField(data, "event_id");
    if (const auto events = m_directory->find<EventDirectory>(); events && !eventId.empty())
        facts.event = events->eventFacts(eventId);
    facts.organizerId = facts.event ? facts.event->organizerId : stringField(data, "organizer_id");
    if (!notifiesPeople(type))
        return facts; // the organizer is all a webhook needs
    std::set<std::string> people;
    if (const std::string buyer = stringField(data, "buyer_id"); !buyer.empty())
        people.insert(buyer);
    if (type == "ticket.purchased") {
        if (const auto tickets = m_directory->find<TicketDocuments>())
            facts.ticket = tickets->ticketDocument(stringField(data, "ticket_id"),
                                                   false); // the type's name; the QR is made when the email goes out
    }
    if (type == "event.cancelled" || type == "event.reminder" || type == "ticket.checkin") {
        facts.holders = m_database.read([&](db::Transaction& tx) {
            NotificationRepository repository(tx);
            if (type == "ticket.checkin") {
                const auto holder = repository.holder(stringField(data, "ticket_id"));
                return holder ? std::vector<TicketHolderRecord>{*holder} : std::vector<TicketHolderRecord>{};
            }
            // A cancellation reaches everyone who held a ticket, also those its wind-up cancelled first.
            return repository.holdersOfEvent(eventId, type == "event.cancelled");
        });
        for (const auto& holder : facts.holders)
            people.insert(holder.buyerId);
    }
    if (const auto users = m_directory->find<UserDirectory>()) {
        for (const auto& userId : people)
            if (auto contact = users->contactOf(userId))
                facts.contacts.emplace(userId, std::move(*contact));
    }
    return facts;
}

bool NotificationIntake::take(const bus::Message& message)
{
    const auto envelope = nlohmann::json::parse(message.payload, nullptr, false);
    if (!envelope.is_object() || !envelope.contains("data") || !envelope["data"].is_object()) {
        log::warn("a bus message without an envelope was skipped",
                  {{"message_id", message.id}, {"topic", message.topic}});
        return true;
    }
    const std::string type = envelope.value("type", message.type);
    const nlohmann::json& data = envelope["data"];
    log::LogContext context("notifications", envelope.value("trace_id", std::string()));
    const Facts facts = gatherFacts(type, data);
    const MessageTemplates& templates = MessageTemplates::builtIn();

    m_database.transact([&](db::Transaction& tx) {
        if (!bus::firstDelivery(tx, kSchema, message.id)) {
            return;
        }
        NotificationRepository repository(tx);
        // Every in-app notification is also announced, so the person's open screens show it at once.
        auto notifyInApp = [&](const std::string& userId, const std::string& kind, const std::string& title,
                               const std::string& body, const nlohmann::json& notificationData) {
            const Notification created = repository.insertNotification(userId, kind, title, body, notificationData,
                                                                       message.id);
            outbox::append(tx, kSchema,
                           {"notification", userId, "notification.created", notificationJson(created),
                            envelope.value("trace_id", std::string())});
        };
        std::map<std::string, Preferences> preferencesOf;
        auto wants = [&](const std::string& userId, const char* channel, const std::string& kind) {
            auto found = preferencesOf.find(userId);
            if (found == preferencesOf.end())
                found =
                    preferencesOf.emplace(userId, Preferences::fromStored(repository.storedPreferences(userId))).first;
            return found->second.wants(channel, kind);
        };
        auto contactOf = [&](const std::string& userId) -> const UserContact* {
            const auto found = facts.contacts.find(userId);
            return found == facts.contacts.end() ? nullptr : &found->second;
        };
        const std::string eventTitle = facts.event ? facts.event->title : stringField(data, "title");
        const std::string timezone = facts.event ? facts.event->timezone : stringField(data, "timezone");
        const std::string startsAt = facts.event ? formatRfc3339(facts.event->startsAt)
                                                 : stringField(data, "starts_at");
        const std::string venue = facts.event ? facts.event->venue : stringField(data, "venue");
        auto localStart = [&](const std::string& language) {
            return startsAt.empty() ? std::string()
                                    : repository.localTime(startsAt, timezone.empty() ? "UTC" : timezone, language);
        };
        // One person told about one thing: in-app and email, each if they want it.
        auto tellUser = [&](const std::string& userId, const std::string& kind, const std::string& templateName,
                            TemplateFields fields, const nlohmann::json& notificationData) {
            const UserContact* contact = contactOf(userId);
            const std::string locale = contact ? contact->locale : "";
            fields["buyer_name"] = contact ? contact->name : "";
            fields["starts_at"] = localStart(languageOf(locale));
            const RenderedMessage rendered = templates.render(templateName, locale, fields);
            if (wants(userId, "in_app", kind))
                notifyInApp(userId, kind, rendered.subject, rendered.shortText, notificationData);
            if (contact && wants(userId, "email", kind))
                repository.queueEmail(
                    {contact->email, kind, languageOf(locale), rendered.subject, rendered.body, std::nullopt},
                    message.id);
        };
        TemplateFields common = {
            {"event_title", eventTitle}, {"venue", venue}, {"order_id", shortId(stringField(data, "order_id"))}};

        if (type == "ticket.purchased") {
            const std::string buyerId = stringField(data, "buyer_id");
            const std::string orderId = stringField(data, "order_id");
            TicketHolderRecord holder{
                stringField(data, "ticket_id"),   stringField(data, "event_id"),    orderId, buyerId,
                stringField(data, "holder_name"), stringField(data, "holder_email")};
            repository.recordHolder(holder);
            const UserContact* buyer = contactOf(buyerId);
            const std::string locale = buyer ? buyer->locale : "";
            TemplateFields fields = common;
            fields["holder_name"] = holder.holderName;
            fields["ticket_type"] = facts.ticket ? facts.ticket->ticketTypeName : "";
            fields["ticket_id"] = holder.ticketId;
            fields["starts_at"] = localStart(languageOf(locale));
            if (!holder.holderEmail.empty()) {
                const RenderedMessage ticketMail = templates.render("ticket", locale, fields);
                repository.queueEmail({holder.holderEmail, "ticket", languageOf(locale), ticketMail.subject,
                                       ticketMail.body, holder.ticketId},
                                      message.id);
            }
            const int orderTickets = data.value("order_ticket_count", 1);
            if (repository.holderCountOfOrder(orderId) == orderTickets) {
                TemplateFields summary = common;
                summary["ticket_count"] = std::to_string(orderTickets);
                summary["total"] = data.contains("order_total")
                    ? formatMoney(data["order_total"].get<std::int64_t>(), stringField(data, "currency"))
                    : "";
                tellUser(buyerId, "ticket.purchased", "ticket.purchased", summary,
                         {{"order_id", orderId}, {"event_id", holder.eventId}, {"ticket_count", orderTickets}});
            }
        } else if (type == "ticket.checkin") {
            if (!facts.holders.empty()) {
                const TicketHolderRecord& holder = facts.holders.front();
                TemplateFields fields = common;
                fields["holder_name"] = holder.holderName;
                const std::string scannedAt = stringField(data, "scanned_at");
                fields["checked_in_at"] = scannedAt.empty()
                    ? ""
                    : repository.localTime(scannedAt, timezone.empty() ? "UTC" : timezone, "en");
                tellUser(holder.buyerId, "ticket.checkin", "ticket.checkin", fields,
                         {{"ticket_id", holder.ticketId},
                          {"event_id", holder.eventId},
                          {"list_id", data.value("list_id", nlohmann::json())}});
            }
        } else if (type == "event.cancelled" || type == "event.reminder") {
            std::set<std::string> emailed;
            std::set<std::string> buyersTold;
            for (const auto& holder : facts.holders) {
                const UserContact* buyer = contactOf(holder.buyerId);
                const std::string locale = buyer ? buyer->locale : "";
                TemplateFields fields = common;
                fields["holder_name"] = holder.holderName;
                fields["reason"] = stringField(data, "reason");
                fields["starts_at"] = localStart(languageOf(locale));
                // The holder's own inbox decides only when the holder is the buyer; other holders have none.
                const bool holderIsBuyer = buyer && buyer->email == holder.holderEmail;
                if (!holder.holderEmail.empty() && emailed.insert(holder.holderEmail).second &&
                    (!holderIsBuyer || wants(holder.buyerId, "email", type))) {
                    const RenderedMessage rendered = templates.render(type, locale, fields);
                    repository.queueEmail(
                        {holder.holderEmail, type, languageOf(locale), rendered.subject, rendered.body, std::nullopt},
                        message.id);
                }
                if (buyersTold.insert(holder.buyerId).second && wants(holder.buyerId, "in_app", type)) {
                    const RenderedMessage rendered = templates.render(type, locale, fields);
                    notifyInApp(holder.buyerId, type, rendered.subject, rendered.shortText,
                                {{"event_id", holder.eventId}});
                }
            }
        } else if (type == "order.updated") {
            const std::string status = stringField(data, "status");
            if (templates.has("order.updated/" + status)) {
                TemplateFields fields = common;
                fields["total"] = data.contains("total")
                    ? formatMoney(data["total"].get<std::int64_t>(), stringField(data, "currency"))
                    : "";
                tellUser(stringField(data, "buyer_id"), "order.updated", "order.updated/" + status, fields,
                         {{"order_id", stringField(data, "order_id")},
                          {"event_id", stringField(data, "event_id")},
                          {"status", status}});
            }
        } else if (type == "refund.issued") {
            TemplateFields fields = common;
            fields["amount"] = data.contains("amount")
                ? formatMoney(data["amount"].get<std::int64_t>(), stringField(data, "currency"))
                : "";
            tellUser(stringField(data, "buyer_id"), "refund.issued", "refund.issued", fields,
                     {{"order_id", stringField(data, "order_id")},
                      {"payment_id", stringField(data, "payment_id")},
                      {"amount", data.value("amount", 0)}});
        } else if (type == "ticket.cancelled") {
            repository.markHolderCancelled(stringField(data, "ticket_id"));
        }

        // The organizer's integrations hear about everything on their events.
        std::size_t webhookDeliveries = 0;
        if (!facts.organizerId.empty()) {
            WebhookRepository webhooks(tx);
            const std::vector<WebhookEndpoint> endpoints = webhooks.subscribers(facts.organizerId, type);
            webhookDeliveries = endpoints.size();
            if (!endpoints.empty()) {
                const std::string payload = nlohmann::json{
                    {"type", type},
                    {"timestamp", envelope.value("occurred_at", std::string())},
                    {"data", data}}.dump();
                for (const auto& endpoint : endpoints)
                    webhooks.queueDelivery(endpoint.id, message.id, type, payload);
            }
        }
        tx.commit();
        // With the message's trace id: a purchase can be followed from its request to here.
        log::info("message handled",
                  {{"type", type}, {"message_id", message.id}, {"webhook_deliveries", webhookDeliveries}});
    });
    return true;
}

} // namespace sbor::notifications
