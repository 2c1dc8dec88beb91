#include "notificationinbox.h"

#include "notificationrepository.h"

#include "db/connectionpool.h"
#include "sbor/uuid.h"

namespace sbor::notifications {
namespace {
Error noSuchNotification(const std::string& id)
{
    return Error(ErrorCode::NotFound, "no notification " + id + " of yours", {{"notification_id", id}});
}
} // namespace

Result<paging::Page<Notification>> NotificationInbox::list(const std::string& userId, bool unreadOnly, int limit,
                                                           const std::string& cursor)
{
    return paging::timeAndIdPage<Notification>(
        cursor, limit,
        [&](const auto& after, int count) {
            return m_database.read([&](db::Transaction& tx) {
                return NotificationRepository(tx).listForUser(userId, unreadOnly, count, after);
            });
        },
        [](const Notification& notification) { return notification.createdAt; });
}

int NotificationInbox::unreadCount(const std::string& userId)
{
    return m_database.read([&](db::Transaction& tx) { return NotificationRepository(tx).unreadCount(userId); });
}

Result<Notification> NotificationInbox::read(const std::string& userId, const std::string& id)
{
    if (!isUuid(id))
        return noSuchNotification(id);
    auto found = m_database.read([&](db::Transaction& tx) { return NotificationRepository(tx).find(userId, id); });
    if (!found)
        return noSuchNotification(id);
    return *found;
}

Result<Notification> NotificationInbox::markRead(const std::string& userId, const std::string& id)
{
    if (!isUuid(id))
        return noSuchNotification(id);
    auto marked = m_database.transact([&](db::Transaction& tx) {
        auto notification = NotificationRepository(tx).markRead(userId, id);
        return notification;
    });
    if (!marked)
        return noSuchNotification(id);
    return *marked;
}

int NotificationInbox::markAllRead(const std::string& userId)
{
    return m_database.transact([&](db::Transaction& tx) {
        const int marked = NotificationRepository(tx).markAllRead(userId);
        return marked;
    });
}

Preferences NotificationInbox::preferences(const std::string& userId)
{
    return m_database.read([&](db::Transaction& tx) {
        return Preferences::fromStored(NotificationRepository(tx).storedPreferences(userId));
    });
}

Result<Preferences> NotificationInbox::changePreferences(const std::string& userId, const nlohmann::json& changes)
{
    return m_database.transact([&](db::Transaction& tx) -> Result<Preferences> {
        NotificationRepository repository(tx);
        // Read and write in one transaction under the row's lock: two devices changing different
        // switches at once both keep their change.
        tx.holdLock("sbor.preferences." + userId);
        Preferences preferences = Preferences::fromStored(repository.storedPreferences(userId));
        if (auto applied = preferences.apply(changes); !applied)
            return applied.error();
        repository.savePreferences(userId, preferences.stored());
        return preferences;
    });
}

} // namespace sbor::notifications
