#include "disputedeskpage.h"

#include "app/consoletext.h"

#include "accountsession.h"
#include "messagebar.h"

#include <QButtonGroup>
#include <QComboBox>
#include <QDateTime>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QSplitter>
#include <QTableWidget>
#include <QTextBrowser>
#include <QVBoxLayout>

#include <cmath>

namespace sbor::admin {
namespace {

QString statusName(const std::string& status)
{
    if (status == "needs_response")
        return DisputeDeskPage::tr("awaiting the organizer");
    if (status == "under_review")
        return DisputeDeskPage::tr("to decide");
    if (status == "won")
        return DisputeDeskPage::tr("won by the organizer");
    return DisputeDeskPage::tr("lost: refunded");
}

QString reasonName(const std::string& reason)
{
    if (reason == "not_received")
        return DisputeDeskPage::tr("not received");
    if (reason == "not_as_described")
        return DisputeDeskPage::tr("not as described");
    if (reason == "duplicate")
        return DisputeDeskPage::tr("charged twice");
    if (reason == "fraudulent")
        return DisputeDeskPage::tr("not made by the cardholder");
    if (reason == "refund_not_processed")
        return DisputeDeskPage::tr("refund not received");
    return DisputeDeskPage::tr("other");
}

QString paragraphs(const std::string& text)
{
    return QString::fromStdString(text).toHtmlEscaped().replace("\n", "<br>");
}

} // namespace

DisputeDeskPage::DisputeDeskPage(desktop::AccountSession& session, QWidget* parent)
    : ConsolePage(parent), m_session(session)
{
    setObjectName("disputesPage");
    m_message = new widgets::MessageBar(this);
    m_message->setObjectName("disputesMessage");
    m_filter = new QComboBox(this);
    m_filter->setObjectName("disputeFilter");
    m_filter->addItem(tr("Open (awaiting an answer or a decision)"), QString("needs_response,under_review"));
    m_filter->addItem(tr("To decide"), QString("under_review"));
    m_filter->addItem(tr("Decided"), QString("won,lost"));
    m_filter->addItem(tr("All"), QString());
    m_table = new QTableWidget(0, 4, this);
    m_table->setObjectName("disputeTable");
    m_table->setHorizontalHeaderLabels({tr("Respond by"), tr("Reason"), tr("Amount"), tr("Status")});
    m_table->verticalHeader()->hide();
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setWordWrap(false);
    m_table->horizontalHeader()->setSectionResizeMode(1, QHeaderView::Stretch);
    for (int column : {0, 2, 3})
        m_table->horizontalHeader()->setSectionResizeMode(column, QHeaderView::ResizeToContents);

    m_header = new QLabel(tr("Choose a dispute in the list."), this);
    m_header->setObjectName("disputeHeader");
    m_header->setWordWrap(true);
    m_header->setTextInteractionFlags(Qt::TextSelectableByMouse);
    auto* claimBox = new QGroupBox(tr("The buyer says"), this);
    m_claim = new QTextBrowser(claimBox);
    m_claim->setObjectName("disputeClaim");
    (new QVBoxLayout(claimBox))->addWidget(m_claim);
    auto* evidenceBox = new QGroupBox(tr("The organizer answers"), this);
    m_evidence = new QTextBrowser(evidenceBox);
    m_evidence->setObjectName("disputeEvidence");
    (new QVBoxLayout(evidenceBox))->addWidget(m_evidence);
    auto* sides = new QHBoxLayout;
    sides->addWidget(claimBox, 1);
    sides->addWidget(evidenceBox, 1);

    auto* decisionBox = new QGroupBox(tr("Decision"), this);
    m_won = new QRadioButton(tr("&Won: the organizer keeps the money"), decisionBox);
    m_won->setObjectName("disputeWon");
    m_lost = new QRadioButton(tr("&Lost: refund the buyer"), decisionBox);
    m_lost->setObjectName("disputeLost");
    auto* outcome = new QButtonGroup(decisionBox);
    outcome->addButton(m_won);
    outcome->addButton(m_lost);
    m_refund = new QDoubleSpinBox(decisionBox);
    m_refund->setObjectName("disputeRefund");
    m_refund->setDecimals(2);
    m_note = new QPlainTextEdit(decisionBox);
    m_note->setObjectName("disputeNote");
    m_note->setPlaceholderText(tr("Why: both sides read it"));
    m_note->setMaximumHeight(80);
    m_decide = new QPushButton(tr("&Decide"), decisionBox);
    m_decide->setObjectName("disputeDecide");
    auto* outcomes = new QVBoxLayout;
    outcomes->addWidget(m_won);
    outcomes->addWidget(m_lost);
    auto* form = new QFormLayout;
    form->addRow(tr("Refund:"), m_refund);
    form->addRow(tr("Note:"), m_note);
    auto* decisionLayout = new QVBoxLayout(decisionBox);
    decisionLayout->addLayout(outcomes);
    decisionLayout->addLayout(form);
    decisionLayout->addWidget(m_decide, 0, Qt::AlignRight);

    auto* right = new QWidget(this);
    auto* rightLayout = new QVBoxLayout(right);
    rightLayout->setContentsMargins(0, 0, 0, 0);
    rightLayout->addWidget(m_header);
    rightLayout->addLayout(sides, 1);
    rightLayout->addWidget(decisionBox);
    auto* left = new QWidget(this);
    auto* leftLayout = new QVBoxLayout(left);
    leftLayout->setContentsMargins(0, 0, 0, 0);
    leftLayout->addWidget(m_filter);
    leftLayout->addWidget(m_table, 1);
    auto* splitter = new QSplitter(Qt::Horizontal, this);
    splitter->addWidget(left);
    splitter->addWidget(right);
    splitter->setStretchFactor(0, 2);
    splitter->setStretchFactor(1, 3);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_message);
    layout->addWidget(splitter, 1);

