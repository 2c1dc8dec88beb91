#pragma once
// What a valid email, name, phone, country and locale look like. Each returns nullopt when the
// value is acceptable, else the problem in words for a 422 that names the field.

#include <optional>
#include <string>

namespace sbor::auth {

inline constexpr std::size_t kMaxEmailLength = 254; // RFC 5321 path limit
inline constexpr std::size_t kMaxNameLength = 200;

std::optional<std::string> emailProblem(const std::string& email);
std::optional<std::string> nameProblem(const std::string& name);
std::optional<std::string> phoneProblem(const std::string& phone);     // "" is fine (clears)
std::optional<std::string> countryProblem(const std::string& country); // ISO 3166-1 alpha-2; "" clears
std::optional<std::string> localeProblem(const std::string& locale);   // BCP 47 like "ru" or "en-GB"; "" clears

} // namespace sbor::auth
