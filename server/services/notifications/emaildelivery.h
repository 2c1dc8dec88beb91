#pragma once
// Sends the queued emails (a background job): each is claimed for a while, composed with its
// ticket's QR as it is now, handed to SMTP, and marked sent — or tried again later with a growing
// pause, and given up after a day of failures or at once on a permanent (5xx) refusal.

#include "smtpsender.h"

#include <memory>

namespace sbor {
class ServiceDirectory;
namespace db {
class ConnectionPool;
}
} // namespace sbor

namespace sbor::notifications {

class EmailDelivery {
public:
    EmailDelivery(db::ConnectionPool& database, std::shared_ptr<ServiceDirectory> directory, SmtpSender sender);
    // Sends what is due; returns how many went out.
    int sendDue();

private:
    db::ConnectionPool& m_database;
    std::shared_ptr<ServiceDirectory> m_directory;
    SmtpSender m_sender;
};

} // namespace sbor::notifications
