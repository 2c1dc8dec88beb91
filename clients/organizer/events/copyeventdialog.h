#pragma once
// "Copy settings from an earlier event": a new draft with this event's ticket types (nothing
// sold), gates, programme and team, its dates moved to a new start. The organizer names it and
// picks the new start in the event's zone; the end keeps the event's length.

#include <QDialog>

class QDateTimeEdit;
class QLabel;
class QLineEdit;
class QPushButton;

namespace sbor::widgets {
class MessageBar;
}

namespace sbor::desktop {
class AccountSession;
}

namespace sbor::organizer {

class CopyEventDialog : public QDialog {
    Q_OBJECT
public:
    CopyEventDialog(desktop::AccountSession& session, const QString& eventId, const QString& title,
                    const QString& startsAt, const QString& endsAt, const QString& timezone, QWidget* parent = nullptr);

    void copy();

signals:
    void copied(const QString& eventId, const QString& title, const QString& timezone);

private:
    void updateEnd();

    desktop::AccountSession& m_session;
    QString m_eventId;
    QString m_timezone;
    qint64 m_lengthSeconds = 0;
    widgets::MessageBar* m_message;
    QLineEdit* m_title;
    QDateTimeEdit* m_startsAt;
    QLabel* m_endsAt;
    QPushButton* m_copy;
};

} // namespace sbor::organizer
