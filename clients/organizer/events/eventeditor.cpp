#include "eventeditor.h"

#include "wallclock.h"

#include "accountsession.h"
#include "app/wording.h"

#include "messagebar.h"

#include <QComboBox>
#include <QDateTimeEdit>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QInputDialog>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QTimeZone>
#include <QVBoxLayout>

namespace sbor::organizer {
namespace {

QString text(const std::string& value) { return QString::fromStdString(value); }

QLabel* problemLabel(QWidget* parent)
{
    auto* label = new QLabel(parent);
    label->setStyleSheet("color: #c5221f;");
    label->setWordWrap(true);
    label->hide();
    return label;
}

} // namespace

EventEditor::EventEditor(desktop::AccountSession& session, const QString& eventId, QWidget* parent)
    : QWidget(parent), m_session(session), m_eventId(eventId)
{
    setObjectName("eventEditor");
    m_message = new widgets::MessageBar(this);
    m_message->setObjectName("eventEditorMessage");
    m_title = new QLineEdit(this);
    m_title->setObjectName("titleField");
    m_description = new QPlainTextEdit(this);
    m_description->setObjectName("descriptionField");
    m_description->setTabChangesFocus(true);
    m_venue = new QLineEdit(this);
    m_venue->setObjectName("venueField");
    m_startsAt = wallClockEdit(this);
    m_startsAt->setObjectName("startsAtField");
    m_endsAt = wallClockEdit(this);
    m_endsAt->setObjectName("endsAtField");
    m_localHint = new QLabel(this);
    m_localHint->setObjectName("localTimeHint");
    m_localHint->setStyleSheet("color: palette(dark);");
    m_timezone = new QComboBox(this);
    m_timezone->setObjectName("timezoneField");
    m_timezone->setEditable(true);
    for (const QByteArray& id : QTimeZone::availableTimeZoneIds())
        if (id.contains('/') && !id.startsWith("Etc/"))
            m_timezone->addItem(QString::fromLatin1(id));
    m_timezone->setCurrentText("Europe/Moscow");
    m_category = new QComboBox(this);
    m_category->setObjectName("categoryField");
    m_coverUrl = new QLineEdit(this);
    m_coverUrl->setObjectName("coverUrlField");
    m_coverUrl->setPlaceholderText("https://…");
    m_status = new QLabel(this);
    m_status->setObjectName("eventStatus");
    m_save = new QPushButton(eventId.isEmpty() ? tr("Create draft") : tr("Save"), this);
    m_save->setObjectName("saveEventButton");
    m_save->setShortcut(QKeySequence::Save);
    m_publish = new QPushButton(tr("Publish…"), this);
    m_publish->setObjectName("publishEventButton");
    m_cancel = new QPushButton(tr("Cancel the event…"), this);
    m_cancel->setObjectName("cancelEventButton");

    auto* form = new QFormLayout;
    form->setFieldGrowthPolicy(QFormLayout::ExpandingFieldsGrow);
    const auto addField = [&](const QString& label, QWidget* field, const QString& name) {
        auto* column = new QVBoxLayout;
        column->setSpacing(2);
        column->addWidget(field);
        QLabel* problem = problemLabel(this);
        problem->setObjectName(name + "Problem");
        column->addWidget(problem);
        m_problems.insert(name, problem);
        auto* caption = new QLabel(label, this);
        caption->setBuddy(field);
        form->addRow(caption, column);
    };
    addField(tr("&Title:"), m_title, "title");
    addField(tr("&Venue:"), m_venue, "venue");
    addField(tr("Starts:"), m_startsAt, "starts_at");
    addField(tr("Ends:"), m_endsAt, "ends_at");
    form->addRow(QString(), m_localHint);
    addField(tr("Time &zone:"), m_timezone, "timezone");
    addField(tr("Cate&gory:"), m_category, "category_id");
    addField(tr("Co&ver image:"), m_coverUrl, "cover_url");
    addField(tr("&Description:"), m_description, "description");
    auto* buttons = new QHBoxLayout;
    buttons->addWidget(m_status, 1);
    buttons->addWidget(m_cancel);
    buttons->addWidget(m_publish);
    buttons->addWidget(m_save);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_message);
    layout->addLayout(form, 1);
    layout->addLayout(buttons);

    const QDateTime start = QDateTime::currentDateTime().addDays(30);
    m_startsAt->setDateTime(QDateTime(start.date(), QTime(19, 0)));
    m_endsAt->setDateTime(QDateTime(start.date(), QTime(23, 0)));
    connect(m_save, &QPushButton::clicked, this, &EventEditor::save);
    connect(m_publish, &QPushButton::clicked, this, &EventEditor::publish);
    connect(m_cancel, &QPushButton::clicked, this, &EventEditor::cancelEvent);
    connect(m_startsAt, &QDateTimeEdit::dateTimeChanged, this, &EventEditor::updateLocalHints);
    connect(m_endsAt, &QDateTimeEdit::dateTimeChanged, this, &EventEditor::updateLocalHints);
    connect(m_timezone, &QComboBox::currentTextChanged, this, &EventEditor::updateLocalHints);
    m_publish->setVisible(!eventId.isEmpty());
    m_cancel->setVisible(!eventId.isEmpty());

