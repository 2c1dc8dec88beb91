#pragma once
// SQL of the support schema: requests, their messages and the response targets.

#include "supportrequest.h"

#include "db/transaction.h"

#include <optional>
#include <string>
#include <vector>

namespace sbor::support {

class SupportRepository {
public:
    explicit SupportRepository(db::Transaction& tx) : m_tx(tx) {}

    SupportRequest insert(const std::string& requesterId, const NewRequest& request, const ResponseTargets& targets);
    std::optional<SupportRequest> find(const std::string& id, bool lock = false);
    // Items plus one: the extra row says whether there is a next page.
    std::vector<SupportRequest> list(const RequestQuery& query);
    // The thread, oldest first; internal notes only when `withInternal`.
    std::vector<SupportMessage> messagesOf(const std::string& requestId, bool withInternal);
    SupportMessage addMessage(const std::string& requestId, const std::string& authorId, bool fromStaff, bool internal,
                              const std::string& body);

    // A staff member's public answer: the first one stops the first-response clock.
    void recordStaffAnswer(const std::string& id);
    void setStatus(const std::string& id, const std::string& status);
    // Resolved less than `days` ago (its person may still reopen it).
    bool reopenable(const std::string& id, int days);
    void setAssignee(const std::string& id, const std::optional<std::string>& assigneeId);
    void escalate(const std::string& id, const std::string& byId, const std::string& reason);
    // Resolved longer than the reopening window: closed; returns their ids.
    std::vector<std::string> closeResolvedBefore(int days, int limit);

    ResponseTargets targets();
    void rememberTargets(const ResponseTargets& targets);

private:
    db::Transaction& m_tx;
};

} // namespace sbor::support
