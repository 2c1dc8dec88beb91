#include "salesapi.h"

#include <QDateTime>

namespace sbor::test {

QString inDays(double days)
{
    return QDateTime::currentDateTimeUtc().addSecs(static_cast<qint64>(days * 86400)).toString(Qt::ISODate);
}

QJsonArray attendees(int count)
{
    QJsonArray list;
    for (int i = 0; i < count; ++i)
        list.append(QJsonObject{{"name", "Гость " + QString::number(i)},
                                {"email", "guest" + QString::number(i) + "@example.org"}});
    return list;
}

QJsonObject orderBody(const QString& eventId, const QString& typeId, int quantity)
{
    return {{"event_id", eventId},
            {"items",
             QJsonArray{
                 QJsonObject{{"ticket_type_id", typeId}, {"quantity", quantity}, {"attendees", attendees(quantity)}}}}};
}

QJsonObject orderForAttendees(const QString& eventId, const QString& typeId, const QStringList& emails)
{
    QJsonArray list;
    for (const QString& email : emails)
        list.append(QJsonObject{{"name", email.section('@', 0, 0)}, {"email", email}});
    return {
        {"event_id", eventId},
        {"items",
         QJsonArray{QJsonObject{{"ticket_type_id", typeId}, {"quantity", int(emails.size())}, {"attendees", list}}}}};
}

int placeOrders(AuthApi& api, const QString& eventId, const QString& typeId, const QString& buyerToken, int count,
                const QString& prefix)
{
    int placed = 0;
    for (int i = 0; i < count; ++i)
        placed +=
            api.post("/api/v1/orders", orderForAttendees(eventId, typeId, {uniqueEmail(prefix)}), buyerToken).status ==
            201;
    return placed;
}

QString SalesApi::createEvent(const QString& title, double startInDays)
{
    const auto created = m_api.post("/api/v1/events",
                                    {{"title", title},
                                     {"venue", "Hall"},
                                     {"starts_at", inDays(startInDays)},
                                     {"ends_at", inDays(startInDays + 0.2)},
                                     {"timezone", "Europe/Moscow"},
                                     {"category_id", 1}},
                                    m_organizerToken);
    if (created.status != 201)
        qWarning("creating an event failed: %s", created.body.constData());
    return created.json().value("id").toString();
}

QString SalesApi::addCheckInList(const QString& eventId, const QString& name)
{
    const auto created = m_api.post("/api/v1/events/" + eventId + "/checkin-lists", {{"name", name}}, m_organizerToken);
    if (created.status != 201)
        qWarning("adding a check-in list failed: %s", created.body.constData());
    return created.json().value("id").toString();
}

QString SalesApi::enrollKiosk(const QString& eventId, const QString& listId, const QString& name)
{
    const auto issued = m_api.post("/api/v1/events/" + eventId + "/enrollments", {{"list_id", listId}, {"name", name}},
                                   m_organizerToken);
    const auto enrolled = m_api.post("/api/v1/devices/enroll", {{"code", issued.json().value("code").toString()}});
    if (issued.status != 201 || enrolled.status != 201)
        qWarning("enrolling a kiosk failed: %s %s", issued.body.constData(), enrolled.body.constData());
    return enrolled.json().value("device_token").toString();
}

QString SalesApi::addType(const QString& eventId, QJsonObject fields)
{
    for (const auto& [key, value] :
         {std::pair<QString, QJsonValue>{"currency", "RUB"}, {"sales_start", inDays(-1)}, {"sales_end", inDays(29)}}) {
        if (!fields.contains(key))
            fields.insert(key, value);
    }
    const auto created = m_api.post("/api/v1/events/" + eventId + "/ticket-types", fields, m_organizerToken);
    if (created.status != 201)
        qWarning("adding a ticket type failed: %s", created.body.constData());
    return created.json().value("id").toString();
}

bool SalesApi::publish(const QString& eventId)
{
    const auto published = m_api.post("/api/v1/events/" + eventId + "/publish", {}, m_organizerToken);
    if (published.status != 200)
        qWarning("publishing failed: %s", published.body.constData());
    return published.status == 200;
}

} // namespace sbor::test
