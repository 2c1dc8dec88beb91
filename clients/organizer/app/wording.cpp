#include "wording.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QLocale>
#include <QTimeZone>

namespace sbor::organizer::wording {
namespace {

QString tr(const char* text) { return QCoreApplication::translate("Wording", text); }

} // namespace

QString eventStatus(const QString& status)
{
    if (status == "draft")
        return tr("Draft");
    if (status == "published")
        return tr("On sale");
    if (status == "cancelled")
        return tr("Cancelled");
    if (status == "completed")
        return tr("Completed");
    return status;
}

QString orderStatus(const QString& status)
{
    if (status == "pending")
        return tr("Awaiting payment");
    if (status == "paid")
        return tr("Paid");
    if (status == "cancelled")
        return tr("Cancelled");
    if (status == "refunded")
        return tr("Refunded");
    if (status == "expired")
        return tr("Expired");
    return status;
}

QString ticketStatus(const QString& status)
{
    if (status == "valid")
        return tr("Valid");
    if (status == "cancelled")
        return tr("Cancelled");
    return status;
}

QString teamRole(const QString& role)
{
    if (role == "co_organizer")
        return tr("Co-organizer");
    if (role == "door")
        return tr("Door staff");
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
    return tr("%1 (%2 your time)").arg(inZone, QLocale().toString(here.time(), QLocale::ShortFormat));
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
