#include "reportspage.h"

#include "app/consoletext.h"

#include "accountsession.h"
#include "messagebar.h"
#include "timeserieschart.h"

#include <QComboBox>
#include <QDateEdit>
#include <QFile>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QSplitter>
#include <QTableWidget>
#include <QTimeZone>
#include <QVBoxLayout>

namespace sbor::admin {
namespace {

// Midnight of `day` in the console's zone: the report's periods start at local midnights too.
QString startOf(const QDate& day)
{
    return QDateTime(day, QTime(0, 0))
        .toOffsetFromUtc(QDateTime(day, QTime(0, 0)).offsetFromUtc())
        .toString(Qt::ISODate);
}

// A counts report's column in the console's words.
QString columnName(const std::string& column)
{
    if (column == "registrations")
        return ReportsPage::tr("Registrations");
    if (column == "admissions")
        return ReportsPage::tr("Admissions");
    if (column == "exits")
        return ReportsPage::tr("Exits");
    if (column == "opened")
        return ReportsPage::tr("Opened");
    if (column == "resolved")
        return ReportsPage::tr("Resolved");
    if (column == "answered")
        return ReportsPage::tr("Answered");
    if (column == "median_first_response_seconds")
        return ReportsPage::tr("Median first response");
    return QString::fromStdString(column);
}

QString chartTitle(const std::string& report)
{
    if (report == "registrations")
        return ReportsPage::tr("New accounts");
    if (report == "checkins")
        return ReportsPage::tr("Admissions at the doors");
    return ReportsPage::tr("Support requests opened");
}

// 4000 s → "1 h 07 min": what a support lead reads a response time in.
QString durationText(std::int64_t seconds)
{
    if (seconds < 60)
        return ReportsPage::tr("%1 s").arg(seconds);
    const std::int64_t minutes = (seconds + 30) / 60;
    if (minutes < 60)
        return ReportsPage::tr("%1 min").arg(minutes);
    return ReportsPage::tr("%1 h %2 min").arg(minutes / 60).arg(minutes % 60, 2, 10, QLatin1Char('0'));
}

QString cellText(const std::string& column, const std::optional<std::int64_t>& value)
{
    if (!value)
        return QStringLiteral("—");
    return column == "median_first_response_seconds" ? durationText(*value)
                                                     : QLocale().toString(static_cast<qlonglong>(*value));
}

} // namespace

ReportsPage::ReportsPage(desktop::AccountSession& session, QWidget* parent) : ConsolePage(parent), m_session(session)
{
    setObjectName("reportsPage");
    m_message = new widgets::MessageBar(this);
    m_message->setObjectName("reportsMessage");
    m_interval = new QComboBox(this);
    m_interval->setObjectName("reportInterval");
    m_interval->addItem(tr("By day"), "day");
    m_interval->addItem(tr("By week"), "week");
    m_interval->addItem(tr("By month"), "month");
    m_from = new QDateEdit(QDate::currentDate().addDays(-29), this);
    m_from->setObjectName("reportFrom");
    m_from->setCalendarPopup(true);
    m_to = new QDateEdit(QDate::currentDate(), this);
    m_to->setObjectName("reportTo");
    m_to->setCalendarPopup(true);
    m_kind = new QComboBox(this);
    m_kind->setObjectName("reportKind");
    m_kind->addItem(tr("Sales"), "sales");
    m_kind->addItem(tr("Registrations"), "registrations");
    m_kind->addItem(tr("Check-ins"), "checkins");
    m_kind->addItem(tr("Support"), "support");
    m_export = new QPushButton(tr("&Export CSV…"), this);
    m_export->setObjectName("reportExport");
    m_chart = new widgets::TimeSeriesChart(this);
    m_chart->setObjectName("reportChart");
    m_chart->setMinimumHeight(180);
    m_table = new QTableWidget(0, 0, this);
    m_table->setObjectName("reportTable");
    m_table->verticalHeader()->hide();
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setWordWrap(false);
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::Stretch);
    m_totals = new QLabel(this);
    m_totals->setObjectName("reportTotals");
    m_totals->setWordWrap(true);

