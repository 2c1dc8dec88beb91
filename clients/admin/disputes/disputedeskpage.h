#pragma once
// The dispute desk: disputes by deadline (the organizer's answer due first), the chosen one with
// the order, the buyer's reason and the organizer's evidence side by side, and the decision —
// won (the organizer keeps the money) or lost (a full or partial refund) — with a note.

#include "app/consolepage.h"

#include "sbor/wire/support.h"

#include <optional>
#include <vector>

class QComboBox;
class QDoubleSpinBox;
class QLabel;
class QPlainTextEdit;
class QPushButton;
class QRadioButton;
class QTableWidget;
class QTextBrowser;

namespace sbor::desktop {
class AccountSession;
}
namespace sbor::widgets {
class MessageBar;
}

namespace sbor::admin {

class DisputeDeskPage : public ConsolePage {
    Q_OBJECT
public:
    explicit DisputeDeskPage(desktop::AccountSession& session, QWidget* parent = nullptr);
    void reload() override;

    int disputeCount() const { return static_cast<int>(m_disputes.size()); }
    void openDispute(const QString& disputeId);

signals:
    void disputeShown(const QString& disputeId);
    void disputeDecided(const QString& disputeId);

private:
    void showDisputes(std::vector<wire::Dispute> disputes);
    void showDispute(const wire::Dispute& dispute);
    void decide();

    desktop::AccountSession& m_session;
    widgets::MessageBar* m_message;
    QComboBox* m_filter;
    QTableWidget* m_table;
    QLabel* m_header;
    QTextBrowser* m_claim;
    QTextBrowser* m_evidence;
    QRadioButton* m_won;
    QRadioButton* m_lost;
    QDoubleSpinBox* m_refund;
    QPlainTextEdit* m_note;
    QPushButton* m_decide;
    std::vector<wire::Dispute> m_disputes;
    std::optional<wire::Dispute> m_open;
};

} // namespace sbor::admin
