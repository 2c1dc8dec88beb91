#include "sbor/wire/support.h"

#include "sbor/jsonvalue.h"

namespace sbor::wire {

nlohmann::json toJson(const SupportMessage& message)
{
    return {{"id", message.id},
            {"author_id", message.authorId},
            {"from", message.fromStaff ? "staff" : "requester"},
            {"internal", message.internal},
            {"body", message.body},
            {"created_at", message.createdAt}};
}

nlohmann::json toJson(const SupportRequest& request, bool withMessages)
{
    nlohmann::json json{{"id", request.id},
                        {"number", request.number},
                        {"requester_id", request.requesterId},
                        {"subject", request.subject},
                        {"category", request.category},
                        {"order_id", jsonOrNull(request.orderId)},
                        {"event_id", jsonOrNull(request.eventId)},
                        {"status", request.status},
                        {"assignee_id", jsonOrNull(request.assigneeId)},
                        {"escalated_at", jsonOrNull(request.escalatedAt)},
                        {"escalated_by", jsonOrNull(request.escalatedBy)},
                        {"escalation_reason", jsonOrNull(request.escalationReason)},
                        {"first_response_due_at", request.firstResponseDueAt},
                        {"resolution_due_at", request.resolutionDueAt},
                        {"first_responded_at", jsonOrNull(request.firstRespondedAt)},
                        {"resolved_at", jsonOrNull(request.resolvedAt)},
                        {"closed_at", jsonOrNull(request.closedAt)},
                        {"next_due_at", jsonOrNull(request.nextDueAt)},
                        {"overdue", request.overdue},
                        {"last_message_at", request.lastMessageAt},
                        {"created_at", request.createdAt},
                        {"updated_at", request.updatedAt}};
    if (withMessages) {
        nlohmann::json messages = nlohmann::json::array();
        for (const auto& message : request.messages)
            messages.push_back(toJson(message));
        json["messages"] = messages;
    }
    return json;
}

void fromJson(const FieldReader& reader, SupportMessage& message)
{
    message.id = reader.string("id");
    message.authorId = reader.string("author_id");
    message.fromStaff = reader.string("from") == "staff";
    message.internal = reader.boolean("internal");
    message.body = reader.string("body");
    message.createdAt = reader.string("created_at");
}

void fromJson(const FieldReader& reader, SupportRequest& request)
{
    request.id = reader.string("id");
    request.number = reader.integer("number");
    request.requesterId = reader.string("requester_id");
    request.subject = reader.string("subject");
    request.category = reader.string("category");
    request.orderId = reader.optionalString("order_id");
    request.eventId = reader.optionalString("event_id");
    request.status = reader.string("status");
    request.assigneeId = reader.optionalString("assignee_id");
    request.escalatedAt = reader.optionalString("escalated_at");
    request.escalatedBy = reader.optionalString("escalated_by");
    request.escalationReason = reader.optionalString("escalation_reason");
    request.firstResponseDueAt = reader.string("first_response_due_at");
    request.resolutionDueAt = reader.string("resolution_due_at");
    request.firstRespondedAt = reader.optionalString("first_responded_at");
    request.resolvedAt = reader.optionalString("resolved_at");
    request.closedAt = reader.optionalString("closed_at");
    request.nextDueAt = reader.optionalString("next_due_at");
    request.overdue = reader.boolean("overdue");
    request.lastMessageAt = reader.string("last_message_at");
    request.createdAt = reader.string("created_at");
    request.updatedAt = reader.string("updated_at");
    if (reader.json().contains("messages"))
        request.messages = decodeList<SupportMessage>(reader.array("messages"), reader.pathOf("messages"));
}

nlohmann::json toJson(const Dispute& dispute)
{
    return {{"id", dispute.id},
            {"order_id", dispute.orderId},
            {"event_id", dispute.eventId},
            {"organizer_id", dispute.organizerId},
            {"buyer_id", dispute.buyerId},
            {"amount", dispute.amount},
            {"currency", dispute.currency},
            {"reason", dispute.reason},
            {"details", dispute.details},
            {"status", dispute.status},
            {"respond_by", dispute.respondBy},
            {"evidence", jsonOrNull(dispute.evidence)},
            {"responded_at", jsonOrNull(dispute.respondedAt)},
            {"review_note", jsonOrNull(dispute.reviewNote)},
            {"refund_amount", jsonOrNull(dispute.refundAmount)},
            {"refunded", dispute.refunded},
            {"decision_note", jsonOrNull(dispute.decisionNote)},
            {"decided_by", jsonOrNull(dispute.decidedBy)},
            {"decided_at", jsonOrNull(dispute.decidedAt)},
            {"created_at", dispute.createdAt},
            {"updated_at", dispute.updatedAt}};
}

void fromJson(const FieldReader& reader, Dispute& dispute)
{
    dispute.id = reader.string("id");
    dispute.orderId = reader.string("order_id");
    dispute.eventId = reader.string("event_id");
    dispute.organizerId = reader.string("organizer_id");
    dispute.buyerId = reader.string("buyer_id");
    dispute.amount = reader.integer("amount");
    dispute.currency = reader.string("currency");
    dispute.reason = reader.string("reason");
    dispute.details = reader.string("details");
    dispute.status = reader.string("status");
    dispute.respondBy = reader.string("respond_by");
    dispute.evidence = reader.optionalString("evidence");
    dispute.respondedAt = reader.optionalString("responded_at");
    dispute.reviewNote = reader.optionalString("review_note");
    dispute.refundAmount = reader.optionalInteger("refund_amount");
    dispute.refunded = reader.boolean("refunded");
    dispute.decisionNote = reader.optionalString("decision_note");
    dispute.decidedBy = reader.optionalString("decided_by");
    dispute.decidedAt = reader.optionalString("decided_at");
    dispute.createdAt = reader.string("created_at");
    dispute.updatedAt = reader.string("updated_at");
}

} // namespace sbor::wire
