#include "wallclock.h"

#include <QTimeZone>

namespace sbor::organizer {

QDateTime wallClockOf(const QString& rfc3339, const QString& timezone)
{
    const QDateTime instant = QDateTime::fromString(rfc3339, Qt::ISODateWithMs);
    if (!instant.isValid())
        return {};
    const QTimeZone zone(timezone.toUtf8());
    const QDateTime there = zone.isValid() ? instant.toTimeZone(zone) : instant.toLocalTime();
    return QDateTime(there.date(), QTime(there.time().hour(), there.time().minute()));
}

QString instantOf(const QDateTime& wallClock, const QString& timezone)
{
    const QTimeZone zone(timezone.toUtf8());
    const QDateTime there(wallClock.date(), wallClock.time(), zone.isValid() ? zone : QTimeZone::systemTimeZone());
    return there.toUTC().toString(Qt::ISODate);
}

QDateTimeEdit* wallClockEdit(QWidget* parent, bool framed)
{
    auto* edit = new QDateTimeEdit(parent);
    edit->setFrame(framed);
    edit->setCalendarPopup(true);
    edit->setDisplayFormat("dd.MM.yyyy HH:mm");
    return edit;
}

} // namespace sbor::organizer