    auto* controls = new QHBoxLayout;
    controls->addWidget(m_kind);
    controls->addWidget(m_interval);
    controls->addWidget(new QLabel(tr("from"), this));
    controls->addWidget(m_from);
    controls->addWidget(new QLabel(tr("to"), this));
    controls->addWidget(m_to);
    controls->addStretch();
    controls->addWidget(m_export);
    auto* splitter = new QSplitter(Qt::Vertical, this);
    splitter->addWidget(m_chart);
    splitter->addWidget(m_table);
    splitter->setStretchFactor(0, 2);
    splitter->setStretchFactor(1, 3);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_message);
    layout->addLayout(controls);
    layout->addWidget(splitter, 1);
    layout->addWidget(m_totals);

    connect(m_kind, &QComboBox::currentIndexChanged, this, &ReportsPage::reload);
    connect(m_interval, &QComboBox::currentIndexChanged, this, &ReportsPage::reload);
    connect(m_from, &QDateEdit::dateChanged, this, &ReportsPage::reload);
    connect(m_to, &QDateEdit::dateChanged, this, &ReportsPage::reload);
    connect(m_export, &QPushButton::clicked, this, [this] {
        const QString path = QFileDialog::getSaveFileName(this, tr("Export the report"),
                                                          QStringLiteral("sbor-%1-%2-%3.csv")
                                                              .arg(m_kind->currentData().toString(),
                                                                   m_from->date().toString(Qt::ISODate),
                                                                   m_to->date().toString(Qt::ISODate)),
                                                          tr("CSV files (*.csv)"));
        if (!path.isEmpty())
            exportCsvTo(path);
    });
}

QString ReportsPage::fromText() const { return startOf(m_from->date()); }
QString ReportsPage::toText() const { return startOf(m_to->date().addDays(1)); }
int ReportsPage::rowCount() const { return m_table->rowCount(); }

void ReportsPage::reload()
{
    if (m_from->date() > m_to->date()) {
        m_message->showMessage(widgets::MessageBar::Kind::Error, tr("The range ends before it starts."));
        return;
    }
    const int generation = ++m_generation;
    const QString kind = m_kind->currentData().toString();
    const QString interval = m_interval->currentData().toString();
    if (kind == "sales")
        m_session.api()
            .salesReport(interval, fromText(), toText(), QTimeZone::systemTimeZoneId())
            .then(this, [this, generation](client::ApiResult<wire::SalesReport> report) {
                fetched(generation, std::move(report));
            });
    else
        m_session.api()
            .countsReport(kind, interval, fromText(), toText(), QTimeZone::systemTimeZoneId())
            .then(this, [this, generation](client::ApiResult<wire::CountsReport> report) {
                fetched(generation, std::move(report));
            });
}

template <typename Report> void ReportsPage::fetched(int generation, client::ApiResult<Report> report)
{
    if (generation != m_generation)
        return;
    if (!report) {
        m_message->showMessage(widgets::MessageBar::Kind::Error, refusalText(report.error()));
        return;
    }
    m_message->hideMessage();
    show(*report);
}

void ReportsPage::show(const wire::SalesReport& report)
{
    // The chart shows the gross of the currency most sold in; the table has every currency.
    std::string currency = report.money.empty() ? std::string() : report.money.front().currency;
    std::int64_t most = -1;
    for (const auto& total : report.money)
        if (total.gross > most) {
            most = total.gross;
            currency = total.currency;
        }
    std::vector<QDateTime> at;
    std::vector<qint64> gross;
    int rows = 0;
    for (const auto& period : report.items)
        rows += std::max<int>(1, static_cast<int>(period.money.size()));
    m_table->clear();
    m_table->setColumnCount(9);
    m_table->setHorizontalHeaderLabels({tr("Period"), tr("Currency"), tr("Gross"), tr("Commission"), tr("Refunds"),
                                        tr("Publication fees"), tr("Net"), tr("Tickets"), tr("Orders")});
    m_table->setRowCount(rows);
    int row = 0;
    const QString interval = m_interval->currentData().toString();
    const QString format = interval == "month" ? "MMM yyyy" : "dd.MM";
    for (const auto& period : report.items) {
        const QDateTime start = QDateTime::fromString(QString::fromStdString(period.periodStart), Qt::ISODate);
        at.push_back(start);
        std::int64_t periodGross = 0;
        const auto put = [&](const QStringList& cells) {
            for (int column = 0; column < cells.size(); ++column) {
                auto* item = new QTableWidgetItem(cells[column]);
                if (column >= 2)
                    item->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
                m_table->setItem(row, column, item);
            }
            ++row;
        };
        const QString when = QLocale().toString(start.date(), interval == "month" ? "LLLL yyyy" : "dd.MM.yyyy");
        if (period.money.empty())
            put({when, "—", "", "", "", "", "", QString::number(period.tickets), QString::number(period.orders)});
        bool first = true;
        for (const auto& line : period.money) {
            if (line.currency == currency)
                periodGross = line.gross;
            put({first ? when : QString(), QString::fromStdString(line.currency), amount(line.gross),
                 amount(line.commission), amount(line.refunds), amount(line.publicationFees), amount(line.net),
                 first ? QString::number(period.tickets) : QString(),
                 first ? QString::number(period.orders) : QString()});
            first = false;
        }
        gross.push_back(periodGross / 100);
    }
    m_chart->setTitle(currency.empty() ? tr("Gross sales")
                                       : tr("Gross sales, %1").arg(QString::fromStdString(currency)));
    m_chart->setPoints(at, gross, format);
    QStringList totals;
    for (const auto& total : report.money)
        totals << tr("%1: gross %2, commission %3, refunds %4, publication fees %5, net %6")
                      .arg(QString::fromStdString(total.currency), amount(total.gross), amount(total.commission),
                           amount(total.refunds), amount(total.publicationFees), amount(total.net));
    m_totals->setText(
        tr("In the range: tickets %1, orders %2. %3").arg(report.tickets).arg(report.orders).arg(totals.join("; ")));
    m_table->scrollToBottom(); // the latest periods are what one opens a report for
    emit reportShown();
}

