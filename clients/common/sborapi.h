#pragma once
// The typed Sbor API: one method per documented operation of auth, users, events, ticket types,
// orders, tickets, check-in, devices, notifications and statistics, each answering a QFuture of
// the shared wire DTO (sbor/wire/) or of the ApiError that stopped it. A list answers one page
// (wire::Page) and takes the cursor of the previous one; PagedListModel walks them for views.
//
// Which calls are retried: reads, PUTs and DELETEs; an order placed with an idempotency key; a
// redeem or batch (their scan ids make a replay harmless). Everything else is sent once.

#include "apiclient.h"

#include "sbor/wire/account.h"
#include "sbor/wire/audit.h"
#include "sbor/wire/door.h"
#include "sbor/wire/event.h"
#include "sbor/wire/notification.h"
#include "sbor/wire/sales.h"
#include "sbor/wire/health.h"
#include "sbor/wire/logs.h"
#include "sbor/wire/platform.h"
#include "sbor/wire/reports.h"
#include "sbor/wire/statistics.h"
#include "sbor/wire/support.h"
#include "sbor/wire/templates.h"

#include <QByteArray>
#include <QFuture>
#include <QString>

#include <optional>
#include <vector>

namespace sbor::client {

// GET /events filters (all optional).
struct EventQuery {
    bool mine = false; // the organizer's own events, in any status
    QString status;
    std::optional<qint64> categoryId;
    QString from; // RFC 3339
    QString to;
    QString text;
    QString organizerId;
    QString sort; // starts_at | -starts_at | created_at | -created_at
    int limit = 0;
    QString cursor;
};

// GET /events/{id}/orders and /attendees filters (all optional; the server's defaults otherwise).
struct SalesQuery {
    QString text;   // q
    QString status; // an order or ticket status word
    QString ticketTypeId;
    QString createdFrom; // orders only, RFC 3339
    QString createdTo;
    std::optional<bool> checkedIn; // attendees only
    QString sort;
    int limit = 0;
    QString cursor;
};

// GET /events/{id}/stats/series.
struct SeriesQuery {
    QString metric;
    QString interval; // minute | hour | day
    QString from;
    QString to;
    QString ticketTypeId;
    QString listId;
};

// GET /admin/users filters (all optional).
struct UserSearch {
    QString text; // q: email, name
    QString role;
    QString status;      // active | blocked | deleted
    QString createdFrom; // RFC 3339
    QString createdTo;
    int limit = 0;
    QString cursor;
};

// GET /admin/audit-log filters (all optional).
struct AuditQuery {
    QString actor;  // a user id
    QString action; // user.blocked, platform.settings_changed …
    QString target; // a user id
    QString from;   // RFC 3339
    QString to;
    int limit = 0;
    QString cursor;
};

// GET /support/requests filters (all optional).
struct SupportQuery {
    QString status;   // comma-separated statuses
    QString category; // order | payment | event | account | other
    QString assignee; // a user id, "me" or "none"
    QString text;
    QString sort; // due (overdue first, the default) | newest
    int limit = 0;
    QString cursor;
};

class SborApi {
public:
    explicit SborApi(ApiClient& client) : m_client(client) {}
    ApiClient& client() { return m_client; }

    // Auth. login and refresh keep the new tokens in the client; logout forgets them.
    QFuture<ApiResult<wire::User>> registerAccount(const wire::Registration& registration);
    QFuture<ApiResult<wire::TokenGrant>> login(const QString& email, const QString& password, const QString& otp = {});
    QFuture<ApiResult<Done>> logout();
    QFuture<ApiResult<wire::Page<wire::Session>>> sessions();
    QFuture<ApiResult<Done>> endSession(const QString& sessionId);
    QFuture<ApiResult<wire::TwoFactorSetup>> setupTwoFactor(const QString& password);
    QFuture<ApiResult<wire::TwoFactorState>> enableTwoFactor(const QString& code, bool endOtherSessions = false);
    QFuture<ApiResult<wire::TwoFactorState>> disableTwoFactor(const QString& password, const QString& code,
                                                              bool endOtherSessions = false);

