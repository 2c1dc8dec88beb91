#pragma once
// An event's times as its own wall clock. The API speaks instants (RFC 3339, UTC); the organizer
// reads and types the hour of the event's zone, wherever the app runs. A wall clock is carried
// as a plain QDateTime (no zone of its own) so editors show it as it is.

#include <QDateTime>
#include <QDateTimeEdit>
#include <QString>

namespace sbor::organizer {

// The instant in `timezone` (IANA; the app's zone when unknown), to the minute. Invalid when
// `rfc3339` is unreadable.
QDateTime wallClockOf(const QString& rfc3339, const QString& timezone);
// The wall clock of `timezone` as an RFC 3339 instant in UTC.
QString instantOf(const QDateTime& wallClock, const QString& timezone);

// The one editor of an event's times: a date and a minute, with a calendar — the same in the
// settings form and in the ticket types' and the schedule's cells.
QDateTimeEdit* wallClockEdit(QWidget* parent, bool framed = true);

} // namespace sbor::organizer
