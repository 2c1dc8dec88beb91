#include "timeserieschart.h"

#include <QAreaSeries>
#include <QChart>
#include <QChartView>
#include <QDateTimeAxis>
#include <QLineSeries>
#include <QValueAxis>
#include <QVBoxLayout>

#include <algorithm>

namespace sbor::widgets {

struct TimeSeriesChart::Parts {
    QChart* chart = nullptr;
    QChartView* view = nullptr;
};

TimeSeriesChart::TimeSeriesChart(QWidget* parent) : QWidget(parent), m_parts(new Parts)
{
    m_parts->chart = new QChart;
    m_parts->chart->legend()->hide();
    m_parts->chart->setMargins(QMargins(4, 4, 4, 4));
    m_parts->chart->setBackgroundRoundness(4);
    m_parts->view = new QChartView(m_parts->chart, this);
    m_parts->view->setRenderHint(QPainter::Antialiasing);
    m_parts->view->setMinimumHeight(180);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_parts->view);
}

TimeSeriesChart::~TimeSeriesChart() { delete m_parts; }

void TimeSeriesChart::setTitle(const QString& title) { m_parts->chart->setTitle(title); }

void TimeSeriesChart::setPoints(const std::vector<QDateTime>& at, const std::vector<qint64>& values,
                                const QString& labelFormat)
{
    QChart* chart = m_parts->chart;
    chart->removeAllSeries();
    for (QAbstractAxis* axis : chart->axes())
        chart->removeAxis(axis);
    // Each bucket drawn as a step (its count held from its start to the next bucket's), filled to
    // zero: a bar chart whose time axis Qt Charts spaces and labels by itself.
    auto* upper = new QLineSeries;
    auto* lower = new QLineSeries;
    qint64 top = 0;
    m_total = 0;
    const std::size_t count = std::min(at.size(), values.size());
    for (std::size_t i = 0; i < count; ++i) {
        const qreal start = at[i].toMSecsSinceEpoch();
        const qreal end = i + 1 < count
            ? at[i + 1].toMSecsSinceEpoch()
            : start + (count > 1 ? at[1].toMSecsSinceEpoch() - at[0].toMSecsSinceEpoch() : 60000);
        upper->append(start, values[i]);
        upper->append(end, values[i]);
        lower->append(start, 0);
        lower->append(end, 0);
        top = std::max(top, values[i]);
        m_total += values[i];
    }
    auto* area = new QAreaSeries(upper, lower);
    area->setColor(QColor(26, 115, 232, 170));
    area->setBorderColor(QColor("#1a73e8"));
    chart->addSeries(area);
    auto* axisX = new QDateTimeAxis;
    axisX->setFormat(labelFormat);
    axisX->setTickCount(7);
    if (count > 0) {
        axisX->setMin(at.front());
        axisX->setMax(QDateTime::fromMSecsSinceEpoch(static_cast<qint64>(upper->at(upper->count() - 1).x())));
    }
    axisX->setGridLineVisible(false);
    auto* axisY = new QValueAxis;
    // Nice numbers, so each tick falls on a whole value its "%d" label tells truly (0…4.6 in
    // five ticks would label 1.15 as "1" and a bar of 2 would look short).
    axisY->setRange(0, std::max<qint64>(top, 4) * 1.15);
    axisY->setTickCount(5);
    axisY->applyNiceNumbers();
    axisY->setLabelFormat("%d");
    chart->addAxis(axisX, Qt::AlignBottom);
    chart->addAxis(axisY, Qt::AlignLeft);
    area->attachAxis(axisX);
    area->attachAxis(axisY);
}

} // namespace sbor::widgets
