#pragma once
// SQL of the in-app inbox, preferences, the ticket-holder projection and the email queue
// (schema `notifications`). Works inside the caller's transaction.

#include "notification.h"

#include "db/transaction.h"

#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace sbor::notifications {

class NotificationRepository {
public:
    explicit NotificationRepository(db::Transaction& tx) : m_tx(tx) {}

    Notification insertNotification(const std::string& userId, const std::string& type, const std::string& title,
                                    const std::string& body, const nlohmann::json& data,
                                    const std::string& sourceMessageId);
    std::vector<Notification> listForUser(const std::string& userId, bool unreadOnly, int limit,
                                          const std::optional<std::pair<std::string, std::string>>& after);
    std::optional<Notification> find(const std::string& userId, const std::string& id);
    // Read now (or when it was first read); null when it is not this user's.
    std::optional<Notification> markRead(const std::string& userId, const std::string& id);
    int markAllRead(const std::string& userId);
    int unreadCount(const std::string& userId);

    nlohmann::json storedPreferences(const std::string& userId);
    void savePreferences(const std::string& userId, const nlohmann::json& stored);

    // First come wins: a holder recorded before keeps its row.
    void recordHolder(const TicketHolderRecord& holder);
    int holderCountOfOrder(const std::string& orderId);
    std::optional<TicketHolderRecord> holder(const std::string& ticketId);
    std::vector<TicketHolderRecord> holdersOfEvent(const std::string& eventId, bool includeCancelled);
    void markHolderCancelled(const std::string& ticketId);

    // Local time text of an RFC 3339 instant in an IANA zone, by PostgreSQL's time zone rules.
    std::string localTime(const std::string& instant, const std::string& timezone, const std::string& language);

    void queueEmail(const OutgoingEmail& email, const std::string& sourceMessageId);
    // Claims up to `limit` due emails for `leaseSeconds` (so another sender skips them meanwhile).
    std::vector<StoredEmail> claimDueEmails(int limit, int leaseSeconds);
    void markEmailSent(const std::string& id);
    void markEmailRetry(const std::string& id, const std::string& error, int delaySeconds);
    void markEmailFailed(const std::string& id, const std::string& error);

private:
    db::Transaction& m_tx;
};

} // namespace sbor::notifications
