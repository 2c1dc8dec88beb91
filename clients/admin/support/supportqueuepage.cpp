#include "supportqueuepage.h"

#include "app/consoletext.h"

#include "accountsession.h"
#include "livefeed.h"
#include "messagebar.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDateTime>
#include <QGridLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSplitter>
#include <QTableWidget>
#include <QTextBrowser>
#include <QVBoxLayout>

namespace sbor::admin {
namespace {

QString statusName(const std::string& status)
{
    if (status == "pending_customer")
        return SupportQueuePage::tr("waiting for the person");
    if (status == "resolved")
        return SupportQueuePage::tr("resolved");
    if (status == "closed")
        return SupportQueuePage::tr("closed");
    return SupportQueuePage::tr("open");
}

QString categoryName(const std::string& category)
{
    if (category == "order")
        return SupportQueuePage::tr("order");
    if (category == "payment")
        return SupportQueuePage::tr("payment");
    if (category == "event")
        return SupportQueuePage::tr("event");
    if (category == "account")
        return SupportQueuePage::tr("account");
    return SupportQueuePage::tr("other");
}

} // namespace

SupportQueuePage::SupportQueuePage(desktop::AccountSession& session, QWidget* parent)
    : ConsolePage(parent), m_session(session)
{
    setObjectName("supportPage");
    m_message = new widgets::MessageBar(this);
    m_message->setObjectName("supportMessage");
    m_statusFilter = new QComboBox(this);
    m_statusFilter->setObjectName("supportStatusFilter");
    m_statusFilter->addItem(tr("Open and waiting"), QString("open,pending_customer"));
    m_statusFilter->addItem(tr("Open"), QString("open"));
    m_statusFilter->addItem(tr("Waiting for the person"), QString("pending_customer"));
    m_statusFilter->addItem(tr("Resolved"), QString("resolved"));
    m_statusFilter->addItem(tr("Closed"), QString("closed"));
    m_categoryFilter = new QComboBox(this);
    m_categoryFilter->setObjectName("supportCategoryFilter");
    m_categoryFilter->addItem(tr("Any category"), QString());
    for (const char* category : {"order", "payment", "event", "account", "other"})
        m_categoryFilter->addItem(categoryName(category), QString(category));
    m_search = new QLineEdit(this);
    m_search->setObjectName("supportSearch");
    m_search->setPlaceholderText(tr("Find by subject or number"));
    m_search->setClearButtonEnabled(true);
    m_search->setMinimumWidth(140);

    m_table = new QTableWidget(0, 5, this);
    m_table->setObjectName("supportTable");
    m_table->setHorizontalHeaderLabels({tr("No."), tr("Subject"), tr("Category"), tr("Status"), tr("Due")});
    m_table->verticalHeader()->hide();
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setWordWrap(false);
    m_table->horizontalHeader()->setSectionResizeMode(1, QHeaderView::Stretch);
    for (int column : {0, 2, 3, 4})
        m_table->horizontalHeader()->setSectionResizeMode(column, QHeaderView::ResizeToContents);

    auto* threadBox = new QWidget(this);
    m_header = new QLabel(tr("Choose a request in the list."), threadBox);
    m_header->setObjectName("supportHeader");
    m_header->setWordWrap(true);
    m_thread = new QTextBrowser(threadBox);
    m_thread->setObjectName("supportThread");
    m_reply = new QPlainTextEdit(threadBox);
    m_reply->setObjectName("supportReply");
    m_reply->setPlaceholderText(tr("Your answer to the person, or a note for the team"));
    m_reply->setMaximumHeight(110);
    m_internal = new QCheckBox(tr("&Internal note (only staff see it)"), threadBox);
    m_internal->setObjectName("supportInternal");
    m_send = new QPushButton(tr("&Send"), threadBox);
    m_send->setObjectName("supportSend");
    m_status = new QComboBox(threadBox);
    m_status->setObjectName("supportStatus");
    for (const char* status : {"open", "pending_customer", "resolved", "closed"})
        m_status->addItem(statusName(status), QString(status));
    m_applyStatus = new QPushButton(tr("Set status"), threadBox);
    m_applyStatus->setObjectName("supportApplyStatus");
    m_escalationReason = new QLineEdit(threadBox);
    m_escalationReason->setObjectName("escalationReason");
    m_escalationReason->setPlaceholderText(tr("Why admins must look at it"));
    m_escalationReason->setMinimumWidth(150);
    m_escalate = new QPushButton(tr("&Escalate"), threadBox);
    m_escalate->setObjectName("supportEscalate");

    auto* replyRow = new QHBoxLayout;
    replyRow->addWidget(m_internal);
    replyRow->addStretch();
    replyRow->addWidget(m_send);
    auto* actionRow = new QHBoxLayout;
    actionRow->addWidget(m_status, 1);
    actionRow->addWidget(m_applyStatus);
    auto* escalationRow = new QHBoxLayout;
    escalationRow->addWidget(m_escalationReason, 1);
    escalationRow->addWidget(m_escalate);
    auto* threadLayout = new QVBoxLayout(threadBox);
    threadLayout->setContentsMargins(0, 0, 0, 0);
    threadLayout->addWidget(m_header);
    threadLayout->addWidget(m_thread, 1);
    threadLayout->addWidget(m_reply);
    threadLayout->addLayout(replyRow);
    threadLayout->addLayout(actionRow);
    threadLayout->addLayout(escalationRow);

    auto* filters = new QGridLayout;
    filters->addWidget(m_statusFilter, 0, 0);
    filters->addWidget(m_categoryFilter, 0, 1);
    filters->addWidget(m_search, 1, 0, 1, 2);
    auto* list = new QWidget(this);
    auto* listLayout = new QVBoxLayout(list);
    listLayout->setContentsMargins(0, 0, 0, 0);
    listLayout->addLayout(filters);
    listLayout->addWidget(m_table, 1);
    auto* splitter = new QSplitter(Qt::Horizontal, this);
    splitter->addWidget(list);
    splitter->addWidget(threadBox);
    splitter->setStretchFactor(0, 1);
    splitter->setStretchFactor(1, 1);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_message);
    layout->addWidget(splitter, 1);