    // Users.
    QFuture<ApiResult<wire::User>> me();
    QFuture<ApiResult<wire::User>> updateMe(const wire::ProfileChanges& changes);
    QFuture<ApiResult<Done>> deleteMe(const QString& password);
    QFuture<ApiResult<wire::PasswordChange>> changePassword(const QString& current, const QString& replacement,
                                                            bool endOtherSessions = true);
    QFuture<ApiResult<wire::User>> becomeOrganizer();
    QFuture<ApiResult<wire::User>> user(const QString& userId);

    // Events, schedules, categories.
    QFuture<ApiResult<wire::Event>> createEvent(const wire::EventDraft& draft);
    QFuture<ApiResult<wire::Page<wire::Event>>> events(const EventQuery& query = {});
    QFuture<ApiResult<wire::Event>> event(const QString& eventId);
    QFuture<ApiResult<wire::Event>> updateEvent(const QString& eventId, const wire::EventChanges& changes);
    QFuture<ApiResult<wire::Event>> publishEvent(const QString& eventId);
    QFuture<ApiResult<wire::Event>> cancelEvent(const QString& eventId, const QString& reason);
    QFuture<ApiResult<std::vector<wire::ScheduleItem>>> schedule(const QString& eventId);
    QFuture<ApiResult<std::vector<wire::ScheduleItem>>> replaceSchedule(const QString& eventId,
                                                                        const std::vector<wire::ScheduleItem>& items);
    QFuture<ApiResult<wire::Event>> copyEvent(const QString& eventId, const wire::EventCopyRequest& request);
    QFuture<ApiResult<wire::Page<wire::TeamMember>>> team(const QString& eventId);
    QFuture<ApiResult<wire::TeamMember>> addTeamMember(const QString& eventId, const wire::TeamInvitation& invitation);
    QFuture<ApiResult<wire::TeamMember>> removeTeamMember(const QString& eventId, const QString& userId);
    QFuture<ApiResult<std::vector<wire::Category>>> categories();
    QFuture<ApiResult<wire::Category>> createCategory(const QString& slug, const QString& name);
    QFuture<ApiResult<wire::Category>> renameCategory(qint64 categoryId, const QString& name);
    QFuture<ApiResult<Done>> deleteCategory(qint64 categoryId);

    // Ticket types.
    QFuture<ApiResult<wire::TicketType>> createTicketType(const QString& eventId, const wire::TicketTypeDraft& draft);
    QFuture<ApiResult<std::vector<wire::TicketType>>> ticketTypes(const QString& eventId);
    QFuture<ApiResult<wire::TicketType>> updateTicketType(const QString& ticketTypeId,
                                                          const wire::TicketTypeChanges& changes);

    // Orders. An empty idempotency key gets a fresh one, so a retried order is placed once.
    QFuture<ApiResult<wire::PlacedOrder>> placeOrder(const wire::OrderRequest& request, QByteArray idempotencyKey = {});
    QFuture<ApiResult<wire::Page<wire::Order>>> orders(const QString& cursor = {}, int limit = 0);
    QFuture<ApiResult<wire::Order>> order(const QString& orderId);
    QFuture<ApiResult<wire::Order>> cancelOrder(const QString& orderId);

    // Tickets.
    QFuture<ApiResult<wire::Page<wire::Ticket>>> tickets(const QString& cursor = {}, int limit = 0);
    QFuture<ApiResult<wire::Ticket>> ticket(const QString& ticketId);
    QFuture<ApiResult<wire::Ticket>> changeTicket(const QString& ticketId, const wire::TicketChanges& changes);
    QFuture<ApiResult<QByteArray>> ticketQrPng(const QString& ticketId, int scale = 0);
    QFuture<ApiResult<QByteArray>> ticketQrSvg(const QString& ticketId);
    QFuture<ApiResult<wire::Ticket>> blockTicket(const QString& ticketId);
    QFuture<ApiResult<wire::Ticket>> unblockTicket(const QString& ticketId);
    QFuture<ApiResult<wire::Ticket>> reissueTicket(const QString& ticketId);

