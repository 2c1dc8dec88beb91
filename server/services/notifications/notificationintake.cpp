#include "notificationintake.h"

#include "personerasure.h"

#include "messagetemplates.h"
#include "notificationjson.h"
#include "notificationrepository.h"
#include "templaterepository.h"
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
        type == "event.reminder" || type == "order.updated" || type == "refund.issued" ||
        type == "event.team_member_added" || type == "support.request_updated";
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
struct IntakeFacts {
    std::optional<EventFacts> event;
    std::string organizerId;
    std::map<std::string, UserContact> contacts; // by user id
    std::optional<TicketDocument> ticket;
    std::vector<TicketHolderRecord> holders; // event-wide notices
};

namespace {

// One message's notices, written in the transaction that records it in the inbox: one handler
// per message type, and what they share (who wants what, in which language, at what local time).
class NoticeWriter {
public:
    NoticeWriter(db::Transaction& tx, const bus::Message& message, const nlohmann::json& envelope,
                 const IntakeFacts& facts)
        : m_tx(tx),
          m_repository(tx),
          m_message(message),
          m_envelope(envelope),
          m_data(envelope["data"]),
          m_type(envelope.value("type", message.type)),
          m_facts(facts),
          m_templates(MessageTemplates::builtIn()),
          m_timezone(facts.event ? facts.event->timezone : stringField(m_data, "timezone")),
          m_startsAt(facts.event ? formatRfc3339(facts.event->startsAt) : stringField(m_data, "starts_at")),
          m_common({{"event_title", facts.event ? facts.event->title : stringField(m_data, "title")},
                    {"venue", facts.event ? facts.event->venue : stringField(m_data, "venue")},
                    {"order_id", shortId(stringField(m_data, "order_id"))}})
    {}

    // Tells the people the message is about, as its type asks.
    void notifyPeople()
    {
        using Handler = void (NoticeWriter::*)();
        static const std::map<std::string, Handler> handlers = {
            {"ticket.purchased", &NoticeWriter::ticketPurchased},
            {"ticket.checkin", &NoticeWriter::ticketCheckedIn},
            {"event.cancelled", &NoticeWriter::eventNotice},
            {"event.reminder", &NoticeWriter::eventNotice},
            {"order.updated", &NoticeWriter::orderUpdated},
            {"refund.issued", &NoticeWriter::refundIssued},
            {"ticket.cancelled", &NoticeWriter::ticketCancelled},
            {"event.team_member_added", &NoticeWriter::teamMemberAdded},
            {"support.request_updated", &NoticeWriter::supportRequestUpdated},
        };
        if (const auto handler = handlers.find(m_type); handler != handlers.end())
            (this->*handler->second)();
    }

    // The organizer's integrations hear about everything on their events; returns how many
    // deliveries were queued.
    std::size_t queueWebhooks()
    {
        if (m_facts.organizerId.empty())
            return 0;
        WebhookRepository webhooks(m_tx);
        const std::vector<WebhookEndpoint> endpoints = webhooks.subscribers(m_facts.organizerId, m_type);
        if (!endpoints.empty()) {
            const std::string payload = nlohmann::json{
                {"type", m_type},
                {"timestamp", m_envelope.value("occurred_at", std::string())},
                {"data", m_data}}.dump();
            for (const auto& endpoint : endpoints)
                webhooks.queueDelivery(endpoint.id, m_message.id, m_type, payload);
        }
        return endpoints.size();
    }

private:
    void ticketPurchased()
    {
        const std::string buyerId = stringField(m_data, "buyer_id");
        const std::string orderId = stringField(m_data, "order_id");
        TicketHolderRecord holder{
            stringField(m_data, "ticket_id"),   stringField(m_data, "event_id"),    orderId, buyerId,
            stringField(m_data, "holder_name"), stringField(m_data, "holder_email")};
        m_repository.recordHolder(holder);
        const std::string locale = localeOf(buyerId);
        TemplateFields fields = m_common;
        fields["holder_name"] = holder.holderName;
        fields["ticket_type"] = m_facts.ticket ? m_facts.ticket->ticketTypeName : "";
        fields["ticket_id"] = holder.ticketId;
        fields["starts_at"] = localStart(languageOf(locale));
        if (!holder.holderEmail.empty()) {
            const RenderedMessage ticketMail = render("ticket", locale, fields);
            m_repository.queueEmail({holder.holderEmail, "ticket", languageOf(locale), ticketMail.subject,
                                     ticketMail.body, holder.ticketId},
                                    m_message.id);
        }
        const int orderTickets = m_data.value("order_ticket_count", 1);
        if (m_repository.holderCountOfOrder(orderId) == orderTickets) {
            TemplateFields summary = m_common;
            summary["ticket_count"] = std::to_string(orderTickets);
            summary["total"] = moneyField("order_total");
            tellUser(buyerId, "ticket.purchased", "ticket.purchased", summary,
                     {{"order_id", orderId}, {"event_id", holder.eventId}, {"ticket_count", orderTickets}});
        }
    }

