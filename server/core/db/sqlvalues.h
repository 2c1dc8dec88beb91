#pragma once
// Reading and writing the column values repositories share, for .cpp files that write SQL (this
// header brings libpqxx; no other header may).

#include <pqxx/pqxx>

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

// The strings of a text[] (or uuid[]) column; NULL elements are skipped.
std::vector<std::string> textArray(const pqxx::field& field);

// A PostgreSQL array literal of `items` ("{"a","b"}"), each quoted, for a $n::text[] or
// $n::uuid[] parameter.
std::string arrayLiteral(const std::vector<std::string>& items);

} // namespace sbor::db
