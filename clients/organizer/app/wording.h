#pragma once
// How the organizer's app writes what the API sends: statuses and roles in the person's language,
// times in the event's zone (with the person's own beside it when they differ), money in the
// currency's format of the app's language (QLocale).

#include <QString>
#include <QVariant>

namespace sbor::organizer::wording {

QString eventStatus(const QString& status);
QString orderStatus(const QString& status);
QString ticketStatus(const QString& status);
QString teamRole(const QString& role);
// "12 Jun 2027, 19:00" in `timezone` (IANA); "" for an empty or unreadable time.
QString time(const QString& rfc3339, const QString& timezone = {});
// The same, and "(18:00 your time)" when the person's zone says another hour.
QString timeWithLocal(const QString& rfc3339, const QString& timezone);
// 150000 RUB → "1 500,00 ₽" in Russian, "RUB 1,500.00" in English.
QString money(qint64 minorUnits, const QString& currency);
QString moneyOf(const QVariant& minorUnits, const QString& currency);

} // namespace sbor::organizer::wording