    // Check-in: lists, redeem, annul, search, codes, batches, a device's sync, statistics.
    QFuture<ApiResult<wire::CheckInList>> createCheckInList(const QString& eventId,
                                                            const wire::CheckInListDraft& draft);
    QFuture<ApiResult<std::vector<wire::CheckInList>>> checkInLists(const QString& eventId);
    QFuture<ApiResult<wire::RedeemAnswer>> redeem(const wire::ScanSubmission& scan, int timeoutMs = 0);
    QFuture<ApiResult<wire::AnnulAnswer>> annul(const QString& scanId);
    QFuture<ApiResult<std::vector<wire::DoorSearchHit>>> searchDoor(const QString& listId, const QString& text,
                                                                    int limit = 0);
    QFuture<ApiResult<wire::RedeemAnswer>> validateCode(const QString& code, const QString& listId = {});
    QFuture<ApiResult<wire::RedeemAnswer>> checkInCode(const QString& code, const QString& listId = {},
                                                       const QString& scanId = {});
    // The list is the device's own unless named; each scan needs scannedAt.
    QFuture<ApiResult<std::vector<wire::RedeemAnswer>>> redeemBatch(const std::vector<wire::ScanSubmission>& scans,
                                                                    const QString& listId = {});
    QFuture<ApiResult<wire::DoorSyncPage>> syncDoor(const QString& cursor = {}, int limit = 0);
    QFuture<ApiResult<wire::EventStatistics>> eventStatistics(const QString& eventId);
    QFuture<ApiResult<wire::StatsSeries>> statsSeries(const QString& eventId, const SeriesQuery& query);

    // The organizer's views of an event's sales.
    QFuture<ApiResult<wire::Page<wire::EventOrder>>> eventOrders(const QString& eventId, const SalesQuery& query = {});
    QFuture<ApiResult<wire::Page<wire::EventAttendee>>> eventAttendees(const QString& eventId,
                                                                       const SalesQuery& query = {});

    // Devices (kiosks). enrollDevice needs no credentials and keeps the device token in the client.
    QFuture<ApiResult<wire::IssuedEnrollment>> createEnrollment(const QString& eventId, const QString& listId,
                                                                const QString& deviceName);
    QFuture<ApiResult<wire::EnrolledDevice>> enrollDevice(const QString& code);
    QFuture<ApiResult<std::vector<wire::Device>>> devices(const QString& eventId);
    QFuture<ApiResult<wire::Device>> revokeDevice(const QString& deviceId);

    // Notifications.
    QFuture<ApiResult<wire::Page<wire::Notification>>> notifications(const QString& cursor = {}, int limit = 0,
                                                                     bool unreadOnly = false);
    QFuture<ApiResult<Done>> markAllNotificationsRead();
    QFuture<ApiResult<wire::NotificationPreferences>> notificationPreferences();
    QFuture<ApiResult<wire::NotificationPreferences>> changeNotificationPreferences(
        const wire::NotificationPreferences& changes);
    QFuture<ApiResult<wire::Notification>> notification(const QString& notificationId);
    QFuture<ApiResult<wire::Notification>> markNotificationRead(const QString& notificationId);

