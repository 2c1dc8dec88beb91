#include "healthdock.h"

#include "app/consoletext.h"

#include "accountsession.h"

#include <QDateTime>
#include <QHeaderView>
#include <QLabel>
#include <QListWidget>
#include <QLocale>
#include <QTableWidget>
#include <QTimer>
#include <QVBoxLayout>

#include <algorithm>

namespace sbor::admin {
namespace {

QString colourOf(const QString& status)
{
    if (status == "ok")
        return "#2e7d32";
    if (status == "amber")
        return "#f9a825";
    if (status == "red")
        return "#c62828";
    return "#9e9e9e";
}

QString servicesOf(const wire::ProcessHealth& process)
{
    QStringList names;
    for (const auto& service : process.services)
        if (service != "system")
            names << QString::fromStdString(service);
    return names.join(", ");
}

} // namespace

HealthDock::HealthDock(desktop::AccountSession& session, int intervalMs, QWidget* parent)
    : QDockWidget(tr("Health"), parent), m_session(session)
{
    setObjectName("healthDock");
    setFeatures(QDockWidget::DockWidgetMovable | QDockWidget::DockWidgetClosable | QDockWidget::DockWidgetFloatable);
    auto* body = new QWidget(this);
    m_light = new QLabel(body);
    m_light->setObjectName("healthLight");
    m_light->setFixedSize(18, 18);
    m_summary = new QLabel(body);
    m_summary->setObjectName("healthSummary");
    m_summary->setWordWrap(true);
    m_problems = new QListWidget(body);
    m_problems->setObjectName("healthProblems");
    m_problems->setWordWrap(true);
    m_problems->setMaximumHeight(140);
    m_processes = new QTableWidget(0, 5, body);
    m_processes->setObjectName("healthProcesses");
    m_processes->setHorizontalHeaderLabels({tr("Service"), tr("State"), tr("Unsent"), tr("Lag"), tr("Errors/min")});
    m_processes->verticalHeader()->hide();
    m_processes->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_processes->setSelectionMode(QAbstractItemView::NoSelection);
    m_processes->horizontalHeader()->setSectionResizeMode(0, QHeaderView::Stretch);
    for (int column = 1; column < 5; ++column)
        m_processes->horizontalHeader()->setSectionResizeMode(column, QHeaderView::ResizeToContents);
    auto* top = new QHBoxLayout;
    top->addWidget(m_light, 0, Qt::AlignTop);
    top->addWidget(m_summary, 1);
    auto* layout = new QVBoxLayout(body);
    layout->addLayout(top);
    layout->addWidget(m_problems);
    layout->addWidget(m_processes, 1);
    setWidget(body);
    setMinimumWidth(260);

    m_timer = new QTimer(this);
    m_timer->setInterval(intervalMs);
    connect(m_timer, &QTimer::timeout, this, &HealthDock::refresh);
    m_timer->start();
    setStatus("unknown");
    m_summary->setText(tr("Asking every process…"));
    refresh();
}

void HealthDock::refresh()
{
    if (m_asking)
        return;
    m_asking = true;
    m_session.api().platformHealth().then(this, [this](client::ApiResult<wire::PlatformHealth> health) {
        m_asking = false;
        if (!health) {
            showUnknown(health.error().isTransport() ? tr("The server does not answer, so neither does its report.")
                                                     : errorText(health.error()));
            return;
        }
        show(*health);
    });
}

void HealthDock::setStatus(const QString& status)
{
    m_light->setStyleSheet(QStringLiteral("background: %1; border-radius: 9px;").arg(colourOf(status)));
    m_light->setToolTip(status);
    if (status == m_status)
        return;
    m_status = status;
    emit statusChanged(status);
}

void HealthDock::showUnknown(const QString& why)
{
    setStatus("unknown");
    m_summary->setText(why);
}

void HealthDock::show(const wire::PlatformHealth& health)
{
    const QString status = QString::fromStdString(health.status);
    setStatus(status);
    const QString when = QLocale().toString(
        QDateTime::fromString(QString::fromStdString(health.checkedAt), Qt::ISODateWithMs).toLocalTime().time(),
        QLocale::ShortFormat);
    const int answering = static_cast<int>(std::count_if(health.processes.begin(), health.processes.end(),
                                                         [](const auto& process) { return process.reachable; }));
    const QString state = status == "ok" ? tr("All is well.")
        : status == "amber"              ? tr("Something grows.")
                                         : tr("Something is down.");
    m_summary->setText(tr("%1 %2 of %3 processes answer; checked at %4.")
                           .arg(state)
                           .arg(answering)
                           .arg(health.processes.size())
                           .arg(when));
    m_problems->clear();
    for (const auto& problem : health.problems) {
        auto* item = new QListWidgetItem(QString::fromStdString(problem.subject + ": " + problem.message), m_problems);
        item->setForeground(QColor(colourOf(QString::fromStdString(problem.severity))));
    }
    m_problems->setVisible(!health.problems.empty());
    // A process of several services is one row; the embedded default is one process of all.
    m_processes->setRowCount(static_cast<int>(health.processes.size()));
    int row = 0;
    for (const auto& process : health.processes) {
        std::int64_t unsent = 0;
        for (const auto& outbox : process.outboxes)
            unsent += outbox.unsent;
        std::int64_t lag = 0;
        for (const auto& consumer : process.consumers)
            lag = std::max(lag, consumer.lag.value_or(0));
        const QString name = health.processes.size() == 1 && !health.distributed ? tr("all services (one process)")
                                                                                 : servicesOf(process);
        const QString processState = !process.reachable ? tr("no answer")
            : process.ready                             ? tr("ready")
                                                        : tr("not ready");
        const QStringList cells = {name, processState, process.reachable ? QString::number(unsent) : "—",
                                   process.reachable ? QString::number(lag) : "—",
                                   process.reachable ? QLocale().toString(process.http.errorsPerMinute, 'f', 1) : "—"};
        for (int column = 0; column < cells.size(); ++column) {
            auto* item = new QTableWidgetItem(cells[column]);
            if (column == 1)
                item->setForeground(QColor(colourOf(!process.reachable ? "red" : process.ready ? "ok" : "red")));
            if (column == 0)
                item->setToolTip(process.error.empty() ? cells[0] : QString::fromStdString(process.error));
            m_processes->setItem(row, column, item);
        }
        ++row;
    }
}

} // namespace sbor::admin