    for (QWidget* widget :
         {static_cast<QWidget*>(m_reply), static_cast<QWidget*>(m_internal), static_cast<QWidget*>(m_send),
          static_cast<QWidget*>(m_status), static_cast<QWidget*>(m_applyStatus),
          static_cast<QWidget*>(m_escalationReason), static_cast<QWidget*>(m_escalate)})
        widget->setEnabled(false);

    connect(m_statusFilter, &QComboBox::currentIndexChanged, this, &SupportQueuePage::reload);
    connect(m_categoryFilter, &QComboBox::currentIndexChanged, this, &SupportQueuePage::reload);
    connect(m_search, &QLineEdit::returnPressed, this, &SupportQueuePage::reload);
    connect(m_table, &QTableWidget::itemSelectionChanged, this, [this] {
        const int row = m_table->currentRow();
        if (row >= 0 && row < requestCount() && QString::fromStdString(m_requests[row].id) != openRequestId())
            openRequest(QString::fromStdString(m_requests[row].id));
    });
    connect(m_send, &QPushButton::clicked, this, &SupportQueuePage::send);
    connect(m_applyStatus, &QPushButton::clicked, this, &SupportQueuePage::applyStatus);
    connect(m_escalate, &QPushButton::clicked, this, &SupportQueuePage::escalate);
    session.live().subscribe("support");
    connect(&session.live(), &client::LiveFeed::frameReceived, this, [this](const wire::LiveFrame& frame) {
        if (frame.topic == "support")
            reload();
    });
}

void SupportQueuePage::focusSearch()
{
    m_search->setFocus();
    m_search->selectAll();
}

void SupportQueuePage::reload()
{
    client::SupportQuery query;
    query.status = m_statusFilter->currentData().toString();
    query.category = m_categoryFilter->currentData().toString();
    query.text = m_search->text().trimmed();
    query.limit = 100;
    const int generation = ++m_generation;
    m_session.api().supportRequests(query).then(
        this, [this, generation](client::ApiResult<wire::Page<wire::SupportRequest>> page) {
            if (generation != m_generation)
                return;
            if (!page) {
                m_message->showMessage(widgets::MessageBar::Kind::Error, errorText(page.error()));
                return;
            }
            showRequests(std::move(page->items));
            if (m_open)
                openRequest(openRequestId());
        });
}

void SupportQueuePage::showRequests(std::vector<wire::SupportRequest> requests)
{
    m_requests = std::move(requests);
    const QSignalBlocker quiet(m_table);
    m_table->setRowCount(requestCount());
    for (int i = 0; i < requestCount(); ++i) {
        const wire::SupportRequest& request = m_requests[i];
        const QString due = request.nextDueAt ? localTime(*request.nextDueAt) : QString();
        QStringList cells = {QString::number(request.number), QString::fromStdString(request.subject),
                             categoryName(request.category), statusName(request.status),
                             request.overdue ? tr("%1 (overdue)").arg(due) : due};
        if (request.escalatedAt)
            cells[1] = tr("⚑ %1").arg(cells[1]);
        for (int column = 0; column < cells.size(); ++column) {
            auto* item = new QTableWidgetItem(cells[column]);
            if (request.overdue && column == 4)
                item->setForeground(QColor("#c62828"));
            m_table->setItem(i, column, item);
        }
        if (m_open && request.id == m_open->id)
            m_table->selectRow(i);
    }
}

