#include "emaildelivery.h"

#include "emailmessage.h"
#include "notificationrepository.h"

#include "db/connectionpool.h"
#include "log/logger.h"
#include "service/contracts.h"
#include "service/servicedirectory.h"

#include <algorithm>

namespace sbor::notifications {
namespace {
constexpr int kBatch = 10;
constexpr int kLeaseSeconds = kBatch * 15 * 2 + 60; // longer than a batch of SMTP timeouts
constexpr int kGiveUpAfterAttempts = 12;            // 30 s doubling, capped at an hour: about half a day
} // namespace

EmailDelivery::EmailDelivery(db::ConnectionPool& database, std::shared_ptr<ServiceDirectory> directory,
                             SmtpSender sender)
    : m_database(database), m_directory(std::move(directory)), m_sender(std::move(sender))
{}

int EmailDelivery::sendDue()
{
    const std::vector<StoredEmail> due = m_database.transact([&](db::Transaction& tx) {
        auto claimed = NotificationRepository(tx).claimDueEmails(kBatch, kLeaseSeconds);
        return claimed;
    });
    int sent = 0;
    for (const StoredEmail& stored : due) {
        EmailMessage message{m_sender.from(),    stored.email.to, stored.email.subject, stored.email.body, {},
                             stored.id + "@sbor"};
        std::string giveUp;
        if (stored.email.ticketId) {
            const auto tickets = m_directory->find<TicketDocuments>();
            const auto ticket = tickets ? tickets->ticketDocument(*stored.email.ticketId, true) : std::nullopt;
            if (!ticket)
                giveUp = "the ticket is not reachable from this process";
            else if (ticket->status != TicketStatus::Valid)
                giveUp = "the ticket was " + statusText(ticket->status) + " before its email went out";
            else
                message.attachments.push_back(
                    {"ticket-" + ticket->ticketId.substr(0, 8) + ".png", "image/png", ticket->qrPng});
        }
        const SmtpOutcome outcome = giveUp.empty() ? m_sender.send(stored.email.to, composeEmail(message))
                                                   : SmtpOutcome{false, true, giveUp};
        m_database.transact([&](db::Transaction& tx) {
            NotificationRepository repository(tx);
            if (outcome.sent)
                repository.markEmailSent(stored.id);
            else if (outcome.permanent || stored.attempts >= kGiveUpAfterAttempts)
                repository.markEmailFailed(stored.id, outcome.error);
            else
                repository.markEmailRetry(stored.id, outcome.error,
                                          std::min(30 << std::min(stored.attempts - 1, 7), 3600));
        });
        if (outcome.sent) {
            ++sent;
            log::info("email sent", {{"email_id", stored.id}, {"type", stored.email.type}});
        } else {
            log::warn("an email was not sent",
                      {{"email_id", stored.id},
                       {"type", stored.email.type},
                       {"attempt", stored.attempts},
                       {"permanent", outcome.permanent},
                       {"error", outcome.error}});
        }
    }
    return sent;
}

} // namespace sbor::notifications
