#include "dashboardpage.h"

#include "dashboardfigures.h"
#include "timeserieschart.h"

#include "accountsession.h"
#include "app/wording.h"

#include "messagebar.h"

#include <QGridLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QListWidget>
#include <QTableWidget>
#include <QTimer>
#include <QVBoxLayout>

namespace sbor::organizer {
namespace {

QTableWidget* figuresTable(QWidget* parent, const QString& name, const QStringList& headers)
{
    auto* table = new QTableWidget(parent);
    table->setObjectName(name);
    table->setColumnCount(headers.size());
    table->setHorizontalHeaderLabels(headers);
    table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    table->setSelectionMode(QAbstractItemView::NoSelection);
    table->verticalHeader()->hide();
    table->horizontalHeader()->setSectionResizeMode(0, QHeaderView::Stretch);
    table->setMinimumHeight(110);
    return table;
}

QTableWidgetItem* number(int value)
{
    auto* item = new QTableWidgetItem(QLocale().toString(value));
    item->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
    return item;
}

} // namespace

DashboardPage::DashboardPage(desktop::AccountSession& session, const QString& eventId, QWidget* parent)
    : QWidget(parent), m_session(session), m_eventId(eventId)
{
    setObjectName("dashboardPage");
    m_figures = new DashboardFigures(session.api(), eventId, this);
    m_alert = new widgets::MessageBar(this);
    m_alert->setObjectName("conflictAlert");
    m_live = new QLabel(this);
    m_live->setObjectName("liveIndicator");
    m_sold = tile("soldTile");
    m_revenue = tile("revenueTile");
    m_checkedIn = tile("checkedInTile");
    m_inside = tile("insideTile");
    m_kiosks = tile("kiosksTile");
    m_types = figuresTable(this, "typeFigures", {tr("Ticket type"), tr("Sold"), tr("Capacity"), tr("Left")});
    m_gates = figuresTable(this, "gateFigures", {tr("Gate"), tr("Checked in"), tr("Inside now")});
    m_conflicts = new QListWidget(this);
    m_conflicts->setObjectName("conflictList");
    m_conflicts->setMinimumHeight(80);
    m_conflicts->setWordWrap(true);
    m_conflicts->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_soldChart = new widgets::TimeSeriesChart(this);
    m_soldChart->setObjectName("soldChart");
    m_soldChart->setTitle(tr("Tickets sold per hour"));
    m_admissionsChart = new widgets::TimeSeriesChart(this);
    m_admissionsChart->setObjectName("admissionsChart");
    m_admissionsChart->setTitle(tr("Admissions per minute, last hour"));

    auto* tiles = new QHBoxLayout;
    for (QLabel* label : {m_sold, m_revenue, m_checkedIn, m_inside, m_kiosks})
        tiles->addWidget(label, 1);
    auto* charts = new QHBoxLayout;
    charts->addWidget(m_soldChart, 1);
    charts->addWidget(m_admissionsChart, 1);
    auto* tables = new QHBoxLayout;
    auto* salesBox = new QGroupBox(tr("Sales"), this);
    (new QVBoxLayout(salesBox))->addWidget(m_types);
    auto* doorBox = new QGroupBox(tr("The door"), this);
    (new QVBoxLayout(doorBox))->addWidget(m_gates);
    auto* conflictBox = new QGroupBox(tr("Conflicts"), this);
    (new QVBoxLayout(conflictBox))->addWidget(m_conflicts);
    tables->addWidget(salesBox, 2);
    tables->addWidget(doorBox, 2);
    tables->addWidget(conflictBox, 2);
    auto* header = new QHBoxLayout;
    header->addStretch(1);
    header->addWidget(m_live);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(header);
    layout->addWidget(m_alert);
    layout->addLayout(tiles);
    layout->addLayout(charts, 3);
    layout->addLayout(tables, 2);

    connect(m_figures, &DashboardFigures::changed, this, &DashboardPage::redraw);
    connect(m_figures, &DashboardFigures::conflictRaised, this, [this](const ConflictAlert& alert) {
        m_alert->showMessage(widgets::MessageBar::Kind::Error,
                             tr("Conflict: the ticket of %1 was admitted at %2 and again at %3.")
                                 .arg(alert.holderName.isEmpty() ? alert.ticketId.left(8) : alert.holderName,
                                      alert.firstGate, alert.secondGate));
    });
    connect(m_figures, &DashboardFigures::loadFailed, this, [this](const QString& problem) {
        m_alert->showMessage(widgets::MessageBar::Kind::Warning, tr("Not loaded: %1").arg(problem), tr("Try again"),
                             [this] { reload(); });
    });
    const QString topic = "event:" + eventId;
    client::LiveFeed& live = session.live();
    connect(&live, &client::LiveFeed::frameReceived, this, [this, topic](const wire::LiveFrame& frame) {
        if (QString::fromStdString(frame.topic) == topic)
            m_figures->apply(frame);
    });
    connect(&live, &client::LiveFeed::resyncRequired, this, [this, topic](const QString& which) {
        if (which == topic)
            reload();
    });
    connect(&live, &client::LiveFeed::connectedChanged, this, [this](bool) { redraw(); });
    live.subscribe(topic);
    // "Online" fades with silence, so the tile is redrawn with the clock and the last contacts are
    // asked for again now and then (a kiosk's syncs touch them; they are not on the feed).
    auto* clock = new QTimer(this);
    clock->setInterval(std::chrono::seconds(15));
    connect(clock, &QTimer::timeout, this, [this] {
        if (isVisible()) {
            m_figures->reloadKiosks();
            redraw(); // silence counts even when nothing arrives
        }
    });
    clock->start();
    reload();
}

QLabel* DashboardPage::tile(const QString& name)
{
    auto* label = new QLabel(this);
    label->setObjectName(name);
    label->setAlignment(Qt::AlignCenter);
    label->setMinimumHeight(76);
    label->setStyleSheet("QLabel { background: palette(base); border: 1px solid palette(mid); border-radius: 6px; "
                         "padding: 6px; }");
    return label;
}

void DashboardPage::reload() { m_figures->reload(); }

void DashboardPage::redraw()
{
    const auto big = [](const QString& value, const QString& caption) {
        return QString("<div style='font-size:22pt; font-weight:600'>%1</div><div>%2</div>").arg(value, caption);
    };
    const QLocale locale;
    m_sold->setText(big(tr("%1 of %2").arg(locale.toString(m_figures->sold()), locale.toString(m_figures->capacity())),
                        tr("tickets sold")));
    m_revenue->setText(big(wording::money(m_figures->revenue(), m_figures->currency()), tr("revenue")));
    m_checkedIn->setText(
        big(tr("%1 of %2").arg(locale.toString(m_figures->checkedIn()), locale.toString(m_figures->sold())),
            tr("checked in")));
    m_inside->setText(big(locale.toString(m_figures->insideNow()), tr("inside now")));
    const QDateTime now = QDateTime::currentDateTimeUtc();
    const auto& kiosks = m_figures->kiosks();
    if (!m_figures->kiosksKnown()) {
        m_kiosks->setText(big(QStringLiteral("—"), tr("kiosks online")));
        m_kiosks->setToolTip(tr("The kiosks of this event could not be read."));
    } else if (kiosks.empty()) {
        m_kiosks->setText(big(QStringLiteral("—"), tr("no kiosks enrolled")));
        m_kiosks->setToolTip(tr("Enrol kiosks on the Door tab."));
    } else {
        const int online = m_figures->kiosksOnline(now);
        m_kiosks->setText(
            big(tr("%1 of %2").arg(locale.toString(online), locale.toString(int(kiosks.size()))), tr("kiosks online")));
        QStringList silent;
        for (const auto& kiosk : kiosks)
            if (!m_figures->isOnline(kiosk, now))
                silent << (kiosk.lastContact.isValid()
                               ? tr("%1: last contact %2")
                                     .arg(kiosk.name, wording::time(kiosk.lastContact.toString(Qt::ISODate)))
                               : tr("%1: never in touch").arg(kiosk.name));
        m_kiosks->setToolTip(silent.isEmpty() ? tr("Every kiosk was in touch within the last minute.")
                                              : tr("Offline:") + "\n" + silent.join("\n"));
    }
    const bool connected = m_session.isLiveConnected();
    m_live->setText(connected ? tr("● Live") : tr("○ Not live: reconnecting…"));
    m_live->setStyleSheet(connected ? "color: #188038; font-weight: 600;" : "color: #b06000; font-weight: 600;");

    const auto& types = m_figures->types();
    m_types->setRowCount(static_cast<int>(types.size()));
    for (int row = 0; row < static_cast<int>(types.size()); ++row) {
        const auto& type = types[static_cast<std::size_t>(row)];
        m_types->setItem(row, 0, new QTableWidgetItem(type.name));
        m_types->setItem(row, 1, number(type.sold));
        m_types->setItem(row, 2, number(type.quota));
        m_types->setItem(row, 3, number(std::max(0, type.quota - type.sold)));
    }
    const auto& gates = m_figures->gates();
    m_gates->setRowCount(static_cast<int>(gates.size()));
    for (int row = 0; row < static_cast<int>(gates.size()); ++row) {
        const auto& gate = gates[static_cast<std::size_t>(row)];
        m_gates->setItem(row, 0, new QTableWidgetItem(gate.name));
        m_gates->setItem(row, 1, number(gate.admitted));
        m_gates->setItem(row, 2, number(gate.inside));
    }
    m_conflicts->clear();
    for (const auto& conflict : m_figures->conflicts())
        m_conflicts->addItem(tr("%1: %2 (%3) and %4 (%5)")
                                 .arg(conflict.holderName.isEmpty() ? conflict.ticketId.left(8) : conflict.holderName,
                                      conflict.firstGate, wording::time(conflict.firstAt), conflict.secondGate,
                                      wording::time(conflict.secondAt)));
    if (m_figures->conflicts().empty())
        m_conflicts->addItem(tr("None: every ticket was admitted once."));
    m_soldChart->setPoints(m_figures->soldPerHour().at, m_figures->soldPerHour().values, "dd.MM HH:mm");
    m_admissionsChart->setPoints(m_figures->admissionsPerMinute().at, m_figures->admissionsPerMinute().values, "HH:mm");
}

} // namespace sbor::organizer
