#include "salestablepage.h"

#include "accountsession.h"
#include "app/wording.h"

#include "messagebar.h"
#include "pagedlistmodel.h"
#include "rolecolumnsmodel.h"

#include <QApplication>
#include <QClipboard>
#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QInputDialog>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QShortcut>
#include <QShowEvent>
#include <QSplitter>
#include <QTableView>
#include <QTextBrowser>
#include <QTimer>
#include <QVBoxLayout>

namespace sbor::organizer {
namespace {

using Column = widgets::RoleColumnsModel::Column;

QString shortId(const QVariant& id) { return id.toString().left(8).toUpper(); }

std::vector<Column> orderColumns(const QString& timezone)
{
    return {
        {SalesTablePage::tr("Order"), "id", shortId},
        {SalesTablePage::tr("Placed"), "created_at",
         [timezone](const QVariant& v) { return wording::time(v.toString(), timezone); },
         Qt::AlignLeft | Qt::AlignVCenter, "created_at"},
        {SalesTablePage::tr("Buyer"), "buyer",
         [](const QVariant& v) {
             const QVariantMap buyer = v.toMap();
             const QString name = buyer.value("name").toString();
             return name.isEmpty() ? buyer.value("email").toString()
                                   : name + " <" + buyer.value("email").toString() + ">";
         }},
        {SalesTablePage::tr("Tickets"), "attendees",
         [](const QVariant& v) { return QString::number(v.toList().size()); }, Qt::AlignRight | Qt::AlignVCenter},
        {SalesTablePage::tr("Total"),
         "total",
         {},
         Qt::AlignRight | Qt::AlignVCenter,
         "total",
         [](const QVariantMap& row) {
             return wording::money(row.value("total").toLongLong(), row.value("currency").toString());
         }},
        {SalesTablePage::tr("Status"), "status", [](const QVariant& v) { return wording::orderStatus(v.toString()); }},
    };
}

std::vector<Column> attendeeColumns(const QString& timezone)
{
    return {
        {SalesTablePage::tr("Name"), "holder_name", {}, Qt::AlignLeft | Qt::AlignVCenter, "holder_name"},
        {SalesTablePage::tr("Email"), "holder_email"},
        {SalesTablePage::tr("Order"), "order_id", shortId},
        {SalesTablePage::tr("Status"), "status", [](const QVariant& v) { return wording::ticketStatus(v.toString()); }},
        {SalesTablePage::tr("Checked in"), "checked_in_at",
         [timezone](const QVariant& v) {
             return v.isNull() || v.toString().isEmpty() ? SalesTablePage::tr("not yet")
                                                         : wording::time(v.toString(), timezone);
         }},
    };
}

} // namespace

SalesTablePage::SalesTablePage(desktop::AccountSession& session, Kind kind, const QString& eventId,
                               const QString& timezone, QWidget* parent)
    : QWidget(parent), m_session(session), m_kind(kind), m_eventId(eventId), m_timezone(timezone)
{
    const bool orders = kind == Kind::Orders;
    setObjectName(orders ? "ordersPage" : "attendeesPage");
    m_model = orders ? new client::PagedListModel({"id", "created_at", "buyer", "attendees", "total", "currency",
                                                   "status", "items", "history", "payment_id"},
                                                  "id", this)
                     : new client::PagedListModel({"ticket_id", "holder_name", "holder_email", "order_id", "status",
                                                   "blocked", "checked_in_at", "list_id", "ticket_type_id"},
                                                  "holder_name", this);
    m_columns = new widgets::RoleColumnsModel(m_model, orders ? orderColumns(timezone) : attendeeColumns(timezone),
                                              this);
    m_sort = orders ? "-created_at" : "holder_name";

    m_message = new widgets::MessageBar(this);
    m_search = new QLineEdit(this);
    m_search->setObjectName(orders ? "orderSearch" : "attendeeSearch");
    m_search->setClearButtonEnabled(true);
    m_search->setPlaceholderText(orders ? tr("Search by buyer, email, order number or attendee (Ctrl+F)")
                                        : tr("Search by name, email or order number (Ctrl+F)"));
    m_status = new QComboBox(this);
    m_status->setObjectName(orders ? "orderStatusFilter" : "attendeeStatusFilter");
    m_status->addItem(tr("Every status"), QString());
    if (orders)
        for (const char* status : {"paid", "pending", "cancelled", "refunded", "expired"})
            m_status->addItem(wording::orderStatus(status), QString(status));
    else
        for (const char* status : {"valid", "cancelled"})
            m_status->addItem(wording::ticketStatus(status), QString(status));
    if (!orders) {
        m_checkedIn = new QComboBox(this);
        m_checkedIn->setObjectName("checkedInFilter");
        m_checkedIn->addItem(tr("Checked in or not"), QString());
        m_checkedIn->addItem(tr("Checked in"), QString("true"));
        m_checkedIn->addItem(tr("Not checked in"), QString("false"));
    }
    m_count = new QLabel(this);
    m_count->setObjectName(orders ? "orderCount" : "attendeeCount");
    m_table = new QTableView(this);
    m_table->setObjectName(orders ? "orderTable" : "attendeeTable");
    m_table->setModel(m_columns);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setAlternatingRowColors(true);
    m_table->setSortingEnabled(true);
    // What the server sorts by at first: the newest orders, attendees by name.
    m_table->horizontalHeader()->setSortIndicator(orders ? 1 : 0, orders ? Qt::DescendingOrder : Qt::AscendingOrder);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->horizontalHeader()->setSectionResizeMode(orders ? 2 : 0, QHeaderView::Stretch);
    m_details = new QTextBrowser(this);
    m_details->setObjectName(orders ? "orderDetails" : "attendeeDetails");
    m_debounce = new QTimer(this);
    m_debounce->setSingleShot(true);
    m_debounce->setInterval(300);

    auto* filters = new QHBoxLayout;
    filters->addWidget(m_search, 1);
    filters->addWidget(m_status);
    if (m_checkedIn)
        filters->addWidget(m_checkedIn);
    filters->addWidget(m_count);
    auto* detailPane = new QWidget(this);
    auto* detailLayout = new QVBoxLayout(detailPane);
    detailLayout->setContentsMargins(0, 0, 0, 0);
    detailLayout->addWidget(m_details, 1);
    if (!orders) {
        auto* actions = new QHBoxLayout;
        const std::pair<const char*, QString> buttons[] = {{"block", tr("Block")},
                                                           {"unblock", tr("Unblock")},
                                                           {"reissue", tr("Reissue code")},
                                                           {"holder", tr("Change holder…")}};
        for (const auto& [action, label] : buttons) {
            auto* button = new QPushButton(label, detailPane);
            button->setObjectName(QString(action) + "TicketButton");
            button->setEnabled(false);
            m_ticketButtons << button;
            actions->addWidget(button);
            const QString name = action;
            connect(button, &QPushButton::clicked, this,
                    [this, name] { name == "holder" ? changeHolder() : ticketAction(name); });
        }
        detailLayout->addLayout(actions);
    }
    auto* splitter = new QSplitter(this);
    splitter->addWidget(m_table);
    splitter->addWidget(detailPane);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 1);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_message);
    layout->addLayout(filters);
    layout->addWidget(splitter, 1);

    connect(m_search, &QLineEdit::textChanged, m_debounce, qOverload<>(&QTimer::start));
    connect(m_debounce, &QTimer::timeout, this, &SalesTablePage::reload);
    connect(m_status, &QComboBox::currentIndexChanged, this, &SalesTablePage::reload);
    if (m_checkedIn)
        connect(m_checkedIn, &QComboBox::currentIndexChanged, this, &SalesTablePage::reload);
    connect(m_columns, &widgets::RoleColumnsModel::sortRequested, this, [this](const QString& sort) {
        m_sort = sort;
        reload();
    });
    connect(m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this, &SalesTablePage::showDetails);
    connect(m_model, &client::PagedListModel::loadingChanged, this, [this] {
        if (m_model->isLoading() || m_model->count() == 0)
            return;
        for (int column = 0; column < m_columns->columnCount(); ++column)
            if (m_table->horizontalHeader()->sectionResizeMode(column) == QHeaderView::Interactive)
                m_table->resizeColumnToContents(column);
        if (!m_table->currentIndex().isValid())
            m_table->selectRow(0);
    });
    connect(m_model, &client::PagedListModel::countChanged, this, [this] {
        m_count->setText(m_model->hasMore() ? tr("%1 shown, more below").arg(m_model->count())
                                            : tr("Rows: %1").arg(m_model->count()));
    });
    connect(m_model, &client::PagedListModel::errorChanged, this, [this] {
        if (m_model->errorText().isEmpty())
            m_message->hideMessage();
        else
            m_message->showMessage(widgets::MessageBar::Kind::Warning,
                                   tr("Not loaded: %1. What was shown before stays.").arg(m_model->errorText()),
                                   tr("Try again"), [this] { reload(); });
    });
    m_liveRefresh = new QTimer(this);
    m_liveRefresh->setSingleShot(true);
    m_liveRefresh->setInterval(700); // a burst of frames (an order of 20 tickets) is one reload
    connect(m_liveRefresh, &QTimer::timeout, this, [this] {
        if (isVisible())
            reload();
    });
    const std::string topic = "event:" + eventId.toStdString();
    connect(&session.live(), &client::LiveFeed::frameReceived, this, [this, topic](const wire::LiveFrame& frame) {
        const bool mine = frame.topic == topic;
        const bool relevant = frame.type.rfind("ticket.", 0) == 0 || frame.type.rfind("order.", 0) == 0;
        if (mine && relevant) {
            m_stale = true;
            m_liveRefresh->start();
        }
    });
    auto* copy = new QShortcut(QKeySequence::Copy, m_table);
    copy->setContext(Qt::WidgetShortcut);
    connect(copy, &QShortcut::activated, this, &SalesTablePage::copySelection);
}

