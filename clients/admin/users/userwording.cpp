#include "userwording.h"

#include <QCoreApplication>
#include <QStringList>

namespace sbor::admin {
namespace {

// The users page's words: the list, its filters and the person's panel say them alike.
QString translated(const char* text) { return QCoreApplication::translate("sbor::admin::UsersPage", text); }

} // namespace

QString roleName(const std::string& role)
{
    if (role == "admin")
        return translated(QT_TRANSLATE_NOOP("sbor::admin::UsersPage", "admin"));
    if (role == "support")
        return translated(QT_TRANSLATE_NOOP("sbor::admin::UsersPage", "support"));
    if (role == "organizer")
        return translated(QT_TRANSLATE_NOOP("sbor::admin::UsersPage", "organizer"));
    if (role == "staff")
        return translated(QT_TRANSLATE_NOOP("sbor::admin::UsersPage", "staff"));
    return translated(QT_TRANSLATE_NOOP("sbor::admin::UsersPage", "attendee"));
}

QString rolesText(const std::vector<std::string>& roles)
{
    QStringList names;
    for (const auto& role : roles)
        names << roleName(role);
    return names.join(", ");
}

QString statusName(const std::string& status)
{
    if (status == "blocked")
        return translated(QT_TRANSLATE_NOOP("sbor::admin::UsersPage", "blocked"));
    if (status == "deleted")
        return translated(QT_TRANSLATE_NOOP("sbor::admin::UsersPage", "erased"));
    return translated(QT_TRANSLATE_NOOP("sbor::admin::UsersPage", "active"));
}

} // namespace sbor::admin
