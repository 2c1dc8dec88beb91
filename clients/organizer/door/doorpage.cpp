#include "doorpage.h"

#include "enrollmentqr.h"

#include "accountsession.h"
#include "app/wording.h"
#include "events/wallclock.h"

#include "messagebar.h"

#include <QAction>
#include <QCheckBox>
#include <QFormLayout>
#include <QMenu>
#include <QToolButton>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QInputDialog>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>

#include <algorithm>
#include <cmath>

namespace sbor::organizer {
namespace {

QString text(const std::string& value) { return QString::fromStdString(value); }

QTableWidget* table(QWidget* parent, const QString& name, const QStringList& headers)
{
    auto* widget = new QTableWidget(parent);
    widget->setObjectName(name);
    widget->setColumnCount(headers.size());
    widget->setHorizontalHeaderLabels(headers);
    widget->setSelectionBehavior(QAbstractItemView::SelectRows);
    widget->setSelectionMode(QAbstractItemView::SingleSelection);
    widget->setEditTriggers(QAbstractItemView::NoEditTriggers);
    widget->verticalHeader()->hide();
    widget->horizontalHeader()->setStretchLastSection(true);
    widget->horizontalHeader()->setSectionResizeMode(0, QHeaderView::Stretch);
    return widget;
}

} // namespace

EnrollmentDialog::EnrollmentDialog(const wire::IssuedEnrollment& enrollment, const QString& listName, QWidget* parent)
    : QDialog(parent), m_handshake(text(enrollment.handshakeText))
{
    setObjectName("enrollmentDialog");
    setWindowTitle(tr("Enrol a kiosk"));
    m_qr = new QLabel(this);
    m_qr->setObjectName("enrollmentQr");
    m_qr->setAlignment(Qt::AlignCenter);
    // Drawn in device pixels, a whole number of them per module: scaled up on a HiDPI screen, the
    // modules' edges would blur, which a camera reads worse.
    const qreal ratio = std::max<qreal>(1.0, devicePixelRatioF());
    QPixmap qr = QPixmap::fromImage(enrollmentQr(m_handshake, static_cast<int>(std::lround(8 * ratio))));
    qr.setDevicePixelRatio(ratio);
    m_qr->setPixmap(qr);
    auto* explanation = new QLabel(
        tr("On the kiosk, choose “Enrol” and hold its camera up to this code. It works once, for the gate “%1”, "
           "until %2.")
            .arg(listName, wording::time(text(enrollment.expiresAt))),
        this);
    explanation->setWordWrap(true);
    auto* code = new QLabel(tr("Or type the code on the kiosk: %1").arg("<b>" + text(enrollment.code) + "</b>"), this);
    code->setObjectName("enrollmentCode");
    code->setTextInteractionFlags(Qt::TextSelectableByMouse);
    auto* close = new QPushButton(tr("Done"), this);
    connect(close, &QPushButton::clicked, this, &QDialog::accept);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(explanation);
    layout->addWidget(m_qr, 1);
    layout->addWidget(code);
    layout->addWidget(close, 0, Qt::AlignRight);
}

QImage EnrollmentDialog::qrImage() const { return m_qr->pixmap().toImage(); }

DoorPage::DoorPage(desktop::AccountSession& session, const QString& eventId, const QString& timezone, QWidget* parent)
    : QWidget(parent), m_session(session), m_eventId(eventId), m_timezone(timezone)
{
    setObjectName("doorPage");
    m_message = new widgets::MessageBar(this);
    m_listTable = table(this, "checkInListTable",
                        {tr("Gate"), tr("Ticket types"), tr("Entry"), tr("Exits"), tr("Open")});
    m_deviceTable = table(this, "kioskTable", {tr("Kiosk"), tr("Gate"), tr("Last contact"), tr("State")});
    m_listName = new QLineEdit(this);
    m_listName->setObjectName("newListName");
    m_listName->setPlaceholderText(tr("New gate, e.g. Main entrance"));
    m_multiEntry = new QCheckBox(tr("Several entries"), this);
    m_multiEntry->setObjectName("newListMultiEntry");
    m_exits = new QCheckBox(tr("Exits are scanned"), this);
    m_exits->setObjectName("newListExits");
    m_listTypes = new QToolButton(this);
    m_listTypes->setObjectName("newListTypes");
    m_listTypes->setPopupMode(QToolButton::InstantPopup);
    m_listTypes->setToolButtonStyle(Qt::ToolButtonTextOnly);
    m_listTypeMenu = new QMenu(m_listTypes);
    m_listTypes->setMenu(m_listTypeMenu);
    m_hasValidFrom = new QCheckBox(tr("from"), this);
    m_hasValidFrom->setObjectName("newListHasValidFrom");
    m_validFrom = wallClockEdit(this);
    m_validFrom->setObjectName("newListValidFrom");
    m_hasValidUntil = new QCheckBox(tr("until"), this);
    m_hasValidUntil->setObjectName("newListHasValidUntil");
    m_validUntil = wallClockEdit(this);
    m_validUntil->setObjectName("newListValidUntil");
    const QDateTime today(QDate::currentDate(), QTime(18, 0));
    m_validFrom->setDateTime(today);
    m_validUntil->setDateTime(today.addSecs(6 * 3600));
    m_validFrom->setEnabled(false);
    m_validUntil->setEnabled(false);
    connect(m_hasValidFrom, &QCheckBox::toggled, m_validFrom, &QWidget::setEnabled);
    connect(m_hasValidUntil, &QCheckBox::toggled, m_validUntil, &QWidget::setEnabled);
    updateTypeButton();
    m_addList = new QPushButton(tr("Add gate"), this);
    m_addList->setObjectName("addListButton");
    m_kioskName = new QLineEdit(this);
    m_kioskName->setObjectName("newKioskName");
    m_kioskName->setPlaceholderText(tr("Kiosk name, e.g. Hall A, left"));
    m_enroll = new QPushButton(tr("Enrol a kiosk…"), this);
    m_enroll->setObjectName("enrollKioskButton");
    m_revoke = new QPushButton(tr("Revoke kiosk"), this);
    m_revoke->setObjectName("revokeKioskButton");

    auto* lists = new QGroupBox(tr("Gates (check-in lists)"), this);
    auto* listLayout = new QVBoxLayout(lists);
    listLayout->addWidget(m_listTable, 1);
    auto* addRow = new QHBoxLayout;
    addRow->addWidget(m_listName, 1);
    addRow->addWidget(m_listTypes);
    addRow->addWidget(m_multiEntry);
    addRow->addWidget(m_exits);
    auto* windowRow = new QHBoxLayout;
    auto* windowCaption = new QLabel(tr("Scans count only"), this);
    windowRow->addWidget(windowCaption);
    windowRow->addWidget(m_hasValidFrom);
    windowRow->addWidget(m_validFrom);
    windowRow->addWidget(m_hasValidUntil);
    windowRow->addWidget(m_validUntil);
    windowRow->addStretch(1);
    windowRow->addWidget(m_addList);
    listLayout->addLayout(addRow);
    listLayout->addLayout(windowRow);
    auto* kiosks = new QGroupBox(tr("Kiosks"), this);
    auto* kioskLayout = new QVBoxLayout(kiosks);
    kioskLayout->addWidget(m_deviceTable, 1);
    auto* kioskButtons = new QHBoxLayout;
    kioskButtons->addWidget(m_revoke);
    kioskButtons->addStretch(1);
    kioskButtons->addWidget(m_kioskName, 1);
    kioskButtons->addWidget(m_enroll);
    kioskLayout->addLayout(kioskButtons);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_message);
    layout->addWidget(lists, 1);
    layout->addWidget(kiosks, 1);

