#include "settingspage.h"

#include "app/stepup.h"

#include "app/consoletext.h"

#include "accountsession.h"
#include "messagebar.h"

#include <QComboBox>
#include <QDate>
#include <QDateTime>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPushButton>
#include <QSpinBox>
#include <QVBoxLayout>

#include <cmath>

namespace sbor::admin {

SettingsPage::SettingsPage(desktop::AccountSession& session, QWidget* parent) : ConsolePage(parent), m_session(session)
{
    setObjectName("settingsPage");
    m_message = new widgets::MessageBar(this);
    m_message->setObjectName("settingsMessage");
    m_commission = new QDoubleSpinBox(this);
    m_commission->setObjectName("commissionField");
    m_commission->setRange(0, 100);
    m_commission->setDecimals(2);
    m_commission->setSuffix(" %");
    m_preview = new QLabel(this);
    m_preview->setObjectName("commissionPreview");
    m_preview->setWordWrap(true);
    m_fee = new QSpinBox(this);
    m_fee->setObjectName("publicationFeeField");
    m_fee->setRange(0, 10000000);
    m_feeCurrency = new QLineEdit(this);
    m_feeCurrency->setObjectName("publicationFeeCurrencyField");
    m_feeCurrency->setMaxLength(3);
    m_feeCurrency->setMaximumWidth(70);
    m_language = new QComboBox(this);
    m_language->setObjectName("defaultLanguageField");
    m_language->addItem("Русский", "ru");
    m_language->addItem("English", "en");
    m_firstResponse = new QSpinBox(this);
    m_firstResponse->setObjectName("firstResponseField");
    m_firstResponse->setRange(1, 525600);
    m_firstResponse->setSuffix(tr(" min"));
    m_resolution = new QSpinBox(this);
    m_resolution->setObjectName("resolutionField");
    m_resolution->setRange(1, 525600);
    m_resolution->setSuffix(tr(" min"));
    m_stamp = new QLabel(this);
    m_stamp->setObjectName("settingsStamp");
    m_save = new QPushButton(tr("&Save settings"), this);
    m_save->setObjectName("saveSettings");

    auto* money = new QGroupBox(tr("Money"), this);
    auto* moneyForm = new QFormLayout(money);
    moneyForm->addRow(tr("Platform &commission:"), m_commission);
    moneyForm->addRow(QString(), m_preview);
    auto* fee = new QHBoxLayout;
    fee->addWidget(m_fee);
    fee->addWidget(m_feeCurrency);
    fee->addStretch();
    auto* feeLabel = new QLabel(tr("&Publication fee (minor units):"), money);
    feeLabel->setBuddy(m_fee);
    moneyForm->addRow(feeLabel, fee);
    auto* people = new QGroupBox(tr("People and support"), this);
    auto* peopleForm = new QFormLayout(people);
    peopleForm->addRow(tr("Default &language:"), m_language);
    peopleForm->addRow(tr("&First answer within:"), m_firstResponse);
    peopleForm->addRow(tr("&Resolved within:"), m_resolution);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_message);
    layout->addWidget(money);
    layout->addWidget(people);
    layout->addWidget(m_stamp);
    layout->addWidget(m_save, 0, Qt::AlignRight);
    layout->addStretch();

    connect(m_commission, &QDoubleSpinBox::valueChanged, this, &SettingsPage::updatePreview);
    connect(m_save, &QPushButton::clicked, this, &SettingsPage::save);
}

void SettingsPage::loadLastMonth()
{
    const QDate thisMonth = QDate::currentDate().addDays(1 - QDate::currentDate().day());
    const QDate lastMonth = thisMonth.addMonths(-1);
    const auto stamp = [](QDate day) { return QDateTime(day, QTime(0, 0), Qt::UTC).toString(Qt::ISODate); };
    m_session.api()
        .salesReport("month", stamp(lastMonth), stamp(thisMonth))
        .then(this, [this, lastMonth](client::ApiResult<wire::SalesReport> report) {
            if (!report) // the preview falls back to an example payment
                return;
            m_lastMonth = *report;
            m_lastMonthName = QLocale().standaloneMonthName(lastMonth.month()) + " " +
                QString::number(lastMonth.year());
            updatePreview();
        });
}

void SettingsPage::reload()
{
    loadLastMonth();
    m_session.api().platformSettings().then(this, [this](client::ApiResult<wire::PlatformSettings> settings) {
        if (!settings) {
            m_message->showMessage(widgets::MessageBar::Kind::Error, errorText(settings.error()));
            return;
        }
        show(*settings);
    });
}

