#include "supportdesk.h"

#include "supportrepository.h"

#include "outbox/outbox.h"
#include "sbor/rfc3339.h"
#include "sbor/uuid.h"
#include "service/contracts.h"
#include "service/refundcontracts.h"

#include <algorithm>

namespace sbor::support {
namespace {

Error noSuchRequest(const std::string& id) { return noSuch("support request", id); }

// Where a status may go, and who may take it there.
bool staffMayMove(const std::string& from, const std::string& to)
{
    if (from == "closed")
        return false;
    if (from == "resolved")
        return to == "open" || to == "closed";
    return to == "open" || to == "pending_customer" || to == "resolved" || to == "closed";
}

bool requesterMayMove(const std::string& from, const std::string& to)
{
    return (to == "resolved" && (from == "open" || from == "pending_customer")) || (to == "open" && from == "resolved");
}

Error cannotMove(const SupportRequest& request, const std::string& to)
{
    return Error(ErrorCode::Conflict, "a " + request.status + " request cannot become " + to,
                 {{"status", request.status}, {"requested", to}});
}

// What the requester and the admins hear: support.request_updated with what changed.
void announce(db::Transaction& tx, const SupportRequest& request, const std::string& change, const std::string& byId,
              const std::string& traceId, nlohmann::json extra = nlohmann::json::object())
{
    nlohmann::json data{{"request_id", request.id},   {"number", request.number}, {"requester_id", request.requesterId},
                        {"subject", request.subject}, {"status", request.status}, {"change", change},
                        {"changed_by", byId}};
    data.update(extra);
    outbox::append(tx, "support", {"support", request.id, "support.request_updated", data, traceId});
}

} // namespace

Result<SupportRequest> SupportDesk::open(const access::Principal& requester, const NewRequest& request,
                                         const CallContext& call)
{
    // A person names their own order; staff may name anyone's (a request they open for a caller).
    if (request.orderId && !isStaff(requester)) {
        const auto orders = m_directory->find<OrderRefunds>();
        std::optional<PayableOrder> order;
        try {
            order = orders ? orders->orderById(*request.orderId) : std::nullopt;
        } catch (const std::exception&) {
            return Error(ErrorCode::Overloaded, "orders are not reachable now; try again later");
        }
        if (!orders)
            return Error(ErrorCode::Overloaded, "orders are not reachable from this process; try again later");
        if (!order || order->buyerId != requester.userId)
            return invalidField("order_id", "is not one of your orders");
    }
    return m_database.transact([&](db::Transaction& tx) -> Result<SupportRequest> {
        SupportRepository repository(tx);
        SupportRequest created = repository.insert(requester.userId, request, repository.targets());
        announce(tx, created, "opened", requester.userId, call.traceId, {{"category", created.category}});
        return created;
    });
}

Result<paging::Page<SupportRequest>> SupportDesk::list(const access::Principal& caller, RequestQuery query,
                                                       const std::string& cursor)
{
    if (!isStaff(caller)) {
        query.requesterId = caller.userId;
        query.byDueDate = false;
    }
    if (!cursor.empty()) {
        const auto position = paging::decodeCursor(cursor);
        if (!position || !position->contains("k") || !(*position)["k"].is_string() || !position->contains("n") ||
            !(*position)["n"].is_number_integer() ||
            (!(*position)["k"].get<std::string>().empty() && !parseRfc3339((*position)["k"].get<std::string>())))
            return invalidField("cursor", "is not valid", "cursor is not one this API returned");
        query.after = std::make_pair((*position)["k"].get<std::string>(), (*position)["n"].get<std::int64_t>());
    }
    const int limit = query.limit;
    query.limit = limit + 1;
    paging::Page<SupportRequest> page;
    page.items = m_database.read([&](db::Transaction& tx) { return SupportRepository(tx).list(query); });
    if (static_cast<int>(page.items.size()) > limit) {
        page.items.resize(limit);
        const SupportRequest& last = page.items.back();
        // Newest first pages on the number alone.
        page.nextCursor = paging::encodeCursor(
            {{"k", query.byDueDate ? last.nextDueAt.value_or("") : ""}, {"n", last.number}});
    }
    return page;
}

Result<SupportRequest> SupportDesk::read(const access::Principal& caller, const std::string& requestId)
{
    if (!isUuid(requestId))
        return noSuchRequest(requestId);
    return m_database.readSnapshot([&](db::Transaction& tx) -> Result<SupportRequest> {
        SupportRepository repository(tx);
        auto request = repository.find(requestId);
        if (!request || (!isStaff(caller) && request->requesterId != caller.userId))
            return noSuchRequest(requestId);
        request->messages = repository.messagesOf(request->id, isStaff(caller));
        return *request;
    });
}

Result<SupportMessage> SupportDesk::write(const access::Principal& caller, const std::string& requestId,
                                          const std::string& body, bool internal, const CallContext& call)
{
    if (!isUuid(requestId))
        return noSuchRequest(requestId);
    return m_database.transact([&](db::Transaction& tx) -> Result<SupportMessage> {
        SupportRepository repository(tx);
        auto request = repository.find(requestId, true);
        if (!request || (!isStaff(caller) && request->requesterId != caller.userId))
            return noSuchRequest(requestId);
        // Staff writing in their own request write as its requester.
        const bool asStaff = isStaff(caller) && request->requesterId != caller.userId;
        if (internal && !asStaff)
            return Error(ErrorCode::Forbidden, "only support staff write internal notes", {{"field", "internal"}});
        if (request->status == "closed")
            return Error(ErrorCode::Conflict, "this request is closed; open a new one", {{"status", "closed"}});
        if (request->status == "resolved" && !asStaff && !repository.reopenable(request->id, kReopenDays))
            return Error(ErrorCode::Conflict, "this request was resolved more than 14 days ago; open a new one",
                         {{"status", "resolved"}});
        const SupportMessage message = repository.addMessage(request->id, caller.userId, asStaff, internal, body);
        if (internal)
            return message; // a note changes nothing the requester sees
        if (asStaff) {
            repository.recordStaffAnswer(request->id);
        } else if (request->status == "pending_customer" || request->status == "resolved") {
            repository.setStatus(request->id, "open");
        }
        const SupportRequest updated = *repository.find(request->id);
        announce(tx, updated, asStaff ? "answered" : "customer_replied", caller.userId, call.traceId,
                 {{"message_id", message.id}});
        return message;
    });
}

Result<SupportRequest> SupportDesk::changeStatus(const access::Principal& caller, const std::string& requestId,
                                                 const std::string& status, const CallContext& call)
{
    if (!isUuid(requestId))
        return noSuchRequest(requestId);
    return m_database.transact([&](db::Transaction& tx) -> Result<SupportRequest> {
        SupportRepository repository(tx);
        auto request = repository.find(requestId, true);
        if (!request || (!isStaff(caller) && request->requesterId != caller.userId))
            return noSuchRequest(requestId);
        if (request->status == status)
            return *request; // already there: a retry changes nothing
        const bool asStaff = isStaff(caller) && request->requesterId != caller.userId;
        if (asStaff ? !staffMayMove(request->status, status) : !requesterMayMove(request->status, status))
            return cannotMove(*request, status);
        if (request->status == "resolved" && status == "open" && !repository.reopenable(request->id, kReopenDays))
            return Error(ErrorCode::Conflict, "this request was resolved more than 14 days ago; open a new one",
                         {{"status", "resolved"}});
        repository.setStatus(request->id, status);
        const SupportRequest updated = *repository.find(request->id);
        announce(tx, updated, "status", caller.userId, call.traceId, {{"previous_status", request->status}});
        return updated;
    });
}

Result<SupportRequest> SupportDesk::assign(const access::Principal& caller, const std::string& requestId,
                                           const std::optional<std::string>& assigneeId, const CallContext& call)
{
    if (!isStaff(caller))
        return Error(ErrorCode::Forbidden, "only support staff assign requests");
    if (!isUuid(requestId))
        return noSuchRequest(requestId);
    std::optional<std::string> assignee;
    if (assigneeId) {
        // Asked before the transaction: no pooled connection is held while another service answers.
        const auto users = m_directory->find<UserDirectory>();
        const auto contact = users ? users->contactOf(*assigneeId) : std::nullopt;
        const bool canHandle = contact &&
            std::any_of(contact->roles.begin(), contact->roles.end(),
                        [](const auto& role) { return role == "support" || role == "admin"; });
        if (!canHandle)
            return invalidField("assignee_id", "is not a support agent or admin");
        assignee = canonicalUuid(*assigneeId);
    }
    return m_database.transact([&](db::Transaction& tx) -> Result<SupportRequest> {
        SupportRepository repository(tx);
        auto request = repository.find(requestId, true);
        if (!request)
            return noSuchRequest(requestId);
        if (request->assigneeId == assignee)
            return *request;
        repository.setAssignee(request->id, assignee);
        const SupportRequest updated = *repository.find(request->id);
        announce(tx, updated, "assigned", caller.userId, call.traceId,
                 {{"assignee_id", assignee ? nlohmann::json(*assignee) : nlohmann::json()}});
        return updated;
    });
}

Result<SupportRequest> SupportDesk::escalate(const access::Principal& caller, const std::string& requestId,
                                             const std::string& reason, const CallContext& call)
{
    if (!isStaff(caller))
        return Error(ErrorCode::Forbidden, "only support staff escalate requests");
    if (!isUuid(requestId))
        return noSuchRequest(requestId);
    return m_database.transact([&](db::Transaction& tx) -> Result<SupportRequest> {
        SupportRepository repository(tx);
        auto request = repository.find(requestId, true);
        if (!request)
            return noSuchRequest(requestId);
        if (request->status == "closed")
            return Error(ErrorCode::Conflict, "a closed request is not escalated", {{"status", "closed"}});
        repository.escalate(request->id, caller.userId, reason);
        const SupportRequest updated = *repository.find(request->id);
        outbox::append(tx, "support",
                       {"support",
                        updated.id,
                        "support.escalated",
                        {{"request_id", updated.id},
                         {"number", updated.number},
                         {"subject", updated.subject},
                         {"category", updated.category},
                         {"reason", reason},
                         {"escalated_by", caller.userId}},
                        call.traceId});
        return updated;
    });
}

int SupportDesk::closeSettledRequests()
{
    return m_database.transact([&](db::Transaction& tx) {
        SupportRepository repository(tx);
        const auto closed = repository.closeResolvedBefore(kReopenDays, 500);
        for (const auto& id : closed)
            announce(tx, *repository.find(id), "status", "", "", {{"previous_status", "resolved"}});
        return static_cast<int>(closed.size());
    });
}

} // namespace sbor::support
