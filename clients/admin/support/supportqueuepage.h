#pragma once
// The support queue: requests by deadline (overdue first) with status and category filters, the
// chosen request's thread with internal notes marked, a reply or an internal note, status
// changes and escalation to admins. Live: a change anyone makes (support topic) reloads the
// list, and the open thread with it.

#include "app/consolepage.h"

#include "sbor/wire/support.h"

#include <vector>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;
class QTableWidget;
class QTextBrowser;

namespace sbor::desktop {
class AccountSession;
}
namespace sbor::widgets {
class MessageBar;
}

namespace sbor::admin {

class SupportQueuePage : public ConsolePage {
    Q_OBJECT
public:
    explicit SupportQueuePage(desktop::AccountSession& session, QWidget* parent = nullptr);
    void reload() override;
    void focusSearch() override;

    int requestCount() const { return static_cast<int>(m_requests.size()); }
    void openRequest(const QString& requestId);
    QString openRequestId() const { return m_open ? QString::fromStdString(m_open->id) : QString(); }

signals:
    void threadShown(const QString& requestId);

private:
    void showRequests(std::vector<wire::SupportRequest> requests);
    void showThread(const wire::SupportRequest& request);
    void send();
    void applyStatus();
    void escalate();

    desktop::AccountSession& m_session;
    widgets::MessageBar* m_message;
    QComboBox* m_statusFilter;
    QComboBox* m_categoryFilter;
    QLineEdit* m_search;
    QTableWidget* m_table;
    QLabel* m_header;
    QTextBrowser* m_thread;
    QPlainTextEdit* m_reply;
    QCheckBox* m_internal;
    QPushButton* m_send;
    QComboBox* m_status;
    QPushButton* m_applyStatus;
    QLineEdit* m_escalationReason;
    QPushButton* m_escalate;
    std::vector<wire::SupportRequest> m_requests;
    std::optional<wire::SupportRequest> m_open;
    int m_generation = 0;
};

} // namespace sbor::admin