void SettingsPage::show(const wire::PlatformSettings& settings)
{
    m_settings = settings;
    m_commission->setValue(settings.commissionBasisPoints / 100.0);
    m_fee->setValue(static_cast<int>(settings.publicationFee));
    m_feeCurrency->setText(QString::fromStdString(settings.publicationFeeCurrency));
    m_language->setCurrentIndex(m_language->findData(QString::fromStdString(settings.defaultLanguage)));
    m_firstResponse->setValue(static_cast<int>(settings.supportFirstResponseMinutes));
    m_resolution->setValue(static_cast<int>(settings.supportResolutionMinutes));
    const QDateTime at = QDateTime::fromString(QString::fromStdString(settings.updatedAt), Qt::ISODateWithMs);
    m_stamp->setText(settings.updatedBy
                         ? tr("Version %1, changed %2.")
                               .arg(settings.version)
                               .arg(QLocale().toString(at.toLocalTime(), QLocale::ShortFormat))
                         : tr("Version %1: as configured, no admin changed them yet.").arg(settings.version));
    updatePreview();
    emit settingsShown();
}

void SettingsPage::updatePreview()
{
    if (!m_settings)
        return;
    const std::int64_t now = m_settings->commissionBasisPoints;
    const std::int64_t wanted = std::llround(m_commission->value() * 100);
    // What last month's sales would have brought at the new rate: the effect in the platform's
    // own numbers, per currency, not on an invented payment.
    QStringList lines;
    if (m_lastMonth)
        for (const auto& sales : m_lastMonth->money) {
            if (sales.gross == 0)
                continue;
            const std::int64_t atNow = sales.gross * now / 10000;
            const std::int64_t atWanted = sales.gross * wanted / 10000;
            lines << (wanted == now
                          ? tr("%1: sales of %2, the commission at this rate %3.")
                                .arg(m_lastMonthName, amount(sales.gross, sales.currency),
                                     amount(atNow, sales.currency))
                          : tr("%1: sales of %2 would have brought %3 instead of %4 (%5).")
                                .arg(m_lastMonthName, amount(sales.gross, sales.currency),
                                     amount(atWanted, sales.currency), amount(atNow, sales.currency),
                                     (atWanted > atNow ? "+" : "") + amount(atWanted - atNow, sales.currency)));
        }
    if (!lines.isEmpty()) {
        m_preview->setText(lines.join("\n"));
        return;
    }
    if (wanted == now) {
        m_preview->setText(tr("Charged on every payment from the moment it is saved."));
        return;
    }
    const double payment = 1000.0;
    m_preview->setText(tr("No sales last month; of a 1 000.00 payment the platform would keep %1 instead of %2.")
                           .arg(QLocale().toString(payment * wanted / 10000, 'f', 2),
                                QLocale().toString(payment * now / 10000, 'f', 2)));
}

void SettingsPage::save()
{
    if (!m_settings)
        return;
    wire::PlatformSettingsChanges changes;
    changes.version = m_settings->version;
    changes.commissionBasisPoints = static_cast<std::int64_t>(std::llround(m_commission->value() * 100));
    changes.publicationFee = m_fee->value();
    changes.publicationFeeCurrency = m_feeCurrency->text().trimmed().toUpper().toStdString();
    changes.defaultLanguage = m_language->currentData().toString().toStdString();
    changes.supportFirstResponseMinutes = m_firstResponse->value();
    changes.supportResolutionMinutes = m_resolution->value();
    m_save->setEnabled(false);
    runWithStepUp<wire::PlatformSettings>(
        m_session, this, [this, changes] { return m_session.api().changePlatformSettings(changes); },
        [this](const client::ApiResult<wire::PlatformSettings>& saved) {
            m_save->setEnabled(true);
            if (!saved) {
                QString text = errorText(saved.error());
                if (saved.error().is(ErrorCode::Conflict))
                    text = tr("Another admin saved the settings meanwhile; they are shown again. Make your change "
                              "once more.");
                else if (saved.error().is(ErrorCode::ReauthenticationRequired))
                    text = tr("Not saved: the password was not confirmed.");
                m_message->showMessage(widgets::MessageBar::Kind::Error, text);
                if (saved.error().is(ErrorCode::Conflict))
                    reload();
                return;
            }
            m_message->showMessage(widgets::MessageBar::Kind::Positive,
                                   tr("Saved: payments charge the new commission from the next one."));
            show(*saved);
        });
}

} // namespace sbor::admin
