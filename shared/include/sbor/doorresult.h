#pragma once
// A door verdict as a type (doorresults.def); its wire word is what the API and the scans table
// carry.

#include <optional>
#include <string>
#include <string_view>

namespace sbor {

enum class DoorResult {
#define SBOR_DOOR_RESULT(name, wire) name,
#include "sbor/doorresults.def"
#undef SBOR_DOOR_RESULT
};

// "already_redeemed"
std::string_view doorResultName(DoorResult result);
inline std::string doorResultText(DoorResult result) { return std::string(doorResultName(result)); }
// nullopt for a word this build does not know (a newer server's).
std::optional<DoorResult> doorResultFromName(std::string_view name);

} // namespace sbor