    void ticketCheckedIn()
    {
        if (m_facts.holders.empty())
            return;
        const TicketHolderRecord& holder = m_facts.holders.front();
        TemplateFields fields = m_common;
        fields["holder_name"] = holder.holderName;
        const std::string scannedAt = stringField(m_data, "scanned_at");
        fields["checked_in_at"] = scannedAt.empty() ? "" : m_repository.localTime(scannedAt, timezone(), "en");
        tellUser(holder.buyerId, "ticket.checkin", "ticket.checkin", fields,
                 {{"ticket_id", holder.ticketId},
                  {"event_id", holder.eventId},
                  {"list_id", m_data.value("list_id", nlohmann::json())}});
    }

    // event.cancelled and event.reminder: every holder by email, every buyer in-app, each once.
    void eventNotice()
    {
        std::set<std::string> emailed;
        std::set<std::string> buyersTold;
        for (const auto& holder : m_facts.holders) {
            const UserContact* buyer = contactOf(holder.buyerId);
            const std::string locale = buyer ? buyer->locale : "";
            TemplateFields fields = m_common;
            fields["holder_name"] = holder.holderName;
            fields["reason"] = stringField(m_data, "reason");
            fields["starts_at"] = localStart(languageOf(locale));
            // The holder's own inbox decides only when the holder is the buyer; other holders have none.
            const bool holderIsBuyer = buyer && buyer->email == holder.holderEmail;
            if (!holder.holderEmail.empty() && emailed.insert(holder.holderEmail).second &&
                (!holderIsBuyer || wants(holder.buyerId, "email", m_type))) {
                const RenderedMessage rendered = render(m_type, locale, fields);
                m_repository.queueEmail(
                    {holder.holderEmail, m_type, languageOf(locale), rendered.subject, rendered.body, std::nullopt},
                    m_message.id);
            }
            if (buyersTold.insert(holder.buyerId).second && wants(holder.buyerId, "in_app", m_type)) {
                const RenderedMessage rendered = render(m_type, locale, fields);
                notifyInApp(holder.buyerId, m_type, rendered.subject, rendered.shortText,
                            {{"event_id", holder.eventId}});
            }
        }
    }

    void orderUpdated()
    {
        const std::string status = stringField(m_data, "status");
        if (!m_templates.has("order.updated." + status))
            return;
        TemplateFields fields = m_common;
        fields["total"] = moneyField("total");
        tellUser(stringField(m_data, "buyer_id"), "order.updated", "order.updated." + status, fields,
                 {{"order_id", stringField(m_data, "order_id")},
                  {"event_id", stringField(m_data, "event_id")},
                  {"status", status}});
    }

    void refundIssued()
    {
        TemplateFields fields = m_common;
        fields["amount"] = moneyField("amount");
        tellUser(stringField(m_data, "buyer_id"), "refund.issued", "refund.issued", fields,
                 {{"order_id", stringField(m_data, "order_id")},
                  {"payment_id", stringField(m_data, "payment_id")},
                  {"amount", m_data.value("amount", 0)}});
    }

    void ticketCancelled() { m_repository.markHolderCancelled(stringField(m_data, "ticket_id")); }

    void teamMemberAdded()
    {
        const std::string role = stringField(m_data, "role");
        if (!m_templates.has("event.team_member_added." + role))
            return;
        tellUser(stringField(m_data, "user_id"), "event.team_member_added", "event.team_member_added." + role, m_common,
                 {{"event_id", stringField(m_data, "event_id")}, {"role", role}});
    }

    // The requester hears what support did: a receipt, an answer, a status that needs them or
    // ends the request. Their own messages, assignments and escalations are not news to them.
    void supportRequestUpdated()
    {
        const std::string change = stringField(m_data, "change");
        const std::string status = stringField(m_data, "status");
        const std::string notice = change == "opened" || change == "answered" ? change
            : change == "status"                                              ? status
                                                                              : std::string();
        if (notice.empty() || !m_templates.has("support.request_updated." + notice))
            return;
        TemplateFields fields = m_common;
        fields["number"] = std::to_string(m_data.value("number", std::int64_t(0)));
        fields["subject"] = stringField(m_data, "subject");
        tellUser(stringField(m_data, "requester_id"), "support.request_updated", "support.request_updated." + notice,
                 fields,
                 {{"request_id", stringField(m_data, "request_id")},
                  {"number", m_data.value("number", std::int64_t(0))},
                  {"status", status}});
    }

    // The admins' texts are read once per message, and only by a message that says something.
    RenderedMessage render(const std::string& name, const std::string& locale, const TemplateFields& fields)
    {
        if (!m_replacements)
            m_replacements = TemplateRepository(m_tx).replacements();
        return m_templates.render(name, locale, fields, *m_replacements);
    }

