#pragma once
// Reading and writing the column values repositories share, for .cpp files that write SQL (this
// header brings libpqxx; no other header may).

#include "sbor/statuses.h"

#include <pqxx/pqxx>

#include <stdexcept>

#include <optional>
#include <string>
#include <vector>

namespace sbor::db {

// A nullable column as an optional.
template <typename T = std::string> std::optional<T> optionalValue(const pqxx::field& field)
{
    return field.is_null() ? std::nullopt : std::optional<T>(field.as<T>());
}

inline std::optional<std::string> optionalText(const pqxx::field& field) { return optionalValue<std::string>(field); }

// A status column (sbor/statuses.h); the table's CHECK constraint admits only the enum's words.
template <typename Status> Status statusValue(const pqxx::field& field)
{
    const auto known = statusFromName<Status>(field.as<std::string>());
    if (!known)
        throw std::runtime_error("a status this build does not know: " + field.as<std::string>());
    return *known;
}

// The strings of a text[] (or uuid[]) column; NULL elements are skipped.
std::vector<std::string> textArray(const pqxx::field& field);

// A PostgreSQL array literal of `items` ("{"a","b"}"), each quoted, for a $n::text[] or
// $n::uuid[] parameter.
std::string arrayLiteral(const std::vector<std::string>& items);

} // namespace sbor::db
