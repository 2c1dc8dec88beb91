#pragma once
// Selling as tests use it: an organizer's event with ticket types, published, and order bodies.
// Shared by the events, orders, payments and tickets suites.

#include "authapi.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QString>
#include <QStringList>

namespace sbor::test {

// RFC 3339 UTC, `days` from now (negative: in the past).
QString inDays(double days);
// `count` attendees with distinct names and emails.
QJsonArray attendees(int count);
QJsonObject orderBody(const QString& eventId, const QString& typeId, int quantity);
// One ticket per address, each attendee named after the part before the @.
QJsonObject orderForAttendees(const QString& eventId, const QString& typeId, const QStringList& emails);

// Places `count` one-ticket orders on `typeId` as `buyerToken`, each for a new attendee whose
// address starts with `prefix`; returns how many were placed (201).
int placeOrders(AuthApi& api, const QString& eventId, const QString& typeId, const QString& buyerToken, int count,
                const QString& prefix = "buyer");

class SalesApi {
public:
    SalesApi(AuthApi& api, QString organizerToken) : m_api(api), m_organizerToken(std::move(organizerToken)) {}

    // A draft starting in `startInDays`, lasting ~5 hours; "" on failure (with a warning).
    QString createEvent(const QString& title, double startInDays = 30);
    // RUB, on sale from yesterday until a day before the default start unless `fields` says otherwise.
    QString addType(const QString& eventId, QJsonObject fields);
    bool publish(const QString& eventId);
    // A check-in list (a gate) of the event; "" on failure (with a warning).
    QString addCheckInList(const QString& eventId, const QString& name);
    // A kiosk enrolled for the list, as the kiosk itself would: its device token; "" on failure.
    QString enrollKiosk(const QString& eventId, const QString& listId, const QString& name = "Kiosk");

private:
    AuthApi& m_api;
    QString m_organizerToken;
};

} // namespace sbor::test