    // One person told about one thing: in-app and email, each if they want it.
    void tellUser(const std::string& userId, const std::string& kind, const std::string& templateName,
                  TemplateFields fields, const nlohmann::json& notificationData)
    {
        const UserContact* contact = contactOf(userId);
        const std::string locale = contact ? contact->locale : "";
        fields["buyer_name"] = contact ? contact->name : "";
        fields["starts_at"] = localStart(languageOf(locale));
        const RenderedMessage rendered = render(templateName, locale, fields);
        if (wants(userId, "in_app", kind))
            notifyInApp(userId, kind, rendered.subject, rendered.shortText, notificationData);
        if (contact && wants(userId, "email", kind))
            m_repository.queueEmail(
                {contact->email, kind, languageOf(locale), rendered.subject, rendered.body, std::nullopt},
                m_message.id);
    }

    // Every in-app notification is also announced, so the person's open screens show it at once.
    void notifyInApp(const std::string& userId, const std::string& kind, const std::string& title,
                     const std::string& body, const nlohmann::json& notificationData)
    {
        const Notification created = m_repository.insertNotification(userId, kind, title, body, notificationData,
                                                                     m_message.id);
        outbox::append(m_tx, kSchema,
                       {"notification", userId, "notification.created", notificationJson(created),
                        m_envelope.value("trace_id", std::string())});
    }

    bool wants(const std::string& userId, const char* channel, const std::string& kind)
    {
        auto found = m_preferences.find(userId);
        if (found == m_preferences.end())
            found =
                m_preferences.emplace(userId, Preferences::fromStored(m_repository.storedPreferences(userId))).first;
        return found->second.wants(channel, kind);
    }

    const UserContact* contactOf(const std::string& userId) const
    {
        const auto found = m_facts.contacts.find(userId);
        return found == m_facts.contacts.end() ? nullptr : &found->second;
    }

    std::string localeOf(const std::string& userId) const
    {
        const UserContact* contact = contactOf(userId);
        return contact ? contact->locale : "";
    }

    std::string timezone() const { return m_timezone.empty() ? "UTC" : m_timezone; }

    std::string localStart(const std::string& language)
    {
        return m_startsAt.empty() ? std::string() : m_repository.localTime(m_startsAt, timezone(), language);
    }

    std::string moneyField(const char* field) const
    {
        return m_data.contains(field) ? formatMoney(m_data[field].get<std::int64_t>(), stringField(m_data, "currency"))
                                      : "";
    }

    db::Transaction& m_tx;
    NotificationRepository m_repository;
    const bus::Message& m_message;
    const nlohmann::json& m_envelope;
    const nlohmann::json& m_data;
    const std::string m_type;
    const IntakeFacts& m_facts;
    const MessageTemplates& m_templates;
    const std::string m_timezone;
    const std::string m_startsAt;
    const TemplateFields m_common;
    std::map<std::string, Preferences> m_preferences;
    std::optional<TemplateReplacements> m_replacements;
};

} // namespace

const std::vector<std::string>& intakeTopics()
{
    static const std::vector<std::string> topics = {"events", "orders", "tickets", "checkins", "payments", "support"};
    return topics;
}

NotificationIntake::NotificationIntake(db::ConnectionPool& database, std::shared_ptr<ServiceDirectory> directory)
    : m_database(database), m_directory(std::move(directory))
{}

IntakeFacts NotificationIntake::gatherFacts(const std::string& type, const nlohmann::json& data)
{
    IntakeFacts facts;
    const std::string eventId = stringField(data, "event_id");
    if (const auto events = m_directory->find<EventDirectory>(); events && !eventId.empty())
        facts.event = events->eventFacts(eventId);
    facts.organizerId = facts.event ? facts.event->organizerId : stringField(data, "organizer_id");
    if (!notifiesPeople(type))
        return facts; // the organizer is all a webhook needs
    std::set<std::string> people;
    if (const std::string buyer = stringField(data, "buyer_id"); !buyer.empty())
        people.insert(buyer);
    if (type == "event.team_member_added")
        people.insert(stringField(data, "user_id"));
    if (type == "support.request_updated")
        people.insert(stringField(data, "requester_id"));
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
    log::LogContext context("notifications", envelope.value("trace_id", std::string()));
    const IntakeFacts facts = gatherFacts(type, envelope["data"]);
    m_database.transact([&](db::Transaction& tx) {
        if (!bus::firstDelivery(tx, kSchema, message.id))
            return;
        NoticeWriter notices(tx, message, envelope, facts);
        notices.notifyPeople();
        PersonErasure::forgetErasedIn(tx, message.id, stringField(envelope["data"], "ticket_id"),
                                      stringField(envelope, "occurred_at").empty()
                                          ? std::string("-infinity") // no time: any erasure counts
                                          : stringField(envelope, "occurred_at"));
        const std::size_t webhookDeliveries = notices.queueWebhooks();
        tx.commit();
        // With the message's trace id: a purchase can be followed from its request to here.
        log::info("message handled",
                  {{"type", type}, {"message_id", message.id}, {"webhook_deliveries", webhookDeliveries}});
    });
    return true;
}

} // namespace sbor::notifications
