#include "sborapi.h"

#include <QRandomGenerator>
#include <QUrl>

namespace sbor::client {

namespace {

QString segment(const QString& value) { return QString::fromLatin1(QUrl::toPercentEncoding(value)); }

std::string text(const QString& value) { return value.toStdString(); }

ApiRequest get(const QString& path, QUrlQuery query = {})
{
    ApiRequest request;
    request.path = path;
    request.query = std::move(query);
    request.idempotent = true;
    return request;
}

ApiRequest withBody(QByteArray method, const QString& path, std::optional<nlohmann::json> body, bool idempotent)
{
    ApiRequest request;
    request.method = std::move(method);
    request.path = path;
    request.body = std::move(body);
    request.idempotent = idempotent;
    return request;
}

ApiRequest post(const QString& path, std::optional<nlohmann::json> body = std::nullopt)
{
    return withBody("POST", path, std::move(body), false);
}
ApiRequest put(const QString& path, std::optional<nlohmann::json> body = std::nullopt)
{
    return withBody("PUT", path, std::move(body), true);
}
ApiRequest patch(const QString& path, nlohmann::json body) { return withBody("PATCH", path, std::move(body), false); }
ApiRequest remove(const QString& path, std::optional<nlohmann::json> body = std::nullopt)
{
    return withBody("DELETE", path, std::move(body), true);
}

// QUrlQuery leaves "+", "%" and "&" in a value to mean what they mean in a URL: encode first.
void addItem(QUrlQuery& query, const QString& name, const QString& value)
{
    query.addQueryItem(name, QString::fromLatin1(QUrl::toPercentEncoding(value)));
}

// A filter left empty is not sent: the server's default applies.
void addGiven(QUrlQuery& query, const QString& name, const QString& value)
{
    if (!value.isEmpty())
        addItem(query, name, value);
}

// The platform reports' range: the same four parameters for each report and each form.
QUrlQuery reportRange(const QString& interval, const QString& from, const QString& to, const QString& timezone)
{
    QUrlQuery query;
    addGiven(query, "interval", interval);
    addGiven(query, "from", from);
    addGiven(query, "to", to);
    addGiven(query, "timezone", timezone);
    return query;
}

void addPaging(QUrlQuery& query, const QString& cursor, int limit)
{
    if (!cursor.isEmpty())
        addItem(query, "cursor", cursor);
    if (limit > 0)
        addItem(query, "limit", QString::number(limit));
}

// Decoders: the body as one DTO, as a page, as the items of a list that has no further pages.
template <typename T> std::function<T(const RawAnswer&)> one()
{
    return [](const RawAnswer& answer) { return wire::decode<T>(jsonOf(answer)); };
}

template <typename T> std::function<wire::Page<T>(const RawAnswer&)> page()
{
    return [](const RawAnswer& answer) { return wire::decodePage<T>(jsonOf(answer)); };
}

template <typename T> std::function<std::vector<T>(const RawAnswer&)> items()
{
    return [](const RawAnswer& answer) { return wire::decodePage<T>(jsonOf(answer)).items; };
}

std::function<Done(const RawAnswer&)> nothing()
{
    return [](const RawAnswer&) { return Done{}; };
}

std::function<QByteArray(const RawAnswer&)> bytes(const char* expectedType)
{
    return [expectedType](const RawAnswer& answer) {
        if (!answer.contentType.startsWith(expectedType))
            throw wire::DecodeError("the answer is " + answer.contentType.toStdString() + ", not " + expectedType);
        return answer.body;
    };
}

} // namespace

QByteArray newRequestKey()
{
    quint32 words[4];
    QRandomGenerator::system()->fillRange(words);
    return QByteArray(reinterpret_cast<const char*>(words), sizeof words).toHex();
}

// ---- auth

QFuture<ApiResult<wire::User>> SborApi::registerAccount(const wire::Registration& registration)
{
    auto request = post("/api/v1/auth/register", wire::toJson(registration));
    request.authenticated = false;
    return m_client.call<wire::User>(std::move(request), [](const RawAnswer& answer) {
        const auto json = jsonOf(answer);
        return wire::decode<wire::User>(wire::FieldReader(json).object("user"), "user");
    });
}

QFuture<ApiResult<wire::TokenGrant>> SborApi::login(const QString& email, const QString& password, const QString& otp)
{
    nlohmann::json body = {{"email", text(email)}, {"password", text(password)}};
    if (!otp.isEmpty())
        body["otp"] = text(otp);
    auto request = post("/api/v1/auth/login", body);
    request.authenticated = false;
    ApiClient* client = &m_client;
    return m_client.call<wire::TokenGrant>(std::move(request), one<wire::TokenGrant>())
        .then(&m_client, [client](ApiResult<wire::TokenGrant> grant) {
            if (grant)
                client->setUserTokens(QString::fromStdString(grant->accessToken),
                                      QString::fromStdString(grant->refreshToken), grant->expiresIn);
            return grant;
        });
}

QFuture<ApiResult<Done>> SborApi::logout()
{
    ApiClient* client = &m_client;
    return m_client.call<Done>(post("/api/v1/auth/logout"), nothing()).then(&m_client, [client](ApiResult<Done> done) {
        client->clearCredentials();
        return done;
    });
}

QFuture<ApiResult<wire::Page<wire::Session>>> SborApi::sessions()
{
    return m_client.call(get("/api/v1/auth/sessions"), page<wire::Session>());
}

QFuture<ApiResult<Done>> SborApi::endSession(const QString& sessionId)
{
    return m_client.call(remove("/api/v1/auth/sessions/" + segment(sessionId)), nothing());
}

QFuture<ApiResult<wire::TwoFactorSetup>> SborApi::setupTwoFactor(const QString& password)
{
    return m_client.call(post("/api/v1/auth/2fa/setup", nlohmann::json{{"password", text(password)}}),
                         one<wire::TwoFactorSetup>());
}

QFuture<ApiResult<wire::TwoFactorState>> SborApi::enableTwoFactor(const QString& code, bool endOtherSessions)
{
    return m_client.call(
        post("/api/v1/auth/2fa/enable", nlohmann::json{{"code", text(code)}, {"end_other_sessions", endOtherSessions}}),
        one<wire::TwoFactorState>());
}

QFuture<ApiResult<wire::TwoFactorState>> SborApi::disableTwoFactor(const QString& password, const QString& code,
                                                                   bool endOtherSessions)
{
    return m_client.call(post("/api/v1/auth/2fa/disable",
                              nlohmann::json{{"password", text(password)},
                                             {"code", text(code)},
                                             {"end_other_sessions", endOtherSessions}}),
                         one<wire::TwoFactorState>());
}

// ---- users

QFuture<ApiResult<wire::User>> SborApi::me() { return m_client.call(get("/api/v1/users/me"), one<wire::User>()); }

QFuture<ApiResult<wire::User>> SborApi::updateMe(const wire::ProfileChanges& changes)
{
    return m_client.call(put("/api/v1/users/me", wire::toJson(changes)), one<wire::User>());
}

QFuture<ApiResult<Done>> SborApi::deleteMe(const QString& password)
{
    return m_client.call(remove("/api/v1/users/me", nlohmann::json{{"password", text(password)}}), nothing());
}

QFuture<ApiResult<wire::PasswordChange>> SborApi::changePassword(const QString& current, const QString& replacement,
                                                                 bool endOtherSessions)
{
    return m_client.call(post("/api/v1/users/me/password",
                              nlohmann::json{{"current_password", text(current)},
                                             {"new_password", text(replacement)},
                                             {"end_other_sessions", endOtherSessions}}),
                         one<wire::PasswordChange>());
}

QFuture<ApiResult<wire::User>> SborApi::becomeOrganizer()
{
    return m_client.call(post("/api/v1/users/me/become-organizer"), one<wire::User>());
}

QFuture<ApiResult<wire::User>> SborApi::user(const QString& userId)
{
    return m_client.call(get("/api/v1/users/" + segment(userId)), one<wire::User>());
}

// ---- events

QFuture<ApiResult<wire::Event>> SborApi::createEvent(const wire::EventDraft& draft)
{
    return m_client.call(post("/api/v1/events", wire::toJson(draft)), one<wire::Event>());
}

QFuture<ApiResult<wire::Page<wire::Event>>> SborApi::events(const EventQuery& filter)
{
    QUrlQuery query;
    if (filter.mine)
        addItem(query, "mine", "true");
    const std::pair<const char*, QString> texts[] = {
        {"status", filter.status},         {"from", filter.from}, {"to", filter.to}, {"q", filter.text},
        {"organizer", filter.organizerId}, {"sort", filter.sort}};
    for (const auto& [name, value] : texts)
        if (!value.isEmpty())
            addItem(query, name, value);
    if (filter.categoryId)
        addItem(query, "category", QString::number(*filter.categoryId));
    addPaging(query, filter.cursor, filter.limit);
    return m_client.call(get("/api/v1/events", query), page<wire::Event>());
}

QFuture<ApiResult<wire::Event>> SborApi::copyEvent(const QString& eventId, const wire::EventCopyRequest& request)
{
    return m_client.call(post("/api/v1/events/" + segment(eventId) + "/copy", wire::toJson(request)),
                         one<wire::Event>());
}

QFuture<ApiResult<wire::Page<wire::TeamMember>>> SborApi::team(const QString& eventId)
{
    return m_client.call(get("/api/v1/events/" + segment(eventId) + "/team"), page<wire::TeamMember>());
}

QFuture<ApiResult<wire::TeamMember>> SborApi::addTeamMember(const QString& eventId,
                                                            const wire::TeamInvitation& invitation)
{
    // Adding the same person with the same role again changes nothing: safe to repeat.
    auto request = post("/api/v1/events/" + segment(eventId) + "/team", wire::toJson(invitation));
    request.idempotent = true;
    return m_client.call(request, one<wire::TeamMember>());
}

QFuture<ApiResult<wire::TeamMember>> SborApi::removeTeamMember(const QString& eventId, const QString& userId)
{
    return m_client.call(remove("/api/v1/events/" + segment(eventId) + "/team/" + segment(userId)),
                         one<wire::TeamMember>());
}

QFuture<ApiResult<wire::Event>> SborApi::event(const QString& eventId)
{
    return m_client.call(get("/api/v1/events/" + segment(eventId)), one<wire::Event>());
}

QFuture<ApiResult<wire::Event>> SborApi::updateEvent(const QString& eventId, const wire::EventChanges& changes)
{
    return m_client.call(patch("/api/v1/events/" + segment(eventId), wire::toJson(changes)), one<wire::Event>());
}

QFuture<ApiResult<wire::Event>> SborApi::publishEvent(const QString& eventId)
{
    return m_client.call(post("/api/v1/events/" + segment(eventId) + "/publish"), one<wire::Event>());
}

QFuture<ApiResult<wire::Event>> SborApi::cancelEvent(const QString& eventId, const QString& reason)
{
    return m_client.call(
        post("/api/v1/events/" + segment(eventId) + "/cancel", nlohmann::json{{"reason", text(reason)}}),
        one<wire::Event>());
}

QFuture<ApiResult<std::vector<wire::ScheduleItem>>> SborApi::schedule(const QString& eventId)
{
    return m_client.call(get("/api/v1/events/" + segment(eventId) + "/schedule"), items<wire::ScheduleItem>());
}

QFuture<ApiResult<std::vector<wire::ScheduleItem>>> SborApi::replaceSchedule(
    const QString& eventId, const std::vector<wire::ScheduleItem>& list)
{
    return m_client.call(
        put("/api/v1/events/" + segment(eventId) + "/schedule", nlohmann::json{{"items", wire::encodeList(list)}}),
        items<wire::ScheduleItem>());
}

QFuture<ApiResult<std::vector<wire::Category>>> SborApi::categories()
{
    return m_client.call(get("/api/v1/categories"), items<wire::Category>());
}

QFuture<ApiResult<wire::Category>> SborApi::createCategory(const QString& slug, const QString& name)
{
    return m_client.call(post("/api/v1/categories", nlohmann::json{{"slug", text(slug)}, {"name", text(name)}}),
                         one<wire::Category>());
}

QFuture<ApiResult<wire::Category>> SborApi::renameCategory(qint64 categoryId, const QString& name)
{
    return m_client.call(
        patch("/api/v1/categories/" + QString::number(categoryId), nlohmann::json{{"name", text(name)}}),
        one<wire::Category>());
}

QFuture<ApiResult<Done>> SborApi::deleteCategory(qint64 categoryId)
{
    return m_client.call(remove("/api/v1/categories/" + QString::number(categoryId)), nothing());
}

// ---- ticket types

QFuture<ApiResult<wire::TicketType>> SborApi::createTicketType(const QString& eventId,
                                                               const wire::TicketTypeDraft& draft)
{
    return m_client.call(post("/api/v1/events/" + segment(eventId) + "/ticket-types", wire::toJson(draft)),
                         one<wire::TicketType>());
}

QFuture<ApiResult<std::vector<wire::TicketType>>> SborApi::ticketTypes(const QString& eventId)
{
    return m_client.call(get("/api/v1/events/" + segment(eventId) + "/ticket-types"), items<wire::TicketType>());
}

QFuture<ApiResult<wire::TicketType>> SborApi::updateTicketType(const QString& ticketTypeId,
                                                               const wire::TicketTypeChanges& changes)
{
    return m_client.call(patch("/api/v1/ticket-types/" + segment(ticketTypeId), wire::toJson(changes)),
                         one<wire::TicketType>());
}

// ---- orders

QFuture<ApiResult<wire::PlacedOrder>> SborApi::placeOrder(const wire::OrderRequest& order, QByteArray idempotencyKey)
{
    auto request = post("/api/v1/orders", wire::toJson(order));
    request.idempotencyKey = idempotencyKey.isEmpty() ? newRequestKey() : std::move(idempotencyKey);
    request.idempotent = true; // the key makes a replay return the first order
    return m_client.call(std::move(request), one<wire::PlacedOrder>());
}

QFuture<ApiResult<wire::Page<wire::Order>>> SborApi::orders(const QString& cursor, int limit)
{
    QUrlQuery query;
    addPaging(query, cursor, limit);
    return m_client.call(get("/api/v1/orders", query), page<wire::Order>());
}

QFuture<ApiResult<wire::Order>> SborApi::order(const QString& orderId)
{
    return m_client.call(get("/api/v1/orders/" + segment(orderId)), one<wire::Order>());
}

QFuture<ApiResult<wire::Order>> SborApi::cancelOrder(const QString& orderId)
{
    return m_client.call(post("/api/v1/orders/" + segment(orderId) + "/cancel"), one<wire::Order>());
}

// ---- tickets

QFuture<ApiResult<wire::Page<wire::Ticket>>> SborApi::tickets(const QString& cursor, int limit)
{
    QUrlQuery query;
    addPaging(query, cursor, limit);
    return m_client.call(get("/api/v1/tickets", query), page<wire::Ticket>());
}

QFuture<ApiResult<wire::Ticket>> SborApi::ticket(const QString& ticketId)
{
    return m_client.call(get("/api/v1/tickets/" + segment(ticketId)), one<wire::Ticket>());
}

QFuture<ApiResult<wire::Ticket>> SborApi::changeTicket(const QString& ticketId, const wire::TicketChanges& changes)
{
    return m_client.call(patch("/api/v1/tickets/" + segment(ticketId), wire::toJson(changes)), one<wire::Ticket>());
}

QFuture<ApiResult<QByteArray>> SborApi::ticketQrPng(const QString& ticketId, int scale)
{
    QUrlQuery query;
    if (scale > 0)
        addItem(query, "scale", QString::number(scale));
    return m_client.call(get("/api/v1/tickets/" + segment(ticketId) + "/qr.png", query), bytes("image/png"));
}

QFuture<ApiResult<QByteArray>> SborApi::ticketQrSvg(const QString& ticketId)
{
    return m_client.call(get("/api/v1/tickets/" + segment(ticketId) + "/qr.svg"), bytes("image/svg+xml"));
}

QFuture<ApiResult<wire::Ticket>> SborApi::blockTicket(const QString& ticketId)
{
    return m_client.call(post("/api/v1/tickets/" + segment(ticketId) + "/block"), one<wire::Ticket>());
}

QFuture<ApiResult<wire::Ticket>> SborApi::unblockTicket(const QString& ticketId)
{
    return m_client.call(post("/api/v1/tickets/" + segment(ticketId) + "/unblock"), one<wire::Ticket>());
}

QFuture<ApiResult<wire::Ticket>> SborApi::reissueTicket(const QString& ticketId)
{
    return m_client.call(post("/api/v1/tickets/" + segment(ticketId) + "/reissue"), one<wire::Ticket>());
}

// ---- check-in

QFuture<ApiResult<wire::CheckInList>> SborApi::createCheckInList(const QString& eventId,
                                                                 const wire::CheckInListDraft& draft)
{
    return m_client.call(post("/api/v1/events/" + segment(eventId) + "/checkin-lists", wire::toJson(draft)),
                         one<wire::CheckInList>());
}

QFuture<ApiResult<std::vector<wire::CheckInList>>> SborApi::checkInLists(const QString& eventId)
{
    return m_client.call(get("/api/v1/events/" + segment(eventId) + "/checkin-lists"), items<wire::CheckInList>());
}

QFuture<ApiResult<wire::RedeemAnswer>> SborApi::redeem(const wire::ScanSubmission& scan, int timeoutMs)
{
    auto request = post("/api/v1/checkin/redeem", wire::toJson(scan));
    request.idempotent = true; // the scan id makes a replay return the first answer
    request.timeoutMs = timeoutMs;
    return m_client.call(std::move(request), one<wire::RedeemAnswer>());
}

QFuture<ApiResult<wire::AnnulAnswer>> SborApi::annul(const QString& scanId)
{
    return m_client.call(post("/api/v1/checkin/annul", nlohmann::json{{"scan_id", text(scanId)}}),
                         one<wire::AnnulAnswer>());
}

QFuture<ApiResult<std::vector<wire::DoorSearchHit>>> SborApi::searchDoor(const QString& listId,
                                                                         const QString& searchText, int limit)
{
    QUrlQuery query;
    addItem(query, "list_id", listId);
    addItem(query, "q", searchText);
    if (limit > 0)
        addItem(query, "limit", QString::number(limit));
    return m_client.call(get("/api/v1/checkin/search", query), items<wire::DoorSearchHit>());
}

namespace {

nlohmann::json codeAliasBody(const QString& listId, const QString& scanId)
{
    nlohmann::json body = nlohmann::json::object();
    if (!listId.isEmpty())
        body["list_id"] = text(listId);
    if (!scanId.isEmpty())
        body["scan_id"] = text(scanId);
    return body;
}

} // namespace

QFuture<ApiResult<wire::RedeemAnswer>> SborApi::validateCode(const QString& code, const QString& listId)
{
    auto request = post("/api/v1/tickets/" + segment(code) + "/validate", codeAliasBody(listId, {}));
    request.idempotent = true; // a dry run changes nothing
    return m_client.call(std::move(request), one<wire::RedeemAnswer>());
}

QFuture<ApiResult<wire::RedeemAnswer>> SborApi::checkInCode(const QString& code, const QString& listId,
                                                            const QString& scanId)
{
    const QString nonce = scanId.isEmpty() ? QString::fromLatin1(newRequestKey()) : scanId;
    auto request = post("/api/v1/tickets/" + segment(code) + "/checkin", codeAliasBody(listId, nonce));
    request.idempotent = true;
    return m_client.call(std::move(request), one<wire::RedeemAnswer>());
}

QFuture<ApiResult<std::vector<wire::RedeemAnswer>>> SborApi::redeemBatch(const std::vector<wire::ScanSubmission>& scans,
                                                                         const QString& listId)
{
    nlohmann::json list = nlohmann::json::array();
    for (const auto& scan : scans) {
        auto item = wire::toJson(scan);
        item.erase("list_id"); // a batch names its list once
        list.push_back(std::move(item));
    }
    nlohmann::json body = {{"scans", list}};
    if (!listId.isEmpty())
        body["list_id"] = text(listId);
    auto request = post("/api/v1/checkin/batch", body);
    request.idempotent = true;
    return m_client.call<std::vector<wire::RedeemAnswer>>(std::move(request), [](const RawAnswer& answer) {
        const auto json = jsonOf(answer);
        return wire::decodeList<wire::RedeemAnswer>(wire::FieldReader(json).array("results"), "results");
    });
}

QFuture<ApiResult<wire::DoorSyncPage>> SborApi::syncDoor(const QString& cursor, int limit)
{
    QUrlQuery query;
    addPaging(query, cursor, limit);
    return m_client.call(get("/api/v1/devices/me/sync", query), one<wire::DoorSyncPage>());
}

QFuture<ApiResult<wire::EventStatistics>> SborApi::eventStatistics(const QString& eventId)
{
    return m_client.call(get("/api/v1/events/" + segment(eventId) + "/stats"), one<wire::EventStatistics>());
}

QFuture<ApiResult<wire::StatsSeries>> SborApi::statsSeries(const QString& eventId, const SeriesQuery& filter)
{
    QUrlQuery query;
    const std::pair<const char*, QString> texts[] = {
        {"metric", filter.metric}, {"interval", filter.interval},           {"from", filter.from},
        {"to", filter.to},         {"ticket_type_id", filter.ticketTypeId}, {"list_id", filter.listId}};
    for (const auto& [name, value] : texts)
        if (!value.isEmpty())
            addItem(query, name, value);
    return m_client.call(get("/api/v1/events/" + segment(eventId) + "/stats/series", query), one<wire::StatsSeries>());
}

namespace {
QUrlQuery salesQuery(const SalesQuery& filter)
{
    QUrlQuery query;
    const std::pair<const char*, QString> texts[] = {{"q", filter.text},
                                                     {"status", filter.status},
                                                     {"ticket_type_id", filter.ticketTypeId},
                                                     {"created_from", filter.createdFrom},
                                                     {"created_to", filter.createdTo},
                                                     {"sort", filter.sort}};
    for (const auto& [name, value] : texts)
        if (!value.isEmpty())
            addItem(query, name, value);
    if (filter.checkedIn)
        addItem(query, "checked_in", *filter.checkedIn ? "true" : "false");
    addPaging(query, filter.cursor, filter.limit);
    return query;
}
} // namespace

QFuture<ApiResult<wire::Page<wire::EventOrder>>> SborApi::eventOrders(const QString& eventId, const SalesQuery& query)
{
    return m_client.call(get("/api/v1/events/" + segment(eventId) + "/orders", salesQuery(query)),
                         page<wire::EventOrder>());
}

QFuture<ApiResult<wire::Page<wire::EventAttendee>>> SborApi::eventAttendees(const QString& eventId,
                                                                            const SalesQuery& query)
{
    return m_client.call(get("/api/v1/events/" + segment(eventId) + "/attendees", salesQuery(query)),
                         page<wire::EventAttendee>());
}

// ---- devices

QFuture<ApiResult<wire::IssuedEnrollment>> SborApi::createEnrollment(const QString& eventId, const QString& listId,
                                                                     const QString& deviceName)
{
    return m_client.call(post("/api/v1/events/" + segment(eventId) + "/enrollments",
                              nlohmann::json{{"list_id", text(listId)}, {"name", text(deviceName)}}),
                         one<wire::IssuedEnrollment>());
}

QFuture<ApiResult<wire::EnrolledDevice>> SborApi::enrollDevice(const QString& code)
{
    auto request = post("/api/v1/devices/enroll", nlohmann::json{{"code", text(code)}});
    request.authenticated = false;
    ApiClient* client = &m_client;
    return m_client.call(std::move(request), one<wire::EnrolledDevice>())
        .then(&m_client, [client](ApiResult<wire::EnrolledDevice> enrolled) {
            if (enrolled)
                client->setStaticToken(QString::fromStdString(enrolled->deviceToken));
            return enrolled;
        });
}

QFuture<ApiResult<std::vector<wire::Device>>> SborApi::devices(const QString& eventId)
{
    return m_client.call(get("/api/v1/events/" + segment(eventId) + "/devices"), items<wire::Device>());
}

QFuture<ApiResult<wire::Device>> SborApi::revokeDevice(const QString& deviceId)
{
    return m_client.call(remove("/api/v1/devices/" + segment(deviceId)), one<wire::Device>());
}

// ---- notifications

QFuture<ApiResult<wire::Page<wire::Notification>>> SborApi::notifications(const QString& cursor, int limit,
                                                                          bool unreadOnly)
{
    QUrlQuery query;
    addPaging(query, cursor, limit);
    if (unreadOnly)
        addItem(query, "unread", "true");
    return m_client.call(get("/api/v1/notifications", query), page<wire::Notification>());
}

QFuture<ApiResult<Done>> SborApi::markAllNotificationsRead()
{
    return m_client.call(put("/api/v1/notifications/read"), nothing());
}

QFuture<ApiResult<wire::NotificationPreferences>> SborApi::notificationPreferences()
{
    return m_client.call(get("/api/v1/notifications/preferences"), one<wire::NotificationPreferences>());
}

QFuture<ApiResult<wire::NotificationPreferences>> SborApi::changeNotificationPreferences(
    const wire::NotificationPreferences& changes)
{
    return m_client.call(put("/api/v1/notifications/preferences", wire::toJson(changes)),
                         one<wire::NotificationPreferences>());
}

QFuture<ApiResult<wire::Notification>> SborApi::notification(const QString& notificationId)
{
    return m_client.call(get("/api/v1/notifications/" + segment(notificationId)), one<wire::Notification>());
}

QFuture<ApiResult<wire::Notification>> SborApi::markNotificationRead(const QString& notificationId)
{
    return m_client.call(put("/api/v1/notifications/" + segment(notificationId) + "/read"), one<wire::Notification>());
}

QFuture<ApiResult<Done>> SborApi::reauthenticate(const QString& password, const QString& otp)
{
    nlohmann::json body{{"password", text(password)}};
    if (!otp.isEmpty())
        body["otp"] = text(otp);
    return m_client.call(post("/api/v1/auth/reauthenticate", body), nothing());
}

QFuture<ApiResult<wire::Page<wire::User>>> SborApi::searchUsers(const UserSearch& search)
{
    QUrlQuery query;
    addGiven(query, "q", search.text);
    addGiven(query, "role", search.role);
    addGiven(query, "status", search.status);
    addGiven(query, "created_from", search.createdFrom);
    addGiven(query, "created_to", search.createdTo);
    addPaging(query, search.cursor, search.limit);
    return m_client.call(get("/api/v1/admin/users", query), page<wire::User>());
}

QFuture<ApiResult<Done>> SborApi::blockUser(const QString& userId, const QString& reason)
{
    auto request = post("/api/v1/admin/users/" + segment(userId) + "/block", nlohmann::json{{"reason", text(reason)}});
    request.idempotent = true; // blocking the blocked changes nothing
    return m_client.call(request, nothing());
}

QFuture<ApiResult<Done>> SborApi::unblockUser(const QString& userId)
{
    auto request = post("/api/v1/admin/users/" + segment(userId) + "/unblock", nlohmann::json::object());
    request.idempotent = true;
    return m_client.call(request, nothing());
}

QFuture<ApiResult<wire::UserDossier>> SborApi::userDossier(const QString& userId)
{
    return m_client.call(get("/api/v1/admin/users/" + segment(userId)), one<wire::UserDossier>());
}

QFuture<ApiResult<wire::User>> SborApi::setUserRoles(const QString& userId, const QStringList& roles)
{
    nlohmann::json names = nlohmann::json::array();
    for (const QString& role : roles)
        names.push_back(text(role));
    auto request = put("/api/v1/admin/users/" + segment(userId) + "/roles", nlohmann::json{{"roles", names}});
    return m_client.call(request, one<wire::User>());
}

QFuture<ApiResult<qint64>> SborApi::endUserSessions(const QString& userId)
{
    return m_client.call(remove("/api/v1/admin/users/" + segment(userId) + "/sessions"),
                         std::function<qint64(const RawAnswer&)>([](const RawAnswer& answer) {
                             return static_cast<qint64>(wire::FieldReader(jsonOf(answer)).integer("ended_sessions"));
                         }));
}

QFuture<ApiResult<wire::User>> SborApi::resetUserTwoFactor(const QString& userId)
{
    return m_client.call(post("/api/v1/admin/users/" + segment(userId) + "/2fa/reset", nlohmann::json::object()),
                         one<wire::User>());
}

QFuture<ApiResult<Done>> SborApi::eraseUser(const QString& userId, const QString& confirmEmail)
{
    return m_client.call(post("/api/v1/admin/users/" + segment(userId) + "/erase",
                              nlohmann::json{{"confirm_email", text(confirmEmail)}}),
                         nothing());
}

QFuture<ApiResult<wire::PlatformSettings>> SborApi::platformSettings()
{
    return m_client.call(get("/api/v1/admin/settings"), one<wire::PlatformSettings>());
}

QFuture<ApiResult<wire::PlatformSettings>> SborApi::changePlatformSettings(const wire::PlatformSettingsChanges& changes)
{
    auto request = put("/api/v1/admin/settings", wire::toJson(changes));
    request.idempotent = changes.version.has_value(); // a repeat with the version is refused, not applied twice
    return m_client.call(request, one<wire::PlatformSettings>());
}

QFuture<ApiResult<std::vector<wire::NotificationTemplate>>> SborApi::notificationTemplates()
{
    return m_client.call(get("/api/v1/admin/templates"), items<wire::NotificationTemplate>());
}

QFuture<ApiResult<wire::NotificationTemplate>> SborApi::changeNotificationTemplate(const QString& name,
                                                                                   const QString& language,
                                                                                   const wire::TemplateText& text,
                                                                                   std::optional<qint64> version)
{
    nlohmann::json body = wire::toJson(text);
    if (version)
        body["version"] = *version;
    auto request = put("/api/v1/admin/templates/" + segment(name) + "/" + segment(language), body);
    request.idempotent = true; // the same text again changes nothing
    return m_client.call(request, one<wire::NotificationTemplate>());
}

QFuture<ApiResult<wire::NotificationTemplate>> SborApi::resetNotificationTemplate(const QString& name,
                                                                                  const QString& language,
                                                                                  std::optional<qint64> version)
{
    auto request = remove("/api/v1/admin/templates/" + segment(name) + "/" + segment(language));
    if (version)
        request.query.addQueryItem("version", QString::number(*version));
    return m_client.call(request, one<wire::NotificationTemplate>());
}

QFuture<ApiResult<wire::RenderedTemplate>> SborApi::previewNotificationTemplate(const QString& name,
                                                                                const QString& language,
                                                                                const wire::TemplateText& draft)
{
    auto request = post("/api/v1/admin/templates/" + segment(name) + "/" + segment(language) + "/preview",
                        wire::toJson(draft));
    request.idempotent = true; // stores nothing
    return m_client.call(request, one<wire::RenderedTemplate>());
}

QFuture<ApiResult<wire::RenderedTemplate>> SborApi::sendTestNotificationTemplate(const QString& name,
                                                                                 const QString& language,
                                                                                 const wire::TemplateText& draft)
{
    return m_client.call(
        post("/api/v1/admin/templates/" + segment(name) + "/" + segment(language) + "/test", wire::toJson(draft)),
        one<wire::RenderedTemplate>());
}

QFuture<ApiResult<wire::PlatformHealth>> SborApi::platformHealth()
{
    return m_client.call(get("/api/v1/admin/health"), one<wire::PlatformHealth>());
}

QFuture<ApiResult<wire::SupportRequest>> SborApi::openSupportRequest(const QString& subject, const QString& body,
                                                                     const QString& category)
{
    return m_client.call(
        post("/api/v1/support/requests",
             nlohmann::json{{"subject", text(subject)}, {"body", text(body)}, {"category", text(category)}}),
        one<wire::SupportRequest>());
}

QFuture<ApiResult<wire::Page<wire::AuditEntry>>> SborApi::auditLog(const AuditQuery& filters)
{
    QUrlQuery query;
    addGiven(query, "actor", filters.actor);
    addGiven(query, "action", filters.action);
    addGiven(query, "target", filters.target);
    addGiven(query, "from", filters.from);
    addGiven(query, "to", filters.to);
    addPaging(query, filters.cursor, filters.limit);
    return m_client.call(get("/api/v1/admin/audit-log", query), page<wire::AuditEntry>());
}

QFuture<ApiResult<QByteArray>> SborApi::reportCsv(const QString& report, const QString& interval, const QString& from,
                                                  const QString& to, const QString& timezone)
{
    return m_client.call(
        get("/api/v1/admin/reports/" + segment(report) + ".csv", reportRange(interval, from, to, timezone)),
        bytes("text/csv"));
}

QFuture<ApiResult<std::vector<wire::LogLine>>> SborApi::logsOfTrace(const QString& traceId, int days)
{
    QUrlQuery query;
    addGiven(query, "trace_id", traceId);
    if (days > 0)
        addItem(query, "days", QString::number(days));
    return m_client.call(get("/api/v1/admin/logs", query), items<wire::LogLine>());
}

QFuture<ApiResult<wire::SalesReport>> SborApi::salesReport(const QString& interval, const QString& from,
                                                           const QString& to, const QString& timezone)
{
    return m_client.call(get("/api/v1/admin/reports/sales", reportRange(interval, from, to, timezone)),
                         one<wire::SalesReport>());
}

QFuture<ApiResult<wire::CountsReport>> SborApi::countsReport(const QString& report, const QString& interval,
                                                             const QString& from, const QString& to,
                                                             const QString& timezone)
{
    return m_client.call(get("/api/v1/admin/reports/" + segment(report), reportRange(interval, from, to, timezone)),
                         one<wire::CountsReport>());
}

QFuture<ApiResult<wire::Page<wire::SupportRequest>>> SborApi::supportRequests(const SupportQuery& filters)
{
    QUrlQuery query;
    addGiven(query, "status", filters.status);
    addGiven(query, "category", filters.category);
    addGiven(query, "assignee", filters.assignee);
    addGiven(query, "q", filters.text);
    addGiven(query, "sort", filters.sort);
    addPaging(query, filters.cursor, filters.limit);
    return m_client.call(get("/api/v1/support/requests", query), page<wire::SupportRequest>());
}

QFuture<ApiResult<wire::SupportRequest>> SborApi::supportRequest(const QString& requestId)
{
    return m_client.call(get("/api/v1/support/requests/" + segment(requestId)), one<wire::SupportRequest>());
}

QFuture<ApiResult<wire::SupportMessage>> SborApi::writeSupportMessage(const QString& requestId, const QString& body,
                                                                      bool internal)
{
    return m_client.call(post("/api/v1/support/requests/" + segment(requestId) + "/messages",
                              nlohmann::json{{"body", text(body)}, {"internal", internal}}),
                         one<wire::SupportMessage>());
}

QFuture<ApiResult<wire::SupportRequest>> SborApi::changeSupportStatus(const QString& requestId, const QString& status)
{
    auto request = post("/api/v1/support/requests/" + segment(requestId) + "/status",
                        nlohmann::json{{"status", text(status)}});
    request.idempotent = true;
    return m_client.call(request, one<wire::SupportRequest>());
}

QFuture<ApiResult<wire::SupportRequest>> SborApi::escalateSupportRequest(const QString& requestId,
                                                                         const QString& reason)
{
    return m_client.call(
        post("/api/v1/support/requests/" + segment(requestId) + "/escalate", nlohmann::json{{"reason", text(reason)}}),
        one<wire::SupportRequest>());
}

QFuture<ApiResult<wire::Page<wire::Dispute>>> SborApi::disputes(const QString& statuses, const QString& cursor,
                                                                int limit)
{
    QUrlQuery query;
    addGiven(query, "status", statuses);
    addPaging(query, cursor, limit);
    return m_client.call(get("/api/v1/disputes", query), page<wire::Dispute>());
}

QFuture<ApiResult<wire::Dispute>> SborApi::dispute(const QString& disputeId)
{
    return m_client.call(get("/api/v1/disputes/" + segment(disputeId)), one<wire::Dispute>());
}

QFuture<ApiResult<wire::Dispute>> SborApi::decideDispute(const QString& disputeId, const QString& outcome,
                                                         std::optional<qint64> refundAmount, const QString& note)
{
    nlohmann::json body{{"outcome", text(outcome)}, {"note", text(note)}};
    if (refundAmount)
        body["refund_amount"] = *refundAmount;
    auto request = post("/api/v1/disputes/" + segment(disputeId) + "/decision", body);
    request.idempotent = true; // a decision made stays made: the same one again changes nothing
    return m_client.call(request, one<wire::Dispute>());
}

} // namespace sbor::client