    loadCategories();
    if (!eventId.isEmpty())
        reload();
    updateLocalHints();
}

void EventEditor::loadCategories()
{
    m_session.api().categories().then(this, [this](client::ApiResult<std::vector<wire::Category>> categories) {
        if (!categories)
            return;
        const qint64 chosen = m_event ? m_event->categoryId : m_category->currentData().toLongLong();
        m_category->clear();
        for (const auto& category : *categories)
            m_category->addItem(text(category.name), QVariant::fromValue<qint64>(category.id));
        if (const int index = m_category->findData(QVariant::fromValue<qint64>(chosen)); index >= 0)
            m_category->setCurrentIndex(index);
        if (QLabel* problem = m_problems.value("category_id"))
            problem->hide();
    });
}

QString EventEditor::zone() const { return m_timezone->currentText().trimmed(); }

void EventEditor::updateLocalHints()
{
    const QTimeZone eventZone(zone().toUtf8());
    if (!eventZone.isValid()) {
        m_localHint->clear();
        return;
    }
    // The fields show the event's wall clock; the hint says what that is where the organizer is.
    const QDateTime start(m_startsAt->date(), m_startsAt->time(), eventZone);
    const QDateTime here = start.toLocalTime();
    if (here.offsetFromUtc() == start.offsetFromUtc()) {
        m_localHint->setText(tr("Times are in %1, which is also your time zone.").arg(zone()));
        return;
    }
    m_localHint->setText(
        tr("Times are in %1: the start is %2 your time.").arg(zone(), QLocale().toString(here, QLocale::ShortFormat)));
}

void EventEditor::reload()
{
    m_session.api().event(m_eventId).then(this, [this](client::ApiResult<wire::Event> event) {
        if (!event) {
            m_message->showMessage(
                widgets::MessageBar::Kind::Warning,
                tr("The event could not be loaded: %1").arg(QString::fromStdString(event.error().error.message)),
                tr("Try again"), [this] { reload(); });
            return;
        }
        show(*event);
    });
}

void EventEditor::show(const wire::Event& event)
{
    m_event = event;
    m_eventId = text(event.id);
    m_title->setText(text(event.title));
    m_description->setPlainText(text(event.description));
    m_venue->setText(text(event.venue));
    m_timezone->setCurrentText(text(event.timezone));
    for (auto [edit, value] : {std::pair{m_startsAt, event.startsAt}, std::pair{m_endsAt, event.endsAt}})
        edit->setDateTime(wallClockOf(text(value), text(event.timezone)));
    m_coverUrl->setText(event.coverUrl ? text(*event.coverUrl) : QString());
    if (const int index = m_category->findData(QVariant::fromValue<qint64>(event.categoryId)); index >= 0)
        m_category->setCurrentIndex(index);
    m_status->setText(
        tr("Status: %1 · version %2").arg(wording::eventStatus(text(statusText(event.status)))).arg(event.version));
    const bool open = event.status == EventStatus::Draft || event.status == EventStatus::Published;
    m_publish->setVisible(event.status == EventStatus::Draft);
    m_cancel->setVisible(open);
    m_save->setEnabled(open);
    updateLocalHints();
}

wire::EventChanges EventEditor::changesFromForm() const
{
    // An unknown zone is the server's to refuse (next to the field); the instant is then UTC's.
    const QString eventZone = QTimeZone(zone().toUtf8()).isValid() ? zone() : QStringLiteral("UTC");
    const auto instant = [&](const QDateTimeEdit* edit) {
        return instantOf(edit->dateTime(), eventZone).toStdString();
    };
    wire::EventChanges changes;
    changes.title = m_title->text().toStdString();
    changes.description = m_description->toPlainText().toStdString();
    changes.venue = m_venue->text().toStdString();
    changes.startsAt = instant(m_startsAt);
    changes.endsAt = instant(m_endsAt);
    changes.timezone = zone().toStdString();
    if (m_category->currentIndex() >= 0)
        changes.categoryId = m_category->currentData().toLongLong();
    changes.coverUrl = m_coverUrl->text().trimmed().toStdString();
    if (m_event)
        changes.expectedVersion = m_event->version;
    return changes;
}

void EventEditor::clearProblems()
{
    for (QLabel* label : m_problems)
        label->hide();
    m_message->hideMessage();
}

QString EventEditor::fieldProblem(const QString& field) const
{
    const QLabel* label = m_problems.value(field);
    return label && !label->isHidden() ? label->text() : QString();
}

