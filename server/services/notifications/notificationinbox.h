#pragma once
// A person's in-app notifications and their preferences (the HTTP-free half of the
// /notifications routes).

#include "notification.h"
#include "preferences.h"

#include "paging/cursor.h"
#include "sbor/error.h"

#include <string>

namespace sbor::db {
class ConnectionPool;
}

namespace sbor::notifications {

class NotificationInbox {
public:
    explicit NotificationInbox(db::ConnectionPool& database) : m_database(database) {}

    Result<paging::Page<Notification>> list(const std::string& userId, bool unreadOnly, int limit,
                                            const std::string& cursor);
    int unreadCount(const std::string& userId);
    Result<Notification> read(const std::string& userId, const std::string& id);
    Result<Notification> markRead(const std::string& userId, const std::string& id);
    int markAllRead(const std::string& userId);
    Preferences preferences(const std::string& userId);
    Result<Preferences> changePreferences(const std::string& userId, const nlohmann::json& changes);

private:
    db::ConnectionPool& m_database;
};

} // namespace sbor::notifications