    connect(m_addList, &QPushButton::clicked, this, &DoorPage::createList);
    connect(m_listName, &QLineEdit::returnPressed, this, &DoorPage::createList);
    connect(m_enroll, &QPushButton::clicked, this, &DoorPage::enrollKiosk);
    connect(m_revoke, &QPushButton::clicked, this, &DoorPage::revokeKiosk);
}

QString DoorPage::typeNames(const std::vector<std::string>& typeIds) const
{
    if (typeIds.empty())
        return tr("every type");
    QStringList names;
    for (const auto& id : typeIds) {
        QString name = QString::fromStdString(id).left(8);
        for (const auto& type : m_types)
            if (type.id == id)
                name = text(type.name);
        names << name;
    }
    return names.join(", ");
}

QString DoorPage::windowOf(const wire::CheckInList& list) const
{
    const QString from = list.validFrom ? wording::time(text(*list.validFrom), m_timezone) : QString();
    const QString until = list.validUntil ? wording::time(text(*list.validUntil), m_timezone) : QString();
    if (from.isEmpty() && until.isEmpty())
        return tr("always");
    if (until.isEmpty())
        return tr("from %1").arg(from);
    if (from.isEmpty())
        return tr("until %1").arg(until);
    return tr("%1 – %2").arg(from, until);
}