void ReportsPage::show(const wire::CountsReport& report)
{
    const QString interval = m_interval->currentData().toString();
    QStringList headers{tr("Period")};
    for (const auto& column : report.columns)
        headers << columnName(column);
    m_table->clear();
    m_table->setColumnCount(static_cast<int>(headers.size()));
    m_table->setHorizontalHeaderLabels(headers);
    m_table->setRowCount(static_cast<int>(report.items.size()));
    std::vector<QDateTime> at;
    std::vector<qint64> charted; // the first column
    for (int row = 0; row < m_table->rowCount(); ++row) {
        const wire::CountsPeriod& period = report.items[row];
        const QDateTime start = QDateTime::fromString(QString::fromStdString(period.periodStart), Qt::ISODate);
        at.push_back(start);
        charted.push_back(period.values.empty() ? 0 : period.values.front().value_or(0));
        m_table->setItem(
            row, 0,
            new QTableWidgetItem(QLocale().toString(start.date(), interval == "month" ? "LLLL yyyy" : "dd.MM.yyyy")));
        for (std::size_t column = 0; column < report.columns.size(); ++column) {
            auto* item = new QTableWidgetItem(cellText(report.columns[column], period.values[column]));
            item->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
            m_table->setItem(row, static_cast<int>(column) + 1, item);
        }
    }
    m_chart->setTitle(chartTitle(report.report));
    m_chart->setPoints(at, charted, interval == "month" ? "MMM yyyy" : "dd.MM");
    QStringList totals;
    for (std::size_t column = 0; column < report.columns.size(); ++column)
        if (report.totals[column])
            totals << QStringLiteral("%1 %2").arg(columnName(report.columns[column]).toLower(),
                                                  cellText(report.columns[column], report.totals[column]));
    m_totals->setText(tr("In the range: %1.").arg(totals.join(", ")));
    m_table->scrollToBottom(); // the latest periods are what one opens a report for
    emit reportShown();
}

void ReportsPage::exportCsvTo(const QString& path)
{
    m_session.api()
        .reportCsv(m_kind->currentData().toString(), m_interval->currentData().toString(), fromText(), toText(),
                   QTimeZone::systemTimeZoneId())
        .then(this, [this, path](client::ApiResult<QByteArray> csv) {
            if (!csv) {
                m_message->showMessage(widgets::MessageBar::Kind::Error, errorText(csv.error()));
                return;
            }
            QFile file(path);
            if (!file.open(QIODevice::WriteOnly) || file.write(*csv) != csv->size()) {
                m_message->showMessage(widgets::MessageBar::Kind::Error,
                                       tr("%1 could not be written: %2").arg(path, file.errorString()));
                return;
            }
            m_message->showMessage(widgets::MessageBar::Kind::Positive, tr("Saved to %1.").arg(path));
            emit exported(path);
        });
}

} // namespace sbor::admin
