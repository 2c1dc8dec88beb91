#include "timeserieschart.h"

#include <QBarCategoryAxis>
#include <QBarSeries>
#include <QBarSet>
#include <QChart>
#include <QChartView>
#include <QValueAxis>
#include <QVBoxLayout>

#include <algorithm>

namespace sbor::organizer {

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
    auto* set = new QBarSet(QString());
    set->setColor(QColor("#1a73e8"));
    QStringList labels;
    qint64 top = 0;
    m_total = 0;
    // Every label would crowd the axis: a few spread over it, the rest left blank.
    const std::size_t step = std::max<std::size_t>(1, at.size() / 8);
    for (std::size_t i = 0; i < at.size() && i < values.size(); ++i) {
        *set << static_cast<qreal>(values[i]);
        top = std::max(top, values[i]);
        m_total += values[i];
        // Category labels must differ: blank ones get a growing number of spaces.
        labels << (i % step == 0 ? at[i].toLocalTime().toString(labelFormat)
                                 : QString(static_cast<int>(i % step), ' '));
    }
    auto* series = new QBarSeries;
    series->setBarWidth(0.9);
    series->append(set);
    chart->addSeries(series);
    auto* axisX = new QBarCategoryAxis;
    axisX->append(labels);
    axisX->setGridLineVisible(false);
    auto* axisY = new QValueAxis;
    axisY->setRange(0, std::max<qint64>(top, 4) * 1.15);
    axisY->setLabelFormat("%d");
    axisY->setTickCount(5);
    chart->addAxis(axisX, Qt::AlignBottom);
    chart->addAxis(axisY, Qt::AlignLeft);
    series->attachAxis(axisX);
    series->attachAxis(axisY);
}

} // namespace sbor::organizer