void DoorPage::fillTypeMenu()
{
    QStringList chosen;
    for (QAction* action : m_listTypeMenu->actions())
        if (action->isChecked())
            chosen << action->data().toString();
    m_listTypeMenu->clear();
    for (const auto& type : m_types) {
        QAction* action = m_listTypeMenu->addAction(text(type.name));
        action->setCheckable(true);
        action->setData(text(type.id));
        action->setChecked(chosen.contains(text(type.id)));
        connect(action, &QAction::toggled, this, &DoorPage::updateTypeButton);
    }
    updateTypeButton();
}

void DoorPage::updateTypeButton()
{
    QStringList names;
    for (QAction* action : m_listTypeMenu->actions())
        if (action->isChecked())
            names << action->text();
    m_listTypes->setText(names.isEmpty() ? tr("Every ticket type") : names.join(", "));
    m_listTypes->setEnabled(!m_listTypeMenu->actions().isEmpty());
}

QString DoorPage::listName(const std::string& listId) const
{
    for (const auto& list : m_lists)
        if (list.id == listId)
            return text(list.name);
    return QString::fromStdString(listId).left(8);
}

void DoorPage::reload()
{
    // The window the form offers first: from an hour before the event until its end.
    m_session.api().event(m_eventId).then(this, [this](client::ApiResult<wire::Event> event) {
        if (!event)
            return;
        const QDateTime start = wallClockOf(text(event->startsAt), m_timezone);
        const QDateTime end = wallClockOf(text(event->endsAt), m_timezone);
        if (!m_hasValidFrom->isChecked() && start.isValid())
            m_validFrom->setDateTime(start.addSecs(-3600));
        if (!m_hasValidUntil->isChecked() && end.isValid())
            m_validUntil->setDateTime(end);
    });
    m_session.api().ticketTypes(m_eventId).then(this, [this](client::ApiResult<std::vector<wire::TicketType>> types) {
        if (!types)
            return;
        m_types = *types;
        fillTypeMenu();
        for (int row = 0; row < static_cast<int>(m_lists.size()) && row < m_listTable->rowCount(); ++row)
            if (QTableWidgetItem* item = m_listTable->item(row, 1))
                item->setText(typeNames(m_lists[static_cast<std::size_t>(row)].ticketTypeIds));
    });
    m_session.api().checkInLists(m_eventId).then(this, [this](client::ApiResult<std::vector<wire::CheckInList>> lists) {
        if (!lists) {
            m_message->showMessage(widgets::MessageBar::Kind::Warning,
                                   tr("The gates could not be loaded: %1").arg(text(lists.error().error.message)));
            return;
        }
        m_lists = *lists;
        m_listTable->setRowCount(static_cast<int>(m_lists.size()));
        for (int row = 0; row < static_cast<int>(m_lists.size()); ++row) {
            const auto& list = m_lists[static_cast<std::size_t>(row)];
            m_listTable->setItem(row, 0, new QTableWidgetItem(text(list.name)));
            m_listTable->setItem(row, 1, new QTableWidgetItem(typeNames(list.ticketTypeIds)));
            m_listTable->setItem(row, 2, new QTableWidgetItem(list.multiEntry ? tr("several") : tr("once")));
            m_listTable->setItem(row, 3, new QTableWidgetItem(list.exitsAllowed ? tr("scanned") : tr("no")));
            m_listTable->setItem(row, 4, new QTableWidgetItem(windowOf(list)));
        }
        m_enroll->setEnabled(!m_lists.empty());
        m_enroll->setToolTip(m_lists.empty() ? tr("Add a gate first: a kiosk works one gate.") : QString());
        m_session.api().devices(m_eventId).then(this, [this](client::ApiResult<std::vector<wire::Device>> devices) {
            if (!devices)
                return;
            m_devices = *devices;
            m_deviceTable->setRowCount(static_cast<int>(m_devices.size()));
            for (int row = 0; row < static_cast<int>(m_devices.size()); ++row) {
                const auto& device = m_devices[static_cast<std::size_t>(row)];
                m_deviceTable->setItem(row, 0, new QTableWidgetItem(text(device.name)));
                m_deviceTable->setItem(row, 1, new QTableWidgetItem(listName(device.listId)));
                m_deviceTable->setItem(row, 2,
                                       new QTableWidgetItem(device.lastSeenAt
                                                                ? wording::time(text(*device.lastSeenAt), m_timezone)
                                                                : tr("never")));
                m_deviceTable->setItem(row, 3, new QTableWidgetItem(device.revokedAt ? tr("revoked") : tr("enrolled")));
            }
        });
    });
}

