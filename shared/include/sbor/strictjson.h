#pragma once
// JSON text from strangers (request bodies, live feed frames, tokens), read strictly: RFC 8259
// and UTF-8 as nlohmann checks them, plus what it lets through — numbers too large for a double
// (1e999 would otherwise be an out_of_range exception), an object naming the same key twice
// (parsers disagree on which one wins, so a request could mean one thing to a proxy and another
// to us) and nesting deep enough to exhaust a recursive consumer's stack.

#include "sbor/error.h"

#include <nlohmann/json.hpp>

#include <cstddef>
#include <string_view>

namespace sbor {

inline constexpr int kMaxJsonNesting = 64;

// The document, or a 400 malformed_json whose message is a predicate ("is not valid JSON",
// "names the key \"a\" twice in one object") for the caller to put its subject before, and whose
// details carry "offset" (the byte where reading stopped, when known) and "reason".
Result<nlohmann::json> parseStrictJson(std::string_view text);

} // namespace sbor
