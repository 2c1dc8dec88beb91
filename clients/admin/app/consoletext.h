#pragma once
// How the console's pages write what the API answers: times and dates in the console's zone and
// locale, amounts in minor units, and what a refusal says.

#include "apierror.h"

#include <QString>

#include <nlohmann/json.hpp>

#include <cstdint>
#include <string>

namespace sbor::admin {

// An RFC 3339 time as a short local date and time; "" when it is not one.
QString localTime(const std::string& rfc3339);
// Only its local date.
QString localDate(const std::string& rfc3339);
// 12345 → "123.45" (with " RUB" when a currency is given), in the locale's digits.
QString amount(std::int64_t minorUnits, const std::string& currency = {});
// An id as its first 8 characters, what a person compares; "—" for none.
QString shortId(const std::string& id);
// An audit entry's details in one line: keys and values, what a person scans for.
QString auditDetailsText(const nlohmann::json& details);
// The server's message.
QString errorText(const client::ApiError& error);
// The last field a 422 names with its problem ("subject uses {{x}}…"), else the message.
QString refusalText(const client::ApiError& error);

} // namespace sbor::admin
