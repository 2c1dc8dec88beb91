#include "copyeventdialog.h"

#include "wallclock.h"

#include "accountsession.h"

#include "messagebar.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace sbor::organizer {

CopyEventDialog::CopyEventDialog(desktop::AccountSession& session, const QString& eventId, const QString& title,
                                 const QString& startsAt, const QString& endsAt, const QString& timezone,
                                 QWidget* parent)
    : QDialog(parent), m_session(session), m_eventId(eventId), m_timezone(timezone)
{
    setObjectName("copyEventDialog");
    setWindowTitle(tr("Copy “%1”").arg(title));
    const QDateTime start = wallClockOf(startsAt, timezone);
    const QDateTime end = wallClockOf(endsAt, timezone);
    m_lengthSeconds = start.isValid() && end.isValid() ? start.secsTo(end) : 4 * 3600;

    m_message = new widgets::MessageBar(this);
    m_title = new QLineEdit(tr("%1 (copy)").arg(title), this);
    m_title->setObjectName("copyTitleField");
    m_title->selectAll();
    m_startsAt = wallClockEdit(this);
    m_startsAt->setObjectName("copyStartsAtField");
    // A week on, at the same hour: the most common repeat; the organizer moves it from there.
    QDateTime next = start.isValid() ? start : QDateTime(QDate::currentDate(), QTime(19, 0));
    while (next < QDateTime::currentDateTime())
        next = next.addDays(7);
    if (next == start)
        next = next.addDays(7);
    m_startsAt->setDateTime(next);
    m_endsAt = new QLabel(this);
    m_endsAt->setObjectName("copyEndsAt");
    auto* what = new QLabel(tr("The copy is a draft with the same ticket types (nothing sold), gates, programme and "
                               "team, every date moved with the start. Orders, attendees and kiosks are not "
                               "copied."),
                            this);
    what->setWordWrap(true);

    auto* form = new QFormLayout;
    auto* titleCaption = new QLabel(tr("&Title:"), this);
    titleCaption->setBuddy(m_title);
    auto* startCaption = new QLabel(tr("&Starts (%1):").arg(timezone), this);
    startCaption->setBuddy(m_startsAt);
    form->addRow(titleCaption, m_title);
    form->addRow(startCaption, m_startsAt);
    form->addRow(tr("Ends:"), m_endsAt);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, this);
    m_copy = buttons->addButton(tr("Create the copy"), QDialogButtonBox::AcceptRole);
    m_copy->setObjectName("copyEventButton");
    m_copy->setDefault(true);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_message);
    layout->addWidget(what);
    layout->addLayout(form);
    layout->addWidget(buttons);
    setMinimumWidth(480);

    connect(m_startsAt, &QDateTimeEdit::dateTimeChanged, this, &CopyEventDialog::updateEnd);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_copy, &QPushButton::clicked, this, &CopyEventDialog::copy);
    updateEnd();
}

void CopyEventDialog::updateEnd()
{
    m_endsAt->setText(QLocale().toString(m_startsAt->dateTime().addSecs(m_lengthSeconds), m_startsAt->displayFormat()));
}

void CopyEventDialog::copy()
{
    const QString title = m_title->text().trimmed();
    if (title.isEmpty()) {
        m_message->showMessage(widgets::MessageBar::Kind::Error, tr("Give the copy a title."));
        m_title->setFocus();
        return;
    }
    wire::EventCopyRequest request;
    request.title = title.toStdString();
    request.startsAt = instantOf(m_startsAt->dateTime(), m_timezone).toStdString();
    request.endsAt = instantOf(m_startsAt->dateTime().addSecs(m_lengthSeconds), m_timezone).toStdString();
    m_copy->setEnabled(false);
    m_session.api().copyEvent(m_eventId, request).then(this, [this](client::ApiResult<wire::Event> copy) {
        m_copy->setEnabled(true);
        if (!copy) {
            const auto& error = copy.error();
            m_message->showMessage(widgets::MessageBar::Kind::Error,
                                   error.isTransport()
                                       ? tr("The server cannot be reached; nothing was copied. Try again in a moment.")
                                       : QString::fromStdString(error.error.message));
            return;
        }
        emit copied(QString::fromStdString(copy->id), QString::fromStdString(copy->title),
                    QString::fromStdString(copy->timezone));
        accept();
    });
}

} // namespace sbor::organizer
