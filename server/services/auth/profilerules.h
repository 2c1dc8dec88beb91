#pragma once
// What a valid email, name, phone, country and locale look like. Each returns nullopt when the
// value is acceptable, else the problem in words for a 422 that names the field.

#include "validation/textrules.h"

#include <optional>
#include <string>

namespace sbor::auth {

// Email and name are checked the same way wherever people type them (validation/textrules.h).
using validation::emailProblem;
using validation::kMaxEmailLength;
using validation::kMaxNameLength;
using validation::nameProblem;

std::optional<std::string> phoneProblem(const std::string& phone);     // "" is fine (clears)
std::optional<std::string> countryProblem(const std::string& country); // ISO 3166-1 alpha-2; "" clears
std::optional<std::string> localeProblem(const std::string& locale);   // BCP 47 like "ru" or "en-GB"; "" clears

} // namespace sbor::auth
