#pragma once
// An event's settings: title, description, venue, start and end in the event's time zone (the
// organizer's own hour beside it), category and cover — for a new draft or an existing event.
// The server's problems (details.fields) appear next to the field they name and in the message
// bar; a save refused as stale (409, another version) says so and offers to reload the version
// while keeping what was typed. Publishing lists what is still missing; cancelling asks for the
// reason and says what happens to paid orders first.

#include "apierror.h"
#include "sbor/wire/event.h"

#include <QMap>
#include <QWidget>

#include <optional>

class QComboBox;
class QDateTimeEdit;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;

namespace sbor::widgets {
class MessageBar;
}

namespace sbor::desktop {
class AccountSession;
}

namespace sbor::organizer {

class EventEditor : public QWidget {
    Q_OBJECT
public:
    // `eventId` empty: a new draft.
    EventEditor(desktop::AccountSession& session, const QString& eventId, QWidget* parent = nullptr);

    void reload();
    QString eventId() const { return m_eventId; }
    // The problem shown next to a field (tests, and screen readers through the label's buddy).
    QString fieldProblem(const QString& field) const;

signals:
    void saved(const sbor::wire::Event& event);
    void statusChanged(const sbor::wire::Event& event);

private:
    void show(const wire::Event& event);
    void save();
    void loadCategories();
    void publish();
    void cancelEvent();
    void showProblems(const client::ApiError& error);
    void clearProblems();
    wire::EventChanges changesFromForm() const;
    QString zone() const;
    void updateLocalHints();

    desktop::AccountSession& m_session;
    QString m_eventId;
    std::optional<wire::Event> m_event;
    widgets::MessageBar* m_message;
    QLineEdit* m_title;
    QPlainTextEdit* m_description;
    QLineEdit* m_venue;
    QDateTimeEdit* m_startsAt;
    QDateTimeEdit* m_endsAt;
    QLabel* m_localHint;
    QComboBox* m_timezone;
    QComboBox* m_category;
    QLineEdit* m_coverUrl;
    QLabel* m_status;
    QPushButton* m_save;
    QPushButton* m_publish;
    QPushButton* m_cancel;
    QMap<QString, QLabel*> m_problems; // field → the label under it
};

} // namespace sbor::organizer
