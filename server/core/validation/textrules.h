#pragma once
// How text that people type is checked, wherever they type it: UTF-8, email addresses, names.
// Each check returns nullopt when the value is acceptable, else the problem in words for a 422
// that names the field.

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace sbor::validation {

inline constexpr std::size_t kMaxEmailLength = 254; // RFC 5321 path limit
inline constexpr std::size_t kMaxNameLength = 200;

// Code points of valid UTF-8; nullopt when `text` is not valid UTF-8.
// Strict RFC 3629: overlong forms, surrogates and code points above U+10FFFF are refused.
std::optional<std::size_t> utf8Length(std::string_view text);
// The rule every text field of a request obeys, whatever else its field demands: valid UTF-8,
// no NUL (C libraries and PostgreSQL's protocol would cut the text there) and no control
// characters other than tab and line breaks.
std::optional<std::string> textProblem(std::string_view text);
std::optional<std::string> emailProblem(const std::string& email);
// 1–200 code points, not blank, no control characters.
std::optional<std::string> nameProblem(const std::string& name);

} // namespace sbor::validation
