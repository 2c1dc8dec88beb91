#pragma once
// The health dock: the platform's health report (GET /admin/health) asked every few seconds — a
// light that is green, amber when a backlog, a lag, errors or failing webhooks grow, red when a
// process stops answering; what is wrong in words; and each process's numbers.

#include "sbor/wire/health.h"

#include <QDockWidget>

class QLabel;
class QListWidget;
class QTableWidget;
class QTimer;

namespace sbor::desktop {
class AccountSession;
}

namespace sbor::admin {

class HealthDock : public QDockWidget {
    Q_OBJECT
public:
    HealthDock(desktop::AccountSession& session, int intervalMs, QWidget* parent = nullptr);

    void refresh();
    // ok | amber | red, or "unknown" until the first answer (and while the server is away).
    QString status() const { return m_status; }

signals:
    void statusChanged(const QString& status);

private:
    void show(const wire::PlatformHealth& health);
    void showUnknown(const QString& why);
    void setStatus(const QString& status);

    desktop::AccountSession& m_session;
    QTimer* m_timer;
    QLabel* m_light;
    QLabel* m_summary;
    QListWidget* m_problems;
    QTableWidget* m_processes;
    QString m_status = "unknown";
    bool m_asking = false;
};

} // namespace sbor::admin