void SalesTablePage::showEvent(QShowEvent* event)
{
    QWidget::showEvent(event);
    if (m_stale)
        reload();
}

void SalesTablePage::reload()
{
    m_stale = false;
    client::SalesQuery query;
    query.text = m_search->text().trimmed();
    query.status = m_status->currentData().toString();
    if (m_checkedIn && !m_checkedIn->currentData().toString().isEmpty())
        query.checkedIn = m_checkedIn->currentData().toString() == "true";
    query.sort = m_sort;
    query.limit = 100;
    client::SborApi* api = &m_session.api();
    const QString eventId = m_eventId;
    if (m_kind == Kind::Orders)
        m_model->setSource(
            client::PagedListModel::sourceOf<wire::EventOrder>([api, eventId, query](const QString& cursor) {
                client::SalesQuery page = query;
                page.cursor = cursor;
                return api->eventOrders(eventId, page);
            }));
    else
        m_model->setSource(
            client::PagedListModel::sourceOf<wire::EventAttendee>([api, eventId, query](const QString& cursor) {
                client::SalesQuery page = query;
                page.cursor = cursor;
                return api->eventAttendees(eventId, page);
            }));
    m_model->reload();
}

void SalesTablePage::focusSearch()
{
    m_search->setFocus();
    m_search->selectAll();
}