    for (QWidget* widget :
         {static_cast<QWidget*>(m_won), static_cast<QWidget*>(m_lost), static_cast<QWidget*>(m_refund),
          static_cast<QWidget*>(m_note), static_cast<QWidget*>(m_decide)})
        widget->setEnabled(false);
    connect(m_filter, &QComboBox::currentIndexChanged, this, &DisputeDeskPage::reload);
    connect(m_table, &QTableWidget::itemSelectionChanged, this, [this] {
        const int row = m_table->currentRow();
        if (row >= 0 && row < disputeCount())
            openDispute(QString::fromStdString(m_disputes[row].id));
    });
    connect(m_lost, &QRadioButton::toggled, m_refund, &QWidget::setEnabled);
    connect(m_decide, &QPushButton::clicked, this, &DisputeDeskPage::decide);
}

void DisputeDeskPage::reload()
{
    m_session.api()
        .disputes(m_filter->currentData().toString(), {}, 100)
        .then(this, [this](client::ApiResult<wire::Page<wire::Dispute>> page) {
            if (!page) {
                m_message->showMessage(widgets::MessageBar::Kind::Error, errorText(page.error()));
                return;
            }
            showDisputes(std::move(page->items));
        });
}

void DisputeDeskPage::showDisputes(std::vector<wire::Dispute> disputes)
{
    m_disputes = std::move(disputes);
    const QSignalBlocker quiet(m_table);
    m_table->setRowCount(disputeCount());
    const QDateTime now = QDateTime::currentDateTimeUtc();
    for (int i = 0; i < disputeCount(); ++i) {
        const wire::Dispute& dispute = m_disputes[i];
        const bool late = dispute.status == "needs_response" &&
            QDateTime::fromString(QString::fromStdString(dispute.respondBy), Qt::ISODateWithMs) < now;
        const QStringList cells = {localTime(dispute.respondBy), reasonName(dispute.reason),
                                   amount(dispute.amount, dispute.currency), statusName(dispute.status)};
        for (int column = 0; column < cells.size(); ++column) {
            auto* item = new QTableWidgetItem(cells[column]);
            if (late && column == 0)
                item->setForeground(QColor("#c62828"));
            m_table->setItem(i, column, item);
        }
        if (m_open && dispute.id == m_open->id)
            m_table->selectRow(i);
    }
}

