#include "consoletext.h"

#include <QDateTime>
#include <QLocale>
#include <QStringList>

namespace sbor::admin {
namespace {

QDateTime parsed(const std::string& rfc3339)
{
    return QDateTime::fromString(QString::fromStdString(rfc3339), Qt::ISODateWithMs);
}

} // namespace

QString localTime(const std::string& rfc3339)
{
    const QDateTime at = parsed(rfc3339);
    return at.isValid() ? QLocale().toString(at.toLocalTime(), QLocale::ShortFormat) : QString();
}

QString localDate(const std::string& rfc3339)
{
    const QDateTime at = parsed(rfc3339);
    return at.isValid() ? QLocale().toString(at.toLocalTime().date(), QLocale::ShortFormat) : QString();
}

QString amount(std::int64_t minorUnits, const std::string& currency)
{
    const QString number = QLocale().toString(minorUnits / 100.0, 'f', 2);
    return currency.empty() ? number : number + " " + QString::fromStdString(currency);
}

QString shortId(const std::string& id) { return id.empty() ? QStringLiteral("—") : QString::fromStdString(id).left(8); }

QString auditDetailsText(const nlohmann::json& details)
{
    if (!details.is_object() || details.empty())
        return {};
    QStringList parts;
    for (const auto& [key, value] : details.items())
        parts << QString::fromStdString(key + ": " + (value.is_string() ? value.get<std::string>() : value.dump()));
    return parts.join("; ");
}

QString errorText(const client::ApiError& error) { return QString::fromStdString(error.error.message); }

QString refusalText(const client::ApiError& error)
{
    QString text = errorText(error);
    for (const auto& [field, problem] : error.fieldProblems())
        text = QString::fromStdString(field + " " + problem);
    return text;
}

} // namespace sbor::admin
