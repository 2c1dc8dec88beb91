#pragma once
// The platform's settings: the commission (with what it would have taken of last month's sales),
// the publication fee, the default language and the support targets; saved with the version it
// was read at (another admin's save in between is refused, not overwritten) and the step-up
// sign-in when the server asks for it.

#include "app/consolepage.h"

#include "sbor/wire/platform.h"
#include "sbor/wire/reports.h"

#include <optional>

class QComboBox;
class QDoubleSpinBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QSpinBox;

namespace sbor::desktop {
class AccountSession;
}
namespace sbor::widgets {
class MessageBar;
}

namespace sbor::admin {

class SettingsPage : public ConsolePage {
    Q_OBJECT
public:
    explicit SettingsPage(desktop::AccountSession& session, QWidget* parent = nullptr);
    void reload() override;

signals:
    void settingsShown();

private:
    void show(const wire::PlatformSettings& settings);
    void save();
    void updatePreview();
    void loadLastMonth();

    desktop::AccountSession& m_session;
    widgets::MessageBar* m_message;
    QDoubleSpinBox* m_commission;
    QLabel* m_preview;
    QSpinBox* m_fee;
    QLineEdit* m_feeCurrency;
    QComboBox* m_language;
    QSpinBox* m_firstResponse;
    QSpinBox* m_resolution;
    QLabel* m_stamp;
    QPushButton* m_save;
    std::optional<wire::PlatformSettings> m_settings;
    std::optional<wire::SalesReport> m_lastMonth;
    QString m_lastMonthName;
};

} // namespace sbor::admin
