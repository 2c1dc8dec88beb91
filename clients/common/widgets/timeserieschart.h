#pragma once
// The apps' one kind of chart (the organizer's dashboard, the admins' reports): counts per time bucket as filled steps, with the time along
// the bottom. Qt Charts stays behind this widget: the rest of the app hands it
// times and numbers.

#include <QDateTime>
#include <QWidget>

#include <vector>

namespace sbor::widgets {

class TimeSeriesChart : public QWidget {
    Q_OBJECT
public:
    explicit TimeSeriesChart(QWidget* parent = nullptr);
    ~TimeSeriesChart() override;

    void setTitle(const QString& title);
    // `labelFormat`: how a bucket's start is written under its bar ("HH:mm", "dd.MM HH:00").
    void setPoints(const std::vector<QDateTime>& at, const std::vector<qint64>& values, const QString& labelFormat);
    qint64 total() const { return m_total; }

private:
    struct Parts;
    Parts* m_parts;
    qint64 m_total = 0;
};

} // namespace sbor::widgets
