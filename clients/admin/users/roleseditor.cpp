#include "roleseditor.h"

#include "userwording.h"

#include <QCheckBox>
#include <QGridLayout>
#include <QLabel>
#include <QVBoxLayout>

#include <algorithm>

namespace sbor::admin {
namespace {

bool holds(const std::vector<std::string>& roles, const std::string& role)
{
    return std::find(roles.begin(), roles.end(), role) != roles.end();
}

} // namespace

RolesEditor::RolesEditor(QWidget* parent) : QWidget(parent)
{
    // Three to a row: the five fit a narrow panel in either language.
    auto* boxes = new QGridLayout;
    boxes->setContentsMargins(0, 0, 0, 0);
    for (const char* role : kRoles) {
        auto* box = new QCheckBox(roleName(role), this);
        box->setObjectName(QStringLiteral("role_%1").arg(role));
        connect(box, &QCheckBox::toggled, this, [this] {
            showChange();
            emit edited();
        });
        const int index = static_cast<int>(m_boxes.size());
        boxes->addWidget(box, index / 3, index % 3);
        m_boxes.push_back(box);
    }
    boxes->setColumnStretch(3, 1);
    m_change = new QLabel(this);
    m_change->setObjectName("rolesChange");
    m_change->setTextFormat(Qt::RichText);
    m_change->setWordWrap(true);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(boxes);
    layout->addWidget(m_change);
    showChange();
}

void RolesEditor::setStoredRoles(const std::vector<std::string>& roles)
{
    m_stored = roles;
    for (std::size_t i = 0; i < m_boxes.size(); ++i) {
        const QSignalBlocker quiet(m_boxes[i]);
        m_boxes[i]->setChecked(holds(roles, kRoles[i]));
    }
    showChange();
}

QStringList RolesEditor::chosenRoles() const
{
    QStringList chosen;
    for (std::size_t i = 0; i < m_boxes.size(); ++i)
        if (m_boxes[i]->isChecked())
            chosen << QString::fromLatin1(kRoles[i]);
    return chosen;
}

bool RolesEditor::isSavable() const
{
    if (chosenRoles().isEmpty())
        return false;
    for (std::size_t i = 0; i < m_boxes.size(); ++i)
        if (m_boxes[i]->isChecked() != holds(m_stored, kRoles[i]))
            return true;
    return false;
}

void RolesEditor::showChange()
{
    QStringList added, removed;
    for (std::size_t i = 0; i < m_boxes.size(); ++i) {
        const bool stored = holds(m_stored, kRoles[i]);
        if (m_boxes[i]->isChecked() && !stored)
            added << "+ " + roleName(kRoles[i]);
        else if (!m_boxes[i]->isChecked() && stored)
            removed << QStringLiteral("− ") + roleName(kRoles[i]);
    }
    if (chosenRoles().isEmpty()) {
        m_change->setText(tr("A person keeps at least one role."));
        return;
    }
    if (added.isEmpty() && removed.isEmpty()) {
        m_change->setText(tr("No change."));
        return;
    }
    QStringList parts;
    if (!added.isEmpty())
        parts << "<span style='color:#1b7f3b'><b>" + added.join("&nbsp; ") + "</b></span>";
    if (!removed.isEmpty())
        parts << "<span style='color:#b3261e'><b>" + removed.join("&nbsp; ") + "</b></span>";
    m_change->setText(tr("On saving: %1").arg(parts.join("&nbsp;&nbsp; ")));
}

} // namespace sbor::admin