void EventEditor::showProblems(const client::ApiError& error)
{
    clearProblems();
    if (error.isTransport()) {
        m_message->showMessage(widgets::MessageBar::Kind::Warning,
                               tr("The server cannot be reached; nothing was saved. What you typed stays here."),
                               tr("Try again"), [this] { save(); });
        return;
    }
    if (error.is(ErrorCode::Conflict) && error.error.details.contains("current_version")) {
        m_message->showMessage(
            widgets::MessageBar::Kind::Warning,
            tr("Someone changed this event since you opened it (now version %1). Reload their version to "
               "save over it: what you typed stays in the form.")
                .arg(error.error.details.value("current_version", 0)),
            tr("Reload their version"), [this] {
                m_session.api().event(m_eventId).then(this, [this](client::ApiResult<wire::Event> current) {
                    if (!current)
                        return;
                    m_event->version = current->version; // keep the form, take the version
                    m_message->showMessage(widgets::MessageBar::Kind::Information,
                                           tr("Their version is loaded underneath your changes; save to apply "
                                              "yours."));
                });
            });
        return;
    }
    int named = 0;
    for (const auto& [field, problem] : error.fieldProblems()) {
        if (QLabel* label = m_problems.value(QString::fromStdString(field))) {
            label->setText(QString::fromStdString(problem));
            label->show();
            ++named;
        }
    }
    m_message->showMessage(widgets::MessageBar::Kind::Error,
                           named > 0 ? tr("Some fields need another look: see the notes under them.")
                                     : QString::fromStdString(error.error.message));
}

void EventEditor::save()
{
    if (m_category->count() == 0) {
        // Not loaded yet (a slow link): the server would refuse a draft without one.
        clearProblems();
        QLabel* problem = m_problems.value("category_id");
        problem->setText(tr("The categories are still loading; save again in a moment."));
        problem->show();
        loadCategories();
        return;
    }
    const wire::EventChanges changes = changesFromForm();
    if (!m_event) {
        wire::EventDraft draft;
        draft.title = *changes.title;
        draft.description = *changes.description;
        draft.venue = *changes.venue;
        draft.startsAt = *changes.startsAt;
        draft.endsAt = *changes.endsAt;
        draft.timezone = *changes.timezone;
        draft.categoryId = changes.categoryId.value_or(0);
        if (!changes.coverUrl->empty())
            draft.coverUrl = *changes.coverUrl;
        m_session.api().createEvent(draft).then(this, [this](client::ApiResult<wire::Event> created) {
            if (!created) {
                showProblems(created.error());
                return;
            }
            clearProblems();
            show(*created);
            m_message->showMessage(widgets::MessageBar::Kind::Positive,
                                   tr("The draft is saved. Add ticket types, then publish it."));
            emit saved(*created);
        });
        return;
    }
    m_session.api().updateEvent(m_eventId, changes).then(this, [this](client::ApiResult<wire::Event> updated) {
        if (!updated) {
            showProblems(updated.error());
            return;
        }
        clearProblems();
        show(*updated);
        m_message->showMessage(widgets::MessageBar::Kind::Positive, tr("Saved."));
        emit saved(*updated);
    });
}

void EventEditor::publish()
{
    m_session.api().publishEvent(m_eventId).then(this, [this](client::ApiResult<wire::Event> published) {
        if (!published) {
            const auto& details = published.error().error.details;
            if (details.contains("missing") && details["missing"].is_array()) {
                QStringList missing;
                for (const auto& item : details["missing"])
                    missing << QString::fromStdString(item.get<std::string>());
                m_message->showMessage(widgets::MessageBar::Kind::Warning,
                                       tr("Not ready to publish yet. Still missing: %1.").arg(missing.join(", ")));
                return;
            }
            showProblems(published.error());
            return;
        }
        show(*published);
        m_message->showMessage(widgets::MessageBar::Kind::Positive, tr("Published: tickets are on sale."));
        emit statusChanged(*published);
    });
}

void EventEditor::cancelEvent()
{
    bool given = false;
    const QString reason = QInputDialog::getMultiLineText(
        this, tr("Cancel the event"),
        tr("Cancelling cannot be undone. Every paid order is refunded in full, every ticket stops working, and each "
           "attendee is told by email with the reason below.\n\nThe reason:"),
        {}, &given);
    if (!given || reason.trimmed().isEmpty())
        return;
    m_session.api().cancelEvent(m_eventId, reason.trimmed()).then(this, [this](client::ApiResult<wire::Event> done) {
        if (!done) {
            showProblems(done.error());
            return;
        }
        show(*done);
        m_message->showMessage(widgets::MessageBar::Kind::Information,
                               tr("The event is cancelled; refunds and emails are on their way."));
        emit statusChanged(*done);
    });
}

} // namespace sbor::organizer
