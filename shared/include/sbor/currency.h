#pragma once
// The ISO 4217 currencies the platform sells and charges fees in: ticket prices and the
// publication fee are checked against the same list.

#include <string_view>

namespace sbor {

bool isKnownCurrency(std::string_view code);

} // namespace sbor
