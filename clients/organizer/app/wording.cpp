#include "wording.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QLocale>
#include <QTimeZone>

namespace sbor::organizer::wording {
// QCoreApplication::translate with the literal in place, so that lupdate finds every word.
QString eventStatus(const QString& status)
{
    if (status == "draft")
        return QCoreApplication::translate("Wording", "Draft");
    if (status == "published")
        return QCoreApplication::translate("Wording", "On sale");
    if (status == "cancelled")
        return QCoreApplication::translate("Wording", "Cancelled");
    if (status == "completed")
        return QCoreApplication::translate("Wording", "Completed");
    return status;
}

QString orderStatus(const QString& status)
{
    if (status == "pending")
        return QCoreApplication::translate("Wording", "Awaiting payment");
    if (status == "paid")
        return QCoreApplication::translate("Wording", "Paid");
    if (status == "cancelled")
        return QCoreApplication::translate("Wording", "Cancelled");
    if (status == "refunded")
        return QCoreApplication::translate("Wording", "Refunded");
    if (status == "expired")
        return QCoreApplication::translate("Wording", "Expired");
    return status;
}

QString ticketStatus(const QString& status)
{
    if (status == "valid")
        return QCoreApplication::translate("Wording", "Valid");
    if (status == "cancelled")
        return QCoreApplication::translate("Wording", "Cancelled");
    return status;
}

QString teamRole(const QString& role)
{
    if (role == "co_organizer")
        return QCoreApplication::translate("Wording", "Co-organizer");
    if (role == "door")
        return QCoreApplication::translate("Wording", "Door staff");
    return role;
}

QString time(const QString& rfc3339, const QString& timezone)
{
    const QDateTime instant = QDateTime::fromString(rfc3339, Qt::ISODateWithMs);
    if (!instant.isValid())
        return {};
    const QTimeZone zone(timezone.toUtf8());
    const QDateTime shown = zone.isValid() ? instant.toTimeZone(zone) : instant.toLocalTime();
    return QLocale().toString(shown, QLocale::ShortFormat);
}

QString timeWithLocal(const QString& rfc3339, const QString& timezone)
{
    const QString inZone = time(rfc3339, timezone);
    const QDateTime instant = QDateTime::fromString(rfc3339, Qt::ISODateWithMs);
    const QTimeZone zone(timezone.toUtf8());
    if (inZone.isEmpty() || !zone.isValid())
        return inZone;
    const QDateTime there = instant.toTimeZone(zone);
    const QDateTime here = instant.toLocalTime();
    if (there.offsetFromUtc() == here.offsetFromUtc())
        return inZone;
    return QCoreApplication::translate("Wording", "%1 (%2 your time)")
        .arg(inZone, QLocale().toString(here.time(), QLocale::ShortFormat));
}

QString money(qint64 minorUnits, const QString& currency)
{
    const QLocale locale;
    const QString symbol = currency == "RUB" ? QStringLiteral("₽") : currency;
    return locale.toCurrencyString(static_cast<double>(minorUnits) / 100.0, symbol);
}

QString moneyOf(const QVariant& minorUnits, const QString& currency)
{
    return money(minorUnits.toLongLong(), currency);
}

} // namespace sbor::organizer::wording