void DisputeDeskPage::openDispute(const QString& disputeId)
{
    m_session.api().dispute(disputeId).then(this, [this](client::ApiResult<wire::Dispute> dispute) {
        if (!dispute) {
            m_message->showMessage(widgets::MessageBar::Kind::Error, errorText(dispute.error()));
            return;
        }
        showDispute(*dispute);
    });
}

void DisputeDeskPage::showDispute(const wire::Dispute& dispute)
{
    m_open = dispute;
    m_header->setText(tr("<b>%1</b> about order %2 (%3) · %4 · respond by %5")
                          .arg(reasonName(dispute.reason), QString::fromStdString(dispute.orderId).left(8),
                               amount(dispute.amount, dispute.currency), statusName(dispute.status),
                               localTime(dispute.respondBy)));
    m_claim->setHtml(QStringLiteral("<p><b>%1</b></p><p>%2</p><p style='color:#666'>%3</p>")
                         .arg(reasonName(dispute.reason), paragraphs(dispute.details),
                              tr("Opened %1").arg(localTime(dispute.createdAt))));
    QString evidence = dispute.evidence
        ? QStringLiteral("<p>%1</p><p style='color:#666'>%2</p>")
              .arg(paragraphs(*dispute.evidence), tr("Answered %1").arg(localTime(dispute.respondedAt.value_or(""))))
        : QStringLiteral("<p style='color:#666'>%1</p>").arg(tr("No answer yet."));
    if (dispute.reviewNote)
        evidence += QStringLiteral("<p style='color:#c62828'>%1</p>").arg(paragraphs(*dispute.reviewNote));
    if (dispute.decidedAt)
        evidence += QStringLiteral("<hr><p><b>%1</b> %2</p>")
                        .arg(statusName(dispute.status), paragraphs(dispute.decisionNote.value_or("")));
    m_evidence->setHtml(evidence);
    const bool open = dispute.status == "needs_response" || dispute.status == "under_review";
    m_refund->setRange(0.01, dispute.amount / 100.0);
    m_refund->setSuffix(" " + QString::fromStdString(dispute.currency));
    m_refund->setValue(dispute.refundAmount.value_or(dispute.amount) / 100.0);
    m_won->setEnabled(open);
    m_lost->setEnabled(open);
    m_note->setEnabled(open);
    m_decide->setEnabled(open);
    m_refund->setEnabled(open && m_lost->isChecked());
    emit disputeShown(QString::fromStdString(dispute.id));
}

void DisputeDeskPage::decide()
{
    if (!m_open)
        return;
    if (!m_won->isChecked() && !m_lost->isChecked()) {
        m_message->showMessage(widgets::MessageBar::Kind::Error, tr("Choose who wins."));
        return;
    }
    const QString note = m_note->toPlainText().trimmed();
    if (note.isEmpty()) {
        m_message->showMessage(widgets::MessageBar::Kind::Error, tr("Write the note: both sides read why."));
        m_note->setFocus();
        return;
    }
    const bool lost = m_lost->isChecked();
    const qint64 refund = std::llround(m_refund->value() * 100);
    const std::optional<qint64> partial = lost && refund < m_open->amount ? std::optional<qint64>(refund)
                                                                          : std::nullopt;
    const QString disputeId = QString::fromStdString(m_open->id);
    m_decide->setEnabled(false);
    m_session.api()
        .decideDispute(disputeId, lost ? "lost" : "won", partial, note)
        .then(this, [this, disputeId](client::ApiResult<wire::Dispute> decided) {
            m_decide->setEnabled(true);
            if (!decided) {
                m_message->showMessage(widgets::MessageBar::Kind::Error, errorText(decided.error()));
                return;
            }
            m_note->clear();
            m_message->showMessage(
                widgets::MessageBar::Kind::Positive,
                decided->status == "lost"
                    ? tr("Decided: %1 goes back to the buyer, and the tickets it paid for are cancelled.")
                          .arg(amount(decided->refundAmount.value_or(decided->amount), decided->currency))
                    : tr("Decided: the organizer keeps the money."));
            showDispute(*decided);
            reload();
            emit disputeDecided(disputeId);
        });
}

} // namespace sbor::admin