int SalesTablePage::rowCount() const { return m_model->count(); }

void SalesTablePage::copySelection()
{
    QList<int> rows;
    for (const QModelIndex& index : m_table->selectionModel()->selectedRows())
        rows << index.row();
    std::sort(rows.begin(), rows.end());
    if (!rows.isEmpty())
        QApplication::clipboard()->setText(m_columns->rowsAsText(rows));
}

void SalesTablePage::showDetails()
{
    const QModelIndex current = m_table->currentIndex();
    for (QPushButton* button : m_ticketButtons)
        button->setEnabled(current.isValid());
    if (!current.isValid()) {
        m_details->clear();
        return;
    }
    const QVariantMap row = m_columns->rowValues(current.row());
    QString html;
    if (m_kind == Kind::Orders) {
        const QString currency = row.value("currency").toString();
        html += "<h3>" + tr("Order %1").arg(shortId(row.value("id"))) + "</h3>";
        html += "<p>" + wording::orderStatus(row.value("status").toString()) + " · " +
            wording::money(row.value("total").toLongLong(), currency) + "</p>";
        const QVariantMap buyer = row.value("buyer").toMap();
        html += "<p><b>" + tr("Buyer") + ":</b> " + buyer.value("name").toString().toHtmlEscaped() + " &lt;" +
            buyer.value("email").toString().toHtmlEscaped() + "&gt;</p>";
        html += "<p><b>" + tr("Attendees") + ":</b></p><ul>";
        for (const QVariant& attendee : row.value("attendees").toList()) {
            const QVariantMap a = attendee.toMap();
            html += "<li>" + a.value("name").toString().toHtmlEscaped() + " — " +
                a.value("email").toString().toHtmlEscaped() +
                (a.value("status").isNull() ? QString()
                                            : " (" + wording::ticketStatus(a.value("status").toString()) + ")") +
                "</li>";
        }
        html += "</ul><p><b>" + tr("History") + ":</b></p><ul>";
        for (const QVariant& change : row.value("history").toList()) {
            const QVariantMap c = change.toMap();
            html += "<li>" + wording::time(c.value("at").toString(), m_timezone) + " — " +
                wording::orderStatus(c.value("status").toString()) + "</li>";
        }
        html += "</ul>";
    } else {
        html += "<h3>" + row.value("holder_name").toString().toHtmlEscaped() + "</h3>";
        html += "<p>" + row.value("holder_email").toString().toHtmlEscaped() + "</p>";
        html += "<p><b>" + tr("Ticket") + ":</b> " + shortId(row.value("ticket_id")) + " · " +
            wording::ticketStatus(row.value("status").toString()) +
            (row.value("blocked").toBool() ? " · " + tr("blocked") : QString()) + "</p>";
        const QString admitted = row.value("checked_in_at").toString();
        html += "<p><b>" + tr("Admission") + ":</b> " +
            (admitted.isEmpty() ? tr("not yet") : wording::time(admitted, m_timezone)) + "</p>";
    }
    m_details->setHtml(html);
}

