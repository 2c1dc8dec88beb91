#pragma once
// The support desk (seed 004): people open requests and write in their threads; support agents
// (and admins) work the queue — answer, note internally, assign, change the status, escalate to
// the admins. Who sees what: a person their own requests, staff all of them; another person's
// request does not exist for you (404). Every change is announced on the bus (support.*), so the
// requester is told and the admins see escalations live.

#include "supportrequest.h"

#include "access/access.h"
#include "db/connectionpool.h"
#include "paging/cursor.h"
#include "sbor/error.h"
#include "service/callcontext.h"
#include "service/servicedirectory.h"

#include <memory>
#include <optional>
#include <string>

namespace sbor::support {

class SupportDesk {
public:
    SupportDesk(db::ConnectionPool& database, std::shared_ptr<ServiceDirectory> directory)
        : m_database(database), m_directory(std::move(directory))
    {}

    Result<SupportRequest> open(const access::Principal& requester, const NewRequest& request, const CallContext& call);
    // A person's own requests (newest first), or for staff the queue (`query`'s filters).
    Result<paging::Page<SupportRequest>> list(const access::Principal& caller, RequestQuery query,
                                              const std::string& cursor);
    // With its thread; internal notes for staff only.
    Result<SupportRequest> read(const access::Principal& caller, const std::string& requestId);
    // The requester's message reopens a request waiting for them (or resolved within kReopenDays);
    // a staff member's public answer stops the first-response clock.
    Result<SupportMessage> write(const access::Principal& caller, const std::string& requestId, const std::string& body,
                                 bool internal, const CallContext& call);
    Result<SupportRequest> changeStatus(const access::Principal& caller, const std::string& requestId,
                                        const std::string& status, const CallContext& call);
    // Staff: to a support agent or admin, or to nobody.
    Result<SupportRequest> assign(const access::Principal& caller, const std::string& requestId,
                                  const std::optional<std::string>& assigneeId, const CallContext& call);
    Result<SupportRequest> escalate(const access::Principal& caller, const std::string& requestId,
                                    const std::string& reason, const CallContext& call);
    // The job: requests resolved longer than kReopenDays ago are closed. Returns how many.
    int closeSettledRequests();

private:
    db::ConnectionPool& m_database;
    std::shared_ptr<ServiceDirectory> m_directory;
};

inline bool isStaff(const access::Principal& caller) { return caller.has(access::Permission::SupportHandle); }

} // namespace sbor::support
