#include "tracelogspage.h"

#include "app/consoletext.h"

#include "accountsession.h"
#include "messagebar.h"

#include <QDateTime>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLineEdit>
#include <QLocale>
#include <QPushButton>
#include <QRegularExpression>
#include <QTableWidget>
#include <QVBoxLayout>

namespace sbor::admin {
namespace {

// A trace id as pasted: from "trace 4bf9…", a traceparent header or the bare id.
QString traceIdIn(const QString& pasted)
{
    static const QRegularExpression id("[0-9a-fA-F]{32}");
    const auto match = id.match(pasted);
    return match.hasMatch() ? match.captured(0).toLower() : QString();
}

QColor colourOf(const std::string& level)
{
    if (level == "error")
        return QColor("#c62828");
    if (level == "warn")
        return QColor("#b26a00");
    return QColor();
}

} // namespace

TraceLogsPage::TraceLogsPage(desktop::AccountSession& session, QWidget* parent)
    : ConsolePage(parent), m_session(session)
{
    setObjectName("logsPage");
    m_message = new widgets::MessageBar(this);
    m_message->setObjectName("logsMessage");
    m_trace = new QLineEdit(this);
    m_trace->setObjectName("traceField");
    m_trace->setPlaceholderText(tr("Paste a trace id from an error message"));
    m_trace->setClearButtonEnabled(true);
    m_find = new QPushButton(tr("&Show its lines"), this);
    m_find->setObjectName("traceFind");
    m_table = new QTableWidget(0, 5, this);
    m_table->setObjectName("logsTable");
    m_table->setHorizontalHeaderLabels({tr("Time"), tr("Service"), tr("Level"), tr("Message"), tr("Fields")});
    m_table->verticalHeader()->hide();
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setWordWrap(false);
    m_table->horizontalHeader()->setSectionResizeMode(4, QHeaderView::Stretch);
    for (int column = 0; column < 4; ++column)
        m_table->horizontalHeader()->setSectionResizeMode(column, QHeaderView::ResizeToContents);
    auto* top = new QHBoxLayout;
    top->addWidget(m_trace, 1);
    top->addWidget(m_find);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_message);
    layout->addLayout(top);
    layout->addWidget(m_table, 1);
    connect(m_trace, &QLineEdit::returnPressed, this, &TraceLogsPage::search);
    connect(m_find, &QPushButton::clicked, this, &TraceLogsPage::search);
}

void TraceLogsPage::focusSearch()
{
    m_trace->setFocus();
    m_trace->selectAll();
}

void TraceLogsPage::reload()
{
    if (!traceIdIn(m_trace->text()).isEmpty())
        search();
}

void TraceLogsPage::showTrace(const QString& traceId)
{
    m_trace->setText(traceId);
    search();
}

void TraceLogsPage::search()
{
    const QString traceId = traceIdIn(m_trace->text());
    if (traceId.isEmpty()) {
        m_message->showMessage(
            widgets::MessageBar::Kind::Error,
            tr("A trace id is 32 hexadecimal digits, as in “trace 4bf92f3577b34da6a3ce929d0e0e4736”."));
        return;
    }
    m_trace->setText(traceId);
    m_session.api().logsOfTrace(traceId, 7).then(this, [this](client::ApiResult<std::vector<wire::LogLine>> lines) {
        if (!lines) {
            m_message->showMessage(widgets::MessageBar::Kind::Error, errorText(lines.error()));
            return;
        }
        m_lines = std::move(*lines);
        if (m_lines.empty())
            m_message->showMessage(widgets::MessageBar::Kind::Information,
                                   tr("No lines of this trace in the last 7 days."));
        else
            m_message->hideMessage();
        m_table->setRowCount(lineCount());
        for (int i = 0; i < lineCount(); ++i) {
            const wire::LogLine& line = m_lines[i];
            const QDateTime at = QDateTime::fromString(QString::fromStdString(line.at), Qt::ISODateWithMs);
            const QStringList cells = {at.isValid() ? QLocale().toString(at.toLocalTime(), "HH:mm:ss.zzz") : "",
                                       QString::fromStdString(line.service), QString::fromStdString(line.level),
                                       QString::fromStdString(line.message),
                                       line.fields.empty() ? QString() : QString::fromStdString(line.fields.dump())};
            for (int column = 0; column < cells.size(); ++column) {
                auto* item = new QTableWidgetItem(cells[column]);
                item->setForeground(colourOf(line.level));
                if (column == 4)
                    item->setToolTip(QString::fromStdString(line.fields.dump(2)));
                m_table->setItem(i, column, item);
            }
        }
        emit linesShown();
    });
}

} // namespace sbor::admin
