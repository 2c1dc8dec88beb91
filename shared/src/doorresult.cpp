#include "sbor/doorresult.h"

#include <array>

namespace sbor {
namespace {

constexpr std::array<std::string_view, 0
#define SBOR_DOOR_RESULT(name, wire) +1
#include "sbor/doorresults.def"
#undef SBOR_DOOR_RESULT
                     >
    kNames = {
#define SBOR_DOOR_RESULT(name, wire) wire,
#include "sbor/doorresults.def"
#undef SBOR_DOOR_RESULT
};

} // namespace

std::string_view doorResultName(DoorResult result) { return kNames.at(static_cast<std::size_t>(result)); }

std::optional<DoorResult> doorResultFromName(std::string_view name)
{
    for (std::size_t i = 0; i < kNames.size(); ++i) {
        if (kNames[i] == name)
            return static_cast<DoorResult>(i);
    }
    return std::nullopt;
}

} // namespace sbor
