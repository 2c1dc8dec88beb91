#pragma once
// Platform reports of any range by day, week or month, each as a chart and a table with the
// range's totals, and exported as CSV: sales (the gross charted; gross, commission, refunds,
// publication fees, net, tickets and orders per period and currency), registrations, check-ins
// (admissions charted, exits beside them) and support (requests opened charted; resolved,
// answered and the median first response).

#include "app/consolepage.h"

#include "sbor/wire/reports.h"

#include "apierror.h"

#include <optional>

class QComboBox;
class QDateEdit;
class QLabel;
class QPushButton;
class QTableWidget;

namespace sbor::desktop {
class AccountSession;
}
namespace sbor::widgets {
class MessageBar;
class TimeSeriesChart;
} // namespace sbor::widgets

namespace sbor::admin {

class ReportsPage : public ConsolePage {
    Q_OBJECT
public:
    explicit ReportsPage(desktop::AccountSession& session, QWidget* parent = nullptr);
    void reload() override;

    // Writes the chosen report of the shown range as CSV to `path` (the export button asks where).
    void exportCsvTo(const QString& path);
    int rowCount() const;

signals:
    void reportShown();
    void exported(const QString& path);

private:
    void show(const wire::SalesReport& report);
    void show(const wire::CountsReport& report);
    template <typename Report> void fetched(int generation, client::ApiResult<Report> report);
    QString fromText() const;
    QString toText() const;

    desktop::AccountSession& m_session;
    widgets::MessageBar* m_message;
    QComboBox* m_interval;
    QDateEdit* m_from;
    QDateEdit* m_to;
    QComboBox* m_kind;
    QPushButton* m_export;
    widgets::TimeSeriesChart* m_chart;
    QTableWidget* m_table;
    QLabel* m_totals;
    int m_generation = 0;
};

} // namespace sbor::admin
