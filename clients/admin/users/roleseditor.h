#pragma once
// A person's roles as check boxes, with the change against the stored roles spelled out
// ("+ organizer  − staff") before it is saved, so an admin sees what a click will do.

#include <QStringList>
#include <QWidget>

#include <string>
#include <vector>

class QCheckBox;
class QLabel;

namespace sbor::admin {

class RolesEditor : public QWidget {
    Q_OBJECT
public:
    explicit RolesEditor(QWidget* parent = nullptr);

    // The stored roles: the boxes show them and the change starts empty.
    void setStoredRoles(const std::vector<std::string>& roles);
    QStringList chosenRoles() const;
    // Something differs from the stored roles and at least one role stays.
    bool isSavable() const;

signals:
    void edited();

private:
    void showChange();

    std::vector<std::string> m_stored;
    std::vector<QCheckBox*> m_boxes; // in kRoles order
    QLabel* m_change;
};

} // namespace sbor::admin