void SupportQueuePage::openRequest(const QString& requestId)
{
    m_session.api().supportRequest(requestId).then(this, [this](client::ApiResult<wire::SupportRequest> request) {
        if (!request) {
            m_message->showMessage(widgets::MessageBar::Kind::Error, errorText(request.error()));
            return;
        }
        showThread(*request);
    });
}

void SupportQueuePage::showThread(const wire::SupportRequest& request)
{
    m_open = request;
    QString header = tr("<b>#%1 %2</b><br>%3 · %4 · opened %5")
                         .arg(request.number)
                         .arg(QString::fromStdString(request.subject).toHtmlEscaped(), categoryName(request.category),
                              statusName(request.status), localTime(request.createdAt));
    if (request.escalatedAt)
        header += "<br>" +
            tr("Escalated: %1").arg(QString::fromStdString(request.escalationReason.value_or("")).toHtmlEscaped());
    m_header->setText(header);
    QString html;
    for (const auto& message : request.messages) {
        const QString who = message.internal ? tr("Internal note") : message.fromStaff ? tr("Support") : tr("Person");
        const QString background = message.internal ? "#fff8e1" : message.fromStaff ? "#e8f0fe" : "#f5f5f5";
        html += QStringLiteral("<table width='100%' cellpadding='6' style='background:%1; margin-bottom:6px'><tr><td>"
                               "<b>%2</b> <span style='color:#666'>%3</span><br>%4</td></tr></table>")
                    .arg(background, who, localTime(message.createdAt),
                         QString::fromStdString(message.body).toHtmlEscaped().replace("\n", "<br>"));
    }
    m_thread->setHtml(html);
    m_status->setCurrentIndex(m_status->findData(QString::fromStdString(request.status)));
    for (QWidget* widget :
         {static_cast<QWidget*>(m_reply), static_cast<QWidget*>(m_internal), static_cast<QWidget*>(m_send),
          static_cast<QWidget*>(m_status), static_cast<QWidget*>(m_applyStatus)})
        widget->setEnabled(request.status != "closed");
    m_escalationReason->setEnabled(!request.escalatedAt && request.status != "closed");
    m_escalate->setEnabled(!request.escalatedAt && request.status != "closed");
    emit threadShown(QString::fromStdString(request.id));
}

void SupportQueuePage::send()
{
    const QString text = m_reply->toPlainText().trimmed();
    if (!m_open || text.isEmpty()) {
        m_message->showMessage(widgets::MessageBar::Kind::Error, tr("Write the answer first."));
        return;
    }
    m_send->setEnabled(false);
    const QString requestId = openRequestId();
    m_session.api()
        .writeSupportMessage(requestId, text, m_internal->isChecked())
        .then(this, [this, requestId](client::ApiResult<wire::SupportMessage> written) {
            m_send->setEnabled(true);
            if (!written) {
                m_message->showMessage(widgets::MessageBar::Kind::Error, errorText(written.error()));
                return;
            }
            m_reply->clear();
            m_internal->setChecked(false);
            m_message->showMessage(widgets::MessageBar::Kind::Positive,
                                   written->internal ? tr("The note is in the thread; the person does not see it.")
                                                     : tr("Sent: the person is told in the app and by email."));
            openRequest(requestId);
        });
}

void SupportQueuePage::applyStatus()
{
    if (!m_open)
        return;
    const QString requestId = openRequestId();
    m_session.api()
        .changeSupportStatus(requestId, m_status->currentData().toString())
        .then(this, [this](client::ApiResult<wire::SupportRequest> changed) {
            if (!changed) {
                m_message->showMessage(widgets::MessageBar::Kind::Error, errorText(changed.error()));
                return;
            }
            m_message->showMessage(widgets::MessageBar::Kind::Positive,
                                   tr("The request is %1 now.").arg(statusName(changed->status)));
            reload();
        });
}

void SupportQueuePage::escalate()
{
    const QString reason = m_escalationReason->text().trimmed();
    if (!m_open || reason.isEmpty()) {
        m_message->showMessage(widgets::MessageBar::Kind::Error, tr("Say why admins must look at it."));
        m_escalationReason->setFocus();
        return;
    }
    m_session.api()
        .escalateSupportRequest(openRequestId(), reason)
        .then(this, [this](client::ApiResult<wire::SupportRequest> escalated) {
            if (!escalated) {
                m_message->showMessage(widgets::MessageBar::Kind::Error, errorText(escalated.error()));
                return;
            }
            m_escalationReason->clear();
            m_message->showMessage(widgets::MessageBar::Kind::Positive, tr("Escalated: admins see it now."));
            reload();
        });
}

} // namespace sbor::admin