    // Running the platform (admins; support agents read users and work the support queue).
    // Changes that decide who may do what answer reauthentication_required after 5 minutes:
    // reauthenticate, then send them again.
    QFuture<ApiResult<Done>> reauthenticate(const QString& password, const QString& otp = {});
    QFuture<ApiResult<wire::Page<wire::User>>> searchUsers(const UserSearch& search);
    QFuture<ApiResult<Done>> blockUser(const QString& userId, const QString& reason);
    QFuture<ApiResult<Done>> unblockUser(const QString& userId);
    // The person's page: profile, live sessions, recent audit entries, orders and events counts.
    QFuture<ApiResult<wire::UserDossier>> userDossier(const QString& userId);
    // Replaces the roles (at least one; the last active admin keeps theirs).
    QFuture<ApiResult<wire::User>> setUserRoles(const QString& userId, const QStringList& roles);
    // Signs the person out everywhere; answers how many sessions ended.
    QFuture<ApiResult<qint64>> endUserSessions(const QString& userId);
    QFuture<ApiResult<wire::User>> resetUserTwoFactor(const QString& userId);
    // GDPR erasure; `confirmEmail` must be the person's address, typed by the admin.
    QFuture<ApiResult<Done>> eraseUser(const QString& userId, const QString& confirmEmail);
    QFuture<ApiResult<wire::PlatformSettings>> platformSettings();
    QFuture<ApiResult<wire::PlatformSettings>> changePlatformSettings(const wire::PlatformSettingsChanges& changes);
    QFuture<ApiResult<std::vector<wire::NotificationTemplate>>> notificationTemplates();
    QFuture<ApiResult<wire::NotificationTemplate>> changeNotificationTemplate(const QString& name,
                                                                              const QString& language,
                                                                              const wire::TemplateText& text,
                                                                              std::optional<qint64> version);
    QFuture<ApiResult<wire::NotificationTemplate>> resetNotificationTemplate(const QString& name,
                                                                             const QString& language,
                                                                             std::optional<qint64> version);
    QFuture<ApiResult<wire::RenderedTemplate>> previewNotificationTemplate(const QString& name, const QString& language,
                                                                           const wire::TemplateText& draft);
    QFuture<ApiResult<wire::RenderedTemplate>> sendTestNotificationTemplate(const QString& name,
                                                                            const QString& language,
                                                                            const wire::TemplateText& draft);
    QFuture<ApiResult<wire::PlatformHealth>> platformHealth();
    QFuture<ApiResult<wire::Page<wire::AuditEntry>>> auditLog(const AuditQuery& query = {});
    // Every service's lines of one request (a W3C trace id), oldest first, from the last `days`.
    QFuture<ApiResult<std::vector<wire::LogLine>>> logsOfTrace(const QString& traceId, int days = 0);
    // `interval` day | week | month; `from`/`to` RFC 3339 (empty: the server's default range).
    QFuture<ApiResult<wire::SalesReport>> salesReport(const QString& interval, const QString& from, const QString& to,
                                                      const QString& timezone = {});
    // registrations | checkins | support, the same range as salesReport.
    QFuture<ApiResult<wire::CountsReport>> countsReport(const QString& report, const QString& interval,
                                                        const QString& from, const QString& to,
                                                        const QString& timezone = {});
    // Any platform report (`report` sales | registrations | checkins | support) as CSV (RFC 4180).
    QFuture<ApiResult<QByteArray>> reportCsv(const QString& report, const QString& interval, const QString& from,
                                             const QString& to, const QString& timezone = {});
    // Anyone signed in asks support; `category` order | payment | event | account | other.
    QFuture<ApiResult<wire::SupportRequest>> openSupportRequest(const QString& subject, const QString& body,
                                                                const QString& category);
    QFuture<ApiResult<wire::Page<wire::SupportRequest>>> supportRequests(const SupportQuery& query = {});
    QFuture<ApiResult<wire::SupportRequest>> supportRequest(const QString& requestId);
    QFuture<ApiResult<wire::SupportMessage>> writeSupportMessage(const QString& requestId, const QString& body,
                                                                 bool internal);
    QFuture<ApiResult<wire::SupportRequest>> changeSupportStatus(const QString& requestId, const QString& status);
    QFuture<ApiResult<wire::SupportRequest>> escalateSupportRequest(const QString& requestId, const QString& reason);
    // Disputes about orders: by deadline; `statuses` comma-separated (empty: all).
    QFuture<ApiResult<wire::Page<wire::Dispute>>> disputes(const QString& statuses = {}, const QString& cursor = {},
                                                           int limit = 0);
    QFuture<ApiResult<wire::Dispute>> dispute(const QString& disputeId);
    // `refundAmount` only with "lost": part of the order's money (none: all of it).
    QFuture<ApiResult<wire::Dispute>> decideDispute(const QString& disputeId, const QString& outcome,
                                                    std::optional<qint64> refundAmount, const QString& note);

private:
    ApiClient& m_client;
};

// A fresh random key for Idempotency-Key and scan ids: 32 hex digits.
QByteArray newRequestKey();

} // namespace sbor::client
