#include "erasedialog.h"

#include <QDialogButtonBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace sbor::admin {

EraseDialog::EraseDialog(const QString& name, const QString& email, QWidget* parent) : QDialog(parent), m_email(email)
{
    setObjectName("eraseDialog");
    setWindowTitle(tr("Erase %1").arg(email));
    auto* explanation = new QLabel(
        tr("<p><b>This cannot be undone.</b></p>"
           "<p>%1's name, email, phone and password are replaced by placeholders, every session ends and the "
           "personal details in the audit log are removed. Orders, payments, refunds and the audit entries "
           "themselves stay, so the books still balance.</p>"
           "<p>Type <b>%2</b> to confirm.</p>")
            .arg(name.isEmpty() ? tr("The person") : name.toHtmlEscaped(), email.toHtmlEscaped()),
        this);
    explanation->setWordWrap(true);
    m_typed = new QLineEdit(this);
    m_typed->setObjectName("eraseConfirmEmail");
    m_typed->setPlaceholderText(email);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, this);
    m_erase = buttons->addButton(tr("&Erase this person"), QDialogButtonBox::DestructiveRole);
    m_erase->setObjectName("eraseConfirmButton");
    m_erase->setEnabled(false);
    connect(m_typed, &QLineEdit::textChanged, this, [this](const QString& typed) {
        // The server compares case-insensitively too; what matters is that the address was read.
        m_erase->setEnabled(typed.trimmed().compare(m_email, Qt::CaseInsensitive) == 0);
    });
    connect(m_erase, &QPushButton::clicked, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(explanation);
    layout->addWidget(m_typed);
    layout->addWidget(buttons);
    resize(480, sizeHint().height());
}

QString EraseDialog::typedEmail() const { return m_typed->text().trimmed(); }

} // namespace sbor::admin