void SalesTablePage::ticketAction(const QString& action)
{
    const QModelIndex current = m_table->currentIndex();
    if (!current.isValid())
        return;
    const QString ticketId = m_columns->rowValues(current.row()).value("ticket_id").toString();
    auto& api = m_session.api();
    auto call = action == "block" ? api.blockTicket(ticketId)
        : action == "unblock"     ? api.unblockTicket(ticketId)
                                  : api.reissueTicket(ticketId);
    call.then(this, [this, action](client::ApiResult<wire::Ticket> ticket) {
        if (!ticket) {
            m_message->showMessage(widgets::MessageBar::Kind::Error,
                                   QString::fromStdString(ticket.error().error.message));
            return;
        }
        m_message->showMessage(widgets::MessageBar::Kind::Positive,
                               action == "reissue" ? tr("A new code was issued; the old one no longer admits anyone.")
                                                   : tr("Done."));
        reload();
    });
}

void SalesTablePage::changeHolder()
{
    const QModelIndex current = m_table->currentIndex();
    if (!current.isValid())
        return;
    const QVariantMap row = m_columns->rowValues(current.row());
    bool given = false;
    const QString name = QInputDialog::getText(this, tr("Change the holder"), tr("The holder's name:"),
                                               QLineEdit::Normal, row.value("holder_name").toString(), &given);
    if (!given)
        return;
    const QString email = QInputDialog::getText(this, tr("Change the holder"), tr("The holder's email:"),
                                                QLineEdit::Normal, row.value("holder_email").toString(), &given);
    if (!given)
        return;
    wire::TicketChanges changes;
    changes.holderName = name.trimmed().toStdString();
    changes.holderEmail = email.trimmed().toStdString();
    m_session.api()
        .changeTicket(row.value("ticket_id").toString(), changes)
        .then(this, [this](client::ApiResult<wire::Ticket> ticket) {
            if (!ticket)
                m_message->showMessage(widgets::MessageBar::Kind::Error,
                                       QString::fromStdString(ticket.error().error.message));
            else
                reload();
        });
}

} // namespace sbor::organizer
