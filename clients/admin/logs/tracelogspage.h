#pragma once
// Logs by trace id: paste the trace id from an error message (every error answer and every
// console message carries one) and see every service's lines of that request, in order.

#include "app/consolepage.h"

#include "sbor/wire/logs.h"

#include <vector>

class QLineEdit;
class QPushButton;
class QTableWidget;

namespace sbor::desktop {
class AccountSession;
}
namespace sbor::widgets {
class MessageBar;
}

namespace sbor::admin {

class TraceLogsPage : public ConsolePage {
    Q_OBJECT
public:
    explicit TraceLogsPage(desktop::AccountSession& session, QWidget* parent = nullptr);
    void reload() override;
    void focusSearch() override;
    void showTrace(const QString& traceId);

    int lineCount() const { return static_cast<int>(m_lines.size()); }

signals:
    void linesShown();

private:
    void search();

    desktop::AccountSession& m_session;
    widgets::MessageBar* m_message;
    QLineEdit* m_trace;
    QPushButton* m_find;
    QTableWidget* m_table;
    std::vector<wire::LogLine> m_lines;
};

} // namespace sbor::admin