void DoorPage::createList()
{
    const QString name = m_listName->text().trimmed();
    if (name.isEmpty()) {
        m_message->showMessage(widgets::MessageBar::Kind::Error, tr("Name the gate first."));
        m_listName->setFocus();
        return;
    }
    wire::CheckInListDraft draft;
    draft.name = name.toStdString();
    draft.multiEntry = m_multiEntry->isChecked();
    draft.exitsAllowed = m_exits->isChecked();
    for (QAction* action : m_listTypeMenu->actions())
        if (action->isChecked())
            draft.ticketTypeIds.push_back(action->data().toString().toStdString());
    if (m_hasValidFrom->isChecked())
        draft.validFrom = instantOf(m_validFrom->dateTime(), m_timezone).toStdString();
    if (m_hasValidUntil->isChecked())
        draft.validUntil = instantOf(m_validUntil->dateTime(), m_timezone).toStdString();
    if (draft.validFrom && draft.validUntil && m_validUntil->dateTime() <= m_validFrom->dateTime()) {
        m_message->showMessage(widgets::MessageBar::Kind::Error, tr("The gate must close after it opens."));
        m_validUntil->setFocus();
        return;
    }
    m_session.api().createCheckInList(m_eventId, draft).then(this, [this](client::ApiResult<wire::CheckInList> list) {
        if (!list) {
            m_message->showMessage(widgets::MessageBar::Kind::Error, text(list.error().error.message));
            return;
        }
        m_listName->clear();
        for (QAction* action : m_listTypeMenu->actions())
            action->setChecked(false);
        m_hasValidFrom->setChecked(false);
        m_hasValidUntil->setChecked(false);
        m_message->hideMessage();
        reload();
    });
}

void DoorPage::enrollKiosk()
{
    if (m_lists.empty())
        return;
    int listIndex = m_listTable->currentRow();
    if (listIndex < 0)
        listIndex = 0;
    QString name = m_kioskName->text().trimmed();
    if (name.isEmpty())
        name = tr("Kiosk %1").arg(m_devices.size() + 1);
    const auto& list = m_lists[static_cast<std::size_t>(listIndex)];
    const QString gate = text(list.name);
    m_session.api()
        .createEnrollment(m_eventId, text(list.id), name.trimmed())
        .then(this, [this, gate](client::ApiResult<wire::IssuedEnrollment> enrollment) {
            if (!enrollment) {
                m_message->showMessage(widgets::MessageBar::Kind::Error, text(enrollment.error().error.message));
                return;
            }
            m_kioskName->clear();
            delete m_lastEnrollment;
            m_lastEnrollment = new EnrollmentDialog(*enrollment, gate, this);
            m_lastEnrollment->setAttribute(Qt::WA_DeleteOnClose, false);
            connect(m_lastEnrollment, &QDialog::finished, this, &DoorPage::reload);
            m_lastEnrollment->open();
        });
}

void DoorPage::revokeKiosk()
{
    const int row = m_deviceTable->currentRow();
    if (row < 0 || row >= static_cast<int>(m_devices.size()))
        return;
    m_session.api()
        .revokeDevice(text(m_devices[static_cast<std::size_t>(row)].id))
        .then(this, [this](client::ApiResult<wire::Device> revoked) {
            if (!revoked)
                m_message->showMessage(widgets::MessageBar::Kind::Error, text(revoked.error().error.message));
            reload();
        });
}

} // namespace sbor::organizer
