#pragma once
// The erasure's typed confirmation: what goes and what stays, and the person's email typed in
// full before the button wakes, as GitHub asks before a repository is deleted.

#include <QDialog>

class QLineEdit;
class QPushButton;

namespace sbor::admin {

class EraseDialog : public QDialog {
    Q_OBJECT
public:
    EraseDialog(const QString& name, const QString& email, QWidget* parent);
    QString typedEmail() const;

private:
    QString m_email;
    QLineEdit* m_typed;
    QPushButton* m_erase;
};

} // namespace sbor::admin
